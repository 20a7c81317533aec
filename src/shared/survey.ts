/**
 * The staff survey (issue 18, S1–S2): social capital in four dimensions and the four PLF questions, answered
 * anonymously by a personal one-time link, with results only for groups large enough. Used by server and web.
 */

/** The four social-capital dimensions and the PLF questions. Scores per dimension are 0–100. */
export const SOCIAL_CAPITAL_DIMENSIONS = ['tillid', 'kerneopgave', 'ledelse', 'involvering'] as const;
export const SURVEY_DIMENSIONS = [...SOCIAL_CAPITAL_DIMENSIONS, 'plf'] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

/** A question on the agreement scale (1 helt uenig … 5 helt enig, or "ved ikke"), or an open text question. */
export const SURVEY_ITEM_KINDS = ['scale', 'text'] as const;
export type SurveyItemKind = (typeof SURVEY_ITEM_KINDS)[number];
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** A scale answer on 0–100: 1 → 0, 5 → 100. */
export const scaleScore = (value: number) => ((value - SCALE_MIN) * 100) / (SCALE_MAX - SCALE_MIN);

/** Answers carry one of these; a leder is a leder, everyone else on the staff (ressourceperson too) medarbejder. */
export const ROLE_GROUPS = ['medarbejder', 'leder'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

/**
 * The department '' holds an institution's leaders (one group per institution, an afdelingsleder too) and its staff
 * in no afdeling. A line of it is named by the role groups behind it — its own role group, else the roles of the
 * institution's '' lines: "Ledelsen", "Uden afdeling", or both.
 */
export type BlankDepartment = 'leaders' | 'none' | 'leadersAndNone';
export function blankDepartment(
  role: RoleGroup | null,
  lines: readonly { institutionId?: string | null; department: string | null; roleGroup: RoleGroup | null }[],
  institutionId: string | null,
): BlankDepartment {
  const roles = new Set(
    role
      ? [role]
      : lines
          .filter((l) => (l.institutionId ?? null) === institutionId && l.department === '' && l.roleGroup)
          .map((l) => l.roleGroup),
  );
  if (roles.has('leder')) return roles.has('medarbejder') ? 'leadersAndNone' : 'leaders';
  return 'none';
}

/** A questionnaire version: editable while a draft, fixed once published (a round is locked to one version). */
export const QUESTIONNAIRE_STATES = ['draft', 'published'] as const;

/** Where a round is, from its dates (Europe/Copenhagen days) and an early close. */
export const ROUND_STATES = ['planned', 'open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const SURVEY_LIMITS = {
  /** The smallest group shown, by default and at the very least (a round's setting lies between). */
  minGroup: 5,
  minGroupFloor: 3,
  minGroupMax: 50,
  roundName: 120,
  itemText: 500,
  freeText: 2000,
  itemsPerQuestionnaire: 80,
  institutionsPerRound: 500,
} as const;

/**
 * The seed's reference (seed 002, Aarhus Kommune, Børn og Unge, 2020–2022): at department level every +10 points
 * of social capital went with about +9 points on the PLF questions for staff and +8 for leaders, about 80 %
 * explained. Shown beside a kommune's own fit; the source only gives slopes and R², so the line is drawn through
 * the kommune's own means.
 */
export const AARHUS_REFERENCE = {
  medarbejder: { slope: 0.9, r2: 0.8 },
  leder: { slope: 0.8, r2: 0.8 },
  source: 'Aarhus Kommune, Børn og Unge: Stærkere Læringsfællesskaber (2023), målinger 2020–2022',
} as const;

/** A printed code: 12 characters from an alphabet without look-alikes, shown in groups of four. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;
/** A typed code as it is stored: upper case, without spaces and dashes. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
