import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Caption } from '../../api/videos';
import { formatTime } from './format';
import { Icon } from './icons';
import { PlayerMenu } from './PlayerMenu';
import { SeekBar } from './SeekBar';
import type { Thumbnail } from './thumbnails';
import type { QualityLevel } from './useHls';
import type { MediaState } from './useMediaState';

type Props = {
  media: MediaState;
  captions: Caption[];
  levels: QualityLevel[];
  selectedLevel: number;
  playingLevel: number;
  thumbnails: Thumbnail[];
  fullscreen: boolean;
  container: HTMLElement | null;
  onToggle: () => void;
  onSeek: (time: number) => void;
  onVolume: (volume: number) => void;
  onMute: () => void;
  onCaptions: (language: string | null) => void;
  onToggleCaptions: () => void;
  onLevel: (index: number) => void;
  onFullscreen: () => void;
};

function ControlButton({
  label,
  icon,
  onPress,
  pressed,
}: {
  label: string;
  icon: Parameters<typeof Icon>[0]['name'];
  onPress: () => void;
  pressed?: boolean;
}) {
  return (
    <button
      type="button"
      className={`player-btn${pressed ? ' is-on' : ''}`}
      onClick={onPress}
      aria-pressed={pressed}
      title={label}
    >
      <Icon name={icon} />
      <span className="sr-only">{label}</span>
    </button>
  );
}

/** The bar under the picture: seek slider, then play, time, sound, captions, quality and full screen. */
export function PlayerControls(p: Props) {
  const { t } = useTranslation();
  const { media } = p;
  const heightOf = (i: number) => p.levels.find((l) => l.index === i)?.height;
  const auto = heightOf(p.playingLevel);
  const qualityChoices = [
    { id: '-1', label: auto ? t('player.autoWith', { quality: `${auto}p` }) : t('player.auto') },
    ...p.levels.map((l) => ({ id: String(l.index), label: `${l.height}p` })),
  ];
  const qualityNow = p.selectedLevel === -1 ? t('player.auto') : `${heightOf(p.selectedLevel)}p`;

  return (
    <div className="player-controls">
      <SeekBar
        currentTime={media.currentTime}
        duration={media.duration}
        thumbnails={p.thumbnails}
        onSeek={p.onSeek}
      />
      <div className="player-bar">
        <ControlButton
          label={media.paused || media.ended ? t('player.play') : t('player.pause')}
          icon={media.ended ? 'replay' : media.paused ? 'play' : 'pause'}
          onPress={p.onToggle}
        />
        <span className="player-time">
          {formatTime(media.currentTime)} / {formatTime(media.duration)}
        </span>
        <span className="player-spacer" />
        <ControlButton
          label={t('player.mute')}
          icon={media.muted ? 'muted' : 'volume'}
          pressed={media.muted}
          onPress={p.onMute}
        />
        <input
          type="range"
          className="player-volume"
          min={0}
          max={1}
          step={0.05}
          value={media.muted ? 0 : media.volume}
          aria-label={t('player.volume')}
          aria-valuetext={`${Math.round((media.muted ? 0 : media.volume) * 100)} %`}
          style={{ '--played': `${(media.muted ? 0 : media.volume) * 100}%` } as CSSProperties}
          onChange={(e) => p.onVolume(Number(e.target.value))}
        />
        {p.captions.length === 1 && (
          <ControlButton
            label={t('player.captions')}
            icon="captions"
            pressed={media.captions !== null}
            onPress={p.onToggleCaptions}
          />
        )}
        {p.captions.length > 1 && (
          <PlayerMenu
            icon="captions"
            label={t('player.captionsMenu', {
              current: p.captions.find((c) => c.language === media.captions)?.label ?? t('player.off'),
            })}
            pressed={media.captions !== null}
            choices={[
              { id: '', label: t('player.off') },
              ...p.captions.map((c) => ({ id: c.language, label: c.label })),
            ]}
            selected={media.captions ?? ''}
            onChoose={(id) => p.onCaptions(id || null)}
            container={p.container}
          />
        )}
        {p.levels.length > 1 && (
          <PlayerMenu
            icon="settings"
            label={t('player.quality', { current: qualityNow })}
            choices={qualityChoices}
            selected={String(p.selectedLevel)}
            onChoose={(id) => p.onLevel(Number(id))}
            container={p.container}
          />
        )}
        <ControlButton
          label={p.fullscreen ? t('player.exitFullscreen') : t('player.fullscreen')}
          icon={p.fullscreen ? 'exitFullscreen' : 'fullscreen'}
          onPress={p.onFullscreen}
        />
      </div>
    </div>
  );
}
