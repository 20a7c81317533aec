import { z } from 'zod';
import {
  SURVEY_LIMITS as L,
  QUESTIONNAIRE_STATES,
  ROLE_GROUPS,
  ROUND_STATES,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_DIMENSIONS,
  SURVEY_ITEM_KINDS,
} from '../survey.js';
import { WORD_KINDS } from '../vocabulary.js';
import { day, id, locale, timestamp } from './common.js';

/** The staff survey (issue 18): requests and answers of /api/v1/survey/… */

const dimension = z.enum(SURVEY_DIMENSIONS);
const roleGroup = z.enum(ROLE_GROUPS);
const version = z.number().int().min(1);
/** A score 0–100, or null where it is withheld (too few answers) or nobody answered it. */
const score = z.number().min(0).max(100).nullable();

// ── Questionnaires (S1) ─────────────────────────────────────────────────────────────────────────────────────
export const QuestionnaireListQuery = z.strictObject({ kommuneId: id });

export const SurveyItem = z.object({
  id,
  key: z.string(),
  position: z.number().int(),
  kind: z.enum(SURVEY_ITEM_KINDS),
  dimension: dimension.nullable(),
  textDa: z.string(),
  textEn: z.string(),
});

export const QuestionnaireSummary = z.object({
  id,
  family: id,
  version: z.number().int(),
  name: z.string(),
  state: z.enum(QUESTIONNAIRE_STATES),
  builtIn: z.boolean(),
  /** The kommune's own (null: the instance's, shared by every kommune). */
  kommuneId: id.nullable(),
  itemCount: z.number().int(),
  /** Rounds that use this version (a used version is never changed). */
  roundCount: z.number().int(),
  publishedAt: timestamp.nullable(),
  canEdit: z.boolean(),
});
export const Questionnaire = QuestionnaireSummary.extend({
  /** Moves on with every change to a draft (names, items); a name save names the revision it edited. */
  revision: z.number().int(),
  nameDa: z.string(),
  nameEn: z.string(),
  items: z.array(SurveyItem),
});

/** A new draft version: a copy of this one's items for the kommune (or, by an administrator, the instance). */
export const QuestionnaireNewVersion = z.strictObject({ kommuneId: id.nullable() });
/** `revision`: the one the editor saw; someone else's save since → 409 survey.questionnaire_stale. */
export const QuestionnaireUpdate = z.strictObject({
  revision: version,
  nameDa: z.string().trim().min(1).max(L.roundName),
  nameEn: z.string().trim().max(L.roundName).default(''),
});
const itemFields = {
  kind: z.enum(SURVEY_ITEM_KINDS),
  dimension: dimension.nullable().default(null),
  textDa: z.string().trim().min(1).max(L.itemText),
  textEn: z.string().trim().max(L.itemText).default(''),
};
export const ItemCreate = z.strictObject({ ...itemFields, position: z.number().int().min(0).optional() });
export const ItemUpdate = z.strictObject({ ...itemFields, position: z.number().int().min(0) });
export const ItemParams = z.strictObject({ id, itemId: id });

// ── Rounds ────────────────────────────────────────────────────────────────────────────────────────────────────
/** A kommune's rounds (its forvaltning), or the rounds that asked one institution (its staff and leaders). */
export const RoundListQuery = z.strictObject({ kommuneId: id.optional(), institutionId: id.optional() });
export const RoundCreate = z.strictObject({
  kommuneId: id,
  questionnaireId: id,
  name: z.string().trim().min(1).max(L.roundName),
  opensOn: day,
  closesOn: day,
  institutionIds: z.array(id).min(1).max(L.institutionsPerRound),
  minGroup: z.number().int().min(L.minGroupFloor).max(L.minGroupMax).default(L.minGroup),
});
/** Move the close day (not before today), or close now. */
export const RoundUpdate = z.strictObject({
  version,
  closesOn: day.optional(),
  closeNow: z.boolean().optional(),
});

export const RoundSummary = z.object({
  id,
  kommuneId: id,
  name: z.string(),
  opensOn: day,
  closesOn: day,
  /** The last day answers were taken when closed early. */
  closedOn: day.nullable(),
  state: z.enum(ROUND_STATES),
  minGroup: z.number().int(),
  questionnaire: z.object({ id, name: z.string(), version: z.number().int() }),
  institutionCount: z.number().int(),
  invited: z.number().int(),
  /**
   * Answers so far in the institutions shown (at least minGroup answers each): a withheld institution's answers are
   * counted nowhere, so this minus the shown lines never gives them (ADR 0010). The same for everyone.
   */
  answered: z.number().int(),
  version: z.number().int(),
  canManage: z.boolean(),
});

/** Response per group while a round runs and after: counts only, and only for groups of at least minGroup. */
export const ResponseGroup = z.object({
  institutionId: id,
  institutionName: z.string(),
  /** null: the institution as a whole (its line's total). */
  department: z.string().nullable(),
  roleGroup: roleGroup.nullable(),
  invited: z.number().int(),
  /** null where withheld. */
  answered: z.number().int().nullable(),
  rate: z.number().min(0).max(1).nullable(),
});
export const Round = RoundSummary.extend({
  institutions: z.array(z.object({ id, name: z.string() })),
  response: z.array(ResponseGroup),
  /** Invitations not reached by e-mail or code list yet, per institution (for the code list). */
  unsentInvitations: z.number().int(),
});

