import { useTranslation } from 'react-i18next';
import { type ConversationCompare, useConversationCompare } from '../../api/conversations';
import { Loading, RequestError } from '../../components/Alert';
import { TableWrap } from '../../components/TableWrap';
import { FigureChart } from './FigureChart';
import { formatDay, formatFigure } from './format';

type Series = ConversationCompare['series'][number];

/** One theme's figures over the unit's packages: a table (figures × packages) and a line per figure with history. */
function ThemeCompare({
  title,
  series,
  packages,
}: {
  title: string;
  series: Series[];
  packages: ConversationCompare['packages'];
}) {
  const { t } = useTranslation();
  const withHistory = series.filter((s) => s.values.filter((v) => v !== null).length >= 2);
  const dates = packages.map((p) => formatDay(p.date));
  return (
    <div className="conv-compare-theme">
      <h3>{title}</h3>
      <TableWrap label={t('conversations.compare.tableLabel', { title })}>
        <table className="conv-table">
          <caption className="sr-only">{t('conversations.compare.tableLabel', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conversations.figures.figure')}</th>
              {packages.map((p, i) => (
                <th key={p.id} scope="col" className="num">
                  {dates[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.group ? `${s.group}: ${s.label}` : s.label}</th>
                {s.values.map((v, i) => (
                  <td key={packages[i].id} className="num">
                    {v === null ? <span className="muted">–</span> : formatFigure(v, s.unit, s.unitLabel)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <div className="conv-small-multiples">
        {withHistory.slice(0, 12).map((s) => (
          <figure key={s.key} className="conv-small">
            <figcaption>{s.label}</figcaption>
            <FigureChart
              kind="line"
              unit={s.unit}
              scale={null}
              data={s.values.flatMap((v, i) =>
                v === null ? [] : [{ label: dates[i], value: v, text: formatFigure(v, s.unit, s.unitLabel) }],
              )}
            />
          </figure>
        ))}
      </div>
    </div>
  );
}

/** A figure the unit's earlier packages also had (the last value is this package's own). */
const earlier = (s: Series) => s.values.slice(0, -1).some((v) => v !== null);

/** The same figures in the unit's own earlier packages (never another unit's): shown when there is one. */
export function CompareView({ id, themes }: { id: string; themes: { key: string; title: string }[] }) {
  const { t } = useTranslation();
  const compare = useConversationCompare(id);
  if (compare.isPending) return <Loading />;
  if (compare.isError) return <RequestError error={compare.error} />;
  const { packages, series } = compare.data;
  return (
    <section aria-labelledby="conv-compare" className="card conv-compare">
      <h2 id="conv-compare">{t('conversations.compare.heading')}</h2>
      {packages.length < 2 ? (
        <p className="muted">{t('conversations.compare.none')}</p>
      ) : (
        <>
          <p className="hint">{t('conversations.compare.intro', { count: packages.length - 1 })}</p>
          {!series.some(earlier) && <p className="muted">{t('conversations.compare.noneInCommon')}</p>}
          {themes.map((theme) => {
            const own = series.filter((s) => s.themeKey === theme.key && earlier(s));
            return own.length ? (
              <ThemeCompare key={theme.key} title={theme.title} series={own} packages={packages} />
            ) : null;
          })}
        </>
      )}
    </section>
  );
}
