import type { ObservationData } from '../../../api/observation-lead';
import { currentLocale } from '../../../i18n';
import { useWords, type WordsT } from '../../../i18n/words';
import { formatNumber } from './chart';
import { termLabel } from './format';

type Summary = ObservationData['summary'];
type Named = Summary['strongest'][number];

/** A value as the summary says it: "4,5 af 7" on a scale, "57 % ja" for yes/no. */
function valueText(t: WordsT, x: Pick<Named, 'type' | 'scale'>, value: number) {
  const locale = currentLocale();
  if (x.type === 'yesno') return t('observationLead.data.valueYesno', { value: formatNumber(value * 100, 0, locale) });
  return t('observationLead.data.valueScale', {
    value: formatNumber(value, 1, locale),
    max: x.scale?.max ?? '',
  });
}

function NamedList({ items, t }: { items: Named[]; t: WordsT }) {
  return (
    <ul className="obsl-summary-list">
      {items.map((x) => (
        <li key={x.key}>
          <span className="obsl-summary-value">{valueText(t, x, x.value)}</span>{' '}
          <span>{x.text}</span> <span className="muted">({x.areaTitle})</span>
        </li>
      ))}
    </ul>
  );
}

/** The top of the data page: what stands out, in a few lines, before any chart (issue 15). */
export function DataSummary({ data }: { data: ObservationData }) {
  const { t } = useWords(null, data.scope.words);
  const s = data.summary;
  const total = data.total;
  const nothing = s.strongest.length === 0 && s.weakest.length === 0;
  return (
    <section className="card obsl-summary" aria-labelledby="obsl-summary-heading">
      <h2 id="obsl-summary-heading">{t('observationLead.data.summaryHeading')}</h2>
      <p className="obsl-overview">
        {total.suppressed || s.visits === null
          ? t('observationLead.data.totalSuppressed', { n: data.minGroupSize })
          : t('observationLead.data.totalLine', { visits: s.visits, teachers: s.teachers ?? 0 })}
      </p>
      {nothing ? (
        <p className="muted">{t('observationLead.data.summaryNone')}</p>
      ) : (
        <div className="obsl-summary-grid">
          {s.strongest.length > 0 && (
            <div>
              <h3>{t('observationLead.data.strongest')}</h3>
              <NamedList items={s.strongest} t={t} />
            </div>
          )}
          {s.weakest.length > 0 && (
            <div>
              <h3>{t('observationLead.data.weakest')}</h3>
              <NamedList items={s.weakest} t={t} />
            </div>
          )}
        </div>
      )}
      {s.terms ? (
        <div>
          <h3>
            {t('observationLead.data.changeHeading', {
              from: termLabel(s.terms.previous),
              to: termLabel(s.terms.latest),
            })}
          </h3>
          {s.changes.length === 0 ? (
            <p className="muted">{t('observationLead.data.noChange')}</p>
          ) : (
            <ul className="obsl-summary-list">
              {s.changes.map((x) => (
                <li key={x.key}>
                  <span aria-hidden="true" className={x.change > 0 ? 'obsl-up' : 'obsl-down'}>
                    {x.change > 0 ? '▲' : '▼'}
                  </span>{' '}
                  <span>{x.text}</span>{' '}
                  <span className="muted">
                    {t(x.change > 0 ? 'observationLead.data.changeUp' : 'observationLead.data.changeDown', {
                      from: valueText(t, x, x.previous),
                      to: valueText(t, x, x.value),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        !nothing && <p className="muted">{t('observationLead.data.noTerms')}</p>
      )}
      {s.withheld > 0 && <p className="hint">{t('observationLead.data.withheld', { count: s.withheld })}</p>}
    </section>
  );
}
