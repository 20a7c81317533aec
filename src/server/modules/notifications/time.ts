import { DIGEST_HOUR, TIME_ZONE } from '../../../shared/training.js';

/** Copenhagen's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(ms / 1000) * 1000;
}

/** A Danish calendar day, YYYY-MM-DD, at an instant. */
export const danishDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at);

/** The day after a YYYY-MM-DD day. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The instant a Danish wall-clock time (YYYY-MM-DD, HH:mm) names; null for a day that does not exist. */
export function copenhagenInstant(date: string, clock: string): Date | null {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = clock.split(':').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  const guess = Date.UTC(y, m - 1, d, h, mi);
  return new Date(guess - offsetAt(guess - offsetAt(guess)));
}

/** The instant it is `hour`:00 in Copenhagen on a YYYY-MM-DD day (no DST switch happens at the hours we use). */
export const danishTime = (date: string, hour: number): Date => copenhagenInstant(date, `${hour}:00`) as Date;

/**
 * The digest's cut-off: the latest DIGEST_HOUR o'clock, Danish time, at or before `now`. Notifications made
 * before it are due; a worker that was down at 07:00 catches up on its next run, and one made after it waits
 * for the next day's digest.
 */
export function digestCutoff(now: Date): Date {
  const today = danishDate(now);
  const at = danishTime(today, DIGEST_HOUR);
  if (at.getTime() <= now.getTime()) return at;
  const [y, m, d] = today.split('-').map(Number);
  return danishTime(new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10), DIGEST_HOUR);
}
