import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import {
  DEMO_COACHING_EARLIER_SLUG,
  DEMO_COACHING_EARLIER_TITLE,
  DEMO_COACHING_LATER_SLUG,
  DEMO_COACHING_LATER_TITLE,
  demoCoachingVideoIds,
  seedDemoCoaching,
} from './coaching.js';
import { seedDemoContent } from './content.js';

/* The coaching demo (issue 19): medarbejder's earlier and later private lessons, the later shared with
   ressourceperson; nobody else sees them. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoContent(t.ctx, { only: [DEMO_COACHING_EARLIER_SLUG, DEMO_COACHING_LATER_SLUG] })).toBe(
    true,
  );
});
afterAll(() => t?.close());

describe('demo coaching', () => {
  it('two private lessons of medarbejder, weeks apart, the later shared with ressourceperson only', async () => {
    const ids = await demoCoachingVideoIds(t.ctx.db);
    expect(ids.earlier && ids.later).toBeTruthy();
    const vs = await rows<{ title: string; visibility: string; email: string; days: number }>(
      t.ctx.db,
      sql`select v.title, v.visibility, u.email, extract(day from now() - v.created_at)::int as days
          from videos v join users u on u.id = v.owner_id where v.id in (${ids.earlier}, ${ids.later})
          order by v.created_at`,
    );
    expect(vs.map((v) => [v.title, v.visibility, v.email])).toEqual([
      [DEMO_COACHING_EARLIER_TITLE, 'private', 'medarbejder@demo.amongi.dk'],
      [DEMO_COACHING_LATER_TITLE, 'private', 'medarbejder@demo.amongi.dk'],
    ]);
    expect(vs[0].days - vs[1].days).toBeGreaterThanOrEqual(28);
    const grants = await rows<{ video_id: string; email: string; expires_at: Date | null }>(
      t.ctx.db,
      sql`select g.video_id, u.email, g.expires_at from video_grants g join users u on u.id = g.grantee_id`,
    );
    expect(grants).toEqual([
      { video_id: ids.later, email: 'ressourceperson@demo.amongi.dk', expires_at: null },
    ]);
    // Once again: nothing more.
    expect(await seedDemoCoaching(t.ctx.db)).toBe(false);
  });

  it('once ready, the coach watches the later lesson; the leader and the administrator get 404', async () => {
    const { earlier, later } = await demoCoachingVideoIds(t.ctx.db);
    await t.ctx.db.execute(sql`update videos set status = 'ready' where id in (${earlier}, ${later})`);
    const coach = await t.as('ressourceperson');
    expect((await coach.get(`/api/v1/videos/${later}`)).statusCode).toBe(200);
    expect((await coach.get(`/api/v1/videos/${earlier}`)).statusCode).toBe(404);
    for (const who of ['leder', 'administrator']) {
      const c = await t.as(who);
      expect((await c.get(`/api/v1/videos/${later}`)).statusCode).toBe(404);
    }
    const owner = await t.as('medarbejder');
    expect((await owner.get(`/api/v1/videos/${earlier}`)).statusCode).toBe(200);
  });
});
