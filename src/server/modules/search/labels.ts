import type { AgeBand } from '../../../shared/catalogue.js';
import type { Locale } from '../../../shared/constants.js';
import { DEFAULT_PILLAR_LABELS } from '../../../shared/pillars.js';

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

/** The pillars' default names (a kommune's own words are the web's to show: src/shared/pillars.ts). */
export const PILLAR_LABELS = DEFAULT_PILLAR_LABELS;
