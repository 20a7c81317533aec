import { useMemo } from 'react';
import { useWords } from '../../../i18n/words';
import type { DataCell, ObservationData } from '../../../api/observation-lead';
import { TableWrap } from '../../../components/TableWrap';
import { sentence } from './chart';
import { ChartIndicator } from './ChartIndicator';
import { cellText, chartNumber, groupLabel, measureLabel } from './format';

type Indicator = ObservationData['areas'][number]['indicators'][number];

function Row({
  label,
  cell,
  indicator,
  minGroupSize,
  total,
}: {
  label: string;
  cell: DataCell;
  indicator: Indicator;
  minGroupSize: number;
  total?: boolean;
}) {
  const { t } = useWords();
  return (
    <tr className={`${total ? 'obsl-total' : ''}${cell.suppressed ? ' obsl-suppressed' : ''}`}>
      <th scope="row">{label}</th>
      {cell.suppressed ? (
        <td colSpan={indicator.type === 'text' ? 2 : 3}>{cellText(cell, indicator.type, minGroupSize)}</td>
      ) : (
        <>
          {indicator.type !== 'text' && (
            <td className="num">{cellText(cell, indicator.type, minGroupSize)}</td>
          )}
          <td className="num">{indicator.type === 'text' ? (cell.answers ?? 0) : (cell.answers ?? '–')}</td>
          <td className="num">{cell.teachers ?? t('observationLead.data.noAnswers')}</td>
        </>
      )}
    </tr>
  );
}

/** One indicator: what the figure means, a chart (for sighted readers) and the table with the same figures. */
export function DataIndicator({ data, indicator }: { data: ObservationData; indicator: Indicator }) {
  const { t } = useWords(null, data.scope.words);
  const measure = measureLabel(indicator.type, indicator.scale);
  const points = useMemo(
    () =>
      data.groups.flatMap((g, i) => {
        const c = indicator.cells[i];
        return c && !c.suppressed && c.value !== null
          ? [{ label: groupLabel(data.by, g), value: c.value }]
          : [];
      }),
    [data.by, data.groups, indicator.cells],
  );
  const hidden = indicator.cells.filter((c) => c.suppressed).length;
  return (
    <article className="obsl-indicator">
      <h3>{indicator.text}</h3>
      <p className="muted obsl-measure">{measure}</p>
      {indicator.type !== 'text' && (
        <ChartIndicator
          points={points}
          type={indicator.type}
          scale={indicator.scale}
          by={data.by}
          format={chartNumber(indicator.type)}
        />
      )}
      {indicator.type !== 'text' && hidden > 0 && (
        <p className="hint">
          {t('observationLead.data.chartLeavesOut', { count: hidden, n: data.minGroupSize })}
        </p>
      )}
      <TableWrap label={indicator.text}>
        <table className="obsl-data-table">
          <caption>
            <span className="sr-only">{sentence(indicator.text)} </span>
            {t('observationLead.data.tableCaption', { by: t(`observationLead.data.by.${data.by}`) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(`observationLead.data.by.${data.by}`)}</th>
              {indicator.type !== 'text' && (
                <th scope="col" className="num">
                  {t(`observationLead.data.valueHead.${indicator.type}`)}
                </th>
              )}
              <th scope="col" className="num">
                {t('observationLead.data.answersHead')}
              </th>
              <th scope="col" className="num">
                {t('observationLead.data.teachersHead')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g, i) => (
              <Row
                key={g.key}
                label={groupLabel(data.by, g)}
                cell={indicator.cells[i]}
                indicator={indicator}
                minGroupSize={data.minGroupSize}
              />
            ))}
            <Row
              label={t('observationLead.data.total')}
              cell={indicator.total}
              indicator={indicator}
              minGroupSize={data.minGroupSize}
              total
            />
          </tbody>
        </table>
      </TableWrap>
    </article>
  );
}

/** One focus area's indicators in total only, when no breakdown can be shown (issue 15): one short table. */
export function TotalsTable({ data, area }: { data: ObservationData; area: ObservationData['areas'][number] }) {
  const { t } = useWords(null, data.scope.words);
  return (
    <TableWrap label={area.title}>
      <table className="obsl-data-table">
        <caption className="sr-only">{area.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('observationLead.data.indicatorCol')}</th>
            <th scope="col" className="num">
              {t('observationLead.data.total')}
            </th>
            <th scope="col" className="num">
              {t('observationLead.data.answersHead')}
            </th>
            <th scope="col" className="num">
              {t('observationLead.data.teachersHead')}
            </th>
          </tr>
        </thead>
        <tbody>
          {area.indicators.map((ind) => (
            <Row
              key={ind.key}
              label={ind.text}
              cell={ind.total}
              indicator={{ ...ind, type: ind.type === 'text' ? 'count' : ind.type }}
              minGroupSize={data.minGroupSize}
            />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
