import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backgroundSettled } from '../http/background.js';
import { demoIds, err, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';
import { startSmtpSink } from '../testing/smtp.js';
import { deliverDueEmails, startMailWorker } from './deliver.js';

/** These e-mails get no extra headers (List-Unsubscribe is the notifications module's, tested there). */
const noHeaders = () => undefined;

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
const transport = () => nodemailer.createTransport(sink.url);

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url });
  ids = await demoIds(t.ctx.db);
  leder = await t.as('leder');
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});
beforeEach(() => {
  sink.received.length = 0;
  sink.reject = false;
});

async function deliver() {
  const tr = transport();
  try {
    return await deliverDueEmails(t.ctx, tr, noHeaders);
  } finally {
    tr.close();
  }
}

const outboxRow = async (to: string) =>
  (
    await rows<{ status: string; attempts: number; last_error: string | null; due: boolean }>(
      t.ctx.db,
      sql`select status, attempts, last_error, next_attempt_at <= now() as due
          from outbox_emails where to_address = ${to} order by created_at desc limit 1`,
    )
  )[0];

const tokenIn = (text: string, page: 'invitation' | 'nulstil') => {
  const m = new RegExp(`http://amongi\\.test/${page}/([A-Za-z0-9_-]{20,})`).exec(text);
  if (!m) throw new Error(`no /${page}/ link in: ${text}`);
  return m[1];
};

async function inviteAndDeliver(email: string, name = 'Sofie Berg', locale?: 'da' | 'en') {
  const res = await leder.post('/api/v1/people', {
    name,
    email,
    locale,
    grant: { role: 'medarbejder', institutionId: ids.institution.Solsikkeskolen },
  });
  expect(res.statusCode).toBe(201);
  expect((await outboxRow(email)).status).toBe('pending');
  expect(await deliver()).toBe(1);
  const mail = sink.received.find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}

describe('invitation over SMTP', () => {
  it('delivers a Danish invitation with text and HTML parts and a single-use link that signs the person in', async () => {
    const mail = await inviteAndDeliver('sofie.berg@example.dk');
    expect(mail.subject).toBe('Du er inviteret til Amongi');
    expect(mail.from).toBe('no-reply@amongi.local');
    expect(mail.parts).toEqual(['text/plain', 'text/html']);
    expect(mail.text).toContain('Hej Sofie Berg');
    expect(mail.text).toContain('Lene Dalgaard har inviteret dig til Amongi på Solsikkeskolen');
    const token = tokenIn(mail.text, 'invitation');
    expect(tokenIn(mail.html, 'invitation')).toBe(token);
    expect(mail.html).toContain(`href="http://amongi.test/invitation/${token}"`);
    expect(await outboxRow('sofie.berg@example.dk')).toMatchObject({ status: 'sent', attempts: 1 });

    const c = t.client();
    const described = await c.get(`/api/v1/auth/invitations/${token}`);
    expect(described.json()).toEqual({ name: 'Sofie Berg', email: 'sofie.berg@example.dk' });
    expect(err(await c.post(`/api/v1/auth/invitations/${token}`, { password: 'kort' }))).toEqual([
      400,
      'auth.password_weak',
    ]);
    const accepted = await c.post(`/api/v1/auth/invitations/${token}`, { password: 'en lang adgangskode' });
    expect(accepted.statusCode).toBe(200);
    const me = await c.get('/api/v1/me');
    expect(me.json()).toMatchObject({ email: 'sofie.berg@example.dk', status: 'active' });

    expect(err(await t.client().get(`/api/v1/auth/invitations/${token}`))).toEqual([
      400,
      'auth.token_invalid',
    ]);
    expect(
      err(await t.client().post(`/api/v1/auth/invitations/${token}`, { password: 'en anden adgangskode' })),
    ).toEqual([400, 'auth.token_invalid']);
    await t.client().login('sofie.berg@example.dk', 'en lang adgangskode');
  });

  it('an expired invitation link → 400 auth.token_expired', async () => {
    const mail = await inviteAndDeliver('udloebet@example.dk', 'Ulla Udløbet');
    const token = tokenIn(mail.text, 'invitation');
    await t.ctx.db.execute(
      sql`update auth_tokens set expires_at = now() - interval '1 second'
          where user_id = (select id from users where email = 'udloebet@example.dk')`,
    );
    expect(err(await t.client().get(`/api/v1/auth/invitations/${token}`))).toEqual([
      400,
      'auth.token_expired',
    ]);
    expect(
      err(await t.client().post(`/api/v1/auth/invitations/${token}`, { password: 'en lang adgangskode' })),
    ).toEqual([400, 'auth.token_expired']);
  });

  it('an invitation link cannot be used as a reset link', async () => {
    const mail = await inviteAndDeliver('forkert.formaal@example.dk');
    const token = tokenIn(mail.text, 'invitation');
    expect(err(await t.client().get(`/api/v1/auth/password-reset/${token}`))).toEqual([
      400,
      'auth.token_invalid',
    ]);
  });

  it('escapes the invitee’s name in the HTML part and writes English for an English-speaking invitee', async () => {
    const mail = await inviteAndDeliver('ida@example.dk', 'Ida <b>Fed</b>', 'en');
    expect(mail.subject).toBe('You are invited to Amongi');
    expect(mail.text).toContain('Hello Ida <b>Fed</b>');
    expect(mail.html).toContain('Hello Ida &lt;b&gt;Fed&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Fed</b>');
  });
});

