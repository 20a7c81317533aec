import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/constants.js';
import { actorOf as toActor } from '../auth/session.js';
import type { Db } from '../db/index.js';
import { institutions, kommuner, roleGrants, users } from '../db/schema.js';
import { seedDemo } from '../db/seed-demo.js';
import { personDetail } from '../modules/people/repo.js';
import { createTestDatabase } from '../testing/harness.js';
import { type Actor, policySql, seesInstitution, seesKommune, seesPerson } from './index.js';

/*
 * The list endpoints filter with policy/sql.ts; single reads decide with policy/rules.ts. Both must agree for
 * every actor over the same rows, or a list would show what a read refuses (or hide what it allows).
 */
let db: Db;
let drop: () => Promise<void>;
const userId: Record<string, string> = {};

async function addUser(key: string, grants: { role: Role; kommune?: string; institution?: string }[]) {
  const [u] = await db
    .insert(users)
    .values({ email: `${key}@example.dk`, name: key, status: 'active' })
    .returning();
  userId[key] = u.id;
  for (const g of grants) {
    const kommuneId = g.kommune ? await idOf(kommuner, g.kommune) : null;
    const institutionId = g.institution ? await idOf(institutions, g.institution) : null;
    await db.insert(roleGrants).values({ userId: u.id, role: g.role, kommuneId, institutionId });
  }
}
async function idOf(table: typeof kommuner | typeof institutions, name: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.name, name));
  if (!row) throw new Error(`no ${name}`);
  return row.id;
}

beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.database.db;
  drop = t.drop;
  await seedDemo(db);
  // Extra rows: a third kommune with two institutions, and people whose roles cut across kommuner.
  const [soeby] = await db.insert(kommuner).values({ name: 'Søby Kommune' }).returning();
  await db.insert(institutions).values([
    { kommuneId: soeby.id, name: 'Søby Skole', type: 'skole' },
    { kommuneId: soeby.id, name: 'Søby Klub', type: 'klub' },
  ]);
  for (const u of await db.select({ id: users.id, email: users.email }).from(users))
    userId[u.email.split('@')[0]] = u.id;
  await addUser('teacher-and-leder', [
    { role: 'medarbejder', institution: 'Solsikkeskolen' },
    { role: 'leder', institution: 'Bakkeskolen' },
  ]);
  await addUser('two-forvaltninger', [
    { role: 'forvaltning', kommune: 'Bakkedal Kommune' },
    { role: 'forvaltning', kommune: 'Søby Kommune' },
  ]);
  await addUser('forvaltning-and-pedagogue', [
    { role: 'forvaltning', kommune: 'Søby Kommune' },
    { role: 'medarbejder', institution: 'Børnehuset Mælkebøtten' },
  ]);
  await addUser('redaktoer-and-leder', [{ role: 'redaktoer' }, { role: 'leder', institution: 'Klub Lynet' }]);
  await addUser('two-kommuner-teacher', [
    { role: 'medarbejder', institution: 'Søby Skole' },
    { role: 'ressourceperson', institution: 'Klub Lynet' },
  ]);
  await addUser('second-admin', [{ role: 'administrator' }]);
  await addUser('nobody', []);
});
afterAll(() => drop?.());

async function actorOf(key: string): Promise<Actor> {
  const person = await personDetail(db, userId[key]);
  if (!person) throw new Error(`no user ${key}`);
  return toActor(person);
}

const sorted = (xs: string[]) => [...xs].sort();

async function pureAndSql(actor: Actor) {
  const allInstitutions = await db
    .select({ id: institutions.id, kommuneId: institutions.kommuneId })
    .from(institutions);
  const allKommuner = await db.select({ id: kommuner.id }).from(kommuner);
  const grantRows = await db
    .select({ userId: roleGrants.userId, institutionId: institutions.id, kommuneId: institutions.kommuneId })
    .from(roleGrants)
    .innerJoin(institutions, eq(institutions.id, roleGrants.institutionId));
  const allUsers = await db.select({ id: users.id }).from(users);

  const pure = {
    institutions: sorted(allInstitutions.filter((i) => seesInstitution(actor, i)).map((i) => i.id)),
    kommuner: sorted(allKommuner.filter((k) => seesKommune(actor, k.id)).map((k) => k.id)),
    people: sorted(
      allUsers
        .filter((u) =>
          seesPerson(actor, {
            id: u.id,
            institutions: grantRows
              .filter((g) => g.userId === u.id)
              .map((g) => ({ id: g.institutionId, kommuneId: g.kommuneId })),
          }),
        )
        .map((u) => u.id),
    ),
  };
  const viaSql = {
    institutions: sorted(
      (
        await db
          .select({ id: institutions.id })
          .from(institutions)
          .where(policySql.visibleInstitutions(actor))
      ).map((r) => r.id),
    ),
    kommuner: sorted(
      (await db.select({ id: kommuner.id }).from(kommuner).where(policySql.visibleKommuner(actor))).map(
        (r) => r.id,
      ),
    ),
    people: sorted(
      (await db.select({ id: users.id }).from(users).where(policySql.visiblePeople(actor))).map((r) => r.id),
    ),
  };
  return { pure, viaSql };
}

const ACTORS = [
  'administrator',
  'redaktoer',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'medarbejder2',
  'leder2',
  'anders.lund',
  'karin.thomsen',
  'teacher-and-leder',
  'two-forvaltninger',
  'forvaltning-and-pedagogue',
  'redaktoer-and-leder',
  'two-kommuner-teacher',
  'second-admin',
  'nobody',
];

describe('policy SQL agrees with the pure rules', () => {
  it.each(ACTORS)('%s sees the same institutions, kommuner and people both ways', async (key) => {
    const { pure, viaSql } = await pureAndSql(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('the comparison is not vacuous: the sets differ between actors as the roles say', async () => {
    const count = async (key: string) => {
      const { viaSql } = await pureAndSql(await actorOf(key));
      return [viaSql.institutions.length, viaSql.kommuner.length, viaSql.people.length];
    };
    const [allI, allK, allP] = await count('administrator');
    expect([allI, allK]).toEqual([7, 3]);
    expect(await count('nobody')).toEqual([0, 0, 1]);
    expect(await count('redaktoer')).toEqual([0, 0, 1]);
    // Fjordby's four institutions; its kommune only.
    expect((await count('forvaltning')).slice(0, 2)).toEqual([4, 1]);
    // Bakkeskolen + Søby Skole + Søby Klub; Bakkedal and Søby.
    expect((await count('two-forvaltninger')).slice(0, 2)).toEqual([3, 2]);
    // Solsikkeskolen and Bakkeskolen; Fjordby and Bakkedal.
    expect((await count('teacher-and-leder')).slice(0, 2)).toEqual([2, 2]);
    expect((await count('medarbejder'))[2]).toBeLessThan(allP);
  });
});
