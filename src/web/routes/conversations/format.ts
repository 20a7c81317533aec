import { currentLocale } from '../../i18n';

/** How a figure reads: a mean with one decimal, a share as a percentage, a count whole, an uploaded number as given. */
export function formatFigure(value: number | null, unit: string, unitLabel = ''): string {
  if (value === null) return '';
  const locale = currentLocale() === 'da' ? 'da-DK' : 'en-GB';
  const n = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
  switch (unit) {
    case 'share':
      return `${n(value * 100, 0)} %`;
    case 'mean':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
        value,
      );
    case 'count':
      return n(value, 0);
    default:
      return unitLabel ? `${n(value, 2)} ${unitLabel}` : n(value, 2);
  }
}

/** A calendar day ("2026-12-07") as "7. dec. 2026". */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
