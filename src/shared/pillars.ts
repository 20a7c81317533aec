import { PILLARS, type Pillar } from './catalogue.js';
import type { Locale } from './constants.js';

/**
 * The five pillars of a professional learning community (PLF-huset): the one source of their names. A kommune
 * may call them in its own words (kommuner.pillar_labels, set by its forvaltning or an administrator); every
 * page shows `pillarLabels(theKommunesWords, locale)`. The keys stay the same, so videos tagged in one kommune
 * read right in another.
 */
export const DEFAULT_PILLAR_LABELS: Record<Locale, Record<Pillar, string>> = {
  da: {
    vision: 'Fælles vision og værdier',
    laering: 'Fokus på børn og unges læring',
    samarbejde: 'Samarbejde og fælles ansvar',
    dialog: 'Reflekterende dialog',
    deprivatisering: 'Åben praksis',
  },
  en: {
    vision: 'Shared vision and values',
    laering: 'Focus on children’s and young people’s learning',
    samarbejde: 'Collaboration and shared responsibility',
    dialog: 'Reflective dialogue',
    deprivatisering: 'Open practice',
  },
};

/** The longest name a kommune may give a pillar. */
export const PILLAR_LABEL_MAX = 80;

/** A kommune's own words (all five, in the kommune's language) win over the defaults in either language. */
export function pillarLabels(
  custom: Partial<Record<Pillar, string>> | null | undefined,
  locale: Locale,
): Record<Pillar, string> {
  const base = DEFAULT_PILLAR_LABELS[locale];
  return Object.fromEntries(PILLARS.map((p) => [p, custom?.[p]?.trim() || base[p]])) as Record<
    Pillar,
    string
  >;
}
