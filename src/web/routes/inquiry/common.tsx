import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CycleSummary } from '../../api/inquiry';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLocale } from '../../i18n';

/** Shared bits of the team-space, cycle and task pages (issue 16). */

/** A calendar day ("2026-12-07") as "7. dec. 2026". */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The state of a cycle as a small badge ("Før", "Under", "Efter", "Afsluttet"). */
export function StateBadge({ state }: { state: CycleSummary['state'] }) {
  const { t } = useTranslation();
  return <span className={`badge inquiry-state inquiry-state-${state}`}>{t(`inquiry.states.${state}`)}</span>;
}

/** A page that is not there for this reader (not found, or not theirs): the same words either way. */
export function NotThere({ back, backLabel }: { back: string; backLabel: string }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="page-narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('inquiry.notThere')}</p>
      <p>
        <Link to={back}>{backLabel}</Link>
      </p>
    </div>
  );
}
