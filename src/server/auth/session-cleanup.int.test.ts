import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema.js';
import { startTicker } from '../jobs/ticker.js';
import { demoIds } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { expiredSessionsTask } from './session-cleanup.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('expired sessions', () => {
  it('the worker task deletes the expired ones and keeps the live ones', async () => {
    const ids = await demoIds(t.database.db);
    const user = ids.user.medarbejder2;
    const hour = 3600_000;
    await t.database.db.insert(sessions).values([
      { id: 'cleanup-expired', userId: user, expiresAt: new Date(Date.now() - hour) },
      { id: 'cleanup-live', userId: user, expiresAt: new Date(Date.now() + hour) },
    ]);
    const stop = startTicker(t.ctx, [expiredSessionsTask(t.ctx, 60_000)], { firstDelayMs: 0 });
    const idsLeft = async () =>
      (await t.database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user))).map(
        (s) => s.id,
      );
    for (let i = 0; i < 100 && (await idsLeft()).includes('cleanup-expired'); i++)
      await new Promise((r) => setTimeout(r, 50));
    await stop();
    const left = await idsLeft();
    expect(left).not.toContain('cleanup-expired');
    expect(left).toContain('cleanup-live');
  });
});
