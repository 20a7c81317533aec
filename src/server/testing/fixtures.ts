import { asc, count } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import {
  auditLog,
  institutions,
  kommuner,
  outboxEmails,
  roleGrants,
  teamMemberships,
  teams,
  users,
} from '../db/schema.js';

/** Ids of the seeded demo rows by name (kommuner, institutions, teams) and by e-mail local part (users). */
export async function demoIds(db: DbOrTx) {
  const byName = (rows: { id: string; name: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<string, string>;
  const k = await db.select({ id: kommuner.id, name: kommuner.name }).from(kommuner);
  const i = await db.select({ id: institutions.id, name: institutions.name }).from(institutions);
  const t = await db.select({ id: teams.id, name: teams.name }).from(teams);
  const u = await db.select({ id: users.id, email: users.email }).from(users);
  return {
    kommune: byName(k),
    institution: byName(i),
    team: byName(t),
    user: Object.fromEntries(u.map((r) => [r.email.split('@')[0], r.id])) as Record<string, string>,
  };
}

/**
 * Everything the org and people API can change, read straight from the database: compare a snapshot taken
 * before a refused request with one taken after to prove nothing changed.
 */
export async function orgSnapshot(db: DbOrTx) {
  const [outbox] = await db.select({ n: count() }).from(outboxEmails);
  const [audit] = await db.select({ n: count() }).from(auditLog);
  return {
    kommuner: await db
      .select({ id: kommuner.id, name: kommuner.name, code: kommuner.code })
      .from(kommuner)
      .orderBy(asc(kommuner.id)),
    institutions: await db
      .select({ id: institutions.id, name: institutions.name, type: institutions.type })
      .from(institutions)
      .orderBy(asc(institutions.id)),
    teams: await db
      .select({ id: teams.id, name: teams.name, type: teams.type, institutionId: teams.institutionId })
      .from(teams)
      .orderBy(asc(teams.id)),
    users: await db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        status: users.status,
        locale: users.locale,
      })
      .from(users)
      .orderBy(asc(users.id)),
    grants: await db
      .select({
        userId: roleGrants.userId,
        role: roleGrants.role,
        kommuneId: roleGrants.kommuneId,
        institutionId: roleGrants.institutionId,
      })
      .from(roleGrants)
      .orderBy(asc(roleGrants.id)),
    memberships: await db
      .select({ teamId: teamMemberships.teamId, userId: teamMemberships.userId })
      .from(teamMemberships)
      .orderBy(asc(teamMemberships.teamId), asc(teamMemberships.userId)),
    outbox: outbox.n,
    audit: audit.n,
  };
}

/** The status and error code of an answer, for one readable assertion: expect(err(res)).toEqual([404, 'x']). */
export function err(res: { statusCode: number; json: () => unknown }): [number, string | undefined] {
  const body = res.json() as { error?: { code?: string; message?: unknown } };
  if (body?.error && typeof body.error.message !== 'string') throw new Error('error without a message');
  return [res.statusCode, body?.error?.code];
}

/** Raw SQL in a test (e.g. moving an expiry into the past); the rows, on PGlite and node-postgres alike. */
export { rows } from '../db/rows.js';
