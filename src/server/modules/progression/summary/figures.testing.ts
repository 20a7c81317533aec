import type { ProgressionStatus } from '../../../../shared/progression.js';
import type { DbOrTx } from '../../../db/index.js';
import {
  progressionAreas,
  progressionChildren,
  progressionGroups,
  progressionPeriods,
  progressionPlacements,
  progressionStatuses,
  progressionTotals,
} from '../../../db/progression-schema.js';
import type { Counts } from './suppress.js';

/**
 * Progression rows straight into the database for tests of what reads them (summaries, conferences, retention):
 * areas, periods, groups and the totals a summary reads. Entering statuses through the API is the grid's test.
 */

export async function addArea(
  db: DbOrTx,
  institutionId: string,
  name: string,
  position = 0,
): Promise<string> {
  const [r] = await db
    .insert(progressionAreas)
    .values({ institutionId, name, position })
    .returning({ id: progressionAreas.id });
  return r.id;
}

/** A period of `schoolYear` (e.g. 2026 → 2026/27), by default its whole autumn. */
export async function addPeriod(
  db: DbOrTx,
  institutionId: string,
  name: string,
  schoolYear: number,
  days: [string, string] = [`${schoolYear}-08-15`, `${schoolYear}-12-20`],
): Promise<string> {
  const [r] = await db
    .insert(progressionPeriods)
    .values({ institutionId, name, schoolYear, startsOn: days[0], endsOn: days[1] })
    .returning({ id: progressionPeriods.id });
  return r.id;
}

export async function addGroup(
  db: DbOrTx,
  institutionId: string,
  name: string,
  schoolYear: number,
  teamId: string | null = null,
): Promise<string> {
  const [r] = await db
    .insert(progressionGroups)
    .values({ institutionId, name, schoolYear, teamId })
    .returning({ id: progressionGroups.id });
  return r.id;
}

export const counts = (groen: number, gul = 0, roed = 0, movedUp = 0, movedDown = 0): Counts => ({
  groen,
  gul,
  roed,
  movedUp,
  movedDown,
});

export async function setTotals(db: DbOrTx, groupId: string, areaId: string, periodId: string, c: Counts) {
  await db
    .insert(progressionTotals)
    .values({ groupId, areaId, periodId, ...c })
    .onConflictDoUpdate({
      target: [progressionTotals.groupId, progressionTotals.areaId, progressionTotals.periodId],
      set: c,
    });
}

/** A child (by code) placed in a group from a day (to a day: it left). */
export async function addChild(
  db: DbOrTx,
  institutionId: string,
  code: string,
  groupId: string,
  fromOn: string,
  toOn: string | null = null,
): Promise<string> {
  const [r] = await db
    .insert(progressionChildren)
    .values({ institutionId, code })
    .returning({ id: progressionChildren.id });
  await db.insert(progressionPlacements).values({ childId: r.id, groupId, fromOn, toOn });
  return r.id;
}

/** Places a child in another group too (its history follows it). */
export async function place(
  db: DbOrTx,
  childId: string,
  groupId: string,
  fromOn: string,
  toOn: string | null = null,
) {
  await db.insert(progressionPlacements).values({ childId, groupId, fromOn, toOn });
}

/** A status straight into the table (the totals are the test's to set). */
export async function addStatus(
  db: DbOrTx,
  s: { childId: string; areaId: string; periodId: string; groupId: string; status: ProgressionStatus },
) {
  await db.insert(progressionStatuses).values(s);
}
