import { lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/index.js';
import { sessions } from '../db/schema.js';
import type { TickerTask } from '../jobs/ticker.js';

/** Deletes the sessions that expired before `now`; answers how many. Safe from several workers at once. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return gone.length;
}

/**
 * The worker's hourly clean-up of expired sessions (issue 14): a session refused for its age is no use to anyone,
 * and a table that only grows keeps every device's sign-in time forever.
 */
export function expiredSessionsTask(ctx: Pick<AppContext, 'db' | 'log'>, everyMs = 60 * 60_000): TickerTask {
  return {
    name: 'expired-sessions',
    everyMs,
    run: async (now) => {
      const n = await deleteExpiredSessions(ctx.db, now);
      if (n) ctx.log.info({ sessions: n }, 'expired sessions deleted');
      return n;
    },
  };
}
