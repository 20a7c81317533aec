import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/constants';
import da from './da.json';
import en from './en.json';

const STORAGE_KEY = 'amongi.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'da' || saved === 'en') return saved;
  } catch {
    /* storage blocked */
  }
  return 'da';
}

/** Each feature area keeps its strings in `areas/<area>.<da|en>.json` under its own top-level keys. */
const areas = import.meta.glob<Record<string, unknown>>('./areas/*.json', { eager: true, import: 'default' });
const areaStrings = (lng: Locale) =>
  Object.entries(areas)
    .filter(([file]) => file.endsWith(`.${lng}.json`))
    .reduce((all, [, strings]) => Object.assign(all, strings), {} as Record<string, unknown>);

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: {
    da: { translation: { ...da, ...areaStrings('da') } },
    en: { translation: { ...en, ...areaStrings('en') } },
  },
  lng: initialLocale(),
  fallbackLng: 'da',
  supportedLngs: ['da', 'en'],
  interpolation: { escapeValue: false },
});

/** Switches the interface language and remembers the choice on this device. */
export async function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage blocked */
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'da');

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}