/** Send reminders now (only to those who have not answered). */
export const RemindResult = z.object({ reminded: z.number().int() });
/** A printed code list for one institution's staff who have not answered (names and codes; codes shown once). */
export const CodeListQuery = z.strictObject({
  institutionId: id,
  onlyWithoutEmail: z.coerce.boolean().optional(),
});
export const CodeList = z.object({
  roundName: z.string(),
  institutionName: z.string(),
  closesOn: day,
  /** The address where a code is typed. */
  url: z.string(),
  codes: z.array(z.object({ name: z.string(), code: z.string() })),
});

/** The signed-in person's open invitations they have not used (the front page's and the survey page's prompt). */
export const MySurveys = z.array(
  z.object({ roundId: id, roundName: z.string(), institutionName: z.string(), closesOn: day }),
);
/** A fresh link for the signed-in person (their e-mailed link and code stop working). */
export const MyLink = z.object({ token: z.string() });

// ── Answering (by link or code; no sign-in) ───────────────────────────────────────────────────────────────────
/** `lang`: the page's language (else the browser's Accept-Language, else Danish). */
export const AnswerTokenQuery = z.strictObject({
  token: z.string().min(1).max(200),
  lang: locale.optional(),
});
export const AnswerForm = z.object({
  roundId: id,
  roundName: z.string(),
  kommuneName: z.string(),
  institutionName: z.string(),
  department: z.string(),
  roleGroup,
  words: z.enum(WORD_KINDS),
  opensOn: day,
  closesOn: day,
  items: z.array(
    z.object({ id, kind: z.enum(SURVEY_ITEM_KINDS), dimension: dimension.nullable(), text: z.string() }),
  ),
});
export const AnswerSubmit = z.strictObject({
  token: z.string().min(1).max(200),
  /** The round the form was shown for: a token of another round is refused. */
  roundId: id,
  /** Every scale question once: 1–5, or null for "ved ikke" (an unanswered question counts as "ved ikke"). */
  values: z
    .array(z.strictObject({ itemId: id, value: z.number().int().min(SCALE_MIN).max(SCALE_MAX).nullable() }))
    .max(L.itemsPerQuestionnaire),
  texts: z
    .array(z.strictObject({ itemId: id, text: z.string().trim().max(L.freeText) }))
    .max(L.itemsPerQuestionnaire)
    .default([]),
});
export const AnswerReceipt = z.object({ ok: z.literal(true), answeredOn: day });

// ── Results (S1) ──────────────────────────────────────────────────────────────────────────────────────────────
export const ResultsQuery = z.strictObject({ institutionId: id.optional() });

/** One line of the results: a group's scores, or withheld (fewer than minGroup, or to protect another line). */
export const ResultGroup = z.object({
  institutionId: id.nullable(),
  institutionName: z.string().nullable(),
  department: z.string().nullable(),
  roleGroup: roleGroup.nullable(),
  withheld: z.boolean(),
  answered: z.number().int().nullable(),
  invited: z.number().int().nullable(),
  scores: z.record(dimension, score),
  socialCapital: score,
  /** Per scale question: its mean on 0–100 and the share who answered "ved ikke". */
  items: z.array(z.object({ itemId: id, mean: score, dontKnow: z.number().min(0).max(1).nullable() })),
});
export const Results = z.object({
  round: RoundSummary,
  items: z.array(SurveyItem),
  /** The whole (kommune or institution) first, then institutions, departments and role groups. */
  groups: z.array(ResultGroup),
  /** Open answers, only for groups shown, and never beside a withheld group's numbers. */
  texts: z.array(
    z.object({
      itemId: id,
      institutionName: z.string().nullable(),
      department: z.string().nullable(),
      texts: z.array(z.string()),
    }),
  ),
});

// ── Analysis (S2) ─────────────────────────────────────────────────────────────────────────────────────────────
export const AnalysisQuery = z.strictObject({ kommuneId: id, roundId: id.optional() });
export const Fit = z.object({
  n: z.number().int(),
  slope: z.number(),
  intercept: z.number(),
  r2: z.number(),
});
export const AnalysisPoint = z.object({
  institutionName: z.string(),
  department: z.string(),
  roleGroup,
  answered: z.number().int(),
  socialCapital: z.number(),
  plf: z.number(),
});
export const Analysis = z.object({
  round: RoundSummary,
  /** Departments shown (at least minGroup answers each, after complementary suppression). */
  points: z.array(AnalysisPoint),
  /** Per role group; null with fewer than three points. */
  fits: z.record(roleGroup, Fit.nullable()),
  withheldDepartments: z.number().int(),
  reference: z.object({
    medarbejder: z.object({ slope: z.number(), r2: z.number() }),
    leder: z.object({ slope: z.number(), r2: z.number() }),
    source: z.string(),
  }),
  /** Year over year: per department and role group, its scores in each earlier round of the kommune. */
  trend: z.array(
    z.object({
      institutionName: z.string(),
      department: z.string(),
      roleGroup,
      rounds: z.array(
        z.object({ roundId: id, name: z.string(), opensOn: day, socialCapital: score, plf: score }),
      ),
    }),
  ),
});

/** An institution's own trend (the leader's page, a learning conversation's package). */
export const InstitutionTrendQuery = z.strictObject({ institutionId: id });
export const InstitutionTrend = z.object({
  rounds: z.array(
    z.object({
      roundId: id,
      name: z.string(),
      closesOn: day,
      withheld: z.boolean(),
      answered: z.number().int().nullable(),
      scores: z.record(dimension, score),
      socialCapital: score,
    }),
  ),
});

export const ResultsCsv = z.string();
