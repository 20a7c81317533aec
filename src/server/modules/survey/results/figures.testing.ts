import {
  type RoleGroup,
  SOCIAL_CAPITAL_DIMENSIONS,
  type SurveyDimension,
  type SurveyItemKind,
  scaleScore,
} from '../../../../shared/survey.js';
import type { DbOrTx } from '../../../db/index.js';
import {
  surveyAnswers,
  surveyAnswerTexts,
  surveyAnswerValues,
  surveyGroups,
  surveyItems,
  surveyQuestionnaires,
  surveyRoundInstitutions,
  surveyRounds,
} from '../../../db/survey-schema.js';

/**
 * Rows for the results, analysis and bench (issue 18), written straight into the tables — a published questionnaire,
 * rounds, groups, answers with their scores worked out as the answering does (the mean of a dimension's answered
 * questions on 0–100; social capital the mean of the four dimensions answered) — without the answering API.
 */

export type ItemSpec = { key: string; kind: SurveyItemKind; dimension: SurveyDimension | null };

/** A small questionnaire: two questions per social-capital dimension, two PLF questions, one open question. */
export const SMALL_ITEMS: ItemSpec[] = [
  ...SOCIAL_CAPITAL_DIMENSIONS.flatMap((d) =>
    [1, 2].map((n) => ({ key: `${d}${n}`, kind: 'scale' as const, dimension: d })),
  ),
  { key: 'plf1', kind: 'scale', dimension: 'plf' },
  { key: 'plf2', kind: 'scale', dimension: 'plf' },
  { key: 'fritekst', kind: 'text', dimension: null },
];

export type SeededItem = { id: string; key: string; kind: SurveyItemKind; dimension: SurveyDimension | null };

export async function addQuestionnaire(
  db: DbOrTx,
  kommuneId: string | null,
  specs: ItemSpec[] = SMALL_ITEMS,
): Promise<{ id: string; items: SeededItem[] }> {
  const family = crypto.randomUUID();
  const [q] = await db
    .insert(surveyQuestionnaires)
    .values({
      id: family,
      family,
      version: 1,
      kommuneId,
      nameDa: 'Social kapital og PLF (test)',
      state: 'published',
      publishedAt: new Date(),
    })
    .returning({ id: surveyQuestionnaires.id });
  const items = await db
    .insert(surveyItems)
    .values(
      specs.map((s, i) => ({
        questionnaireId: q.id,
        key: s.key,
        position: i,
        kind: s.kind,
        dimension: s.dimension,
        textDa: `Spørgsmål ${i + 1} (${s.key}): æ ø å`,
        textEn: `Question ${i + 1}`,
      })),
    )
    .returning({
      id: surveyItems.id,
      key: surveyItems.key,
      kind: surveyItems.kind,
      dimension: surveyItems.dimension,
    });
  return { id: q.id, items };
}

export async function addRound(
  db: DbOrTx,
  r: {
    kommuneId: string;
    questionnaireId: string;
    name: string;
    opensOn: string;
    closesOn: string;
    closedOn?: string | null;
    minGroup?: number;
    institutionIds: string[];
  },
): Promise<string> {
  const [row] = await db
    .insert(surveyRounds)
    .values({
      kommuneId: r.kommuneId,
      questionnaireId: r.questionnaireId,
      name: r.name,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      closedOn: r.closedOn ?? null,
      minGroup: r.minGroup ?? 5,
      openedAt: new Date(`${r.opensOn}T06:00:00Z`),
    })
    .returning({ id: surveyRounds.id });
  await db
    .insert(surveyRoundInstitutions)
    .values(r.institutionIds.map((institutionId) => ({ roundId: row.id, institutionId })));
  return row.id;
}

export async function addGroup(
  db: DbOrTx,
  roundId: string,
  institutionId: string,
  departmentName: string,
  roleGroup: RoleGroup,
  invited: number,
): Promise<string> {
  const [row] = await db
    .insert(surveyGroups)
    .values({ roundId, institutionId, departmentName, roleGroup, invited })
    .returning({ id: surveyGroups.id });
  return row.id;
}

/** One answer: a value (1–5, null "ved ikke") per scale question in the items' order; open answers by item key. */
export type AnswerSpec = { values: (number | null)[]; texts?: Record<string, string> };

const meanOf = (xs: (number | null)[]) => {
  const got = xs.filter((x): x is number => x !== null);
  return got.length ? got.reduce((s, x) => s + x, 0) / got.length : null;
};

/** The scores an answer gets (as the answering works them out). */
export function scoresOf(items: SeededItem[], values: (number | null)[]) {
  const scale = items.filter((i) => i.kind === 'scale');
  const dim = (d: SurveyDimension) =>
    meanOf(
      scale.flatMap((it, k) =>
        it.dimension === d ? [values[k] === null ? null : scaleScore(values[k] as number)] : [],
      ),
    );
  const tillid = dim('tillid');
  const kerneopgave = dim('kerneopgave');
  const ledelse = dim('ledelse');
  const involvering = dim('involvering');
  return {
    tillid,
    kerneopgave,
    ledelse,
    involvering,
    plf: dim('plf'),
    socialCapital: meanOf([tillid, kerneopgave, ledelse, involvering]),
  };
}

const CHUNK = 5000;

/** Answers of one group (bulk: values in chunks). */
export async function addAnswers(
  db: DbOrTx,
  roundId: string,
  groupId: string,
  items: SeededItem[],
  answers: AnswerSpec[],
  answeredOn = '2025-03-03',
): Promise<void> {
  if (!answers.length) return;
  const scale = items.filter((i) => i.kind === 'scale');
  const byKey = new Map(items.map((i) => [i.key, i.id]));
  const ids: string[] = [];
  for (let i = 0; i < answers.length; i += CHUNK) {
    const made = await db
      .insert(surveyAnswers)
      .values(
        answers
          .slice(i, i + CHUNK)
          .map((a) => ({ roundId, groupId, answeredOn, ...scoresOf(items, a.values) })),
      )
      .returning({ id: surveyAnswers.id });
    ids.push(...made.map((m) => m.id));
  }
  const values = answers.flatMap((a, n) =>
    scale.map((it, k) => ({ answerId: ids[n], itemId: it.id, value: a.values[k] ?? null })),
  );
  for (let i = 0; i < values.length; i += CHUNK)
    await db.insert(surveyAnswerValues).values(values.slice(i, i + CHUNK));
  const texts = answers.flatMap((a) =>
    Object.entries(a.texts ?? {}).map(([key, text]) => ({
      roundId,
      groupId,
      itemId: byKey.get(key) as string,
      text,
    })),
  );
  if (texts.length) await db.insert(surveyAnswerTexts).values(texts);
}

/** `n` answers with the same value on every scale question. */
export const same = (n: number, value: number | null, scaleCount: number, texts?: Record<string, string>) =>
  Array.from({ length: n }, () => ({ values: Array(scaleCount).fill(value), texts }));

/** Answers straight with their scores (the analysis): social capital and PLF given, no values. */
export async function addScoredAnswers(
  db: DbOrTx,
  roundId: string,
  groupId: string,
  scores: { socialCapital: number | null; plf: number | null }[],
): Promise<void> {
  if (!scores.length) return;
  await db.insert(surveyAnswers).values(
    scores.map((s) => ({
      roundId,
      groupId,
      answeredOn: '2025-03-03',
      tillid: s.socialCapital,
      kerneopgave: s.socialCapital,
      ledelse: s.socialCapital,
      involvering: s.socialCapital,
      socialCapital: s.socialCapital,
      plf: s.plf,
    })),
  );
}
