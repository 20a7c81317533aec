/**
 * Progression overview (issue 17 part 2, P2): the words of the data model, shared by server and web. Children are
 * pseudonymous (a local code per child, never a CPR number); per assessment period and area each child has a
 * status — grøn, gul or rød — with an optional score and a short note.
 */
export const PROGRESSION_STATUSES = ['groen', 'gul', 'roed'] as const;
export type ProgressionStatus = (typeof PROGRESSION_STATUSES)[number];
/** Higher is better: movement between two periods compares these. */
export const STATUS_RANK: Record<ProgressionStatus, number> = { roed: 0, gul: 1, groen: 2 };

/** Areas an institution starts with, by institution kind (it can rename, add and archive). */
export const DEFAULT_AREAS = {
  skole: ['Læsning', 'Matematik', 'Trivsel'],
  dagtilbud: ['Sprog', 'Sociale kompetencer', 'Trivsel'],
  klub: ['Trivsel', 'Fællesskab'],
} as const;

/** The smallest group whose summary anyone outside the class's own circle may see (also the suppression floor). */
export const PROGRESSION_MIN_GROUP = 5;

/** Limits (also in the contracts). */
export const PROGRESSION_LIMITS = {
  name: 100,
  code: 20,
  fullName: 200,
  note: 500,
  conferenceText: 8000,
  reason: 500,
  childrenPerGroup: 60,
  areas: 20,
  periodsPerYear: 12,
  /** Retention after the school year ends, in months. */
  retentionMonths: { min: 1, max: 120, default: 12 },
  score: { min: -100_000, max: 100_000 },
} as const;

/** A school year by its first calendar year: 2026 is 1 August 2026 – 31 July 2027, shown "2026/27". */
export const schoolYearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
/** The school year a day (YYYY-MM-DD) falls in. */
export function schoolYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number);
  return m >= 8 ? y : y - 1;
}
