import { asc, count, eq, sql } from 'drizzle-orm';
import type { Pillar } from '../../../shared/catalogue.js';
import type { InstitutionType, TeamType } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import { institutions, kommuner, teamMemberships, teams } from '../../db/schema.js';

export async function listKommuner(db: DbOrTx) {
  return db
    .select({
      id: kommuner.id,
      name: kommuner.name,
      code: kommuner.code,
      institutionCount: sql<number>`(select count(*)::int from ${institutions} i where i.kommune_id = "kommuner"."id")`,
    })
    .from(kommuner)
    .orderBy(asc(kommuner.name));
}

export async function getKommune(db: DbOrTx, id: string) {
  const [k] = await db.select().from(kommuner).where(eq(kommuner.id, id));
  return k;
}

export async function insertKommune(db: DbOrTx, v: { name: string; code: string | null }) {
  const [k] = await db.insert(kommuner).values(v).returning();
  return k;
}

/** True when a PATCH body sets nothing (drizzle refuses an UPDATE with an empty SET). */
const nothingToSet = (v: object) => Object.values(v).every((x) => x === undefined);

export async function updateKommune(db: DbOrTx, id: string, v: { name?: string; code?: string | null }) {
  if (nothingToSet(v)) return getKommune(db, id);
  const [k] = await db.update(kommuner).set(v).where(eq(kommuner.id, id)).returning();
  return k;
}

export async function deleteKommune(db: DbOrTx, id: string) {
  await db.delete(kommuner).where(eq(kommuner.id, id));
}

export async function countInstitutionsInKommune(db: DbOrTx, kommuneId: string) {
  const [r] = await db.select({ n: count() }).from(institutions).where(eq(institutions.kommuneId, kommuneId));
  return r.n;
}

const institutionColumns = {
  id: institutions.id,
  name: institutions.name,
  type: institutions.type,
  kommuneId: institutions.kommuneId,
  kommuneName: kommuner.name,
};

export async function listInstitutions(db: DbOrTx) {
  return db
    .select({
      ...institutionColumns,
      teamCount: sql<number>`(select count(*)::int from ${teams} t where t.institution_id = "institutions"."id")`,
    })
    .from(institutions)
    .innerJoin(kommuner, eq(kommuner.id, institutions.kommuneId))
    .orderBy(asc(kommuner.name), asc(institutions.name));
}

export async function getInstitution(db: DbOrTx, id: string) {
  const [i] = await db
    .select(institutionColumns)
    .from(institutions)
    .innerJoin(kommuner, eq(kommuner.id, institutions.kommuneId))
    .where(eq(institutions.id, id));
  return i;
}

export async function insertInstitution(
  db: DbOrTx,
  v: { kommuneId: string; name: string; type: InstitutionType },
) {
  const [i] = await db.insert(institutions).values(v).returning();
  return i;
}

export async function updateInstitution(
  db: DbOrTx,
  id: string,
  v: { name?: string; type?: InstitutionType },
) {
  if (nothingToSet(v)) return;
  await db.update(institutions).set(v).where(eq(institutions.id, id));
}

export async function deleteInstitution(db: DbOrTx, id: string) {
  await db.delete(institutions).where(eq(institutions.id, id));
}

const teamColumns = {
  id: teams.id,
  name: teams.name,
  type: teams.type,
  institutionId: teams.institutionId,
  kommuneId: institutions.kommuneId,
};

export async function listTeams(db: DbOrTx, institutionId: string) {
  return db
    .select({
      ...teamColumns,
      memberCount: sql<number>`(select count(*)::int from ${teamMemberships} m where m.team_id = "teams"."id")`,
    })
    .from(teams)
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .where(eq(teams.institutionId, institutionId))
    .orderBy(asc(teams.name));
}

export async function getTeam(db: DbOrTx, id: string) {
  const [t] = await db
    .select(teamColumns)
    .from(teams)
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .where(eq(teams.id, id));
  return t;
}

export async function insertTeam(db: DbOrTx, v: { institutionId: string; name: string; type: TeamType }) {
  const [t] = await db.insert(teams).values(v).returning();
  return t;
}

export async function updateTeam(db: DbOrTx, id: string, v: { name?: string; type?: TeamType }) {
  if (nothingToSet(v)) return;
  await db.update(teams).set(v).where(eq(teams.id, id));
}

export async function deleteTeam(db: DbOrTx, id: string) {
  await db.delete(teams).where(eq(teams.id, id));
}

export async function setPillarLabels(db: DbOrTx, id: string, labels: Record<Pillar, string> | null) {
  await db.update(kommuner).set({ pillarLabels: labels }).where(eq(kommuner.id, id));
}
