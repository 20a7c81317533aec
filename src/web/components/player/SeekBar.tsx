import {
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { clamp, formatTime } from './format';
import { type Thumbnail, thumbnailAt } from './thumbnails';

const STEP = 5;

/**
 * The seek slider (a native range input, so every screen reader knows it). Arrows move 5 s, Page Up/Down
 * 10 %, Home/End to the ends. While hovering, dragging or moving it with the keyboard, a preview shows the
 * thumbnail and time at that point.
 */
export function SeekBar({
  currentTime,
  duration,
  thumbnails,
  onSeek,
}: {
  currentTime: number;
  duration: number;
  thumbnails: Thumbnail[];
  onSeek: (time: number) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<number | null>(null);
  const hideTimer = useRef<number>(undefined);
  const max = duration > 0 ? duration : 0;

  useEffect(() => () => window.clearTimeout(hideTimer.current), []);

  function showBriefly(time: number) {
    setPreview(time);
    window.clearTimeout(hideTimer.current);
    hideTimer.current = window.setTimeout(() => setPreview(null), 1500);
  }

  function timeAt(e: PointerEvent<HTMLInputElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    return clamp((e.clientX - rect.left) / rect.width, 0, 1) * max;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const moves: Record<string, number> = {
      ArrowLeft: currentTime - STEP,
      ArrowDown: currentTime - STEP,
      ArrowRight: currentTime + STEP,
      ArrowUp: currentTime + STEP,
      PageDown: currentTime - max / 10,
      PageUp: currentTime + max / 10,
      Home: 0,
      End: max,
    };
    if (!(e.key in moves) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const to = clamp(moves[e.key], 0, max);
    onSeek(to);
    showBriefly(to);
  }

  const thumb = preview === null ? undefined : thumbnailAt(thumbnails, preview);
  const fraction = preview === null || !max ? 0 : preview / max;
  const played = max ? (currentTime / max) * 100 : 0;

  return (
    <div className="player-seek">
      {preview !== null && (
        <div
          className="seek-preview"
          aria-hidden="true"
          style={{
            left: `clamp(${(thumb?.w ?? 60) / 2}px, ${fraction * 100}%, calc(100% - ${(thumb?.w ?? 60) / 2}px))`,
          }}
        >
          {thumb && (
            <span
              className="seek-thumb"
              style={{
                width: thumb.w,
                height: thumb.h,
                backgroundImage: `url("${thumb.src}")`,
                backgroundPosition: `-${thumb.x}px -${thumb.y}px`,
              }}
            />
          )}
          <span className="seek-time">{formatTime(preview)}</span>
        </div>
      )}
      <input
        ref={input}
        type="range"
        className="seek-range"
        min={0}
        max={max || 1}
        step="any"
        value={Math.min(currentTime, max || 1)}
        disabled={!max}
        aria-label={t('player.seek')}
        aria-valuetext={t('player.timeOf', { current: formatTime(currentTime), total: formatTime(max) })}
        style={{ '--played': `${played}%` } as CSSProperties}
        onChange={(e) => {
          const to = Number(e.target.value);
          onSeek(to);
          setPreview(to);
        }}
        onKeyDown={onKeyDown}
        onPointerMove={(e) => setPreview(timeAt(e))}
        onPointerLeave={() => setPreview(null)}
        onPointerUp={() => setPreview(null)}
        onBlur={() => setPreview(null)}
      />
    </div>
  );
}
