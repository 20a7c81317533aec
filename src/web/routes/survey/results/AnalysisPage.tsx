import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ROLE_GROUPS, type RoleGroup } from '../../../../shared/survey';
import { useKommuner, useMe } from '../../../api/people';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { SelectField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { currentLocale } from '../../../i18n';
import { PointsTable, TrendTable } from './AnalysisTables';
import { type Analysis, downloadUrl, useAnalysis, useKommuneRounds } from './api';
import { fitParts, formatNumber } from './format';
import { ScatterChart } from './ScatterChart';
import './results.css';

/** One role group: the fit in words, the scatter, and its table. */
function GroupAnalysis({ analysis, roleGroup }: { analysis: Analysis; roleGroup: RoleGroup }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = analysis.points.filter((p) => p.roleGroup === roleGroup);
  const fit = analysis.fits[roleGroup] ?? null;
  const ref = analysis.reference[roleGroup];
  const refParts = fitParts(ref, locale);
  const labels = useMemo(
    () => ({
      x: t('survey.analysis.xAxis'),
      y: t('survey.analysis.yAxis'),
      fit: t('survey.analysis.legendFit'),
      reference: t('survey.analysis.legendReference'),
    }),
    [t],
  );
  const id = `sv-group-${roleGroup}`;
  return (
    <section aria-labelledby={id} className="sv-group">
      <h2 id={id}>{t(`survey.analysis.heading.${roleGroup}`)}</h2>
      {fit ? (
        <p className="sv-fit">
          {t('survey.analysis.fitWords', fitParts(fit, locale))}{' '}
          <span className="muted">
            {t('survey.analysis.fitLine', {
              n: fit.n,
              slope: formatNumber(fit.slope, locale, 2),
              intercept: formatNumber(fit.intercept, locale, 1),
            })}
          </span>
        </p>
      ) : (
        <p className="muted">{t('survey.analysis.noFit', { n: points.length })}</p>
      )}
      <p className="hint">{t('survey.analysis.referenceWords', refParts)}</p>
      {points.length > 0 && (
        <div className="sv-analysis-grid">
          <ScatterChart points={points} fit={fit} referenceSlope={ref.slope} labels={labels} />
          <PointsTable points={points} roleGroup={roleGroup} />
        </div>
      )}
    </section>
  );
}

/** /medarbejderundersoegelse/analyse — forvaltning's department analysis (S2) for a closed round, and the trend. */
export function AnalysisPage() {
  const { t } = useTranslation();
  usePageTitle(t('survey.analysis.title'));
  const [search, setSearch] = useSearchParams();
  const { data: me } = useMe();
  const admin = !!me?.capabilities.administer;
  const kommuner = useKommuner(admin);
  const options = useMemo(() => {
    const own = new Map<string, string>();
    for (const g of me?.grants ?? [])
      if (g.role === 'forvaltning' && g.kommuneId) own.set(g.kommuneId, g.kommuneName ?? '');
    if (admin) for (const k of kommuner.data?.items ?? []) own.set(k.id, k.name);
    return [...own.entries()].map(([id, name]) => ({ id, name }));
  }, [me, admin, kommuner.data]);
  const kommuneId = options.find((o) => o.id === search.get('kommune'))?.id ?? options[0]?.id;
  const rounds = useKommuneRounds(kommuneId);
  const closed = (rounds.data ?? []).filter((r) => r.state === 'closed');
  const roundId = closed.find((r) => r.id === search.get('runde'))?.id;
  const analysis = useAnalysis(kommuneId, roundId);
  const pick = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'kommune') next.delete('runde');
    setSearch(next, { replace: true });
  };

  return (
    <div className="page sv-results">
      <Breadcrumbs
        items={[
          { to: '/medarbejderundersoegelse', label: t('survey.nav') },
          { label: t('survey.analysis.title') },
        ]}
      />
      <h1>{t('survey.analysis.title')}</h1>
      <p className="lead">{t('survey.analysis.intro')}</p>
      {me && !options.length ? (
        <p className="muted">{t('survey.analysis.notForYou')}</p>
      ) : (
        <>
          <div className="sv-toolbar">
            {options.length > 1 && (
              <SelectField
                label={t('survey.analysis.kommune')}
                value={kommuneId ?? ''}
                onChange={(e) => pick('kommune', e.target.value)}
                className="sv-picker"
              >
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
            )}
            {closed.length > 0 && (
              <SelectField
                label={t('survey.analysis.round')}
                value={roundId ?? analysis.data?.round.id ?? ''}
                onChange={(e) => pick('runde', e.target.value)}
                className="sv-picker"
              >
                {closed.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </SelectField>
            )}
            {analysis.isSuccess && (
              <p className="sv-downloads">
                <span>{t('survey.download')}</span>
                <a
                  href={downloadUrl('/survey/analysis.csv', { kommuneId, roundId: analysis.data.round.id })}
                  download
                >
                  {t('survey.csv')}
                </a>
                <a
                  href={downloadUrl('/survey/analysis.xlsx', { kommuneId, roundId: analysis.data.round.id })}
                  download
                >
                  {t('survey.xlsx')}
                </a>
              </p>
            )}
          </div>
          <QueryView query={analysis}>
            {(a) => (
              <div aria-busy={analysis.isPlaceholderData || undefined}>
                <p>
                  {t('survey.analysis.about', {
                    round: a.round.name,
                    count: a.points.length,
                    n: a.round.minGroup,
                  })}{' '}
                  {a.withheldDepartments > 0 &&
                    t('survey.analysis.withheld', { count: a.withheldDepartments, n: a.round.minGroup })}
                </p>
                {ROLE_GROUPS.map((g) => (
                  <GroupAnalysis key={g} analysis={a} roleGroup={g} />
                ))}
                <p className="hint sv-source">
                  {t('survey.analysis.source', { source: a.reference.source })}
                </p>
                <section aria-labelledby="sv-trend">
                  <h2 id="sv-trend">{t('survey.analysis.trendHeading')}</h2>
                  <p className="muted">{t('survey.analysis.trendIntro')}</p>
                  <TrendTable trend={a.trend} />
                </section>
              </div>
            )}
          </QueryView>
        </>
      )}
    </div>
  );
}
