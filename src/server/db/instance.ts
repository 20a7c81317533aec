import { eq, sql } from 'drizzle-orm';
import { randomToken } from '../auth/crypto.js';
import type { DbOrTx } from './index.js';
import { instanceSettings } from './schema.js';

export async function getSetting(db: DbOrTx, key: string) {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row?.value;
}

export async function setSetting(db: DbOrTx, key: string, value: string) {
  await db
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value: sql`excluded.value` } });
}

/** The secret for CSRF tokens: SESSION_SECRET when set, else one generated at first start and kept. */
export async function instanceSecret(db: DbOrTx, fromEnv?: string) {
  if (fromEnv) return fromEnv;
  await db
    .insert(instanceSettings)
    .values({ key: 'secret', value: randomToken(48) })
    .onConflictDoNothing();
  return (await getSetting(db, 'secret')) as string;
}
