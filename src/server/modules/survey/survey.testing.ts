import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { institutions, kommuner } from '../../db/schema.js';
import { surveyRoundInstitutions, surveyRounds } from '../../db/survey-schema.js';
import { BUILTIN_QUESTIONNAIRE_ID } from './builtin.js';
import { danishToday } from './days.js';
import { openRound } from './rounds/open.js';

/**
 * Test helper (H1 for H2, H3, H6): makes a round straight in the database and opens it at once — groups, one
 * invitation per staff member, the e-mails in the outbox — and returns the clear secrets (link token and printed
 * code per person), which nothing else keeps. Defaults: Fjordby Kommune's Solsikkeskolen, the built-in
 * questionnaire, open from today for 14 days, min group 5.
 */
export async function createSurveyRound(
  ctx: Pick<AppContext, 'db' | 'config'>,
  opts: {
    kommune?: string;
    institutions?: string[];
    institutionIds?: string[];
    questionnaireId?: string;
    name?: string;
    opensOn?: string;
    closesOn?: string;
    minGroup?: number;
    now?: Date;
  } = {},
): Promise<{ roundId: string; invitations: { userId: string; token: string; code: string }[] }> {
  const now = opts.now ?? new Date();
  const today = danishToday(now);
  const [k] = await ctx.db
    .select({ id: kommuner.id })
    .from(kommuner)
    .where(eq(kommuner.name, opts.kommune ?? 'Fjordby Kommune'));
  if (!k) throw new Error('createSurveyRound: no such kommune');
  const ids =
    opts.institutionIds ??
    (
      await ctx.db
        .select({ id: institutions.id })
        .from(institutions)
        .where(inArray(institutions.name, opts.institutions ?? ['Solsikkeskolen']))
    ).map((i) => i.id);
  if (ids.length === 0) throw new Error('createSurveyRound: no such institution');
  const plus = (days: number) =>
    new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return ctx.db.transaction(async (tx) => {
    const [round] = await tx
      .insert(surveyRounds)
      .values({
        kommuneId: k.id,
        questionnaireId: opts.questionnaireId ?? BUILTIN_QUESTIONNAIRE_ID,
        name: opts.name ?? 'Testrunde',
        opensOn: opts.opensOn ?? today,
        closesOn: opts.closesOn ?? plus(14),
        minGroup: opts.minGroup ?? 5,
      })
      .returning({ id: surveyRounds.id });
    await tx
      .insert(surveyRoundInstitutions)
      .values(ids.map((institutionId) => ({ roundId: round.id, institutionId })));
    const invitations = (await openRound(tx, ctx, round.id, now)) ?? [];
    return { roundId: round.id, invitations };
  });
}
