import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../../shared/constants.js';
import type * as c from '../../../../shared/contracts/survey.js';
import type { AppContext } from '../../../context.js';
import { surveyQuestionnaires, surveyRoundInstitutions, surveyRounds } from '../../../db/survey-schema.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import {
  listsInstitutionRounds,
  managesRounds,
  roundInstitutionsSeen,
  seesRound,
} from '../../../policy/rules-survey.js';
import { danishToday, roundState } from '../days.js';
import { openRound } from './open.js';
import { roundRef } from './refs.js';
import * as repo from './repo.js';
import { responseLines, roundAnswered } from './response.js';

type Summary = z.infer<typeof c.RoundSummary>;
type Round = z.infer<typeof c.Round>;

/** A round the actor may read (its detail), else survey.round_not_found — a forged id looks the same. */
export async function readableRound(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  id: string,
  forUpdate = false,
) {
  const [r] = await repo.loadRounds(ctx.db, { ids: [id] }, { forUpdate });
  if (!r || !seesRound(actor, roundRef(r))) throw new AppError('survey.round_not_found');
  return r;
}

function summary(
  actor: Actor,
  r: repo.RoundRow,
  counts: repo.GroupCount[],
  locale: Locale,
  today: string,
): Summary {
  const mine = counts.filter((g) => g.round_id === r.id);
  return {
    id: r.id,
    kommuneId: r.kommuneId,
    name: r.name,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    closedOn: r.closedOn,
    state: roundState(r, today),
    minGroup: r.minGroup,
    questionnaire: {
      id: r.questionnaire.id,
      name: (locale === 'en' && r.questionnaire.nameEn) || r.questionnaire.nameDa,
      version: r.questionnaire.version,
    },
    institutionCount: r.institutions.length,
    invited: mine.reduce((n, g) => n + g.invited, 0),
    answered: roundAnswered(mine, r.minGroup),
    version: r.version,
    canManage: managesRounds(actor, r.kommuneId),
  };
}

/** Rounds: listing, reading with response counts, making, moving and closing (issue 18 item 2). */
export function createRoundService(ctx: Pick<AppContext, 'db' | 'config'>) {
  const { db } = ctx;

  async function detail(actor: Actor, r: repo.RoundRow, locale: Locale, now = new Date()): Promise<Round> {
    const seen = roundInstitutionsSeen(actor, roundRef(r));
    const counts = await repo.groupCounts(db, [r.id]);
    const visible = seen === 'all' ? counts : counts.filter((g) => seen.includes(g.institution_id));
    return {
      ...summary(actor, r, counts, locale, danishToday(now)),
      institutions: seen === 'all' ? r.institutions : r.institutions.filter((i) => seen.includes(i.id)),
      response: responseLines(visible, r.minGroup),
      unsentInvitations: await repo.unsentInvitations(db, r.id, seen),
    };
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.RoundListQuery>, locale: Locale): Promise<Summary[]> {
      let found: repo.RoundRow[];
      if (q.kommuneId) {
        if (!managesRounds(actor, q.kommuneId)) throw new AppError('survey.kommune_not_found');
        found = await repo.loadRounds(db, { kommuneId: q.kommuneId });
      } else if (q.institutionId) {
        const inst = await repo.institutionRef(db, q.institutionId);
        if (!inst || !listsInstitutionRounds(actor, inst)) throw new AppError('survey.institution_not_found');
        found = await repo.loadRounds(db, { institutionId: q.institutionId });
      } else throw new AppError('request.invalid');
      const counts = await repo.groupCounts(
        db,
        found.map((r) => r.id),
      );
      const today = danishToday();
      return found.map((r) => summary(actor, r, counts, locale, today));
    },

    async get(actor: Actor, id: string, locale: Locale): Promise<Round> {
      return detail(actor, await readableRound(ctx, actor, id), locale);
    },

    /** Makes a round; opens it at once (invitations and e-mails) when its first day has come. */
    async create(actor: Actor, body: z.infer<typeof c.RoundCreate>, locale: Locale, now = new Date()) {
      if (!managesRounds(actor, body.kommuneId)) throw new AppError('survey.kommune_not_found');
      const today = danishToday(now);
      if (body.opensOn > body.closesOn) throw new AppError('survey.dates');
      if (body.closesOn < today) throw new AppError('survey.closes_in_past');
      const institutionIds = [...new Set(body.institutionIds)];
      const id = await db.transaction(async (tx) => {
        const [q] = await tx
          .select({ kommuneId: surveyQuestionnaires.kommuneId, state: surveyQuestionnaires.state })
          .from(surveyQuestionnaires)
          .where(eq(surveyQuestionnaires.id, body.questionnaireId))
          .for('share');
        if (!q || (q.kommuneId !== null && q.kommuneId !== body.kommuneId))
          throw new AppError('survey.questionnaire_not_found');
        if (q.state !== 'published') throw new AppError('survey.questionnaire_not_published');
        const ours = await repo.kommuneInstitutions(tx, body.kommuneId, institutionIds);
        if (ours.length !== institutionIds.length) throw new AppError('survey.institution_not_found');
        const [made] = await tx
          .insert(surveyRounds)
          .values({
            kommuneId: body.kommuneId,
            questionnaireId: body.questionnaireId,
            name: body.name,
            opensOn: body.opensOn,
            closesOn: body.closesOn,
            minGroup: body.minGroup,
            createdBy: actor.id,
          })
          .returning({ id: surveyRounds.id });
        await tx
          .insert(surveyRoundInstitutions)
          .values(institutionIds.map((institutionId) => ({ roundId: made.id, institutionId })));
        await openRound(tx, ctx, made.id, now);
        return made.id;
      });
      const [r] = await repo.loadRounds(db, { ids: [id] });
      return detail(actor, r, locale, now);
    },

    /**
     * Moves the close day (not before today) or closes now (closed_on = today). Takes the round's row lock, so an
     * answer being sent (whose submit holds the row `for share`) is either in before the close or refused after.
     */
    async update(
      actor: Actor,
      id: string,
      body: z.infer<typeof c.RoundUpdate>,
      locale: Locale,
      now = new Date(),
    ) {
      const today = danishToday(now);
      await db.transaction(async (tx) => {
        const [r] = await repo.loadRounds(tx, { ids: [id] }, { forUpdate: true });
        if (!r || !seesRound(actor, roundRef(r))) throw new AppError('survey.round_not_found');
        if (!managesRounds(actor, r.kommuneId)) throw new AppError('policy.forbidden');
        if (r.version !== body.version) throw new AppError('survey.round_stale');
        if (roundState(r, today) === 'closed') throw new AppError('survey.round_closed');
        let closesOn = r.closesOn;
        let closedOn: string | null = null;
        if (body.closeNow) closedOn = today;
        else if (body.closesOn) {
          if (body.closesOn < today) throw new AppError('survey.closes_in_past');
          if (body.closesOn < r.opensOn) throw new AppError('survey.dates');
          closesOn = body.closesOn;
        }
        await tx
          .update(surveyRounds)
          .set({ closesOn, closedOn, version: sql`${surveyRounds.version} + 1` })
          .where(and(eq(surveyRounds.id, id), eq(surveyRounds.version, body.version)));
      });
      return this.get(actor, id, locale);
    },
  };
}
