import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { seedDemoContent } from './content.js';

/* The demo's bell is not empty (issue 15): every seeded reply to someone else's comment left that person a
   notification, the newest unread, and the notifications page shows them. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoContent(t.ctx)).toBe(true);
});
afterAll(() => t?.close());

describe('demo notifications', () => {
  it('one comment.reply per seeded reply to another person on a video, pointing at the reply', async () => {
    const [r] = await rows<{ replies: number; notes: number; wrong: number }>(
      t.ctx.db,
      sql`select
        (select count(*)::int from comments c join comments p on p.id = c.parent_id
          where c.author_id <> p.author_id and c.video_id is not null) as replies,
        (select count(*)::int from notifications where kind = 'comment.reply') as notes,
        (select count(*)::int from notifications n join comments c on c.id = (n.payload->>'commentId')::uuid
          join comments p on p.id = c.parent_id
          where n.kind = 'comment.reply' and (n.user_id <> p.author_id or n.payload->>'videoId' <> c.video_id::text))
          as wrong`,
    );
    expect(r.replies).toBeGreaterThan(0);
    expect(r.notes).toBe(r.replies);
    expect(r.wrong).toBe(0);
  });

  it('someone who was answered sees them in the app, some unread, and no e-mail is due for the past', async () => {
    const [who] = await rows<{ email: string }>(
      t.ctx.db,
      sql`select u.email from notifications n join users u on u.id = n.user_id
          where n.read_at is null and u.email like '%@demo.amongi.dk'
          group by u.email order by count(*) desc limit 1`,
    );
    expect(who).toBeDefined();
    const c = await t.as(who.email);
    const res = await c.get('/api/v1/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.some((n: { kind: string }) => n.kind === 'comment.reply')).toBe(true);
    const [due] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from notifications where email_state is not null`,
    );
    expect(due.n).toBe(0);
  });
});
