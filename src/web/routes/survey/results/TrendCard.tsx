import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInstitutions, useMe } from '../../../api/people';
import { currentLocale } from '../../../i18n';
import { useInstitutionTrend } from './api';
import { formatDay, formatScore } from './format';
import './results.css';
import { SurveyTable } from './SurveyTable';

type Round = NonNullable<ReturnType<typeof useInstitutionTrend>['data']>['rounds'][number];

/** The table of one institution's closed rounds with figures (newest first). */
function TrendTable({
  institutionId,
  institutionName,
  rounds,
}: {
  institutionId: string;
  institutionName: string;
  rounds: Round[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SurveyTable caption={t('survey.trend.caption', { institution: institutionName })}>
      <thead>
        <tr>
          <th scope="col">{t('survey.trend.round')}</th>
          <th scope="col" className="num">
            {t('survey.socialCapital')}
          </th>
          <th scope="col" className="num">
            {t('survey.dimensionShort.plf')}
          </th>
        </tr>
      </thead>
      <tbody>
        {[...rounds].reverse().map((r) => (
          <tr key={r.roundId}>
            <th scope="row">
              <Link
                to={`/medarbejderundersoegelse/runder/${r.roundId}/resultater?institution=${institutionId}`}
              >
                {r.name}
              </Link>
              <span className="sv-sub">{formatDay(r.closesOn, locale)}</span>
            </th>
            <td className="num">{formatScore(r.socialCapital, locale)}</td>
            <td className="num">{formatScore(r.scores.plf, locale)}</td>
          </tr>
        ))}
      </tbody>
    </SurveyTable>
  );
}

/** One institution's survey trend: social capital and PLF per closed round; nothing when no round has numbers. */
function InstitutionTrendCard({
  institutionId,
  institutionName,
}: {
  institutionId: string;
  institutionName: string;
}) {
  const { t } = useTranslation();
  const trend = useInstitutionTrend(institutionId);
  const rounds = (trend.data?.rounds ?? []).filter((r) => !r.withheld);
  if (!rounds.length) return null;
  const id = `sv-trend-${institutionId}`;
  return (
    <section className="card sv-trend-card" aria-labelledby={id}>
      <h2 id={id}>{t('survey.trend.heading')}</h2>
      <TrendTable institutionId={institutionId} institutionName={institutionName} rounds={rounds} />
      <p className="hint">{t('survey.trend.note')}</p>
    </section>
  );
}

/**
 * Forvaltning's front page: the trend of one institution in the kommune at a time, chosen in a list (a card per
 * institution would fill the page), with the way to the kommune's analysis. Shown once any institution has rounds.
 */
function KommuneTrendCard({ kommuneId }: { kommuneId: string }) {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const places = (institutions.data?.items ?? []).filter((i) => i.kommuneId === kommuneId);
  const [chosen, setChosen] = useState<string | undefined>();
  const current = places.find((p) => p.id === chosen) ?? places[0];
  const trend = useInstitutionTrend(current?.id);
  if (!current) return null;
  const rounds = (trend.data?.rounds ?? []).filter((r) => !r.withheld);
  const id = `sv-trend-kommune-${kommuneId}`;
  return (
    <section className="card sv-trend-card" aria-labelledby={id}>
      <h2 id={id}>{t('survey.trend.heading')}</h2>
      <p className="field">
        <label htmlFor={`${id}-place`}>{t('survey.trend.institution')}</label>
        <select id={`${id}-place`} value={current.id} onChange={(e) => setChosen(e.target.value)}>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </p>
      {trend.isPending ? (
        <p className="hint">{t('common.loading')}</p>
      ) : rounds.length ? (
        <TrendTable institutionId={current.id} institutionName={current.name} rounds={rounds} />
      ) : (
        <p className="hint">{t('survey.trend.none', { institution: current.name })}</p>
      )}
      <p className="hint">
        {rounds.length ? `${t('survey.trend.note')} ` : ''}
        <Link to="/medarbejderundersoegelse/analyse">{t('survey.trend.analysisLink')}</Link>
      </p>
    </section>
  );
}

/**
 * The front page's survey trend: a leader's for each institution they lead (hidden where there is nothing);
 * forvaltning's for the institutions of their kommune, one at a time.
 */
export function SurveyTrendCards() {
  const { data: me } = useMe();
  const led = new Map<string, string>();
  const kommuner = new Set<string>();
  for (const g of me?.grants ?? []) {
    if (g.role === 'leder' && g.institutionId) led.set(g.institutionId, g.institutionName ?? '');
    if (g.role === 'forvaltning' && g.kommuneId) kommuner.add(g.kommuneId);
  }
  return (
    <>
      {[...led.entries()].map(([id, name]) => (
        <InstitutionTrendCard key={id} institutionId={id} institutionName={name} />
      ))}
      {[...kommuner].map((k) => (
        <KommuneTrendCard key={k} kommuneId={k} />
      ))}
    </>
  );
}
