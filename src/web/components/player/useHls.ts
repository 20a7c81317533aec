import type Hls from 'hls.js';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export type QualityLevel = { index: number; height: number };

/** Safari (macOS, iOS, iPadOS) plays HLS itself; everywhere else hls.js does it through Media Source Extensions. */
function preferNative(video: HTMLVideoElement) {
  const can = video.canPlayType('application/vnd.apple.mpegurl') !== '';
  return (
    can && (/Apple/.test(navigator.vendor) || !('MediaSource' in window || 'ManagedMediaSource' in window))
  );
}

/**
 * Attaches an HLS source to the video element: natively where the browser can, else with hls.js (loaded on
 * first use). Reports the quality levels hls.js found, and destroys hls.js when the source changes or the
 * player goes away.
 *
 * Media addresses are signed and stop working when they expire or when access to the video was narrowed
 * (a share link revoked, …). Then `onExpired` is asked once for a fresh address; playback continues from the
 * same point when it comes.
 */
export function useHls(ref: RefObject<HTMLVideoElement | null>, src: string | null, onExpired?: () => void) {
  const hls = useRef<Hls | null>(null);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  /** Where the previous source was when it was replaced, and whether it was playing. */
  const resume = useRef<{ at: number; playing: boolean } | null>(null);
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
    let askedForNew = false;
    const expiredOrFailed = () => {
      if (!askedForNew && expired.current) {
        askedForNew = true;
        expired.current();
      } else setFailed(true);
    };
    const from = resume.current;
    resume.current = null;
    const continueFrom = () => {
      if (!from) return;
      if (from.at > 0) video.currentTime = from.at;
      if (from.playing) void video.play().catch(() => undefined);
    };
    const remember = () => {
      resume.current = { at: video.currentTime, playing: !video.paused && !video.ended };
    };
    if (preferNative(video)) {
      video.src = src;
      video.addEventListener('error', expiredOrFailed);
      video.addEventListener('loadedmetadata', continueFrom, { once: true });
      return () => {
        remember();
        video.removeEventListener('error', expiredOrFailed);
        video.removeEventListener('loadedmetadata', continueFrom);
        video.removeAttribute('src');
        video.load();
      };
    }
    let cancelled = false;
    let instance: Hls | null = null;
    void import('hls.js/light').then(({ default: HlsJs }) => {
      if (cancelled) return;
      if (!HlsJs.isSupported()) {
        setFailed(true);
        return;
      }
      const h = new HlsJs({ capLevelToPlayerSize: true, startPosition: from?.at ?? -1 });
      if (from?.playing) h.once(HlsJs.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
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
        // A 4xx from the media server means the signed address expired or access changed: get a new one
        // at once, before hls.js gives up on the level.
        const status = data.response?.code ?? 0;
        const gone = data.type === HlsJs.ErrorTypes.NETWORK_ERROR && status >= 400 && status < 500;
        if (gone && !askedForNew && expired.current) return expiredOrFailed();
        if (!data.fatal) return;
        if (gone) setFailed(true);
        else if (recoveries++ < 3 && data.type === HlsJs.ErrorTypes.NETWORK_ERROR) h.startLoad();
        else if (recoveries <= 3 && data.type === HlsJs.ErrorTypes.MEDIA_ERROR) h.recoverMediaError();
        else setFailed(true);
      });
      h.loadSource(src);
      h.attachMedia(video);
    });
    return () => {
      cancelled = true;
      if (instance) remember();
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
