import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_COACHING_EARLIER_SLUG, DEMO_COACHING_LATER_SLUG, demoCoachingVideoIds } from './coaching.js';
import { seedDemoCoachingFeedback } from './coaching-feedback.js';
import { seedDemoContent } from './content.js';

/* The typed-feedback demo (issue 19 part B): the coach's three kinds on the shared lesson, a reply, one drøftet;
   the owner and the coach read it, the leader does not find it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoContent(t.ctx, { only: [DEMO_COACHING_EARLIER_SLUG, DEMO_COACHING_LATER_SLUG] });
});
afterAll(() => t?.close());

describe('demo coaching feedback', () => {
  it('typed feedback with a focus area, a reply and one drøftet, readable by owner and coach only', async () => {
    const { later } = await demoCoachingVideoIds(t.ctx.db);
    await t.ctx.db.execute(sql`update videos set status = 'ready', duration_seconds = 8 where id = ${later}`);
    const list = async (who: string) => (await t.as(who)).get(`/api/v1/videos/${later}/feedback`);
    const res = await list('medarbejder');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as {
      items: { kind: string; focusAreaKey: string | null; discussedAt: string | null; replies: unknown[] }[];
    };
    expect(items.map((i) => i.kind)).toEqual(['strength', 'question', 'suggestion']);
    expect(items.filter((i) => i.focusAreaKey)).toHaveLength(2);
    expect(items.filter((i) => i.discussedAt)).toHaveLength(1);
    expect(items[1].replies).toHaveLength(1);
    expect((await list('ressourceperson')).statusCode).toBe(200);
    expect((await list('leder')).statusCode).toBe(404);
    expect(await seedDemoCoachingFeedback(t.ctx.db)).toBe(false);
  });
});
