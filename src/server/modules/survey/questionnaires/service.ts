import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../../shared/constants.js';
import type * as c from '../../../../shared/contracts/survey.js';
import { SURVEY_LIMITS } from '../../../../shared/survey.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { surveyItems, surveyQuestionnaires } from '../../../db/survey-schema.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, isAdmin } from '../../../policy/index.js';
import { decideSurvey, editsQuestionnaire, readsQuestionnaire } from '../../../policy/rules-survey.js';
import { enforce } from '../enforce.js';
import * as repo from './repo.js';

type Questionnaire = z.infer<typeof c.Questionnaire>;

const bumped = sql`${surveyQuestionnaires.revision} + 1`;
type Summary = z.infer<typeof c.QuestionnaireSummary>;

const summary = (actor: Actor, q: repo.QuestionnaireRow, locale: Locale): Summary => ({
  id: q.id,
  family: q.family,
  version: q.version,
  name: (locale === 'en' && q.nameEn) || q.nameDa,
  state: q.state,
  builtIn: q.builtIn,
  kommuneId: q.kommuneId,
  itemCount: q.itemCount,
  roundCount: q.roundCount,
  publishedAt: q.publishedAt ? q.publishedAt.toISOString() : null,
  canEdit: q.state === 'draft' && editsQuestionnaire(actor, q),
});

