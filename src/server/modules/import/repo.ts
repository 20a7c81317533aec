import { eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import { auditLog, institutions, roleGrants, teamMemberships, teams, users } from '../../db/schema.js';

/** Bulk reads and writes for the staff import: one statement per kind, never one per row. */

const CHUNK = 1000;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export async function teamsOfInstitutions(db: DbOrTx, institutionIds: string[]) {
  if (!institutionIds.length) return [];
  return db
    .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
    .from(teams)
    .where(inArray(teams.institutionId, institutionIds));
}

/** Users whose lower-case e-mail is in the list (the list must already be lower-case). */
export async function usersByEmails(db: DbOrTx, lowerEmails: string[]) {
  const out: { id: string; email: string }[] = [];
  for (const part of chunks(lowerEmails))
    out.push(
      ...(await db
        .select({ id: users.id, email: sql<string>`lower(${users.email})` })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, part))),
    );
  return out;
}

/** Every grant of the given users, with the institution's kommune (what the policy needs). */
export async function grantsOfUsers(db: DbOrTx, userIds: string[]) {
  const out: { userId: string; role: Role; institutionId: string | null; kommuneId: string | null }[] = [];
  for (const part of chunks(userIds))
    out.push(
      ...(await db
        .select({
          userId: roleGrants.userId,
          role: roleGrants.role,
          institutionId: roleGrants.institutionId,
          kommuneId: institutions.kommuneId,
        })
        .from(roleGrants)
        .leftJoin(institutions, eq(institutions.id, roleGrants.institutionId))
        .where(inArray(roleGrants.userId, part))),
    );
  return out;
}

export async function teamMembershipsOfUsers(db: DbOrTx, userIds: string[]) {
  const out: { userId: string; teamId: string }[] = [];
  for (const part of chunks(userIds))
    out.push(
      ...(await db
        .select({ userId: teamMemberships.userId, teamId: teamMemberships.teamId })
        .from(teamMemberships)
        .where(inArray(teamMemberships.userId, part))),
    );
  return out;
}

/** Creates invited users (status defaults to 'invited'; no password). */
export async function insertUsers(db: DbOrTx, values: { email: string; name: string }[]) {
  const out: { id: string; email: string; name: string; locale: 'da' | 'en' }[] = [];
  for (const part of chunks(values))
    out.push(
      ...(await db
        .insert(users)
        .values(part.map((v) => ({ ...v, locale: 'da' as const })))
        .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale })),
    );
  return out;
}

export async function insertInstitutionGrants(
  db: DbOrTx,
  values: { userId: string; role: Role; institutionId: string }[],
) {
  for (const part of chunks(values))
    await db
      .insert(roleGrants)
      .values(part.map((v) => ({ ...v, kommuneId: null })))
      .onConflictDoNothing();
}

export async function insertTeamMemberships(db: DbOrTx, values: { teamId: string; userId: string }[]) {
  for (const part of chunks(values)) await db.insert(teamMemberships).values(part).onConflictDoNothing();
}

/** The bulk twin of modules/audit.ts: one audit entry per person touched by the import. */
export async function insertAuditEntries(
  db: DbOrTx,
  actorId: string,
  entries: { action: string; subjectType: string; subjectId: string; details: unknown }[],
) {
  for (const part of chunks(entries)) await db.insert(auditLog).values(part.map((e) => ({ ...e, actorId })));
}
