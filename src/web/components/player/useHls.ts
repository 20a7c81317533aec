import type Hls from 'hls.js';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export type QualityLevel = { index: number; height: number };

/** Safari (macOS, iOS, iPadOS) plays HLS itself; everywhere else hls.js does it through Media Source Extensions. */
function preferNative(video: HTMLVideoElement) {
  const can = video.canPlayType('application/vnd.apple.mpegurl') !== '';
  return can && (/Apple/.test(navigator.vendor) || !('MediaSource' in window || 'ManagedMediaSource' in window));
}

/**
 * Attaches an HLS source to the video element: natively where the browser can, else with hls.js (loaded on
 * first use). Reports the quality levels hls.js found, and destroys hls.js when the source changes or the
 * player goes away.
 */
export function useHls(ref: RefObject<HTMLVideoElement | null>, src: string | null) {
  const hls = useRef<Hls | null>(null);
  const [levels, setLevels] = useState<QualityLevel[]>([]);
  /** -1 = automatic. */
  const [selected, setSelected] = useState(-1);
  /** The level being played right now (also under automatic). */
  const [playing, setPlaying] = useState(-1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const video = ref.current;
    setLevels([]);
    setSelected(-1);
    setPlaying(-1);
    setFailed(false);
    if (!video || !src) return;
    if (preferNative(video)) {
      video.src = src;
      const onError = () => setFailed(true);
      video.addEventListener('error', onError);
      return () => {
        video.removeEventListener('error', onError);
        video.removeAttribute('src');
        video.load();
      };
    }
    let cancelled = false;
    let instance: Hls | null = null;
    void import('hls.js').then(({ default: HlsJs }) => {
      if (cancelled) return;
      if (!HlsJs.isSupported()) {
        setFailed(true);
        return;
      }
      const h = new HlsJs({ capLevelToPlayerSize: true });
      instance = h;
      hls.current = h;
      let recoveries = 0;
      h.on(HlsJs.Events.MANIFEST_PARSED, (_e, data) =>
        setLevels(
          data.levels
            .map((l, index) => ({ index, height: l.height }))
            .filter((l) => l.height > 0)
            .sort((a, b) => b.height - a.height),
        ),
      );
      h.on(HlsJs.Events.LEVEL_SWITCHED, (_e, data) => setPlaying(data.level));
      h.on(HlsJs.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        if (recoveries++ < 3 && data.type === HlsJs.ErrorTypes.NETWORK_ERROR) h.startLoad();
        else if (recoveries <= 3 && data.type === HlsJs.ErrorTypes.MEDIA_ERROR) h.recoverMediaError();
        else setFailed(true);
      });
      h.loadSource(src);
      h.attachMedia(video);
    });
    return () => {
      cancelled = true;
      instance?.destroy();
      hls.current = null;
    };
  }, [ref, src]);

  const choose = useCallback((index: number) => {
    setSelected(index);
    // nextLevel switches at the next segment without emptying the buffer: no stall.
    if (hls.current) hls.current.nextLevel = index;
  }, []);

  return { levels, selected, playing, choose, failed };
}
