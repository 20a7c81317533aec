import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { sessions } from '../db/schema.js';

/*
 * The sessions table as session.ts reads and writes it on every request: infrastructure, so that it needs no
 * module (issue 14). The auth module starts and ends sessions through session.ts.
 */

export async function insertSession(
  db: DbOrTx,
  s: { id: string; userId: string; expiresAt: Date; userAgent: string | null },
) {
  await db.insert(sessions).values(s);
}

export async function findSession(db: DbOrTx, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

export async function touchSession(db: DbOrTx, id: string, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptId?: string) {
  await db
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
        : eq(sessions.userId, userId),
    );
}
