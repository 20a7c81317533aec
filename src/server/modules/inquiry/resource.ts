import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { inquiryCycles } from '../../db/inquiry-schema.js';
import { institutions, teams } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { type Action, type Actor, authorize, type CycleResource, teamResource } from '../../policy/index.js';

/**
 * The policy views of a team and of a cycle (issue 16), loaded in one round trip each and authorized: every
 * service in this module goes through these two before it reads or writes anything.
 */

export type TeamRow = {
  id: string;
  name: string;
  type: (typeof teams.$inferSelect)['type'];
  institutionId: string;
  institutionName: string;
  institutionType: (typeof institutions.$inferSelect)['type'];
  kommuneId: string;
};

/** The team, after `action` ('team.space' to read its space, 'team.work' to write in it) is allowed. */
export async function loadTeam(db: DbOrTx, actor: Actor, teamId: string, action: Action): Promise<TeamRow> {
  const [row] = await db
    .select({
      id: teams.id,
      name: teams.name,
      type: teams.type,
      institutionId: teams.institutionId,
      institutionName: institutions.name,
      institutionType: institutions.type,
      kommuneId: institutions.kommuneId,
    })
    .from(teams)
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .where(eq(teams.id, teamId));
  if (!row) throw new AppError('team.not_found');
  authorize(actor, action, teamResource(row));
  return row;
}

export type CycleRow = typeof inquiryCycles.$inferSelect & {
  institutionId: string;
  kommuneId: string;
  teamName: string;
};

/**
 * The cycle, after `action` ('cycle.read' or 'cycle.write') is allowed; a cycle the actor may not know of is
 * inquiry.cycle_not_found, like one that does not exist. `forUpdate` locks the row (inside a transaction).
 */
export async function loadCycle(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
  action: Action,
  opts: { forUpdate?: boolean } = {},
): Promise<{ cycle: CycleRow; resource: CycleResource }> {
  const q = db
    .select({
      cycle: inquiryCycles,
      institutionId: teams.institutionId,
      kommuneId: institutions.kommuneId,
      teamName: teams.name,
    })
    .from(inquiryCycles)
    .innerJoin(teams, eq(teams.id, inquiryCycles.teamId))
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .where(eq(inquiryCycles.id, cycleId));
  const [row] = opts.forUpdate ? await q.for('update', { of: inquiryCycles }) : await q;
  if (!row) throw new AppError('inquiry.cycle_not_found');
  const resource = cycleResource({
    ...row.cycle,
    institutionId: row.institutionId,
    kommuneId: row.kommuneId,
  });
  authorize(actor, action, resource);
  return {
    cycle: {
      ...row.cycle,
      institutionId: row.institutionId,
      kommuneId: row.kommuneId,
      teamName: row.teamName,
    },
    resource,
  };
}

export const cycleResource = (c: {
  id: string;
  teamId: string;
  institutionId: string;
  kommuneId: string;
  sharedWithLeaders: boolean;
}): CycleResource => ({
  type: 'cycle',
  id: c.id,
  teamId: c.teamId,
  institutionId: c.institutionId,
  kommuneId: c.kommuneId,
  sharedWithLeaders: c.sharedWithLeaders,
});