describe('password reset over SMTP', () => {
  it('answers an existing and an unknown e-mail identically; only the existing one gets a mail', async () => {
    const c = t.client();
    const known = await c.post('/api/v1/auth/password-reset', { email: 'Ressourceperson@demo.amongi.dk' });
    await backgroundSettled(); // the e-mail is queued after the answer
    const unknown = await c.post('/api/v1/auth/password-reset', { email: 'ingen@demo.amongi.dk' });
    await backgroundSettled(); // the e-mail is queued after the answer
    expect([known.statusCode, known.body]).toEqual([200, '{"ok":true}']);
    expect([unknown.statusCode, unknown.body]).toEqual([known.statusCode, known.body]);
    expect(await deliver()).toBe(1);
    expect(sink.received.map((m) => m.to)).toEqual([['ressourceperson@demo.amongi.dk']]);
    expect(sink.received[0].subject).toBe('Nulstil din adgangskode til Amongi');
  });

  it('the reset link sets a new password, ends the old sessions, and the old password stops working', async () => {
    const oldSession = await t.as('ressourceperson');
    await t.client().post('/api/v1/auth/password-reset', { email: 'ressourceperson@demo.amongi.dk' });
    await backgroundSettled(); // the e-mail is queued after the answer
    await deliver();
    const token = tokenIn(sink.received[0].text, 'nulstil');
    const c = t.client();
    expect((await c.get(`/api/v1/auth/password-reset/${token}`)).json().email).toBe(
      'ressourceperson@demo.amongi.dk',
    );
    expect(
      (await c.post(`/api/v1/auth/password-reset/${token}`, { password: 'helt ny kode 42' })).statusCode,
    ).toBe(200);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect(err(await oldSession.get('/api/v1/me'))).toEqual([401, 'auth.session_expired']);
    const old = await t
      .client()
      .post('/api/v1/auth/login', { email: 'ressourceperson@demo.amongi.dk', password: 'demo1234' });
    expect(err(old)).toEqual([401, 'auth.invalid_credentials']);
    await t.client().login('ressourceperson@demo.amongi.dk', 'helt ny kode 42');
    expect(
      err(await c.post(`/api/v1/auth/password-reset/${token}`, { password: 'igen en ny kode' })),
    ).toEqual([400, 'auth.token_invalid']);
  });
});

describe('delivery failures', () => {
  it('a refusing SMTP server leaves the mail pending with attempts+1 and the error; it is sent later', async () => {
    sink.reject = true;
    await t.client().post('/api/v1/auth/password-reset', { email: 'medarbejder@demo.amongi.dk' });
    await backgroundSettled(); // the e-mail is queued after the answer
    expect(await deliver()).toBe(0);
    const failed = await outboxRow('medarbejder@demo.amongi.dk');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, due: false });
    expect(failed.last_error).toMatch(/550|Mailbox unavailable/);
    expect(await deliver()).toBe(0); // not due yet: nothing is retried before its backoff

    sink.reject = false;
    await t.ctx.db.execute(sql`update outbox_emails set next_attempt_at = now() where status = 'pending'`);
    expect(await deliver()).toBe(1);
    expect(await outboxRow('medarbejder@demo.amongi.dk')).toMatchObject({
      status: 'sent',
      attempts: 2,
      last_error: null,
    });
    expect(sink.received.map((m) => m.to[0])).toEqual(['medarbejder@demo.amongi.dk']);
  });

  it('gives up after six attempts (status failed) and never sends it again', async () => {
    sink.reject = true;
    await t.client().post('/api/v1/auth/password-reset', { email: 'leder2@demo.amongi.dk' });
    await backgroundSettled(); // the e-mail is queued after the answer
    for (let i = 0; i < 6; i++) {
      await t.ctx.db.execute(sql`update outbox_emails set next_attempt_at = now() where status = 'pending'`);
      await deliver();
    }
    expect(await outboxRow('leder2@demo.amongi.dk')).toMatchObject({ status: 'failed', attempts: 6 });
    sink.reject = false;
    await t.ctx.db.execute(sql`update outbox_emails set next_attempt_at = now()`);
    expect(await deliver()).toBe(0);
    expect(sink.received).toEqual([]);
  });

  it('the mail worker delivers on its own and stops cleanly', async () => {
    const stop = startMailWorker(t.ctx, noHeaders, 20);
    try {
      await t.client().post('/api/v1/auth/password-reset', { email: 'medarbejder2@demo.amongi.dk' });
      await backgroundSettled(); // the e-mail is queued after the answer
      await expect
        .poll(() => sink.received.map((m) => m.to[0]), { timeout: 10_000, interval: 50 })
        .toEqual(['medarbejder2@demo.amongi.dk']);
    } finally {
      await stop();
    }
    expect((await outboxRow('medarbejder2@demo.amongi.dk')).status).toBe('sent');
  });
});

