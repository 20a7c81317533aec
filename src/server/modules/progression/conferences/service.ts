import type { z } from 'zod';
import type {
  Conference,
  ConferenceList,
  ConferenceWrite,
} from '../../../../shared/contracts/progression.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadGroup, type ProgressionGroupRow } from '../resource.js';
import * as repo from './repo.js';

/**
 * Læringssamtaler (konferencer) per group (issue 17 part 2): the focus and why, the overview at that moment (a
 * snapshot of the grid: the children's codes and statuses, and the group's counts), the resource person present
 * (a ressourceperson or leder of the institution), what the staff decide and how they follow up — the newest one's
 * decisions are shown when the next is written. The group's circle reads and writes them (others: 404). A
 * conference carries per-child data until retention strips it, so reading one is audit-logged like the grid.
 */

type ConferenceOut = z.infer<typeof Conference>;
type Write = z.infer<typeof ConferenceWrite>;

function present(r: repo.ConferenceRow): ConferenceOut {
  const c = r.row;
  return {
    id: c.id,
    groupId: c.groupId,
    heldOn: c.heldOn,
    focus: c.focus,
    why: c.why,
    resourcePerson: c.resourcePersonId ? { id: c.resourcePersonId, name: r.resourcePersonName ?? '' } : null,
    participants: c.participants,
    decisions: c.decisions,
    followUp: c.followUp,
    previousOutcome: c.previousOutcome,
    snapshot: c.snapshot,
    version: c.version,
    createdBy: c.createdBy ? { id: c.createdBy, name: r.createdByName ?? '' } : null,
    updatedAt: c.updatedAt,
  };
}

const fieldsOf = (w: Write): repo.ConferenceFields => ({
  heldOn: w.heldOn,
  focus: w.focus,
  why: w.why,
  resourcePersonId: w.resourcePersonId,
  participants: w.participants,
  decisions: w.decisions,
  followUp: w.followUp,
  previousOutcome: w.previousOutcome,
});

async function checkResourcePerson(db: DbOrTx, g: ProgressionGroupRow, userId: string | null) {
  if (userId && !(await repo.isResourcePersonAt(db, userId, g.institution.id)))
    throw new AppError('progression.resource_person_invalid');
}

/** The conference and its group, after `action` on the group (a conference of a group the actor may not read: 404). */
async function loadConference(db: DbOrTx, actor: Actor, id: string, action: 'read' | 'write') {
  const groupId = await repo.groupOf(db, id);
  if (!groupId) throw new AppError('progression.conference_not_found');
  const group = await loadGroup(
    db,
    actor,
    groupId,
    action === 'read' ? 'progression.conference.read' : 'progression.conference.write',
  ).catch((err) => {
    throw err instanceof AppError && err.code === 'progression.group_not_found'
      ? new AppError('progression.conference_not_found')
      : err;
  });
  return group;
}

async function readBack(db: DbOrTx, id: string): Promise<ConferenceOut> {
  const row = await repo.byId(db, id);
  if (!row) throw new AppError('progression.conference_not_found');
  return present(row);
}

export function createConferenceService(ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  return {
    /** The group's conferences (newest first) and the newest one's decisions and follow-up. No child data. */
    async list(actor: Actor, groupId: string): Promise<z.infer<typeof ConferenceList>> {
      const g = await loadGroup(db, actor, groupId, 'progression.conference.read');
      const [rows, resourcePersons] = await Promise.all([
        repo.list(db, groupId),
        repo.resourcePersons(db, g.institution.id),
      ]);
      return {
        group: { id: g.id, name: g.name, schoolYear: g.schoolYear },
        institution: { id: g.institution.id, name: g.institution.name, type: g.institution.type },
        resourcePersons,
        items: rows.map(({ id, heldOn, focus, followUp }) => ({ id, heldOn, focus, followUp })),
        previous: rows[0] ?? null,
      };
    },

    /** One conference with its snapshot: a read of per-child data while the snapshot has children (audit-logged). */
    async get(actor: Actor, id: string): Promise<ConferenceOut> {
      return db.transaction(async (tx) => {
        const group = await loadConference(tx, actor, id, 'read');
        const out = await readBack(tx, id);
        if (out.snapshot.children.length)
          await audit(tx, actor, 'progression.conference_read', 'progression_group', group.id, {
            conferenceId: id,
            children: out.snapshot.children.length,
          });
        return out;
      });
    },

    /** A new conference, with the overview of this moment as its snapshot. */
    async create(actor: Actor, groupId: string, w: Write): Promise<ConferenceOut> {
      return db.transaction(async (tx) => {
        // The group's row lock: the snapshot sees no status write half-done.
        const g = await loadGroup(tx, actor, groupId, 'progression.conference.write', { forUpdate: true });
        if (g.archivedAt) throw new AppError('progression.group_archived');
        if (w.version !== 0) throw new AppError('progression.stale');
        await checkResourcePerson(tx, g, w.resourcePersonId);
        const snap = await repo.snapshot(
          tx,
          { id: g.id, institutionId: g.institution.id, schoolYear: g.schoolYear },
          new Date(),
        );
        const id = await repo.insert(tx, g.id, fieldsOf(w), snap, actor.id);
        await audit(tx, actor, 'progression.conference_create', 'progression_group', g.id, {
          conferenceId: id,
          children: snap.children.length,
        });
        return readBack(tx, id);
      });
    },

    /** Edits the record (never the snapshot); `version` is the one the writer started from (else 409 stale). */
    async update(actor: Actor, id: string, w: Write): Promise<ConferenceOut> {
      return db.transaction(async (tx) => {
        const g = await loadConference(tx, actor, id, 'write');
        await checkResourcePerson(tx, g, w.resourcePersonId);
        if (!(await repo.update(tx, id, w.version, fieldsOf(w)))) {
          const current = await readBack(tx, id);
          throw new AppError('progression.stale', [
            { path: 'version', message: String(current.version) },
            { path: 'updatedAt', message: new Date(current.updatedAt).toISOString() },
          ]);
        }
        await audit(tx, actor, 'progression.conference_update', 'progression_group', g.id, {
          conferenceId: id,
        });
        return readBack(tx, id);
      });
    },
  };
}
