import { currentLocale } from '../../i18n';

const tag = () => (currentLocale() === 'da' ? 'da-DK' : 'en-GB');

/** 0.75 → "75 %" (Danish) / "75%" (English). */
export const formatShare = (share: number) =>
  new Intl.NumberFormat(tag(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const formatNumber = (n: number) => new Intl.NumberFormat(tag()).format(n);

/** A date (YYYY-MM-DD or ISO) as "1. dec. 2026". */
export const formatDate = (value: string) =>
  new Intl.DateTimeFormat(tag(), {
    dateStyle: 'medium',
    timeZone: value.length === 10 ? 'UTC' : undefined,
  }).format(new Date(value));

/** A date (YYYY-MM-DD) as "1. marts 2026" / "1 March 2026". */
export const formatLongDate = (value: string) =>
  new Intl.DateTimeFormat(tag(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value));

export const formatClock = (value: Date) =>
  new Intl.DateTimeFormat(tag(), { hour: '2-digit', minute: '2-digit' }).format(value);
