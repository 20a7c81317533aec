import { termOf } from '../../../../shared/observation.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { loadObservationScope, loadVisitResource } from '../resource.js';
import { latestSchemaVersion } from '../setup/schemas-repo.js';
import type { VisitDetail, VisitSummary } from '../types.js';
import { visitDetail } from '../visits/detail.js';
import { notifyAboutVisit } from '../visits/notify.js';
import { checkFocusAreas, parseDay, type VisitFields } from '../visits/planning.js';
import * as repo from '../visits/repo.js';

/**
 * Self-observation (O5): a teacher observes their own lesson with the same tool, alone or with colleagues they
 * invite. Seen by them and their guests only, and never part of institution data (policy seesVisit and
 * countsTowardData).
 */

/** The guests, each once and never the owner; every one must hold a role at the institution. */
async function checkGuests(db: DbOrTx, ownerId: string, institutionId: string, guestIds: string[]) {
  const wanted = [...new Set(guestIds)].filter((id) => id !== ownerId);
  const colleagues = await repo.holdingRoleAt(db, wanted, institutionId);
  if (colleagues.length !== wanted.length) throw new AppError('observation.guest_not_colleague');
  return wanted;
}

export function createSelfService(ctx: AppContext) {
  const { db } = ctx;

  return {
    async create(
      actor: Actor,
      input: VisitFields & { institutionId: string; guestIds: string[] },
    ): Promise<VisitSummary> {
      const scope = await loadObservationScope(db, actor, input.institutionId);
      authorize(actor, 'observation.self', scope);
      const plannedFor = parseDay(input.plannedFor);
      const guests = await checkGuests(db, actor.id, input.institutionId, input.guestIds);
      const schema = await latestSchemaVersion(db, input.institutionId);
      if (!schema) throw new AppError('observation.no_schema');
      const focusAreaKeys = checkFocusAreas(schema.definition, input.focusAreaKeys);
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertVisit(tx, {
          institutionId: input.institutionId,
          kind: 'self',
          schemaId: schema.id,
          teacherId: actor.id,
          observerId: actor.id,
          plannedBy: actor.id,
          plannedFor,
          term: termOf(plannedFor),
          classLabel: input.classLabel,
          subject: input.subject,
          grade: input.grade,
          focusAreaKeys,
        });
        await repo.setGuests(tx, id, guests);
        await notifyAboutVisit(tx, 'observation.self_invited', { id, plannedFor }, actor.id, guests);
        return id;
      });
      return repo.summaryOf(db, id);
    },

    /** Replaces the colleagues invited into a self-observation; the newly invited are told. */
    async setGuests(actor: Actor, id: string, guestIds: string[]): Promise<VisitDetail> {
      await db.transaction(async (tx) => {
        const r = await loadVisitResource(tx, id, { forUpdate: true });
        authorize(actor, 'visit.read', r);
        if (r.kind !== 'self') throw new AppError('observation.invalid_state');
        authorize(actor, 'visit.manage', r);
        const guests = await checkGuests(tx, r.teacherId, r.institutionId, guestIds);
        const added = await repo.setGuests(tx, id, guests);
        const visit = await repo.visitRow(tx, id);
        await notifyAboutVisit(tx, 'observation.self_invited', visit, actor.id, added);
      });
      return visitDetail(db, actor, id);
    },
  };
}
