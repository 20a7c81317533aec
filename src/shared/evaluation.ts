import type { WordKind } from './vocabulary.js';

/**
 * The evaluation plan / dataårshjul (issue 17 part 1, P1): what data an institution (a team, a kommune) collects
 * when, for whom, who is responsible, and when and in which meeting it is analysed. Used by server and web.
 */

export const PLAN_SCOPES = ['kommune', 'institution', 'team'] as const;
export type PlanScope = (typeof PLAN_SCOPES)[number];

/** Every kind of data an item can be about; which ones a plan offers follows its institution type. */
export const EVALUATION_KINDS = [
  'nationale_test',
  'laeseproeve',
  'trivselsmaaling',
  'sprogvurdering',
  'boernemiljoevurdering',
  'trivselsvurdering',
  'ungeundersoegelse',
  'fremmoede',
  'observationsrunde',
  'medarbejderundersoegelse',
  'andet',
] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** The kinds an institution of each kind plans (a kommune plan may hold any of them). */
export const KINDS_BY_WORDS: Record<WordKind, readonly EvaluationKind[]> = {
  skole: [
    'nationale_test',
    'laeseproeve',
    'trivselsmaaling',
    'observationsrunde',
    'medarbejderundersoegelse',
    'andet',
  ],
  dagtilbud: [
    'sprogvurdering',
    'boernemiljoevurdering',
    'trivselsvurdering',
    'observationsrunde',
    'medarbejderundersoegelse',
    'andet',
  ],
  klub: ['ungeundersoegelse', 'fremmoede', 'observationsrunde', 'medarbejderundersoegelse', 'andet'],
};

/**
 * Does a kommune plan's item concern an institution of this kind? Its kind is one the institution plans itself
 * (a school gets the national tests, a dagtilbud the language assessment; observation rounds and staff surveys
 * everyone).
 */
export const kindConcerns = (kind: EvaluationKind, words: WordKind) => KINDS_BY_WORDS[words].includes(kind);

/** Where the data is analysed. */
export const MEETING_KINDS = [
  'laeringssamtale',
  'teammoede',
  'paedagogisk_raad',
  'ledelsesmoede',
  'andet',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const EVALUATION_LIMITS = {
  title: 200,
  groups: 200,
  responsibleText: 120,
  note: 2000,
  /** Items in one plan (a year of one institution, team or kommune). */
  items: 200,
  remindDays: 60,
} as const;

/** The earliest and latest school year one can plan (its start year). */
export const FIRST_SCHOOL_YEAR = 2000;
export const LAST_SCHOOL_YEAR = 2099;

/** The school year (its start year) a day belongs to: 1 August – 31 July. `day` is YYYY-MM-DD. */
export function schoolYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number);
  return m >= 8 ? y : y - 1;
}

/** "2026/27". */
export function schoolYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a school year (YYYY-MM-DD). */
export function schoolYearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-08-01`, to: `${year + 1}-07-31` };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The same day a year later (copying last year's plan): 29 February becomes 28 February. `day` is YYYY-MM-DD.
 */
export function nextYearDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = y + 1;
  const dd = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The kinds' and meetings' names for the server's texts (calendar feed, e-mails); the web has them in i18n. */
export const EVALUATION_WORDS = {
  da: {
    kinds: {
      nationale_test: 'Nationale test',
      laeseproeve: 'Læseprøve/ordblindetest',
      trivselsmaaling: 'Trivselsmåling',
      sprogvurdering: 'Sprogvurdering',
      boernemiljoevurdering: 'Børnemiljøvurdering',
      trivselsvurdering: 'Trivselsvurdering',
      ungeundersoegelse: 'Undersøgelse blandt de unge',
      fremmoede: 'Fremmøde og aktivitet',
      observationsrunde: 'Observationsrunde',
      medarbejderundersoegelse: 'Medarbejderundersøgelse',
      andet: 'Andet',
    },
    meetings: {
      laeringssamtale: 'Læringssamtale',
      teammoede: 'Teammøde',
      paedagogisk_raad: 'Pædagogisk råd',
      ledelsesmoede: 'Ledelsesmøde',
      andet: 'Møde',
    },
    collect: 'Dataindsamling',
    analyse: 'Analyse',
    groups: 'For',
    responsible: 'Ansvarlig',
    plan: 'Plan',
    calendar: 'Dataårshjul',
  },
  en: {
    kinds: {
      nationale_test: 'National tests',
      laeseproeve: 'Reading test/dyslexia test',
      trivselsmaaling: 'Well-being survey',
      sprogvurdering: 'Language assessment',
      boernemiljoevurdering: 'Children’s environment assessment',
      trivselsvurdering: 'Well-being assessment',
      ungeundersoegelse: 'Survey of the young people',
      fremmoede: 'Attendance and activity',
      observationsrunde: 'Observation round',
      medarbejderundersoegelse: 'Staff survey',
      andet: 'Other',
    },
    meetings: {
      laeringssamtale: 'Learning conversation',
      teammoede: 'Team meeting',
      paedagogisk_raad: 'Staff council',
      ledelsesmoede: 'Leadership meeting',
      andet: 'Meeting',
    },
    collect: 'Data collection',
    analyse: 'Analysis',
    groups: 'For',
    responsible: 'Responsible',
    plan: 'Plan',
    calendar: 'Data year wheel',
  },
} as const satisfies Record<
  'da' | 'en',
  { kinds: Record<EvaluationKind, string>; meetings: Record<MeetingKind, string> } & Record<string, unknown>
>;
