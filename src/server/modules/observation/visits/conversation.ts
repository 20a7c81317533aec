import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { loadVisitResource } from '../resource.js';
import type { VisitDetail } from '../types.js';
import { visitDetail } from './detail.js';
import { notifyAboutVisit } from './notify.js';
import * as repo from './repo.js';

/**
 * The learning conversation after a visit (O3): the teacher's own reflection, notes from the conversation and
 * a next step (prøvehandling) both agree on. Changing the next step's text takes back both agreements.
 */
export function createConversationService(ctx: AppContext) {
  const { db } = ctx;

  /** The one on the other side of the conversation from the actor. */
  const otherParty = (actorId: string, v: { teacherId: string; observerId: string | null }) =>
    actorId === v.teacherId ? v.observerId : v.teacherId;

  return {
    async reflect(actor: Actor, id: string, reflection: string): Promise<VisitDetail> {
      const r = await loadVisitResource(db, id);
      authorize(actor, 'visit.reflect', r);
      await repo.updateVisit(db, id, { reflection });
      return visitDetail(db, actor, id);
    },

    async converse(
      actor: Actor,
      id: string,
      input: { conversationNotes?: string; nextStep?: string },
    ): Promise<VisitDetail> {
      await db.transaction(async (tx) => {
        const r = await loadVisitResource(tx, id, { forUpdate: true });
        authorize(actor, 'visit.converse', r);
        const visit = await repo.visitRow(tx, id);
        const set: Partial<repo.NewVisit> = {};
        if (input.conversationNotes !== undefined) set.conversationNotes = input.conversationNotes;
        const nextStep = input.nextStep?.trim();
        const changed = nextStep !== undefined && nextStep !== visit.nextStep;
        if (changed)
          Object.assign(set, { nextStep, nextStepTeacherAgreedAt: null, nextStepObserverAgreedAt: null });
        await repo.updateVisit(tx, id, set);
        if (changed && nextStep)
          await notifyAboutVisit(tx, 'observation.next_step', visit, actor.id, [otherParty(actor.id, visit)]);
      });
      return visitDetail(db, actor, id);
    },

    /** The actor (teacher or observer) agrees to the next step as it is written now. */
    async agree(actor: Actor, id: string): Promise<VisitDetail> {
      await db.transaction(async (tx) => {
        const r = await loadVisitResource(tx, id, { forUpdate: true });
        authorize(actor, 'visit.converse', r);
        const visit = await repo.visitRow(tx, id);
        if (!visit.nextStep.trim()) throw new AppError('observation.next_step_empty');
        const teacherSide = actor.id === visit.teacherId;
        const already = teacherSide ? visit.nextStepTeacherAgreedAt : visit.nextStepObserverAgreedAt;
        if (already) return;
        const now = new Date();
        await repo.updateVisit(
          tx,
          id,
          teacherSide ? { nextStepTeacherAgreedAt: now } : { nextStepObserverAgreedAt: now },
        );
        await notifyAboutVisit(tx, 'observation.next_step', visit, actor.id, [otherParty(actor.id, visit)]);
      });
      return visitDetail(db, actor, id);
    },
  };
}
