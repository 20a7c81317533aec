import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { roleGrants, users } from '../db/schema.js';
import { DEMO_DOMAIN } from '../demo/index.js';
import type { TestApp, TestClient } from './harness.js';

/**
 * Extra teachers for tests that need many people (parallel signals, group sizes): medarbejdere of one
 * institution with the demo password (its hash copied from a demo account, so no hashing per person).
 */
export async function addTeachers(db: DbOrTx, institutionId: string, prefix: string, n: number) {
  const [demo] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, `medarbejder@${DEMO_DOMAIN}`));
  const made = await db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `${prefix}${i}@${DEMO_DOMAIN}`,
        name: `${prefix} Lærer ${i}`,
        passwordHash: demo.hash,
        status: 'active' as const,
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name });
  await db
    .insert(roleGrants)
    .values(made.map((u) => ({ userId: u.id, role: 'medarbejder' as const, institutionId })));
  return made;
}

/** Signs each person in (one after the other: sign-ins are rate limited per address only when they fail). */
export async function signInAll(t: TestApp, emails: string[]): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (const e of emails) out.push(await t.as(e));
  return out;
}

/** `n` new teachers of one institution (addTeachers), each signed in: `{ id, email, name, client }`. */
export async function signInTeachers(t: TestApp, institutionId: string, prefix: string, n: number) {
  const made = await addTeachers(t.ctx.db, institutionId, prefix, n);
  const clients = await signInAll(
    t,
    made.map((u) => u.email),
  );
  return made.map((u, i) => ({ ...u, client: clients[i] }));
}
