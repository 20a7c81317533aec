import {
  type SchemaDefinition,
  termOf,
  termRange,
  type VisitStatus,
} from '../../../../shared/observation.js';
import { isRealDate } from '../../../../shared/text.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { readCursor, writeCursor } from '../../../http/cursor.js';
import { AppError } from '../../../http/errors.js';
import { type Action, type Actor, authorize, can, type VisitResource } from '../../../policy/index.js';
import { visibleVisits } from '../../../policy/sql-observation.js';
import { loadObservationScope, loadVisitResource } from '../resource.js';
import { latestSchemaVersion } from '../setup/schemas-repo.js';
import type { VisitSummary } from '../types.js';
import { notifyAboutVisit } from './notify.js';
import * as repo from './repo.js';

/** Planning visits (O2): plan, list (calendar), change, cancel, "not visited this term", and flagged visits. */

/** A real calendar day as yyyy-mm-dd, else observation.invalid_date. */
export function parseDay(s: string): string {
  if (!isRealDate(s)) throw new AppError('observation.invalid_date');
  return s;
}

/** The chosen focus areas, each once; every one must be in the version (empty: all areas). */
export function checkFocusAreas(def: SchemaDefinition, keys: string[]): string[] {
  const known = new Set(def.focusAreas.map((a) => a.key));
  const unique = [...new Set(keys)];
  if (unique.some((k) => !known.has(k))) throw new AppError('observation.focus_area_unknown');
  return unique;
}

/**
 * Refuses with observation.invalid_state when the visit is not in one of `statuses` but the actor could do
 * `action` if it were (so a wrong moment is told apart from a missing right, which stays 403 / 404).
 */
export function requireStatus(actor: Actor, action: Action, r: VisitResource, statuses: VisitStatus[]): void {
  authorize(actor, 'visit.read', r);
  if (!statuses.includes(r.status) && can(actor, action, { ...r, status: statuses[0] }))
    throw new AppError('observation.invalid_state');
}

export type VisitFields = {
  plannedFor: string;
  classLabel: string;
  subject: string;
  grade: number | null;
  focusAreaKeys: string[];
};
export type PlanInput = VisitFields & { institutionId: string; teacherId: string; observerId: string };
export type ListQuery = {
  institutionId?: string;
  from?: string;
  to?: string;
  role?: 'observer' | 'teacher' | 'guest';
  status?: VisitStatus;
  flagged?: boolean;
  cursor?: string;
  limit: number;
};

/** The cursor of a page: the last visit's planned day and id (the calendar order). */
function decodeCursor(c: string): { plannedFor: string; id: string } {
  const value = readCursor(c);
  const [plannedFor, id] = Array.isArray(value) ? value : [];
  if (
    typeof plannedFor === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(plannedFor) &&
    typeof id === 'string' &&
    /^[0-9a-f-]{36}$/.test(id)
  )
    return { plannedFor, id };
  throw new AppError('request.invalid');
}

