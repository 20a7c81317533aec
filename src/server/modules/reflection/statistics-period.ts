import { AppError } from '../../http/errors.js';

/**
 * The statistics' periods are whole months in Danish time (ADR 0009): whatever dates are asked for, the period
 * runs from the first day of the first date's month to the last day of the second date's month. Every figure is
 * then a sum over whole months, and each month is coarsened on its own, so two periods that differ by a day give
 * the same answer instead of that day's difference.
 */

export const ZONE = 'Europe/Copenhagen';
/** The longest period, in months (ten years). */
export const MAX_MONTHS = 120;
/** The default period: the last 12 whole months, this one included. */
const DEFAULT_MONTHS = 12;

/** Today's date in Denmark, YYYY-MM-DD. */
export const danishToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);

/** The instant a Danish calendar day begins (midnight in Copenhagen; DST never switches at midnight). */
export function danishMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(utc))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?(?::(\d+))?/.exec(name ?? '');
  const hours = Number(match?.[1] ?? 0);
  const minutes = Math.sign(hours) * Number(match?.[2] ?? 0);
  return new Date(utc - (hours * 60 + minutes) * 60_000);
}

/** A month as a number (year × 12 + month − 1) and back as YYYY-MM. */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
/** The last day of a month (YYYY-MM), as YYYY-MM-DD. */
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export type MonthPeriod = {
  /** The period used: the first day of its first month and the last day of its last month (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Its months, oldest first (YYYY-MM). */
  months: string[];
  /** Start (inclusive) and end (exclusive) as instants: Danish midnight at the start of each end month. */
  start: Date;
  end: Date;
};

/**
 * The whole months covering the dates asked for (either may be left out: `to` defaults to today in Denmark,
 * `from` to 11 months before `to`'s month). `statistics.period_invalid` when `from` falls after `to` or the
 * period is longer than MAX_MONTHS.
 */
export function wholeMonths(q: { from?: string; to?: string }, now = new Date()): MonthPeriod {
  const last = monthIndex(q.to ?? danishToday(now));
  const first = q.from ? monthIndex(q.from) : last - (DEFAULT_MONTHS - 1);
  if (q.from && q.to && q.from > q.to) throw new AppError('statistics.period_invalid');
  if (!(first <= last && last - first < MAX_MONTHS)) throw new AppError('statistics.period_invalid');
  const months = Array.from({ length: last - first + 1 }, (_, i) => monthOf(first + i));
  return {
    from: `${monthOf(first)}-01`,
    to: lastDay(monthOf(last)),
    months,
    start: danishMidnight(`${monthOf(first)}-01`),
    end: danishMidnight(`${monthOf(last + 1)}-01`),
  };
}
