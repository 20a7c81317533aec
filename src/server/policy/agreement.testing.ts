import { actorOf as toActor } from '../auth/session.js';
import type { Db } from '../db/index.js';
import { institutions, roleGrants, users } from '../db/schema.js';
import { seedDemo } from '../demo/index.js';
import { personDetail } from '../modules/people/index.js';
import { createTestDatabase } from '../testing/harness.js';
import type { Actor } from './index.js';

/**
 * The world the rule-vs-SQL agreement tests (sql-*.int.test.ts) share: the demo organisation, plus `cross`
 * (a medarbejder in one institution and a resource person in another, in another kommune) and `nobody` (no role).
 * `userId` is keyed by the e-mail's local part, `inst` by institution name.
 */
export async function agreementWorld(cross: { medarbejder: string; ressourceperson: string }) {
  const { database, drop } = await createTestDatabase();
  const db = database.db;
  await seedDemo(db);
  const userId: Record<string, string> = {};
  const inst: Record<string, string> = {};
  for (const u of await db.select({ id: users.id, email: users.email }).from(users))
    userId[u.email.split('@')[0]] = u.id;
  for (const i of await db.select({ id: institutions.id, name: institutions.name }).from(institutions))
    inst[i.name] = i.id;
  for (const name of ['cross', 'nobody']) {
    const [u] = await db
      .insert(users)
      .values({ email: `${name}@example.dk`, name, status: 'active' })
      .returning();
    userId[name] = u.id;
  }
  await db.insert(roleGrants).values([
    { userId: userId.cross, role: 'medarbejder', institutionId: inst[cross.medarbejder] },
    { userId: userId.cross, role: 'ressourceperson', institutionId: inst[cross.ressourceperson] },
  ]);
  return { db, drop, userId, inst };
}

/** The actor for a person, built the way a signed-in request builds it. */
export async function actorFor(db: Db, id: string): Promise<Actor> {
  const person = await personDetail(db, id);
  if (!person) throw new Error(`no user ${id}`);
  return toActor(person);
}

export const sorted = (xs: string[]) => [...xs].sort();

/** Every kind of actor the agreement tests try (demo accounts, `cross`, `nobody`). */
export const AGREEMENT_ACTORS = [
  'administrator',
  'redaktoer',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'medarbejder2',
  'leder2',
  'karin.thomsen',
  'cross',
  'nobody',
];
