import type { InstitutionType, Locale } from './constants.js';

/**
 * Words follow the institution type (issue 15): a school speaks of elever and lærere, fag and klassetrin; a
 * dagtilbud of børn and pædagoger, læreplanstemaer and aldersgrupper, and a visit is a visit to the learning
 * environment; a klub of unge. ONE way to get them:
 * - the kind comes from `wordKind(institutionType)` (a fællesfunktion or an unknown place speaks the school's);
 * - the web passes it to i18next as context (`src/web/i18n/words.ts`: `useWords(institutionId)` gives a `t` that
 *   does it): a key's `_dagtilbud` / `_klub` variant wins where one exists, else the plain key (the school's words);
 * - the server (e-mails, CSV headers) reads `words(kind, locale)` below.
 */

export const WORD_KINDS = ['skole', 'dagtilbud', 'klub'] as const;
export type WordKind = (typeof WORD_KINDS)[number];

export function wordKind(type: InstitutionType | null | undefined): WordKind {
  return type === 'dagtilbud' || type === 'klub' ? type : 'skole';
}

/**
 * The kind a video's facts speak, from its age band (0–2 and 3–5 years: a dagtilbud's; klub: a klub's; the
 * classes: a school's); undefined without an age band (then the person's own words).
 */
export function ageBandKind(ageBand: string | null | undefined): WordKind | undefined {
  if (!ageBand) return undefined;
  return ageBand === '0-2' || ageBand === '3-5' ? 'dagtilbud' : ageBand === 'klub' ? 'klub' : 'skole';
}

/**
 * The i18next context of a list that may hold several kinds' videos (the search facets, the usage statistics):
 * the kind of the age bands it is narrowed to, `mixed` when they speak several (a key's `_mixed` variant: "Fag /
 * læreplanstema", as the statistics CSV says), and `otherwise` when it is not narrowed to an age band — the
 * viewer's own kind for one institution's figures, `mixed` for the catalogue or a kommune.
 */
export function listContext(
  ageBands: readonly (string | null | undefined)[],
  otherwise: WordKind | 'mixed',
): 'dagtilbud' | 'klub' | 'mixed' | undefined {
  const kinds = new Set(ageBands.map(ageBandKind).filter((k) => k !== undefined));
  if (kinds.size > 1 || (kinds.size === 0 && otherwise === 'mixed')) return 'mixed';
  const [kind] = kinds.size === 1 ? [...kinds] : [otherwise as WordKind];
  return wordContext(kind);
}

/** The i18next context of a kind: none for a school, whose words are the plain keys. */
export function wordContext(kind: WordKind): 'dagtilbud' | 'klub' | undefined {
  return kind === 'skole' ? undefined : kind;
}

export type Words = {
  /** One child / pupil / young person, and many. */
  child: string;
  children: string;
  /** The professional observed, one and many. */
  staff: string;
  staffPlural: string;
  /** What the `subject` field is called, and `grade`. */
  subject: string;
  grade: string;
  noSubject: string;
  noGrade: string;
  /** "a visit in …" — where the observed person works. */
  visitPlace: string;
};

const DA: Record<WordKind, Words> = {
  skole: {
    child: 'elev',
    children: 'elever',
    staff: 'lærer',
    staffPlural: 'lærere',
    subject: 'Fag',
    grade: 'Klassetrin',
    noSubject: 'Uden fag',
    noGrade: 'Uden klassetrin',
    visitPlace: 'din undervisning',
  },
  dagtilbud: {
    child: 'barn',
    children: 'børn',
    staff: 'pædagog',
    staffPlural: 'pædagoger',
    subject: 'Læreplanstema',
    grade: 'Aldersgruppe',
    noSubject: 'Uden læreplanstema',
    noGrade: 'Uden aldersgruppe',
    visitPlace: 'dit læringsmiljø',
  },
  klub: {
    child: 'ung',
    children: 'unge',
    staff: 'pædagog',
    staffPlural: 'pædagoger',
    subject: 'Tema',
    grade: 'Aldersgruppe',
    noSubject: 'Uden tema',
    noGrade: 'Uden aldersgruppe',
    visitPlace: 'dit arbejde i klubben',
  },
};

const EN: Record<WordKind, Words> = {
  skole: {
    child: 'pupil',
    children: 'pupils',
    staff: 'teacher',
    staffPlural: 'teachers',
    subject: 'Subject',
    grade: 'Grade',
    noSubject: 'No subject',
    noGrade: 'No grade',
    visitPlace: 'your lesson',
  },
  dagtilbud: {
    child: 'child',
    children: 'children',
    staff: 'pedagogue',
    staffPlural: 'pedagogues',
    subject: 'Curriculum theme',
    grade: 'Age group',
    noSubject: 'No curriculum theme',
    noGrade: 'No age group',
    visitPlace: 'your learning environment',
  },
  klub: {
    child: 'young person',
    children: 'young people',
    staff: 'youth worker',
    staffPlural: 'youth workers',
    subject: 'Theme',
    grade: 'Age group',
    noSubject: 'No theme',
    noGrade: 'No age group',
    visitPlace: 'your work in the club',
  },
};

/** The server's words for a kind (e-mails, CSV headers); the web has the same in its i18n files. */
export function words(kind: WordKind, locale: Locale = 'da'): Words {
  return (locale === 'en' ? EN : DA)[kind];
}
