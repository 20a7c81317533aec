import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/constants';
import da from './da.json';

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

/**
 * Each feature area keeps its strings in `areas/<area>.<da|en>.json` under its own top-level keys. Danish is in the
 * first download; English comes as a chunk of its own when someone chooses it (most never do).
 */
type Strings = Record<string, unknown>;
const areasDa = import.meta.glob<Strings>('./areas/*.da.json', { eager: true, import: 'default' });
const areasEn = import.meta.glob<Strings>('./areas/*.en.json', { import: 'default' });
const merge = (parts: Strings[]) =>
  parts.reduce((all, strings) => Object.assign(all, strings), {} as Strings);
let english: Promise<void> | undefined;
function loadEnglish(): Promise<void> {
  english ??= Promise.all(
    [import('./en.json').then((m) => m.default as Strings)].concat(
      Object.values(areasEn).map((load) => load()),
    ),
  ).then((parts) => {
    i18n.addResourceBundle('en', 'translation', merge(parts), true, true);
  });
  return english;
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { da: { translation: merge([da, ...Object.values(areasDa)]) } },
  partialBundledLanguages: true,
  lng: 'da',
  fallbackLng: 'da',
  supportedLngs: ['da', 'en'],
  interpolation: { escapeValue: false },
});
if (initialLocale() === 'en') void setLocale('en');

/** Switches the interface language and remembers the choice on this device. */
export async function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage blocked */
  }
  if (locale === 'en') await loadEnglish();
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
