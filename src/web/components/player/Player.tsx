import {
  type KeyboardEvent,
  type Ref,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayableVideo } from '../../api/videos';
import { PlayerControls } from './PlayerControls';
import { useThumbnails } from './thumbnails';
import { useHls } from './useHls';
import { useMediaState } from './useMediaState';
import './player.css';

type WebkitVideo = HTMLVideoElement & { webkitEnterFullscreen?: () => void };

const isInMenu = (el: Element) => !!el.closest('[role="menu"]');

/** What the page around the player may do with it: jump to a time (anchored comments), read the time, watch it play. */
export type PlayerHandle = {
  seek(seconds: number): void;
  currentTime(): number;
  /** The <video> element, for listening to playback (statistics). */
  element(): HTMLVideoElement | null;
};

/**
 * The video player: HLS (hls.js, or natively on Safari/iOS), poster, captions as <track> elements and its own
 * accessible controls. With focus anywhere in the player: space/K play–pause, ←/→ 5 s, F full screen,
 * C captions, M sound.
 */
export function Player({
  video,
  onMediaExpired,
  handle,
}: {
  video: PlayableVideo;
  handle?: Ref<PlayerHandle>;
  /** The signed media addresses stopped working: fetch the video again for fresh ones. */
  onMediaExpired?: () => void;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLElement>(null);
  const ref = useRef<HTMLVideoElement>(null);
  const hintId = useId();
  const hls = useHls(ref, video.playlistUrl, onMediaExpired);
  const { state, toggle, seek, setVolume, toggleMute, showCaptions } = useMediaState(
    ref,
    video.durationSeconds,
  );
  useImperativeHandle(
    handle,
    () => ({
      seek: (seconds: number) => {
        seek(seconds);
        root.current?.scrollIntoView?.({ block: 'nearest' });
      },
      currentTime: () => ref.current?.currentTime ?? 0,
      element: () => ref.current,
    }),
    [seek],
  );
  const thumbnails = useThumbnails(video.thumbnailsUrl);
  const captions = video.captions ?? [];
  const [fullscreen, setFullscreen] = useState(false);
  const lastCaptions = useRef<string | null>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);

  useEffect(() => setContainer(root.current), []);
  useEffect(() => {
    const onChange = () => setFullscreen(!!root.current && document.fullscreenElement === root.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullscreen = useCallback(() => {
    const el = root.current;
    const v = ref.current as WebkitVideo | null;
    if (!el || !v) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else if (el.requestFullscreen) void el.requestFullscreen().catch(() => v.webkitEnterFullscreen?.());
    else v.webkitEnterFullscreen?.(); // iPhone: only the video element itself can go full screen
  }, []);

  const toggleCaptions = useCallback(() => {
    if (!captions.length) return;
    if (state.captions !== null) {
      lastCaptions.current = state.captions;
      showCaptions(null);
    } else {
      const wanted =
        captions.find((c) => c.language === lastCaptions.current) ??
        captions.find((c) => c.language.startsWith(document.documentElement.lang)) ??
        captions[0];
      showCaptions(wanted.language);
    }
  }, [captions, state.captions, showCaptions]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (isInMenu(target)) return;
    const onButton = target.tagName === 'BUTTON';
    const onRange = target instanceof HTMLInputElement && target.type === 'range';
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const actions: Record<string, (() => void) | undefined> = {
      ' ': onButton ? undefined : toggle,
      k: toggle,
      ArrowLeft: onRange ? undefined : () => seek(state.currentTime - 5),
      ArrowRight: onRange ? undefined : () => seek(state.currentTime + 5),
      f: toggleFullscreen,
      c: captions.length ? toggleCaptions : undefined,
      m: toggleMute,
    };
    const action = actions[key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  return (
    <section
      ref={root}
      className={`player${fullscreen ? ' is-fullscreen' : ''}`}
      aria-label={t('player.label', { title: video.title })}
      aria-describedby={hintId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <p id={hintId} className="sr-only">
        {t('player.shortcuts')}
      </p>
      <div className="player-stage">
        {/* biome-ignore lint/a11y/useMediaCaption: captions are added as tracks when the video has them */}
        <video
          ref={ref}
          className="player-video"
          poster={video.posterUrl ?? undefined}
          playsInline
          preload="metadata"
          onClick={toggle}
        >
          {captions.map((c) => (
            <track
              key={c.language}
              kind="captions"
              src={c.url ?? undefined}
              srcLang={c.language}
              label={c.label}
            />
          ))}
          {video.chaptersUrl && <track kind="chapters" src={video.chaptersUrl} srcLang="da" />}
        </video>
        {state.waiting && <span className="player-buffering spinner" aria-hidden="true" />}
        {hls.failed && (
          <p className="player-error" role="alert">
            {t('player.failed')}
          </p>
        )}
      </div>
      <PlayerControls
        media={state}
        captions={captions}
        levels={hls.levels}
        selectedLevel={hls.selected}
        playingLevel={hls.playing}
        thumbnails={thumbnails}
        fullscreen={fullscreen}
        container={container}
        onToggle={toggle}
        onSeek={seek}
        onVolume={setVolume}
        onMute={toggleMute}
        onCaptions={showCaptions}
        onToggleCaptions={toggleCaptions}
        onLevel={hls.choose}
        onFullscreen={toggleFullscreen}
      />
    </section>
  );
}
