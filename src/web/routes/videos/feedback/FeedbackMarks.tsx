import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackKind } from '../../../../shared/coaching';
import { formatTime } from '../../../components/player/format';
import './feedback.css';

/** The letter on a kind's mark: not colour alone tells the kinds apart (a shape and a letter too). */
export const KIND_LETTER: Record<FeedbackKind, string> = { strength: 'S', question: '?', suggestion: 'F' };

/** The key that moves the roving focus, and where to: the next or previous mark, the first or the last. */
const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * Feedback marks over a recording's timeline (issue 19 part B): one button per comment at its time, shaped and
 * lettered by kind (styrke ● S, spørgsmål ◆ ?, forslag ■ F); pressing one seeks there. Used under the player on
 * the video page and on each side of the side-by-side page. The marks are ONE tab stop (a toolbar with a roving
 * focus): Tab reaches the track, the arrow keys (and Home/End) move between marks — 300 comments are not 300
 * presses of Tab on the way to the rest of the page.
 */
export function FeedbackMarks({
  items,
  durationSeconds,
  onSeek,
  label,
}: {
  items: readonly { id: string; atSeconds: number; kind: FeedbackKind }[];
  durationSeconds: number | null;
  onSeek: (seconds: number) => void;
  /** The list's accessible name (default "Feedback på tidslinjen"). */
  label?: string;
}) {
  const { t } = useTranslation();
  const length = Math.max(durationSeconds ?? 0, ...items.map((i) => i.atSeconds), 1);
  const sorted = [...items].sort((a, b) => a.atSeconds - b.atSeconds);
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, sorted.length - 1);
  const track = useRef<HTMLOListElement>(null);
  const keysId = useId();
  const onKeyDown = (e: KeyboardEvent) => {
    const move = MOVES[e.key];
    if (!move || !sorted.length) return;
    e.preventDefault();
    const next = move(active, sorted.length);
    setCurrent(next);
    track.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  return (
    <div
      className="feedback-marks"
      role="toolbar"
      aria-label={label ?? t('feedback.marks.label')}
      aria-describedby={sorted.length > 1 ? keysId : undefined}
      onKeyDown={onKeyDown}
    >
      {sorted.length > 1 && (
        <span id={keysId} className="sr-only">
          {t('feedback.marks.keys')}
        </span>
      )}
      <ol className="feedback-marks-track" ref={track}>
        {sorted.map((i, n) => (
          <li
            key={i.id}
            className="feedback-mark-slot"
            style={{ left: `${Math.min(100, (i.atSeconds / length) * 100)}%` }}
          >
            <button
              type="button"
              className={`feedback-mark kind-${i.kind}`}
              tabIndex={n === active ? 0 : -1}
              onFocus={() => setCurrent(n)}
              aria-label={t('feedback.marks.mark', {
                kind: t(`feedback.kinds.${i.kind}`),
                time: formatTime(i.atSeconds),
              })}
              title={`${t(`feedback.kinds.${i.kind}`)} ${formatTime(i.atSeconds)}`}
              onClick={() => onSeek(i.atSeconds)}
            >
              <span aria-hidden="true">{KIND_LETTER[i.kind]}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
