import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { surveyItems, surveyQuestionnaires } from '../../../db/survey-schema.js';

export type QuestionnaireRow = typeof surveyQuestionnaires.$inferSelect & {
  itemCount: number;
  roundCount: number;
};

const counted = {
  itemCount: sql<number>`(select count(*)::int from survey_items i where i.questionnaire_id = survey_questionnaires.id)`,
  roundCount: sql<number>`(select count(*)::int from survey_rounds r where r.questionnaire_id = survey_questionnaires.id)`,
};

/** The instance's versions and (when given) a kommune's, by family then version (newest first). */
export async function listQuestionnaires(db: DbOrTx, kommuneId: string | null): Promise<QuestionnaireRow[]> {
  return db
    .select({ q: surveyQuestionnaires, ...counted })
    .from(surveyQuestionnaires)
    .where(
      kommuneId
        ? sql`${surveyQuestionnaires.kommuneId} is null or ${surveyQuestionnaires.kommuneId} = ${kommuneId}`
        : sql`${surveyQuestionnaires.kommuneId} is null`,
    )
    .orderBy(
      sql`${surveyQuestionnaires.kommuneId} nulls first`,
      asc(surveyQuestionnaires.family),
      sql`${surveyQuestionnaires.version} desc`,
    )
    .limit(500)
    .then((found) => found.map((f) => ({ ...f.q, itemCount: f.itemCount, roundCount: f.roundCount })));
}

export async function loadQuestionnaire(
  db: DbOrTx,
  id: string,
  forUpdate = false,
): Promise<QuestionnaireRow | null> {
  let q = db
    .select({ q: surveyQuestionnaires, ...counted })
    .from(surveyQuestionnaires)
    .where(eq(surveyQuestionnaires.id, id))
    .$dynamic();
  if (forUpdate) q = q.for('update', { of: surveyQuestionnaires });
  const [f] = await q;
  return f ? { ...f.q, itemCount: f.itemCount, roundCount: f.roundCount } : null;
}

export const loadItems = (db: DbOrTx, questionnaireId: string) =>
  db
    .select()
    .from(surveyItems)
    .where(eq(surveyItems.questionnaireId, questionnaireId))
    .orderBy(asc(surveyItems.position), asc(surveyItems.key));

/** The next version number of a family, under a transaction-scoped advisory lock on the family. */
export async function nextVersion(tx: DbOrTx, family: string): Promise<number> {
  await rows(tx, sql`select pg_advisory_xact_lock(hashtext(${`survey-family:${family}`}))`);
  const [r] = await rows<{ v: number }>(
    tx,
    sql`select coalesce(max(version), 0)::int + 1 as v from survey_questionnaires where family = ${family}`,
  );
  return r.v;
}

/** Positions 0…n−1 in this order. */
export async function renumber(tx: DbOrTx, itemIds: string[]) {
  if (itemIds.length === 0) return;
  await tx.execute(
    sql`update survey_items s set position = x.p from (values ${sql.join(
      itemIds.map((id, p) => sql`(${id}::uuid, ${p}::int)`),
      sql`, `,
    )}) as x(id, p) where s.id = x.id`,
  );
}
