/** The planning calendar's month arithmetic (Monday-first weeks, dates as yyyy-mm-dd). Pure. */

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** `YYYY-MM` of a date (local calendar). */
export const monthOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: isoDate(y, m, 1), to: isoDate(y, m, days) };
}

/** Weeks of the month, Monday first; days outside the month are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => isoDate(y, m, i + 1)),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Items grouped by their date, in date order. */
export function byDay<T extends { plannedFor: string }>(items: T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const it of [...items].sort((a, b) => a.plannedFor.localeCompare(b.plannedFor))) {
    const day = it.plannedFor.slice(0, 10);
    map.set(day, [...(map.get(day) ?? []), it]);
  }
  return [...map.entries()];
}

/**
 * Weekday names Monday first. Danish short names in Dansk Sprognævn's style ("man., tirs., ons., tors., fre.,
 * lør., søn."), fixed here: browsers' own data disagree (some say "tir."/"tor."), so every browser shows the same.
 */
const DA_SHORT = ['man.', 'tirs.', 'ons.', 'tors.', 'fre.', 'lør.', 'søn.'];
export function weekdayNames(style: 'short' | 'long', locale: 'da' | 'en'): string[] {
  if (style === 'short' && locale === 'da') return DA_SHORT;
  // 2027-03-01 is a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { weekday: style }).format(
      new Date(`2027-03-0${i + 1}T12:00:00`),
    ),
  );
}
