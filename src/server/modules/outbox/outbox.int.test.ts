import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../../db/schema.js';
import { backgroundSettled } from '../../http/background.js';
import { deliverDueEmails, startMailWorker } from '../../mail/deliver.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

/* Without SMTP_URL nothing is sent: e-mails are kept in the outbox, and administrators read them there. */
let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('administrator');
  const ids = await demoIds(t.ctx.db);
  const leder = await t.as('leder');
  for (const [i, name] of ['Aksel Andersen', 'Bodil Bang', 'Carl Clausen'].entries()) {
    const res = await leder.post('/api/v1/people', {
      name,
      email: `kept${i}@example.dk`,
      grant: { role: 'medarbejder', institutionId: ids.institution.Solsikkeskolen },
    });
    expect(res.statusCode).toBe(201);
  }
  await t.client().post('/api/v1/auth/password-reset', { email: 'medarbejder@demo.amongi.dk' });
  await backgroundSettled(); // the e-mail is queued after the answer
});
afterAll(() => t?.close());

type OutboxItem = { toAddress: string; subject: string; text: string; status: string };

describe('outbox without SMTP', () => {
  it('keeps every e-mail and shows them to an administrator, newest first', async () => {
    const res = await admin.get('/api/v1/outbox');
    expect(res.statusCode).toBe(200);
    const items: OutboxItem[] = res.json().items;
    expect(items.map((i) => i.toAddress)).toEqual([
      'medarbejder@demo.amongi.dk',
      'kept2@example.dk',
      'kept1@example.dk',
      'kept0@example.dk',
    ]);
    expect(items.every((i) => i.status === 'kept')).toBe(true);
    expect(items[1].subject).toBe('Du er inviteret til Amongi');
    expect(items[1].text).toMatch(/http:\/\/amongi\.test\/invitation\/[A-Za-z0-9_-]{20,}/);
    expect(items[0].text).toMatch(/http:\/\/amongi\.test\/nulstil\/[A-Za-z0-9_-]{20,}/);
  });

  it('pages with nextBefore', async () => {
    const first = (await admin.get('/api/v1/outbox?limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextBefore).toEqual(expect.any(String));
    const rest = (
      await admin.get(`/api/v1/outbox?limit=3&before=${encodeURIComponent(first.nextBefore)}`)
    ).json();
    expect(rest.items.map((i: OutboxItem) => i.toAddress)).toEqual(['kept0@example.dk']);
    expect(rest.nextBefore).toBeNull();
  });

  it('pages through e-mails written in one transaction (same created_at) without skipping any', async () => {
    await t.ctx.db.insert(outboxEmails).values(
      Array.from({ length: 5 }, (_, i) => ({
        toAddress: `batch${i}@example.dk`,
        subject: 'Du er inviteret til Amongi',
        text: 'x',
        html: 'x',
        status: 'kept' as const,
      })),
    );
    const seen: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 10; page++) {
      const url: string = `/api/v1/outbox?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`;
      const body = (await admin.get(url)).json();
      seen.push(...body.items.map((i: OutboxItem) => i.toAddress));
      before = body.nextBefore;
      if (!before) break;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen.filter((a) => a.startsWith('batch')).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `batch${i}@example.dk`),
    );
    expect(err(await admin.get('/api/v1/outbox?before=not-a-cursor'))).toEqual([400, 'request.invalid']);
  });

  it.each(['leder', 'forvaltning', 'medarbejder', 'redaktoer'])(
    '%s may not read the outbox (403)',
    async (role) => {
      expect(err(await (await t.as(role)).get('/api/v1/outbox'))).toEqual([403, 'policy.forbidden']);
    },
  );

  it('anonymous → 401', async () => {
    expect(err(await t.client().get('/api/v1/outbox'))).toEqual([401, 'auth.required']);
  });

  it('kept e-mails are never handed to a transport, and the worker does not start', async () => {
    const sent: unknown[] = [];
    const fake = { sendMail: async (m: unknown) => sent.push(m) } as unknown as Transporter;
    expect(await deliverDueEmails(t.ctx, fake, () => undefined)).toBe(0);
    expect(sent).toEqual([]);
    await startMailWorker(t.ctx, () => undefined, 10)();
    const items: OutboxItem[] = (await admin.get('/api/v1/outbox')).json().items;
    expect(items.every((i) => i.status === 'kept')).toBe(true);
  });
});
