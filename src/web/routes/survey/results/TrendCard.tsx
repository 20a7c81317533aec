import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/people';
import { currentLocale } from '../../../i18n';
import { useInstitutionTrend } from './api';
import { formatDay, formatScore } from './format';
import './results.css';
import { SurveyTable } from './SurveyTable';

/** One institution's survey trend: social capital and PLF per closed round; nothing when no round has numbers. */
function InstitutionTrendCard({
  institutionId,
  institutionName,
}: {
  institutionId: string;
  institutionName: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const trend = useInstitutionTrend(institutionId);
  const rounds = (trend.data?.rounds ?? []).filter((r) => !r.withheld);
  if (!rounds.length) return null;
  const id = `sv-trend-${institutionId}`;
  const caption = t('survey.trend.caption', { institution: institutionName });
  return (
    <section className="card sv-trend-card" aria-labelledby={id}>
      <h2 id={id}>{t('survey.trend.heading')}</h2>
      <SurveyTable caption={caption}>
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
      <p className="hint">{t('survey.trend.note')}</p>
    </section>
  );
}

/** The leader's front page: the survey trend of each institution they lead (hidden where there is nothing). */
export function SurveyTrendCards() {
  const { data: me } = useMe();
  const led = new Map<string, string>();
  for (const g of me?.grants ?? [])
    if (g.role === 'leder' && g.institutionId) led.set(g.institutionId, g.institutionName ?? '');
  if (!led.size) return null;
  return (
    <>
      {[...led.entries()].map(([id, name]) => (
        <InstitutionTrendCard key={id} institutionId={id} institutionName={name} />
      ))}
    </>
  );
}
