import { currentLocale } from '../../i18n';

/** "12. sep." / "12 Sept": a YYYY-MM-DD day, short. */
export function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "september 2026" / "September 2026". */
export function monthName(day: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'da-DK', {
    month: style,
    ...(style === 'long' ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
