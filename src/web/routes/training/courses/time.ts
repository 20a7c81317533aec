/** Dates and times of training sessions (pure: the locale tag and, in tests, the time zone are passed in). */

type Span = { startsAt: string; endsAt: string };

const dateFormat = (tag: string, timeZone?: string) =>
  new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
const clockFormat = (tag: string, timeZone?: string) =>
  new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone });

/** "tirsdag den 3. marts 2026, 14.00–16.00"; the end's date too when it is another day. */
export function formatSessionTime(s: Span, tag: string, timeZone?: string): string {
  const day = dateFormat(tag, timeZone);
  const clock = clockFormat(tag, timeZone);
  const [d1, d2] = [day.format(new Date(s.startsAt)), day.format(new Date(s.endsAt))];
  const [c1, c2] = [clock.format(new Date(s.startsAt)), clock.format(new Date(s.endsAt))];
  return d1 === d2 ? `${d1}, ${c1}–${c2}` : `${d1}, ${c1} – ${d2}, ${c2}`;
}

/** Local date (yyyy-mm-dd) and time (hh:mm) of an instant, for date and time inputs. */
export function toLocalParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** The instant (ISO) of a local date and time from the inputs, or null when either is missing or invalid. */
export function fromLocalParts(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = new Date(`${date}T${time}`);
  if (Number.isNaN(d.getTime())) return null;
  // new Date() rolls 2026-02-30 over to March: only a date that reads back the same is real.
  return toLocalParts(d.toISOString()).date === date ? d.toISOString() : null;
}
