import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../shared/constants.js';
import type * as c from '../../../shared/contracts/people.js';
import { FORMER_EMPLOYEE_ID } from '../../../shared/former-employee.js';
import type { DbOrTx } from '../../db/index.js';
import { institutions, kommuner, roleGrants, teamMemberships, teams, users } from '../../db/schema.js';

export async function listPeople(
  db: DbOrTx,
  visible: SQL,
  opts: { institutionId?: string; q?: string; after?: { name: string; id: string }; limit: number },
) {
  // "Tidligere medarbejder" (erased people's shared work) is nobody to list, invite or manage.
  const filters: (SQL | undefined)[] = [visible, sql`${users.id} <> ${FORMER_EMPLOYEE_ID}`];
  if (opts.institutionId)
    filters.push(
      sql`exists (select 1 from ${roleGrants} g where g.user_id = ${users.id} and g.institution_id = ${opts.institutionId})`,
    );
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    filters.push(or(sql`lower(${users.name}) like ${like}`, sql`lower(${users.email}) like ${like}`));
  }
  if (opts.after)
    filters.push(
      or(
        gt(sql`lower(${users.name})`, opts.after.name.toLowerCase()),
        and(eq(sql`lower(${users.name})`, opts.after.name.toLowerCase()), gt(users.id, opts.after.id)),
      ),
    );
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      roles: sql<{ role: Role; scopeName: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', g.role, 'scopeName', coalesce(i.name, k.name)) order by g.role)
        from ${roleGrants} g
        left join ${institutions} i on i.id = g.institution_id
        left join ${kommuner} k on k.id = g.kommune_id
        where g.user_id = "users"."id"), '[]'::json)`,
    })
    .from(users)
    .where(and(...filters))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(opts.limit + 1);
}

export type PersonGrant = z.output<typeof c.PersonGrant>;
export type PersonTeam = z.output<typeof c.PersonTeam>;

/** A person with their grants (with place names) and teams, in one query. */
export async function personDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      locale: users.locale,
      createdAt: users.createdAt,
      grants: sql<PersonGrant[]>`coalesce((
        select json_agg(json_build_object(
          'id', g.id, 'role', g.role, 'institutionId', g.institution_id, 'institutionName', i.name,
          'institutionType', i.type, 'kommuneId', k.id, 'kommuneName', k.name) order by g.role, i.name)
        from ${roleGrants} g
        left join ${institutions} i on i.id = g.institution_id
        left join ${kommuner} k on k.id = coalesce(g.kommune_id, i.kommune_id)
        where g.user_id = "users"."id"), '[]'::json)`,
      teams: sql<PersonTeam[]>`coalesce((
        select json_agg(json_build_object('id', t.id, 'name', t.name, 'type', t.type, 'institutionId', t.institution_id)
          order by lower(t.name))
        from ${teamMemberships} m join ${teams} t on t.id = m.team_id
        where m.user_id = "users"."id"), '[]'::json)`,
    })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

export async function teamMembers(db: DbOrTx, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(eq(teamMemberships.teamId, teamId))
    .orderBy(asc(sql`lower(${users.name})`));
}

export async function insertUser(db: DbOrTx, v: { email: string; name: string; locale?: 'da' | 'en' }) {
  const [u] = await db
    .insert(users)
    .values({ email: v.email.trim(), name: v.name.trim(), locale: v.locale ?? 'da' })
    .returning();
  return u;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  v: Partial<{ name: string; email: string; locale: 'da' | 'en'; status: 'invited' | 'active' | 'disabled' }>,
) {
  if (Object.values(v).every((x) => x === undefined)) return; // nothing to set (an empty PATCH)
  // disabled_at records when the account was disabled (retention counts from it); it is cleared on reactivation.
  const disabledAt =
    v.status === undefined
      ? {}
      : { disabledAt: v.status === 'disabled' ? sql`coalesce(${users.disabledAt}, now())` : null };
  await db
    .update(users)
    .set({ ...v, ...disabledAt })
    .where(eq(users.id, id));
}

export async function insertGrant(
  db: DbOrTx,
  v: { userId: string; role: Role; kommuneId: string | null; institutionId: string | null },
) {
  const [g] = await db.insert(roleGrants).values(v).onConflictDoNothing().returning();
  return g;
}

export async function getGrant(db: DbOrTx, id: string) {
  const [g] = await db.select().from(roleGrants).where(eq(roleGrants.id, id));
  return g;
}

export async function deleteGrant(db: DbOrTx, id: string) {
  await db.delete(roleGrants).where(eq(roleGrants.id, id));
}

export async function countActiveAdministrators(db: DbOrTx) {
  const [r] = await db
    .select({ n: sql<number>`count(distinct ${roleGrants.userId})::int` })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, 'administrator'), eq(users.status, 'active')));
  return r.n;
}

export async function addTeamMember(db: DbOrTx, teamId: string, userId: string) {
  await db.insert(teamMemberships).values({ teamId, userId }).onConflictDoNothing();
}

export async function removeTeamMember(db: DbOrTx, teamId: string, userId: string) {
  await db
    .delete(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
}
