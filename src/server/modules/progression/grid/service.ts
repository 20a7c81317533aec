import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/progression.js';
import { PROGRESSION_MIN_GROUP } from '../../../../shared/progression.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { type Actor, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadGroup, type ProgressionGroupRow } from '../resource.js';
import { listGroups, listPeriods } from '../setup/repo.js';
import { gridCsv, gridFilename } from './csv.js';
import * as repo from './repo.js';

/**
 * The grid of one group (issue 17 part 2): every child placed in it during its school year (also those who moved on
 * or left, with their span in it), each with all their cells in the year's periods — also those entered in an
 * earlier group after a move; the group's figures per area and period (withheld below the minimum group size);
 * and what the reader may do. Per-child data: the group's circle only, every read written to the audit log.
 */

type Grid = z.output<typeof c.Grid>;

async function readGrid(db: DbOrTx, actor: Actor, g: ProgressionGroupRow): Promise<Grid> {
  // One query after another: inside a transaction they share one connection.
  const periods = await listPeriods(db, g.institution.id, g.schoolYear);
  const allAreas = await repo.areasOf(db, g.institution.id);
  const children = await repo.childrenOfGroup(db, g.id);
  const [group] = await listGroups(db, { ids: [g.id] });
  const periodIds = periods.map((p) => p.id);
  const cells = await repo.cellsOf(
    db,
    children.map((x) => x.id),
    periodIds,
  );
  const totals = await repo.totalsOf(db, g.id, periodIds);
  // Archived areas stay in the grid only where something was recorded in them.
  const used = new Set([...cells.map((x) => x.areaId), ...totals.map((x) => x.areaId)]);
  const areas = allAreas.filter((a) => !a.archivedAt || used.has(a.id));
  const seeNames = can(actor, 'progression.group.names', g.resource);
  const write = can(actor, 'progression.group.write', g.resource) && !g.archivedAt;
  return {
    group,
    institution: { id: g.institution.id, name: g.institution.name, type: g.institution.type },
    areas: areas.map((a) => ({
      id: a.id,
      name: a.name,
      position: a.position,
      archived: a.archivedAt !== null,
    })),
    periods: periods.map((p) => ({
      id: p.id,
      name: p.name,
      schoolYear: p.schoolYear,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
    })),
    children: children.map((x) => ({
      id: x.id,
      code: x.code,
      fullName: seeNames ? x.fullName : null,
      fromOn: x.fromOn,
      toOn: x.toOn,
      cells: cells.filter((cell) => cell.childId === x.id).map(repo.cellOut),
    })),
    summary: totals
      .filter((t) => areas.some((a) => a.id === t.areaId))
      .map((t) => ({
        areaId: t.areaId,
        periodId: t.periodId,
        counts:
          t.groen + t.gul + t.roed < PROGRESSION_MIN_GROUP
            ? null
            : { groen: t.groen, gul: t.gul, roed: t.roed, movedUp: t.movedUp, movedDown: t.movedDown },
      })),
    can: {
      write,
      manageChildren: write,
      export: can(actor, 'progression.export', g.resource),
      seeNames,
    },
  };
}

export function createGridService(ctx: AppContext) {
  const db = ctx.db;
  return {
    /** The grid; the read is written to the audit log (who, which group). */
    grid: (actor: Actor, groupId: string) =>
      db.transaction(async (tx) => {
        const g = await loadGroup(tx, actor, groupId, 'progression.group.read');
        const grid = await readGrid(tx, actor, g);
        await audit(tx, actor, 'progression.grid_read', 'progression_group', g.id, {
          children: grid.children.length,
        });
        return grid;
      }),

    /** The grid as CSV for Danish Excel; the reason and the export are written to the audit log. */
    export: (actor: Actor, groupId: string, reason: string) =>
      db.transaction(async (tx) => {
        const g = await loadGroup(tx, actor, groupId, 'progression.export');
        const grid = await readGrid(tx, actor, g);
        await audit(tx, actor, 'progression.export', 'progression_group', g.id, {
          reason,
          children: grid.children.length,
        });
        return { csv: gridCsv(grid), filename: gridFilename(g.name, new Date().toISOString().slice(0, 10)) };
      }),
  };
}