export function createVisitService(ctx: AppContext) {
  const { db } = ctx;

  /** The observer must lead the institution or be delegated there, and is not the teacher. */
  async function checkObserver(q: DbOrTx, institutionId: string, teacherId: string, observerId: string) {
    if (teacherId === observerId) throw new AppError('observation.self_visit');
    if (!(await repo.mayObserveAt(q, observerId, institutionId)))
      throw new AppError('observation.not_an_observer');
  }

  return {
    async plan(actor: Actor, input: PlanInput): Promise<VisitSummary> {
      const scope = await loadObservationScope(db, actor, input.institutionId);
      authorize(actor, 'observation.observe', scope);
      const plannedFor = parseDay(input.plannedFor);
      await checkObserver(db, input.institutionId, input.teacherId, input.observerId);
      const [teacher] = await repo.holdingRoleAt(db, [input.teacherId], input.institutionId);
      if (!teacher) throw new AppError('observation.teacher_not_in_institution');
      const schema = await latestSchemaVersion(db, input.institutionId);
      if (!schema) throw new AppError('observation.no_schema');
      const focusAreaKeys = checkFocusAreas(schema.definition, input.focusAreaKeys);
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertVisit(tx, {
          institutionId: input.institutionId,
          kind: 'visit',
          schemaId: schema.id,
          teacherId: input.teacherId,
          observerId: input.observerId,
          plannedBy: actor.id,
          plannedFor,
          term: termOf(plannedFor),
          classLabel: input.classLabel,
          subject: input.subject,
          grade: input.grade,
          focusAreaKeys,
        });
        await notifyAboutVisit(tx, 'observation.visit_planned', { id, plannedFor }, actor.id, [
          input.teacherId,
        ]);
        return id;
      });
      return repo.summaryOf(db, id);
    },

    async list(actor: Actor, q: ListQuery): Promise<{ items: VisitSummary[]; nextCursor: string | null }> {
      const items = await repo.listVisits(db, {
        visible: visibleVisits(actor),
        institutionId: q.institutionId,
        from: q.from ? parseDay(q.from) : undefined,
        to: q.to ? parseDay(q.to) : undefined,
        teacherId: q.role === 'teacher' ? actor.id : undefined,
        observerId: q.role === 'observer' ? actor.id : undefined,
        guestId: q.role === 'guest' ? actor.id : undefined,
        status: q.status,
        flagged: q.flagged,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: q.limit + 1,
      });
      const page = items.slice(0, q.limit);
      return {
        items: page,
        nextCursor:
          items.length > q.limit
            ? writeCursor([page[page.length - 1].plannedFor, page[page.length - 1].id])
            : null,
      };
    },

    async notVisited(actor: Actor, institutionId: string, term = termOf(new Date())) {
      const scope = await loadObservationScope(db, actor, institutionId);
      authorize(actor, 'observation.observe', scope);
      return { term, people: await repo.notVisited(db, institutionId, termRange(term)) };
    },

    /** Changes a planned visit (not its institution or teacher). */
    async update(
      actor: Actor,
      id: string,
      patch: Partial<VisitFields> & { observerId?: string },
    ): Promise<VisitSummary> {
      await db.transaction(async (tx) => {
        const r = await loadVisitResource(tx, id, { forUpdate: true });
        requireStatus(actor, 'visit.manage', r, ['planned']);
        authorize(actor, 'visit.manage', r);
        const visit = await repo.visitRow(tx, id);
        const set: Partial<repo.NewVisit> = {};
        if (patch.observerId !== undefined && patch.observerId !== visit.observerId) {
          if (visit.kind === 'self') throw new AppError('observation.not_an_observer');
          await checkObserver(tx, visit.institutionId, visit.teacherId, patch.observerId);
          set.observerId = patch.observerId;
        }
        if (patch.plannedFor !== undefined) {
          set.plannedFor = parseDay(patch.plannedFor);
          set.term = termOf(set.plannedFor);
        }
        if (patch.classLabel !== undefined) set.classLabel = patch.classLabel;
        if (patch.subject !== undefined) set.subject = patch.subject;
        if (patch.grade !== undefined) set.grade = patch.grade;
        if (patch.focusAreaKeys !== undefined) {
          // Nothing is recorded yet: the visit moves to the newest version along with its focus areas.
          const schema = await latestSchemaVersion(tx, visit.institutionId);
          if (!schema) throw new AppError('observation.no_schema');
          set.focusAreaKeys = checkFocusAreas(schema.definition, patch.focusAreaKeys);
          set.schemaId = schema.id;
        }
        await repo.updateVisit(tx, id, set);
      });
      return repo.summaryOf(db, id);
    },

    /** Cancels a visit that is not completed. */
    async cancel(actor: Actor, id: string): Promise<VisitSummary> {
      await db.transaction(async (tx) => {
        const r = await loadVisitResource(tx, id, { forUpdate: true });
        requireStatus(actor, 'visit.manage', r, ['planned', 'in_progress']);
        authorize(actor, 'visit.manage', r);
        await repo.updateVisit(tx, id, { status: 'cancelled' });
      });
      return repo.summaryOf(db, id);
    },

    /**
     * A leader decides about a visit synced after its observer lost the role: keep (it counts from now) or
     * exclude (cancelled; it never counts, and its teacher and observer still see it).
     */
    async resolve(actor: Actor, id: string, decision: 'keep' | 'exclude'): Promise<VisitSummary> {
      await db.transaction(async (tx) => {
        const r = await loadVisitResource(tx, id, { forUpdate: true });
        authorize(actor, 'visit.read', r);
        if (r.flag === null && can(actor, 'visit.resolve', { ...r, flag: 'observer_lost_role' }))
          throw new AppError('observation.not_flagged');
        authorize(actor, 'visit.resolve', r);
        if (r.status === 'cancelled') throw new AppError('observation.invalid_state');
        await repo.updateVisit(
          tx,
          id,
          decision === 'keep' ? { flag: null, flaggedAt: null } : { status: 'cancelled' },
        );
      });
      return repo.summaryOf(db, id);
    },
  };
}
