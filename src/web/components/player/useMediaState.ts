import { type RefObject, useCallback, useEffect, useState } from 'react';
import { clamp } from './format';

export type MediaState = {
  paused: boolean;
  ended: boolean;
  waiting: boolean;
  currentTime: number;
  duration: number;
  muted: boolean;
  volume: number;
  /** Language of the caption track being shown, or null. */
  captions: string | null;
};

const EVENTS = [
  'play',
  'pause',
  'ended',
  'waiting',
  'playing',
  'canplay',
  'timeupdate',
  'durationchange',
  'loadedmetadata',
  'volumechange',
  'seeking',
  'seeked',
];

function read(v: HTMLVideoElement, fallbackDuration: number): MediaState {
  const showing = [...v.textTracks].find((t) => t.mode === 'showing');
  return {
    paused: v.paused,
    ended: v.ended,
    waiting: !v.paused && v.readyState < 3,
    currentTime: v.currentTime,
    duration: Number.isFinite(v.duration) && v.duration > 0 ? v.duration : fallbackDuration,
    muted: v.muted || v.volume === 0,
    volume: v.volume,
    captions: showing ? showing.language : null,
  };
}

/** The video element's state as React state, and the actions the controls need. */
export function useMediaState(ref: RefObject<HTMLVideoElement | null>, knownDuration: number | null) {
  const fallback = knownDuration ?? 0;
  const [state, setState] = useState<MediaState>({
    paused: true,
    ended: false,
    waiting: false,
    currentTime: 0,
    duration: fallback,
    muted: false,
    volume: 1,
    captions: null,
  });

  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    const update = () => setState(read(v, fallback));
    for (const e of EVENTS) v.addEventListener(e, update);
    v.textTracks.addEventListener('change', update);
    update();
    return () => {
      for (const e of EVENTS) v.removeEventListener(e, update);
      v.textTracks.removeEventListener('change', update);
    };
  }, [ref, fallback]);

  const toggle = useCallback(() => {
    const v = ref.current;
    if (!v) return;
    if (v.paused || v.ended) void v.play().catch(() => undefined);
    else v.pause();
  }, [ref]);

  const seek = useCallback(
    (time: number) => {
      const v = ref.current;
      if (!v) return;
      const max = Number.isFinite(v.duration) && v.duration > 0 ? v.duration : fallback;
      v.currentTime = clamp(time, 0, max);
      setState(read(v, fallback));
    },
    [ref, fallback],
  );

  const setVolume = useCallback(
    (volume: number) => {
      const v = ref.current;
      if (!v) return;
      v.volume = clamp(volume, 0, 1);
      v.muted = volume === 0;
    },
    [ref],
  );

  const toggleMute = useCallback(() => {
    const v = ref.current;
    if (!v) return;
    if (v.muted || v.volume === 0) {
      v.muted = false;
      if (v.volume === 0) v.volume = 0.5;
    } else v.muted = true;
  }, [ref]);

  /** Shows the captions in this language (null: none). */
  const showCaptions = useCallback(
    (language: string | null) => {
      const v = ref.current;
      if (!v) return;
      for (const t of v.textTracks)
        if (t.kind === 'captions' || t.kind === 'subtitles')
          t.mode = language !== null && t.language === language ? 'showing' : 'disabled';
      setState(read(v, fallback));
    },
    [ref, fallback],
  );

  return { state, toggle, seek, setVolume, toggleMute, showCaptions };
}
