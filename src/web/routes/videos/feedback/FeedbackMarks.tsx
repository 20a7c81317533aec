import { useTranslation } from 'react-i18next';
import type { FeedbackKind } from '../../../../shared/coaching';
import { formatTime } from '../../../components/player/format';
import './feedback.css';

/** The letter on a kind's mark: not colour alone tells the kinds apart (a shape and a letter too). */
export const KIND_LETTER: Record<FeedbackKind, string> = { strength: 'S', question: '?', suggestion: 'F' };

/**
 * Feedback marks over a recording's timeline (issue 19 part B): one button per comment at its time, shaped and
 * lettered by kind (styrke ● S, spørgsmål ◆ ?, forslag ■ F); pressing one seeks there. Used under the player on
 * the video page and on each side of the side-by-side page.
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
  return (
    <div className="feedback-marks">
      <ol className="feedback-marks-track" aria-label={label ?? t('feedback.marks.label')}>
        {sorted.map((i) => (
          <li
            key={i.id}
            className="feedback-mark-slot"
            style={{ left: `${Math.min(100, (i.atSeconds / length) * 100)}%` }}
          >
            <button
              type="button"
              className={`feedback-mark kind-${i.kind}`}
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
