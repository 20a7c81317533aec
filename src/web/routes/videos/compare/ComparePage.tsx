import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useVideo, videoKeys } from '../../../api/videos';
import { Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { Player, type PlayerHandle } from '../../../components/player/Player';
import { usePageTitle } from '../../../components/usePageTitle';
import { clock } from '../clips/time';
import { CompareMarks } from './CompareMarks';
import './compare.css';

type Side = 'a' | 'b';

/** One side: its player, its offset and its feedback marks. */
function CompareSide({
  id,
  side,
  player,
  offset,
  onOffset,
}: {
  id: string;
  side: Side;
  player: RefObject<PlayerHandle | null>;
  offset: number;
  onOffset: (seconds: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const video = useVideo(id);
  const headingId = useId();
  const offsetId = useId();
  if (video.isPending) return <Loading />;
  if (video.isError)
    return (
      <section className="compare-side" aria-label={t(`compare.side.${side}`)}>
        <RequestError error={video.error} />
      </section>
    );
  const v = video.data;
  return (
    <section className="compare-side" aria-labelledby={headingId}>
      <h2 id={headingId} className="break">
        <span className="compare-side-label">{t(`compare.side.${side}`)}</span>{' '}
        <Link to={`/videoer/${v.id}`}>{v.title}</Link>
      </h2>
      {v.status === 'ready' ? (
        <Player
          handle={player}
          video={v}
          onMediaExpired={() => void qc.invalidateQueries({ queryKey: videoKeys.one(v.id), exact: true })}
        />
      ) : (
        <p className="alert alert-info">{t('compare.notReady')}</p>
      )}
      <div className="compare-offset">
        <label htmlFor={offsetId}>{t('compare.offset')}</label>
        <input
          id={offsetId}
          type="number"
          step="0.5"
          min="0"
          max={v.durationSeconds ?? undefined}
          value={offset}
          aria-describedby={`${offsetId}-hint`}
          onChange={(e) => onOffset(Math.max(0, Number(e.target.value) || 0))}
        />
        <Button variant="secondary" onClick={() => onOffset(Math.max(0, offset - 1))}>
          <span aria-hidden="true">−1 s</span>
          <span className="sr-only">{t('compare.earlier', { side: t(`compare.side.${side}`) })}</span>
        </Button>
        <Button variant="secondary" onClick={() => onOffset(offset + 1)}>
          <span aria-hidden="true">+1 s</span>
          <span className="sr-only">{t('compare.later', { side: t(`compare.side.${side}`) })}</span>
        </Button>
        <Button
          variant="secondary"
          onClick={() => onOffset(Math.round((player.current?.currentTime() ?? 0) * 10) / 10)}
        >
          {t('compare.offsetHere')}
        </Button>
        <p id={`${offsetId}-hint`} className="hint">
          {t('compare.offsetHint', { time: clock(offset) })}
        </p>
      </div>
      {v.status === 'ready' && <CompareMarks video={v} player={player} />}
    </section>
  );
}

/**
 * /videoer/sammenlign?a=<id>&b=<id> (issue 19, B4): two recordings next to each other (stacked on a phone), one
 * play button for both and an offset per side — the time in each recording where the shared timeline starts.
 */
export function ComparePage() {
  const { t } = useTranslation();
  usePageTitle(t('compare.title'));
  const [params] = useSearchParams();
  const a = params.get('a');
  const b = params.get('b');
  const players = { a: useRef<PlayerHandle>(null), b: useRef<PlayerHandle>(null) };
  const [offsets, setOffsets] = useState<Record<Side, number>>({ a: 0, b: 0 });
  const [playing, setPlaying] = useState(false);

  const el = (s: Side) => players[s].current?.element() ?? null;
  // Both stop when either ends or is paused from its own controls.
  useEffect(() => {
    const stop = () => setPlaying(!!el('a') && !el('a')?.paused && !!el('b') && !el('b')?.paused);
    const els = [el('a'), el('b')].filter((x): x is HTMLVideoElement => !!x);
    for (const x of els) for (const ev of ['pause', 'play', 'ended']) x.addEventListener(ev, stop);
    return () => {
      for (const x of els) for (const ev of ['pause', 'play', 'ended']) x.removeEventListener(ev, stop);
    };
  });

  /** The shared time: how far side A is past its offset. */
  const shared = () => Math.max(0, (players.a.current?.currentTime() ?? 0) - offsets.a);

  function toggle() {
    const both = [el('a'), el('b')];
    if (playing) {
      for (const x of both) x?.pause();
      setPlaying(false);
      return;
    }
    const now = shared();
    for (const s of ['a', 'b'] as const) players[s].current?.seek(offsets[s] + now);
    for (const x of both) void x?.play().catch(() => {});
    setPlaying(true);
  }

  function setOffset(s: Side, seconds: number) {
    const now = shared();
    setOffsets((o) => ({ ...o, [s]: seconds }));
    players[s].current?.seek(seconds + (s === 'a' ? 0 : now));
  }

  function restart() {
    for (const s of ['a', 'b'] as const) players[s].current?.seek(offsets[s]);
  }

  return (
    <div className="page compare-page">
      <Breadcrumbs items={[{ to: '/videoer', label: t('videos.title') }, { label: t('compare.title') }]} />
      <h1>{t('compare.title')}</h1>
      {!a || !b ? (
        <p className="alert alert-info">{t('compare.choose')}</p>
      ) : (
        <>
          <p className="hint">{t('compare.intro')}</p>
          <div className="compare-controls">
            <Button onClick={toggle} aria-pressed={playing}>
              {playing ? t('compare.pauseBoth') : t('compare.playBoth')}
            </Button>
            <Button variant="secondary" onClick={restart}>
              {t('compare.restart')}
            </Button>
          </div>
          <div className="compare-grid">
            <CompareSide
              id={a}
              side="a"
              player={players.a}
              offset={offsets.a}
              onOffset={(x) => setOffset('a', x)}
            />
            <CompareSide
              id={b}
              side="b"
              player={players.b}
              offset={offsets.b}
              onOffset={(x) => setOffset('b', x)}
            />
          </div>
        </>
      )}
    </div>
  );
}
