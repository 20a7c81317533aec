import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/progression.js';
import { PROGRESSION_LIMITS as L, schoolYearOf } from '../../../../shared/progression.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { progressionChildren, progressionPlacements } from '../../../db/progression-schema.js';
import { isUniqueViolation } from '../../../db/rows.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadGroup, loadInstitution, type ProgressionGroupRow } from '../resource.js';
import * as repo from './repo.js';

/**
 * Children of a group (issue 17 part 2): pseudonymous, by the institution's own code (unique per institution); a
 * full name only when the institution keeps names, written and seen by the class team only. The group's circle
 * adds children, changes their code or name and lets them leave; the institution's leders move a child to another
 * group of the same school year from a day — the placements keep the history, and statuses stay with the group they
 * were entered in (so the old group's figures stay). A child of a group the actor may not write is
 * progression.child_not_found.
 */

type ChildAnswer = z.output<typeof c.ChildAnswer>;
const today = () => new Date().toISOString().slice(0, 10);

function checkName(actor: Actor, g: ProgressionGroupRow, fullName: string | null | undefined) {
  if (!fullName) return;
  if (!g.institution.showFullNames) throw new AppError('progression.names_off');
  if (!can(actor, 'progression.group.names', g.resource)) throw new AppError('progression.names_team_only');
}

async function coded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('progression.code_taken');
    throw err;
  }
}

/** The child and its current (else last) placement, after group.write on that group; hidden: child_not_found. */
async function loadChild(tx: DbOrTx, actor: Actor, childId: string) {
  const found = await repo.childWithPlacement(tx, childId, { lock: true });
  if (!found) throw new AppError('progression.child_not_found');
  const group = await loadGroup(tx, actor, found.placement.groupId, 'progression.group.write').catch(
    (err) => {
      throw err instanceof AppError && err.status === 404 ? new AppError('progression.child_not_found') : err;
    },
  );
  return { ...found, group };
}

const answer = (
  child: { id: string; code: string; fullName: string | null },
  placement: { groupId: string; fromOn: string; toOn: string | null },
  seeNames: boolean,
): ChildAnswer => ({
  id: child.id,
  code: child.code,
  fullName: seeNames ? child.fullName : null,
  groupId: placement.groupId,
  fromOn: placement.fromOn,
  toOn: placement.toOn,
});

export function createChildService(ctx: AppContext) {
  const db = ctx.db;
  return {
    add: (actor: Actor, groupId: string, v: z.output<typeof c.ChildCreate>) =>
      db.transaction(async (tx) => {
        const g = await loadGroup(tx, actor, groupId, 'progression.group.write', { forUpdate: true });
        if (g.archivedAt) throw new AppError('progression.group_archived');
        checkName(actor, g, v.fullName);
        const fromOn = v.fromOn ?? today();
        if (schoolYearOf(fromOn) !== g.schoolYear) throw new AppError('progression.date_outside_year');
        if ((await repo.currentChildren(tx, g.id)) >= L.childrenPerGroup)
          throw new AppError('progression.group_full');
        const [child] = await coded(() =>
          tx
            .insert(progressionChildren)
            .values({ institutionId: g.institution.id, code: v.code, fullName: v.fullName || null })
            .returning(),
        );
        const [placement] = await tx
          .insert(progressionPlacements)
          .values({ childId: child.id, groupId: g.id, fromOn })
          .returning();
        await audit(tx, actor, 'progression.child_add', 'progression_group', g.id, { childId: child.id });
        return answer(child, placement, can(actor, 'progression.group.names', g.resource));
      }),

    update: (actor: Actor, childId: string, v: z.output<typeof c.ChildUpdate>) =>
      db.transaction(async (tx) => {
        const { child, placement, group } = await loadChild(tx, actor, childId);
        checkName(actor, group, v.fullName);
        // Clearing a name (null or '') is allowed to everyone who may write the child: it only removes data.
        const set: Partial<typeof progressionChildren.$inferInsert> = {};
        if (v.code !== undefined) set.code = v.code;
        if (v.fullName !== undefined) set.fullName = v.fullName || null;
        const [row] = Object.keys(set).length
          ? await coded(() =>
              tx.update(progressionChildren).set(set).where(eq(progressionChildren.id, child.id)).returning(),
            )
          : [child];
        await audit(tx, actor, 'progression.child_update', 'progression_group', group.id, { childId });
        return answer(row, placement, can(actor, 'progression.group.names', group.resource));
      }),

    /** The child leaves its group (and the overview) on a day; its rows stay until retention removes them. */
    leave: (actor: Actor, childId: string, v: z.output<typeof c.ChildLeave>) =>
      db.transaction(async (tx) => {
        const { child, placement, group } = await loadChild(tx, actor, childId);
        if (placement.toOn !== null) throw new AppError('progression.not_placed');
        if (v.on < placement.fromOn) throw new AppError('progression.date_outside_year');
        const [row] = await tx
          .update(progressionPlacements)
          .set({ toOn: v.on })
          .where(eq(progressionPlacements.id, placement.id))
          .returning();
        await audit(tx, actor, 'progression.child_leave', 'progression_group', group.id, {
          childId,
          on: v.on,
        });
        return answer(child, row, can(actor, 'progression.group.names', group.resource));
      }),

    /** Leders: the child moves to another active group of the institution in the same school year from a day. */
    move: (actor: Actor, childId: string, v: z.output<typeof c.ChildMove>) =>
      db.transaction(async (tx) => {
        const found = await repo.childWithPlacement(tx, childId, { lock: true });
        if (!found) throw new AppError('progression.child_not_found');
        const { child, placement } = found;
        // Someone outside the child's circle may not know it exists (404); the circle sees it, leders move it.
        const from = await loadGroup(tx, actor, placement.groupId, 'progression.group.read').catch((err) => {
          throw err instanceof AppError && err.status === 404
            ? new AppError('progression.child_not_found')
            : err;
        });
        const inst = await loadInstitution(tx, actor, from.institution.id, 'progression.setup');
        if (placement.toOn !== null) throw new AppError('progression.not_placed');
        const to = await loadGroup(tx, actor, v.groupId, 'progression.group.read', { forUpdate: true });
        if (to.institution.id !== inst.id) throw new AppError('progression.group_not_found');
        if (
          to.id === from.id ||
          to.archivedAt ||
          to.schoolYear !== from.schoolYear ||
          v.on < placement.fromOn
        )
          throw new AppError('progression.move_invalid');
        if (schoolYearOf(v.on) !== to.schoolYear) throw new AppError('progression.date_outside_year');
        if ((await repo.currentChildren(tx, to.id)) >= L.childrenPerGroup)
          throw new AppError('progression.group_full');
        await tx
          .update(progressionPlacements)
          .set({ toOn: v.on })
          .where(and(eq(progressionPlacements.id, placement.id), isNull(progressionPlacements.toOn)));
        const [row] = await tx
          .insert(progressionPlacements)
          .values({ childId: child.id, groupId: to.id, fromOn: v.on })
          .returning();
        await audit(tx, actor, 'progression.child_move', 'progression_group', to.id, {
          childId,
          from: from.id,
          on: v.on,
        });
        return answer(child, row, can(actor, 'progression.group.names', to.resource));
      }),
  };
}
