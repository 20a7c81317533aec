import { currentLocale } from '../../../i18n';

/** A calendar day (YYYY-MM-DD) as "7. dec. 2026" / "7 Dec 2026". */
export const formatDay = (day: string) =>
  new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
