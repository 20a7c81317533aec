import type { z } from 'zod';
import type { recordInput, VisitStatus } from '../../../../shared/observation.js';
import type { AppContext } from '../../../context.js';
import { isUniqueViolation } from '../../../db/rows.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { loadVisitResource } from '../resource.js';
import { findSchemaVersion } from '../setup/schemas-repo.js';
import type { RecordResult } from '../types.js';
import { validateAnswers } from './answers.js';
import { notifyAboutVisit } from './notify.js';
import * as repo from './repo.js';

/**
 * The offline sync of a visit (O2): a device sends what was recorded, as often as it likes. One transaction on
 * the locked visit row, so syncs of one visit happen one at a time; a sync key already applied answers with the
 * first result and changes nothing. All or nothing: one answer that does not fit refuses the whole sync.
 */

export type RecordPayload = z.output<typeof recordInput>;

export function createRecordService(ctx: AppContext) {
  const { db } = ctx;

  async function apply(actor: Actor, visitId: string, input: RecordPayload): Promise<RecordResult> {
    return db.transaction(async (tx) => {
      const r = await loadVisitResource(tx, visitId, { forUpdate: true });
      authorize(actor, 'visit.read', r);
      const prior = await repo.findSync(tx, visitId, input.syncKey);
      // The device's own retry is answered even if the visit changed since (e.g. a leader excluded it).
      if (prior && prior.userId === actor.id) return { ...prior.result, replay: true };
      if (r.status === 'cancelled') throw new AppError('observation.invalid_state');
      authorize(actor, 'visit.record', r);
      if (prior) return { ...prior.result, replay: true };

      const visit = await repo.visitRow(tx, visitId);
      // Before the first answers any version of the institution is accepted (and fixed); after, only its own.
      if (input.schemaId !== visit.schemaId && (await repo.hasAnswers(tx, visitId)))
        throw new AppError('observation.schema_mismatch');
      const schema = await findSchemaVersion(tx, input.schemaId);
      if (!schema || schema.institutionId !== visit.institutionId)
        throw new AppError('observation.schema_not_found');

      const rows = validateAnswers(schema.definition, input.answers);
      const stored = await repo.upsertAnswers(tx, visitId, rows);

      const now = new Date();
      const completing = input.complete && visit.status !== 'completed';
      const status: VisitStatus = completing
        ? 'completed'
        : visit.status === 'planned'
          ? 'in_progress'
          : visit.status;
      // Kept, but it waits for a leader: the observer no longer leads the institution or is no longer delegated.
      const lostRole = visit.kind === 'visit' && !r.observerMayObserve;
      const flag = lostRole ? 'observer_lost_role' : visit.flag;
      await repo.updateVisit(tx, visitId, {
        schemaId: schema.id,
        status,
        lastSyncedAt: now,
        ...(input.notes.trim() ? { notes: input.notes } : {}),
        ...(input.durationSeconds !== null ? { durationSeconds: input.durationSeconds } : {}),
        ...(input.classSize !== null ? { classSize: input.classSize } : {}),
        ...(input.pupilNumbers.length ? { pupilNumbers: input.pupilNumbers } : {}),
        ...(input.startedAt ? { startedAt: new Date(input.startedAt) } : {}),
        ...(completing ? { completedAt: visit.completedAt ?? now } : {}),
        ...(lostRole && !visit.flag ? { flag, flaggedAt: now } : {}),
      });

      const result: RecordResult = {
        visitId,
        status,
        syncedAt: now.toISOString(),
        stored,
        replay: false,
        flag,
      };
      await repo.insertSync(tx, visitId, input.syncKey, actor.id, { ...result, stored: 0 });
      if (completing)
        await notifyAboutVisit(tx, 'observation.visit_recorded', visit, actor.id, [visit.teacherId]);
      return result;
    });
  }

  return {
    /** Applies a sync once; a parallel twin that lost the race answers with the winner's result. */
    async record(actor: Actor, visitId: string, input: RecordPayload): Promise<RecordResult> {
      try {
        return await apply(actor, visitId, input);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const prior = await repo.findSync(db, visitId, input.syncKey);
        if (!prior) throw err;
        return { ...prior.result, replay: true };
      }
    },
  };
}
