import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundSettled } from '../../http/background.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_PER_IP: '1000', LOGIN_MAX_PER_ACCOUNT: '3' });
});
afterAll(() => t?.close());

const KNOWN = 'medarbejder@demo.amongi.dk';
const UNKNOWN = 'findes.ikke@demo.amongi.dk';
const mails = async (to: string) =>
  Number(
    (
      (
        await t.ctx.database.executeSql(
          'select count(*)::int as n from outbox_emails where to_address = $1',
          [to],
        )
      ).rows[0] as { n: number }
    ).n,
  );

describe('password reset: a known e-mail costs the request nothing more than an unknown one', () => {
  it('answers 20 requests for each while every table the reset uses is locked; the e-mails follow afterwards', async () => {
    const c = t.client();
    await c.get('/api/v1/auth/csrf');
    const reset = (email: string) => c.post('/api/v1/auth/password-reset', { email });
    // With the tables locked, any database work on the request would wait (PGlite: the one connection is ours).
    const answers = await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`lock table users, auth_tokens, outbox_emails in access exclusive mode`);
      const out = [];
      for (let i = 0; i < 20; i++)
        for (const email of [KNOWN, UNKNOWN]) {
          let timer: NodeJS.Timeout | undefined;
          const blocked = new Promise<'blocked'>((r) => {
            timer = setTimeout(() => r('blocked'), 5000);
          });
          const r = await Promise.race([reset(email), blocked]);
          clearTimeout(timer);
          if (r === 'blocked') return 'the request waited for the database';
          const { date: _, ...headers } = r.headers;
          out.push({ email, status: r.statusCode, body: r.body, headers });
        }
      return out;
    });
    expect(Array.isArray(answers) ? answers.length : answers).toBe(40);
    const [first] = answers as { status: number; body: string; headers: object }[];
    expect([first.status, first.body]).toEqual([200, '{"ok":true}']);
    for (const a of answers as (typeof first & { email: string })[])
      expect({ ...a, email: '' }).toEqual({ ...first, email: '' });

    // The work happened after the answers: the known address got its e-mail (at most 3 a window), the other none.
    await backgroundSettled();
    expect(await mails(KNOWN)).toBe(3);
    expect(await mails(UNKNOWN)).toBe(0);
  });
});
