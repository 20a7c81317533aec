import type { AgeBand, Pillar } from '../../../shared/catalogue.js';
import type { Locale } from '../../../shared/constants.js';

/**
 * Facet labels for the fixed vocabularies, so that the search API's `{ value, label, count }` is readable on
 * its own. The web shows the same words from its i18n files.
 */
export const AGE_BAND_LABELS: Record<Locale, Record<AgeBand, string>> = {
  da: {
    '0-2': '0–2 år',
    '3-5': '3–5 år',
    'kl0-3': '0.–3. klasse',
    'kl4-6': '4.–6. klasse',
    'kl7-10': '7.–10. klasse',
    klub: 'Klub og ungdom',
  },
  en: {
    '0-2': 'Age 0–2',
    '3-5': 'Age 3–5',
    'kl0-3': 'Grades 0–3',
    'kl4-6': 'Grades 4–6',
    'kl7-10': 'Grades 7–10',
    klub: 'Youth club',
  },
};

export const PILLAR_LABELS: Record<Locale, Record<Pillar, string>> = {
  da: {
    vision: 'Fælles vision og værdier',
    laering: 'Fokus på elevernes læring',
    samarbejde: 'Samarbejde',
    dialog: 'Reflekterende dialog',
    deprivatisering: 'Deprivatiseret praksis',
  },
  en: {
    vision: 'Shared vision and values',
    laering: 'Focus on pupils’ learning',
    samarbejde: 'Collaboration',
    dialog: 'Reflective dialogue',
    deprivatisering: 'Deprivatised practice',
  },
};
