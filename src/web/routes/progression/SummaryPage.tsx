import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { schoolYearLabel } from '../../../shared/progression';
import {
  type Counts,
  type SummaryCell,
  type SummaryTable,
  useInstitutionSummary,
  useKommuneSummary,
  useMyProgression,
} from '../../api/progression';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { SelectField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { useWords } from '../../i18n/words';
import { STATUSES } from './counts';
import { StackedBar } from './status';
import './progression.css';

/** /progression/institution/:id — a row per group; /progression/kommune/:id — a row per institution. */
export function InstitutionSummaryPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('aar') ? Number(params.get('aar')) : undefined;
  const summary = useInstitutionSummary(id, year);
  return (
    <SummaryShell
      query={summary}
      onYear={(y) => setParams({ aar: String(y) }, { replace: true })}
      kind="institution"
    />
  );
}

export function KommuneSummaryPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('aar') ? Number(params.get('aar')) : undefined;
  const summary = useKommuneSummary(id, year);
  return (
    <SummaryShell
      query={summary}
      onYear={(y) => setParams({ aar: String(y) }, { replace: true })}
      kind="kommune"
    />
  );
}

function SummaryShell({
  query,
  onYear,
  kind,
}: {
  query: Parameters<typeof QueryView<SummaryTable>>[0]['query'];
  onYear: (year: number) => void;
  kind: 'institution' | 'kommune';
}) {
  const { t } = useTranslation();
  usePageTitle(
    query.data
      ? `${t('progression.summary.title')}: ${query.data.scope.name}`
      : t('progression.summary.title'),
  );
  return (
    <div className="page">
      <QueryView query={query}>{(data) => <SummaryView data={data} onYear={onYear} kind={kind} />}</QueryView>
    </div>
  );
}

const has = (c: Counts) => c.groen + c.gul + c.roed > 0;

function SummaryView({
  data,
  onYear,
  kind,
}: {
  data: SummaryTable;
  onYear: (year: number) => void;
  kind: 'institution' | 'kommune';
}) {
  // An institution's figures speak its words (as the viewer's grants name its kind); a kommune's speak a school's.
  const { t } = useWords(
    kind === 'institution' ? data.scope.id : undefined,
    kind === 'kommune' ? 'skole' : undefined,
  );
  const mine = useMyProgression();
  const myGroups = new Set(mine.data?.groups.map((g) => g.id) ?? []);
  const [areaId, setAreaId] = useState(data.areas[0]?.id ?? '');
  const periods = data.periods.filter((p) => p.schoolYear === data.schoolYear);
  // The newest period with figures, by default.
  const all = [...data.total, ...data.rows.flatMap((r) => r.cells)];
  const latest = [...periods]
    .reverse()
    .find((p) => all.some((c) => c.periodId === p.id && c.counts && has(c.counts)));
  const [periodId, setPeriodId] = useState(latest?.id ?? periods.at(-1)?.id ?? '');
  const pick = (cells: SummaryCell[]) => cells.find((c) => c.areaId === areaId && c.periodId === periodId);
  const title = `${t('progression.summary.title')}: ${data.scope.name}`;
  const withheld = [...data.rows.map((r) => r.cells), data.total].some(
    (cells) => pick(cells)?.counts === null,
  );
  const rowHead = t(kind === 'kommune' ? 'progression.summary.institution' : 'progression.summary.group');

  return (
    <>
      <Breadcrumbs
        items={[{ to: '/progression', label: t('progression.title') }, { label: data.scope.name }]}
      />
      <h1>{title}</h1>
      <p className="lead">{t(`progression.summary.intro_${kind}`, { min: data.minGroup })}</p>
      <div className="form-row prog-filters">
        <SelectField
          label={t('progression.summary.schoolYear')}
          value={data.schoolYear}
          onChange={(e) => onYear(Number(e.target.value))}
        >
          {(data.schoolYears.length ? data.schoolYears : [data.schoolYear]).map((y) => (
            <option key={y} value={y}>
              {schoolYearLabel(y)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('progression.summary.area')}
          value={areaId}
          onChange={(e) => setAreaId(e.target.value)}
        >
          {data.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('progression.summary.period')}
          value={periodId}
          onChange={(e) => setPeriodId(e.target.value)}
        >
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      </div>
      {data.rows.length === 0 ? (
        <p className="muted">{t('progression.summary.none')}</p>
      ) : (
        <TableWrap label={title}>
          <table className="prog-summary-table">
            <caption>
              {data.areas.find((a) => a.id === areaId)?.name} · {periods.find((p) => p.id === periodId)?.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">{rowHead}</th>
                {STATUSES.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(`progression.status.${s}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('progression.summary.up')}
                </th>
                <th scope="col" className="num">
                  {t('progression.summary.down')}
                </th>
                <th scope="col" className="prog-bar-col">
                  {t('progression.summary.distribution')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <SummaryRow
                  key={r.id}
                  name={r.name}
                  to={
                    kind === 'kommune'
                      ? `/progression/institution/${r.id}`
                      : myGroups.has(r.id)
                        ? `/progression/grupper/${r.id}`
                        : undefined
                  }
                  cell={pick(r.cells)}
                  min={data.minGroup}
                />
              ))}
            </tbody>
            <tfoot>
              <SummaryRow name={t('progression.summary.total')} cell={pick(data.total)} min={data.minGroup} />
            </tfoot>
          </table>
        </TableWrap>
      )}
      {withheld && (
        <p id="prog-withheld" className="hint">
          {t('progression.summary.withheldWhy', { min: data.minGroup })}
        </p>
      )}
    </>
  );
}

function SummaryRow({
  name,
  to,
  cell,
  min,
}: {
  name: string;
  to?: string;
  cell: SummaryCell | undefined;
  min: number;
}) {
  const { t } = useTranslation();
  const counts = cell?.counts;
  return (
    <tr>
      <th scope="row">{to ? <Link to={to}>{name}</Link> : name}</th>
      {counts === null ? (
        <td colSpan={6} className="prog-withheld" aria-describedby="prog-withheld">
          {t('progression.summary.withheld', { min })}
        </td>
      ) : !counts || !has(counts) ? (
        <td colSpan={6} className="muted">
          {t('progression.summary.noFigures')}
        </td>
      ) : (
        <>
          {STATUSES.map((s) => (
            <td key={s} className="num">
              {counts[s]}
            </td>
          ))}
          <td className="num">{counts.movedUp}</td>
          <td className="num">{counts.movedDown}</td>
          <td className="prog-bar-col">
            <StackedBar counts={counts} />
          </td>
        </>
      )}
    </tr>
  );
}
