import { useTranslation } from 'react-i18next';
import type { RoleGroup } from '../../../../shared/survey';
import { currentLocale } from '../../../i18n';
import type { Analysis, AnalysisPoint } from './api';
import { formatDay, formatScore } from './format';
import { departmentLabel } from './labels';
import { SurveyTable } from './SurveyTable';

/** The scatter's numbers: one row per department shown (the same points the chart draws). */
export function PointsTable({ points, roleGroup }: { points: AnalysisPoint[]; roleGroup: RoleGroup }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const caption = t('survey.analysis.pointsCaption', { group: t(`survey.roleGroups.${roleGroup}`) });
  const sorted = [...points].sort((a, b) => a.socialCapital - b.socialCapital);
  return (
    <SurveyTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('survey.analysis.department')}</th>
          <th scope="col" className="num">
            {t('survey.analysis.answered')}
          </th>
          <th scope="col" className="num">
            {t('survey.socialCapital')}
          </th>
          <th scope="col" className="num">
            {t('survey.dimensionShort.plf')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((p) => (
          <tr key={`${p.institutionName}-${p.department}`}>
            <th scope="row">
              {p.institutionName} · {departmentLabel(t, p.department, p.roleGroup)}
            </th>
            <td className="num">{p.answered}</td>
            <td className="num">{formatScore(p.socialCapital, locale)}</td>
            <td className="num">{formatScore(p.plf, locale)}</td>
          </tr>
        ))}
      </tbody>
    </SurveyTable>
  );
}

/** Year over year: each department's social capital and PLF in the kommune's rounds, oldest first. */
export function TrendTable({ trend }: { trend: Analysis['trend'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rounds = new Map<string, { name: string; opensOn: string }>();
  for (const row of trend)
    for (const r of row.rounds) rounds.set(r.roundId, { name: r.name, opensOn: r.opensOn });
  const columns = [...rounds.entries()].sort((a, b) => a[1].opensOn.localeCompare(b[1].opensOn));
  if (!trend.length || !columns.length) return <p className="muted">{t('survey.analysis.noTrend')}</p>;
  const caption = t('survey.analysis.trendCaption');
  return (
    <SurveyTable caption={caption} className="sv-trend">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t('survey.analysis.department')}
          </th>
          {columns.map(([id, r]) => (
            <th key={id} scope="colgroup" colSpan={2} className="sv-round-col">
              {r.name}
              <span className="sv-sub">{formatDay(r.opensOn, locale)}</span>
            </th>
          ))}
        </tr>
        <tr>
          {columns.map(([id]) => [
            <th key={`${id}-sc`} scope="col" className="num sv-round-col">
              {t('survey.analysis.scShort')}
            </th>,
            <th key={`${id}-plf`} scope="col" className="num">
              {t('survey.dimensionShort.plf')}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {trend.map((row) => {
          const byRound = new Map(row.rounds.map((r) => [r.roundId, r]));
          return (
            <tr key={`${row.institutionName}-${row.department}-${row.roleGroup}`}>
              <th scope="row">
                {row.institutionName} · {departmentLabel(t, row.department, row.roleGroup)} ·{' '}
                {t(`survey.roleGroups.${row.roleGroup}`)}
              </th>
              {columns.map(([id]) => {
                const r = byRound.get(id);
                return [
                  <td key={`${id}-sc`} className="num sv-round-col">
                    {formatScore(r?.socialCapital, locale)}
                  </td>,
                  <td key={`${id}-plf`} className="num">
                    {formatScore(r?.plf, locale)}
                  </td>,
                ];
              })}
            </tr>
          );
        })}
      </tbody>
    </SurveyTable>
  );
}
