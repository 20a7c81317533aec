import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/progression.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { progressionStatuses } from '../../../db/progression-schema.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import { loadGroup } from '../resource.js';
import * as repo from './repo.js';
import { lockGroups, nextCells, recomputeTotals } from './totals.js';

/**
 * Writing one cell (issue 17 part 2): set or clear a child's status in an area and period. The writer must be in the
 * circle of the child's group (its current one, or its last after it left); the area and period must be the
 * institution's. A new cell goes in with the child's group (`group_id`: the group at entry); a cell entered in an
 * earlier group keeps that group. In one transaction: the child row is locked (one writer per child), then every
 * group whose figures change — the cell's and that of the child's next cell in the area — in id order; the version
 * is checked (409 progression.stale with the current cell in `details`); the cell is written and the figures
 * recomputed from the statuses. Two people writing different children of one group at once never lose a count.
 */

type Write = z.output<typeof c.StatusWrite>;
type CellOut = z.output<typeof c.Cell>;

/** The current cell as a stale answer's details: one entry per field, the value as `message`. */
function staleDetails(cur: Awaited<ReturnType<typeof repo.cell>>): { path: string; message: string }[] {
  if (!cur) return [{ path: 'version', message: '0' }];
  return [
    { path: 'version', message: String(cur.version) },
    { path: 'status', message: cur.status },
    { path: 'score', message: cur.score === null ? '' : String(cur.score) },
    { path: 'note', message: cur.note },
    { path: 'updatedAt', message: cur.updatedAt.toISOString() },
    { path: 'updatedBy', message: cur.updatedByName ?? '' },
  ];
}

const DEADLOCK = '40P01';
const isDeadlock = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === DEADLOCK || e?.cause?.code === DEADLOCK;
};

async function writeCell(tx: DbOrTx, actor: Actor, v: Write): Promise<CellOut | null> {
  const found = await repo.childWithPlacement(tx, v.childId, { lock: true });
  if (!found) throw new AppError('progression.child_not_found');
  const home = await loadGroup(tx, actor, found.placement.groupId, 'progression.group.write').catch((err) => {
    throw err instanceof AppError && err.status === 404 ? new AppError('progression.child_not_found') : err;
  });
  if (home.archivedAt) throw new AppError('progression.group_archived');
  const institutionId = home.institution.id;
  const area = await repo.areaOf(tx, institutionId, v.areaId);
  if (!area) throw new AppError('progression.area_not_found');
  if (area.archivedAt) throw new AppError('progression.area_archived');
  const period = await repo.periodOf(tx, institutionId, v.periodId);
  if (!period) throw new AppError('progression.period_not_found');

  const before = await repo.cell(tx, v.childId, v.areaId, v.periodId);
  const groupId = before?.groupId ?? home.id;
  if (!before && period.schoolYear !== home.schoolYear) throw new AppError('progression.period_outside_year');
  const next = await nextCells(tx, { areaId: v.areaId, periodId: v.periodId, childIds: [v.childId] });
  await lockGroups(tx, [groupId, ...next.map((n) => n.groupId)]);
  // Read again under the locks: the version check is against what is there now.
  const cur = await repo.cell(tx, v.childId, v.areaId, v.periodId);
  if ((cur?.version ?? 0) !== v.version) throw new AppError('progression.stale', staleDetails(cur));

  const where = and(
    eq(progressionStatuses.childId, v.childId),
    eq(progressionStatuses.areaId, v.areaId),
    eq(progressionStatuses.periodId, v.periodId),
  );
  if (v.status === null) {
    if (cur) await tx.delete(progressionStatuses).where(where);
  } else if (cur) {
    await tx
      .update(progressionStatuses)
      .set({
        status: v.status,
        score: v.score,
        note: v.note,
        version: sql`${progressionStatuses.version} + 1`,
        updatedBy: actor.id,
        updatedAt: sql`now()`,
      })
      .where(where);
  } else {
    await tx.insert(progressionStatuses).values({
      childId: v.childId,
      areaId: v.areaId,
      periodId: v.periodId,
      groupId,
      status: v.status,
      score: v.score,
      note: v.note,
      updatedBy: actor.id,
    });
  }
  if (cur || v.status !== null)
    await recomputeTotals(tx, groupId, v.areaId, v.periodId, { childIds: [v.childId] });
  if (v.status === null) return null;
  const after = await repo.cell(tx, v.childId, v.areaId, v.periodId);
  return after ? repo.cellOut(after) : null;
}

export function createStatusService(ctx: AppContext) {
  return {
    /** Sets or clears one cell; null when cleared. A rare deadlock with an import is retried. */
    async write(actor: Actor, v: Write): Promise<CellOut | null> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await ctx.db.transaction((tx) => writeCell(tx, actor, v));
        } catch (err) {
          if (attempt >= 3 || !isDeadlock(err)) throw err;
        }
      }
    },
  };
}
