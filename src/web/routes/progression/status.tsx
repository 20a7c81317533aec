import { useTranslation } from 'react-i18next';
import { wordKind } from '../../../shared/vocabulary';
import type { Counts } from '../../api/progression';
import { currentLocale } from '../../i18n';
import { useWords } from '../../i18n/words';

import { countsText, type ProgressionStatus, STATUSES } from './counts';

/** The words of the institution in view, from its type (the answers name it). */
export const useProgressionWords = (institution: { id: string; type: string } | undefined) =>
  useWords(institution?.id, institution ? wordKind(institution.type as never) : undefined);

/** A status as colour AND shape AND word — never colour alone (colour-blind users). */
export function StatusMark({ status, short }: { status: ProgressionStatus; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`prog-status prog-${status}`}>
      <span className="prog-shape" aria-hidden="true" />
      <span className={short ? 'prog-status-word prog-short' : 'prog-status-word'}>
        {t(`progression.status.${status}`)}
      </span>
    </span>
  );
}

/** Arrow with its words for screen readers. */
export function MovementMark({ move }: { move: number }) {
  const { t } = useTranslation();
  if (!move) return null;
  return (
    <span className={`prog-move ${move > 0 ? 'prog-up' : 'prog-down'}`}>
      <span aria-hidden="true">{move > 0 ? '↑' : '↓'}</span>
      <span className="sr-only">{t(move > 0 ? 'progression.movedUp' : 'progression.movedDown')}</span>
    </span>
  );
}

/** "17 grøn, 5 gul, 2 rød; 3 rykket op, 1 rykket ned" */
export function CountsLine({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  return <>{countsText(t, counts)}</>;
}

/**
 * A stacked bar of grøn/gul/rød (hidden from screen readers: the numbers beside it are the content). Each part is
 * also patterned, so it reads without colour.
 */
export function StackedBar({ counts }: { counts: Counts }) {
  const total = counts.groen + counts.gul + counts.roed;
  if (!total) return null;
  return (
    <span className="prog-bar" aria-hidden="true">
      {STATUSES.map((s) =>
        counts[s] ? (
          <span key={s} className={`prog-bar-part prog-${s}`} style={{ flexGrow: counts[s] }} />
        ) : null,
      )}
    </span>
  );
}

/** A calendar day (YYYY-MM-DD) as "9. nov. 2026". */
export function formatDay(day: string) {
  return new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
  }).format(new Date(`${day}T12:00:00`));
}