/** Questionnaire versions (issue 18 item 1): list, read, new draft version, edit a draft's name and items, publish. */
export function createQuestionnaireService(ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;

  async function full(actor: Actor, id: string, locale: Locale, tx: DbOrTx = db): Promise<Questionnaire> {
    const q = await repo.loadQuestionnaire(tx, id);
    if (!q) throw new AppError('survey.questionnaire_not_found');
    const items = await repo.loadItems(tx, id);
    return { ...summary(actor, q, locale), revision: q.revision, nameDa: q.nameDa, nameEn: q.nameEn, items };
  }

  /** The draft the actor may edit, locked for the transaction; a published one is 409, one they may not see 404. */
  async function editableDraft(tx: DbOrTx, actor: Actor, id: string) {
    const q = await repo.loadQuestionnaire(tx, id, true);
    if (!q) throw new AppError('survey.questionnaire_not_found');
    enforce(
      decideSurvey(actor, 'questionnaire.edit', { questionnaire: q }),
      'survey.questionnaire_not_found',
    );
    if (q.state !== 'draft' || q.roundCount > 0) throw new AppError('survey.questionnaire_published');
    return q;
  }

  /** A change to a draft's items: the draft's revision moves on (a name saved from before it is stale). */
  const touch = (tx: DbOrTx, id: string) =>
    tx.update(surveyQuestionnaires).set({ revision: bumped }).where(eq(surveyQuestionnaires.id, id));

  const checkItem = (b: { kind: string; dimension: string | null }) => {
    if (b.kind === 'text' && b.dimension !== null) throw new AppError('survey.text_has_dimension');
  };

  return {
    async list(actor: Actor, kommuneId: string, locale: Locale): Promise<Summary[]> {
      if (!readsQuestionnaire(actor, { kommuneId })) throw new AppError('survey.kommune_not_found');
      return (await repo.listQuestionnaires(db, kommuneId)).map((q) => summary(actor, q, locale));
    },

    async get(actor: Actor, id: string, locale: Locale): Promise<Questionnaire> {
      const q = await repo.loadQuestionnaire(db, id);
      if (!q || !readsQuestionnaire(actor, q)) throw new AppError('survey.questionnaire_not_found');
      return full(actor, id, locale);
    },

    /** A new draft: a copy of this version's items, in its family with the next version number, for the owner. */
    async newVersion(
      actor: Actor,
      id: string,
      body: z.infer<typeof c.QuestionnaireNewVersion>,
      locale: Locale,
    ) {
      const made = await db.transaction(async (tx) => {
        const q = await repo.loadQuestionnaire(tx, id);
        if (!q || !readsQuestionnaire(actor, q)) throw new AppError('survey.questionnaire_not_found');
        const owner = { kommuneId: body.kommuneId };
        if (!editsQuestionnaire(actor, owner))
          throw new AppError(
            body.kommuneId && !isAdmin(actor) ? 'survey.kommune_not_found' : 'policy.forbidden',
          );
        const version = await repo.nextVersion(tx, q.family);
        const [copy] = await tx
          .insert(surveyQuestionnaires)
          .values({
            family: q.family,
            version,
            kommuneId: body.kommuneId,
            nameDa: q.nameDa,
            nameEn: q.nameEn,
            state: 'draft',
            builtIn: false,
            createdBy: actor.id,
          })
          .returning({ id: surveyQuestionnaires.id });
        const items = await repo.loadItems(tx, id);
        if (items.length)
          await tx.insert(surveyItems).values(
            items.map(({ id: _id, questionnaireId: _q, ...item }) => ({
              ...item,
              questionnaireId: copy.id,
            })),
          );
        return copy.id;
      });
      return full(actor, made, locale);
    },

    async update(actor: Actor, id: string, body: z.infer<typeof c.QuestionnaireUpdate>, locale: Locale) {
      return db.transaction(async (tx) => {
        await editableDraft(tx, actor, id);
        // Only the revision the editor saw: a save over someone else's (names or items) is 409, never lost silently.
        const saved = await tx
          .update(surveyQuestionnaires)
          .set({ nameDa: body.nameDa, nameEn: body.nameEn, revision: bumped })
          .where(and(eq(surveyQuestionnaires.id, id), eq(surveyQuestionnaires.revision, body.revision)))
          .returning({ id: surveyQuestionnaires.id });
        if (!saved.length) throw new AppError('survey.questionnaire_stale');
        return full(actor, id, locale, tx);
      });
    },

    /** Publishes a draft (at least one scale question); fixed from then on, and usable by rounds. */
    async publish(actor: Actor, id: string, locale: Locale) {
      return db.transaction(async (tx) => {
        await editableDraft(tx, actor, id);
        const items = await repo.loadItems(tx, id);
        if (!items.some((i) => i.kind === 'scale')) throw new AppError('survey.questionnaire_no_scale');
        await tx
          .update(surveyQuestionnaires)
          .set({ state: 'published', publishedAt: sql`now()`, revision: bumped })
          .where(eq(surveyQuestionnaires.id, id));
        return full(actor, id, locale, tx);
      });
    },

    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const q = await editableDraft(tx, actor, id);
        if (q.builtIn) throw new AppError('survey.questionnaire_published');
        await tx.delete(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, id));
      });
      return { ok: true as const };
    },

    async addItem(actor: Actor, id: string, body: z.infer<typeof c.ItemCreate>, locale: Locale) {
      checkItem(body);
      return db.transaction(async (tx) => {
        await editableDraft(tx, actor, id);
        const items = await repo.loadItems(tx, id);
        if (items.length >= SURVEY_LIMITS.itemsPerQuestionnaire) throw new AppError('survey.too_many_items');
        const [made] = await tx
          .insert(surveyItems)
          .values({
            questionnaireId: id,
            key: `q_${randomBytes(6).toString('hex')}`,
            position: items.length,
            kind: body.kind,
            dimension: body.dimension,
            textDa: body.textDa,
            textEn: body.textEn,
          })
          .returning({ id: surveyItems.id });
        const order = items.map((i) => i.id);
        order.splice(Math.min(body.position ?? order.length, order.length), 0, made.id);
        await repo.renumber(tx, order);
        await touch(tx, id);
        return full(actor, id, locale, tx);
      });
    },

    async updateItem(
      actor: Actor,
      id: string,
      itemId: string,
      body: z.infer<typeof c.ItemUpdate>,
      locale: Locale,
    ) {
      checkItem(body);
      return db.transaction(async (tx) => {
        await editableDraft(tx, actor, id);
        const items = await repo.loadItems(tx, id);
        if (!items.some((i) => i.id === itemId)) throw new AppError('survey.item_not_found');
        await tx
          .update(surveyItems)
          .set({ kind: body.kind, dimension: body.dimension, textDa: body.textDa, textEn: body.textEn })
          .where(and(eq(surveyItems.id, itemId), eq(surveyItems.questionnaireId, id)));
        const order = items.map((i) => i.id).filter((i) => i !== itemId);
        order.splice(Math.min(body.position, order.length), 0, itemId);
        await repo.renumber(tx, order);
        await touch(tx, id);
        return full(actor, id, locale, tx);
      });
    },

    async removeItem(actor: Actor, id: string, itemId: string, locale: Locale) {
      return db.transaction(async (tx) => {
        await editableDraft(tx, actor, id);
        const items = await repo.loadItems(tx, id);
        if (!items.some((i) => i.id === itemId)) throw new AppError('survey.item_not_found');
        await tx.delete(surveyItems).where(eq(surveyItems.id, itemId));
        await repo.renumber(
          tx,
          items.map((i) => i.id).filter((i) => i !== itemId),
        );
        await touch(tx, id);
        return full(actor, id, locale, tx);
      });
    },
  };
}
