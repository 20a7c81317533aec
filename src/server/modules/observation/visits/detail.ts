import type { DbOrTx } from '../../../db/index.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import { visibleVisits } from '../../../policy/sql-observation.js';
import { loadVisitResource } from '../resource.js';
import type { SchemaVersion, VisitDetail } from '../types.js';
import { answerOf, itemIndex } from './answers.js';
import * as repo from './repo.js';

/** How many earlier visits to the same teacher a visit shows. */
export const EARLIER_MAX = 10;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything recorded about a visit, as its teacher, observer (or for a classroom visit, a leader of the
 * institution) sees it; with the same teacher's earlier visits the actor may see, newest first, so the next visit
 * starts from the last next step. On a classroom visit only earlier classroom visits are shown, unless the actor
 * is the teacher (whose own self-observations are theirs to see).
 */
export async function visitDetail(db: DbOrTx, actor: Actor, id: string): Promise<VisitDetail> {
  const r = await loadVisitResource(db, id);
  authorize(actor, 'visit.read', r);
  const row = await repo.visitRow(db, id);
  const summary = await repo.summaryOf(db, id);
  const s = await repo.schemaWithAuthor(db, row.schemaId);
  const schema: SchemaVersion = {
    id: s.schema.id,
    institutionId: s.schema.institutionId,
    version: s.schema.version,
    definition: s.schema.definition,
    createdAt: s.schema.createdAt.toISOString(),
    createdBy: s.schema.createdBy && s.authorName ? { id: s.schema.createdBy, name: s.authorName } : null,
  };
  const index = itemIndex(schema.definition);
  const answers = (await repo.answersOf(db, id)).map((a) => answerOf(index, a));
  const guests = row.kind === 'self' ? await repo.guestsOf(db, id) : [];
  const onlyVisits = row.kind === 'visit' && actor.id !== row.teacherId;
  const earlier = await repo.earlierVisits(db, row, visibleVisits(actor), onlyVisits, EARLIER_MAX);
  return {
    ...summary,
    schema,
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    durationSeconds: row.durationSeconds,
    notes: row.notes,
    classSize: row.classSize,
    pupilNumbers: row.pupilNumbers,
    answers,
    reflection: row.reflection,
    conversationNotes: row.conversationNotes,
    nextStep: row.nextStep,
    nextStepTeacherAgreedAt: iso(row.nextStepTeacherAgreedAt),
    nextStepObserverAgreedAt: iso(row.nextStepObserverAgreedAt),
    guests,
    earlier,
    can: {
      record: can(actor, 'visit.record', r),
      reflect: can(actor, 'visit.reflect', r),
      converse: can(actor, 'visit.converse', r),
      manage: can(actor, 'visit.manage', r),
      resolveFlag: can(actor, 'visit.resolve', r),
    },
  };
}
