import { Link, useSearchParams } from 'react-router';
import type { VisitSummary } from '../../../api/observation';
import { useVisitsBetween } from '../../../api/observation-lead';
import { Loading, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { currentLocale } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import { formatDate, gradeLabel } from '../data/format';
import { byDay, MONTH_PATTERN, monthOf, monthRange, monthWeeks, shiftMonth, weekdayNames } from './month';

const locale = () => (currentLocale() === 'da' ? 'da-DK' : 'en-GB');
const monthName = (month: string) =>
  new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric' }).format(
    new Date(`${month}-15T12:00:00`),
  );

/** The status in words (never colour alone). */
export function VisitStatus({ visit }: { visit: VisitSummary }) {
  const { t } = useWords();
  return (
    <span className={`badge obsl-status obsl-status-${visit.status}`}>
      {t(`observationLead.status.${visit.status}`)}
      {visit.kind === 'self' && ` · ${t('observationLead.status.self')}`}
    </span>
  );
}

function VisitLink({ visit, compact }: { visit: VisitSummary; compact?: boolean }) {
  const { t } = useWords();
  return (
    <div className="obsl-visit">
      <Link to={`/observation/besoeg/${visit.id}`} className="break">
        {t('observationLead.calendar.visitTitle', { teacher: visit.teacher.name })}
      </Link>{' '}
      <VisitStatus visit={visit} />
      {!compact && (
        <p className="muted obsl-visit-facts">
          {t('observationLead.calendar.facts', {
            observer: visit.observer.name,
            classLabel: visit.classLabel || '–',
            subject: visit.subject || '–',
            grade: gradeLabel(visit.grade),
          })}
        </p>
      )}
      {compact && (
        <span className="sr-only">
          {t('observationLead.calendar.observedBy', { observer: visit.observer.name })}
        </span>
      )}
    </div>
  );
}

const SHOWN_PER_DAY = 3;

/** A day's visits in the month grid: the first few, the rest behind a "more" disclosure so rows stay short. */
function DayVisits({ visits }: { visits: VisitSummary[] }) {
  const { t } = useWords();
  const rest = visits.slice(SHOWN_PER_DAY);
  return (
    <>
      {visits.slice(0, SHOWN_PER_DAY).map((v) => (
        <VisitLink key={v.id} visit={v} compact />
      ))}
      {rest.length > 0 && (
        <details className="obsl-more">
          <summary>{t('observationLead.calendar.more', { count: rest.length })}</summary>
          {rest.map((v) => (
            <VisitLink key={v.id} visit={v} compact />
          ))}
        </details>
      )}
    </>
  );
}

/** A month of visits: a grid on wide screens, a list grouped by day on phones; previous/next month. */
export function PlanningCalendar({ institutionId }: { institutionId: string }) {
  const { t } = useWords(institutionId);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('month') ?? '';
  const month = MONTH_PATTERN.test(wanted) ? wanted : monthOf(new Date());
  const { from, to } = monthRange(month);
  const visits = useVisitsBetween(institutionId, from, to);
  const go = (delta: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('month', shiftMonth(month, delta));
        return next;
      },
      { replace: true },
    );
  const days = new Map(byDay(visits.data ?? []));
  const today = new Date();
  const todayIso = `${monthOf(today)}-${String(today.getDate()).padStart(2, '0')}`;
  const short = weekdayNames('short', currentLocale());
  const long = weekdayNames('long', currentLocale());
  return (
    <section className="card obsl-section" aria-labelledby="obsl-calendar">
      <div className="section-head">
        <h2 id="obsl-calendar">
          {t('observationLead.calendar.heading')}: <span className="obsl-month">{monthName(month)}</span>
        </h2>
        <div className="page-actions">
          <Button variant="secondary" onClick={() => go(-1)}>
            {t('observationLead.calendar.previous')}
            <span className="sr-only"> ({monthName(shiftMonth(month, -1))})</span>
          </Button>
          <Button variant="secondary" onClick={() => go(1)}>
            {t('observationLead.calendar.next')}
            <span className="sr-only"> ({monthName(shiftMonth(month, 1))})</span>
          </Button>
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {visits.isSuccess
          ? t('observationLead.calendar.count', { count: visits.data.length, month: monthName(month) })
          : ''}
      </p>
      {visits.isPending ? (
        <Loading />
      ) : visits.isError ? (
        <RequestError error={visits.error} />
      ) : (
        <>
          <table className="obsl-month-grid">
            <caption className="sr-only">{monthName(month)}</caption>
            <thead>
              <tr>
                {short.map((d, i) => (
                  <th key={d} scope="col">
                    <abbr title={long[i]}>{d}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(month).map((week) => (
                <tr key={week.find(Boolean) ?? ''}>
                  {week.map((day, i) =>
                    day ? (
                      <td key={day} className={day === todayIso ? 'obsl-today' : undefined}>
                        <span className="obsl-day-number">
                          <span aria-hidden="true">{Number(day.slice(8))}</span>
                          <span className="sr-only">{formatDate(day)}</span>
                          {day === todayIso && (
                            <span className="sr-only"> ({t('observationLead.calendar.today')})</span>
                          )}
                        </span>
                        <DayVisits visits={days.get(day) ?? []} />
                      </td>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: empty cells before/after the month
                      <td key={`empty-${i}`} className="obsl-outside" />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="obsl-day-list">
            {days.size === 0 ? (
              <p className="muted">{t('observationLead.calendar.none')}</p>
            ) : (
              [...days.entries()].map(([day, items]) => (
                <section key={day} aria-labelledby={`obsl-day-${day}`} className="obsl-day">
                  <h3 id={`obsl-day-${day}`}>
                    {new Intl.DateTimeFormat(locale(), {
                      weekday: 'long',
                      day: 'numeric',
                      month: 'long',
                    }).format(new Date(`${day}T12:00:00`))}
                  </h3>
                  <ul className="plain-list">
                    {items.map((v) => (
                      <li key={v.id}>
                        <VisitLink visit={v} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))
            )}
          </div>
          {days.size === 0 && <p className="muted obsl-grid-empty">{t('observationLead.calendar.none')}</p>}
        </>
      )}
    </section>
  );
}
