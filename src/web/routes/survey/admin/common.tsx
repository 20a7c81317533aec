import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useKommuner, useMe } from '../../../api/people';
import type { RoundSummary } from '../../../api/survey-admin';
import { currentLocale } from '../../../i18n';
import { formatDay } from './helpers';

/** The survey's pages under /medarbejderundersoegelse. */
export const SURVEY_PATH = '/medarbejderundersoegelse';
export const roundPath = (id: string) => `${SURVEY_PATH}/runder/${id}`;
export const questionnairePath = (id: string) => `${SURVEY_PATH}/spoergeskemaer/${id}`;

/** A day in the interface language ("7. dec. 2026"). */
export const day = (d: string | null | undefined) => formatDay(d, currentLocale());

/**
 * The kommuner whose rounds and questionnaires the person runs: their forvaltning grants' kommuner. With
 * `questionnaires`, an administrator's too: every kommune (they keep the instance's questionnaire, which a
 * kommune's list shows; they have no place in a kommune's rounds).
 */
export function useSurveyKommuner(questionnaires = false): { id: string; name: string }[] {
  const me = useMe().data;
  const admin = questionnaires && !!me?.capabilities.administer;
  const all = useKommuner(admin);
  const out = new Map<string, string>();
  for (const g of me?.grants ?? [])
    if (g.role === 'forvaltning' && g.kommuneId) out.set(g.kommuneId, g.kommuneName ?? '');
  if (admin) for (const k of all.data?.items ?? []) if (!out.has(k.id)) out.set(k.id, k.name);
  return [...out].map(([id, name]) => ({ id, name }));
}

/** The institutions the person works at, with whether they lead it (the code list is theirs to print). */
export function useOwnInstitutions(): { id: string; name: string; leder: boolean }[] {
  const me = useMe().data;
  const out = new Map<string, { id: string; name: string; leder: boolean }>();
  for (const g of me?.grants ?? []) {
    if (!g.institutionId) continue;
    const prev = out.get(g.institutionId);
    out.set(g.institutionId, {
      id: g.institutionId,
      name: g.institutionName ?? '',
      leder: (prev?.leder ?? false) || g.role === 'leder',
    });
  }
  return [...out.values()];
}

export function StateBadge({ state }: { state: RoundSummary['state'] }) {
  const { t } = useTranslation();
  const cls = { planned: 'badge-info', open: 'badge-active', closed: 'badge-disabled' }[state];
  return <span className={`badge ${cls}`}>{t(`surveyAdmin.state.${state}`)}</span>;
}

/** "Åbner 1. mar. · lukker 15. mar. 2026" (or when it closed early). */
export function RoundDates({ round }: { round: RoundSummary }) {
  const { t } = useTranslation();
  const closes = round.closedOn ?? round.closesOn;
  return (
    <>
      {t('surveyAdmin.dates', {
        opens: day(round.opensOn),
        closes: day(closes),
        context: round.state === 'closed' ? 'closed' : undefined,
      })}
    </>
  );
}

/** "42 af 60 har svaret (70 %)". */
export function ResponseLine({ round }: { round: RoundSummary }) {
  const { t } = useTranslation();
  if (round.state === 'planned') return <>{t('surveyAdmin.invitedPlanned')}</>;
  const rate = round.invited ? Math.round((round.answered / round.invited) * 100) : 0;
  return <>{t('surveyAdmin.response', { answered: round.answered, invited: round.invited, rate })}</>;
}

/** A list of rounds: name (linked to the round's page where the person may open it), state, dates, response. */
export function RoundList({
  rounds,
  canOpen,
  empty,
}: {
  rounds: RoundSummary[];
  /** Whether the person may open the round's page (forvaltning, leders, ressourcepersoner). */
  canOpen: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  if (rounds.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="survey-rounds">
      {rounds.map((r) => (
        <li key={r.id} className="survey-round">
          <div className="survey-round-head">
            {canOpen || r.canManage ? (
              <Link to={roundPath(r.id)} className="survey-round-name">
                {r.name}
              </Link>
            ) : (
              <span className="survey-round-name">{r.name}</span>
            )}
            <StateBadge state={r.state} />
          </div>
          <p className="muted">
            <RoundDates round={r} /> · <ResponseLine round={r} />
          </p>
          {r.state === 'closed' && (
            <p>
              <Link to={`${roundPath(r.id)}/resultater`}>
                {t('surveyAdmin.results')}
                <span className="sr-only"> {r.name}</span>
              </Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
