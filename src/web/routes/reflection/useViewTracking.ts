import { type RefObject, useEffect } from 'react';
import { reportView, reportViewOnLeave, startView } from '../../api/reflection';
import type { PlayerHandle } from '../../components/player/Player';

const REPORT_EVERY_MS = 15_000;

/**
 * Counts a view for the statistics: starts one on the first play, adds up the seconds actually played (seeking
 * does not count), and reports them every 15 s, on pause and end, and when the page goes away (a keepalive
 * request that outlives the page). Failures are ignored: statistics must never get in the person's way.
 */
export function useViewTracking(videoId: string, player: RefObject<PlayerHandle | null>) {
  useEffect(() => {
    const el = player.current?.element();
    if (!el) return;
    let viewId: string | null = null;
    let starting = false;
    let watched = 0;
    let reported = 0;
    let last: number | null = null;

    const report = () => {
      if (!viewId || watched - reported < 0.5) return;
      reported = watched;
      reportView(videoId, viewId, Math.round(watched * 10) / 10).catch(() => undefined);
    };
    const onPlay = () => {
      last = el.currentTime;
      if (viewId || starting) return;
      starting = true;
      startView(videoId)
        .then((r) => {
          viewId = r.viewId;
        })
        .catch(() => {
          starting = false;
        });
    };
    const onTime = () => {
      const now = el.currentTime;
      // Only steady playback counts: a jump (seek) or a paused element adds nothing.
      if (last !== null && !el.paused && !el.seeking) {
        const step = now - last;
        if (step > 0 && step < 2.5) watched += step;
      }
      last = now;
    };
    const onSeeked = () => {
      last = el.currentTime;
    };
    const onLeave = () => {
      if (!viewId || watched - reported < 0.5) return;
      reported = watched;
      reportViewOnLeave(videoId, viewId, Math.round(watched * 10) / 10).catch(() => undefined);
    };

    el.addEventListener('play', onPlay);
    el.addEventListener('timeupdate', onTime);
    el.addEventListener('seeked', onSeeked);
    el.addEventListener('pause', report);
    el.addEventListener('ended', report);
    window.addEventListener('pagehide', onLeave);
    const timer = setInterval(report, REPORT_EVERY_MS);
    return () => {
      clearInterval(timer);
      el.removeEventListener('play', onPlay);
      el.removeEventListener('timeupdate', onTime);
      el.removeEventListener('seeked', onSeeked);
      el.removeEventListener('pause', report);
      el.removeEventListener('ended', report);
      window.removeEventListener('pagehide', onLeave);
      // Leaving the video within the app: the last seconds still count.
      onLeave();
    };
  }, [videoId, player]);
}