describe('outbox with SMTP configured', () => {
  it('hides the one-time link of a delivered reset e-mail from administrators', async () => {
    await t.client().post('/api/v1/auth/password-reset', { email: 'medarbejder@demo.amongi.dk' });
    await backgroundSettled(); // the e-mail is queued after the answer
    expect(await deliver()).toBe(1);
    const delivered = sink.received.find((m) => m.to.includes('medarbejder@demo.amongi.dk'));
    const token = tokenIn(delivered?.text ?? '', 'nulstil');
    const admin = await t.as('administrator');
    const page = (await admin.get('/api/v1/outbox?limit=5')).json();
    const shown = page.items.find((m: { toAddress: string }) => m.toAddress === 'medarbejder@demo.amongi.dk');
    expect(shown.text).toContain('/nulstil/[skjult]');
    expect(shown.text).not.toContain(token);
    expect(shown.html).not.toContain(token);
  });
});

describe('a new link replaces the old one', () => {
  it('re-sending an invitation makes the first link stop working', async () => {
    const first = await inviteAndDeliver('ny.kollega@example.dk', 'Ny Kollega');
    const oldToken = tokenIn(first.text, 'invitation');
    const person = (await leder.get('/api/v1/people?q=ny.kollega')).json().items[0];
    expect((await leder.post(`/api/v1/people/${person.id}/invitation`)).statusCode).toBe(200);
    expect(await deliver()).toBe(1);
    const second = sink.received.find(
      (m) => m.to.includes('ny.kollega@example.dk') && !m.text.includes(oldToken),
    );
    const newToken = tokenIn(second?.text ?? '', 'invitation');
    expect(err(await t.client().get(`/api/v1/auth/invitations/${oldToken}`))).toEqual([
      400,
      'auth.token_invalid',
    ]);
    expect((await t.client().get(`/api/v1/auth/invitations/${newToken}`)).statusCode).toBe(200);
  });
});

describe('survey invitations over SMTP', () => {
  it('once sent, no outbox row holds a person’s answer link any more; the link still works', async () => {
    const forvaltning = await t.as('forvaltning');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    const made = await forvaltning.post('/api/v1/survey/rounds', {
      kommuneId: ids.kommune['Fjordby Kommune'],
      questionnaireId: 'b0117100-5e1f-4a11-8000-000000000018',
      name: 'Outbox-test',
      opensOn: today,
      closesOn: today,
      institutionIds: [ids.institution['Klub Lynet']],
    });
    expect(made.statusCode, made.body).toBe(201);
    const pending = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from outbox_emails where status = 'pending' and text like '%/svar#%'`,
    );
    expect(pending[0].n).toBeGreaterThan(0);
    while ((await deliver()) > 0);
    const tokens = sink.received.flatMap((m) => /\/svar#([A-Za-z0-9_-]{20,})/.exec(m.text)?.[1] ?? []);
    expect(tokens.length).toBe(pending[0].n);
    for (const token of tokens) {
      const holding = await rows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from outbox_emails
            where strpos(text, ${token}) > 0 or strpos(html, ${token}) > 0`,
      );
      expect(holding[0].n).toBe(0);
    }
    const sent = await rows<{ text: string }>(
      t.ctx.db,
      sql`select text from outbox_emails where subject like ${'%Outbox-test%'} limit 1`,
    );
    expect(sent[0].text).toContain('/svar#[sendt]');
    const form = await t.client().get(`/api/v1/survey/answer?token=${tokens[0]}`);
    expect(form.statusCode, form.body).toBe(200);
  });
});
