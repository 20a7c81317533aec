import { Link } from 'react-router';
import type { VisitSummary } from '../../../api/observation';
import { useMe } from '../../../api/people';
import { currentLocale } from '../../../i18n';
import { useWords, type WordsT } from '../../../i18n/words';
import { gradeLabel } from '../data/format';

/** Small pieces shared by the observation pages for observers and teachers. */

export function formatDay(date: string | null | undefined): string {
  if (!date) return '';
  const d = date.length === 10 ? new Date(`${date}T12:00:00`) : new Date(date);
  return new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long' }).format(
    d,
  );
}

/** 12/3 */
export function shortDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getDate()}/${d.getMonth() + 1}`;
}

export const firstName = (name: string) => name.split(' ')[0] ?? name;

/** "Besøg hos Mette Nørgaard, 3. december 2026" — or "Dit besøg, …" when `meId` is the one visited. */
export function visitTitle(
  t: WordsT,
  v: Pick<VisitSummary, 'kind' | 'teacher' | 'plannedFor'>,
  meId?: string,
): string {
  const date = formatDay(v.plannedFor);
  if (v.kind === 'self') return t('observation.visit.selfTitle', { date });
  if (meId && v.teacher.id === meId) return t('observation.visit.titleMine', { date });
  return t('observation.visit.title', { name: v.teacher.name, date });
}

export function StatusBadge({ visit }: { visit: Pick<VisitSummary, 'status' | 'flag'> }) {
  const { t } = useWords();
  return (
    <>
      <span className={`badge obs-badge-${visit.status}`}>{t(`observation.status.${visit.status}`)}</span>
      {visit.flag && <span className="badge badge-error">{t('observation.visit.flagged')}</span>}
    </>
  );
}

/** One visit in a list: who, when, class and subject, status — and what the person can do next. */
export function VisitRow({ visit, action }: { visit: VisitSummary; action?: { to: string; label: string } }) {
  const { t } = useWords(visit.institution.id);
  const meId = useMe().data?.id;
  return (
    <li className="obs-visit-row">
      <div>
        <Link to={`/observation/besoeg/${visit.id}`} className="obs-visit-link">
          {visitTitle(t, visit, meId)}
        </Link>
        <p className="muted obs-visit-meta">
          {[
            visit.kind === 'self'
              ? null
              : t('observation.visit.observerShort', { name: visit.observer.name }),
            visit.classLabel,
            visit.subject,
            visit.grade === null ? null : gradeLabel(visit.grade),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="obs-visit-status">
          <StatusBadge visit={visit} />
          {visit.nextStepAgreed && (
            <span className="badge badge-active">{t('observation.visit.agreedBadge')}</span>
          )}
        </p>
      </div>
      {action && (
        <Link to={action.to} className="btn btn-secondary obs-row-action">
          {action.label}
          <span className="sr-only">: {visitTitle(t, visit, meId)}</span>
        </Link>
      )}
    </li>
  );
}
