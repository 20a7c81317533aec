import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { authTokens, sessions, users } from '../../db/schema.js';

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return u;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function listSessionsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function insertAuthToken(
  db: DbOrTx,
  t: { id: string; userId: string; purpose: 'invitation' | 'reset'; expiresAt: Date },
) {
  await db.insert(authTokens).values(t);
}

export async function findAuthToken(db: DbOrTx, id: string) {
  const [t] = await db.select().from(authTokens).where(eq(authTokens.id, id));
  return t;
}

/** Ends the person's unused links of this kind: a new invitation or reset link replaces the older ones. */
export async function retireAuthTokens(db: DbOrTx, userId: string, purpose: 'invitation' | 'reset') {
  await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
}

/** Marks a token used; returns false when it was already used (so two parallel uses cannot both win). */
export async function useAuthToken(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return rows.length === 1;
}

export async function setPassword(db: DbOrTx, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, status: 'active' }).where(eq(users.id, userId));
}
