import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_HOUR } from '../../../shared/training.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { startSmtpSink } from '../../testing/smtp.js';
import { sendDueDigests } from './digest.js';
import { sendDueNotificationEmails } from './email.js';
import { notify } from './notify.js';
import {
  deliverOutbox,
  mailTo,
  mention,
  runMailWorker,
  storedFor,
  unsubscribeTokens,
} from './notify.testing.js';
import { danishDate, danishTime, nextDate } from './time.js';

/*
 * Notification e-mail end to end (I3) over a real SMTP server on loopback: at once, in the daily digest, the
 * unsubscribe link and one-click header, an SMTP server that is down, and escaping in the HTML part.
 */
let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let ids: Awaited<ReturnType<typeof demoIds>>;
let mette: TestClient; // medarbejder, Solsikkeskolen
let rasmus: TestClient; // ressourceperson, Solsikkeskolen
let video: string;
const RASMUS = 'ressourceperson@demo.amongi.dk';
const rasmusRef = () => ({ id: ids.user.ressourceperson, name: 'Rasmus Kjær' });

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url });
  ids = await demoIds(t.ctx.db);
  [mette, rasmus] = await Promise.all([t.as('medarbejder'), t.as('ressourceperson')]);
  video = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    title: 'Makkerlæsning & <i>højtlæsning</i>',
  });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});
beforeEach(async () => {
  sink.received.length = 0;
  sink.reject = false;
  await t.ctx.db.execute(sql`delete from notification_preferences`);
  await t.ctx.db.execute(sql`update notifications set email_state = 'done' where email_state is not null`);
  await t.ctx.db.execute(sql`update outbox_emails set status = 'sent' where status = 'pending'`);
});

const setDelivery = async (c: TestClient, kind: string, delivery: string) => {
  const res = await c.put('/api/v1/notifications/preferences', { items: [{ kind, delivery }] });
  expect(res.statusCode, res.body).toBe(200);
};
const outboxCount = async () =>
  Number((await rows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox_emails`))[0].n);

describe('e-mail at once', () => {
  it('a mention sends one Danish e-mail with text, HTML, the link, and a one-click unsubscribe that works', async () => {
    const before = await outboxCount();
    const commentId = await mention(mette, video, [rasmusRef()], 'Prøv den her');
    // The request only records the notification; nothing is written to the outbox or sent in it.
    expect((await storedFor(t, ids.user.ressourceperson))[0]).toMatchObject({
      kind: 'comment.mention',
      email_state: 'email',
    });
    expect(await outboxCount()).toBe(before);

    expect(await runMailWorker(t, sink.url)).toBe(1);
    const [mail] = mailTo(sink.received, RASMUS);
    expect(sink.received).toHaveLength(1);
    expect(mail.subject).toBe(
      'Mette Nørgaard nævnte dig i en kommentar til »Makkerlæsning & <i>højtlæsning</i>«',
    );
    expect(mail.parts).toEqual(['text/plain', 'text/html']);
    expect(mail.text).toContain('Hej Rasmus Kjær');
    expect(mail.text).toContain('»Prøv den her @Rasmus Kjær«');
    const link = `http://amongi.test/videoer/${video}#kommentar-${commentId}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.text).toContain('http://amongi.test/notifikationer/indstillinger');

    const [token] = unsubscribeTokens(mail.text);
    expect(unsubscribeTokens(mail.html)).toEqual([token]);
    expect(mail.headers['list-unsubscribe']).toBe(
      `<http://amongi.test/api/v1/notifications/unsubscribe/${token}>`,
    );
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // The administrator's outbox does not show the recipient's unsubscribe link.
    const outbox = (await (await t.as('administrator')).get('/api/v1/outbox?limit=5')).json();
    const shown = outbox.items.find((m: { toAddress: string }) => m.toAddress === RASMUS);
    expect(shown.text).toContain('/afmeld/[skjult]');
    expect(`${shown.text}${shown.html}`).not.toContain(token);

    // The page asks first: opening the link changes nothing.
    const anyone = t.client();
    expect((await anyone.get(`/api/v1/notifications/unsubscribe/${token}`)).json()).toEqual({
      kind: 'comment.mention',
      delivery: 'email',
    });
    // A mail provider's one-click POST: no cookies, no CSRF token, a form body.
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect([res.statusCode, res.json()]).toEqual([200, { kind: 'comment.mention', delivery: 'in_app' }]);
    const prefs = (await rasmus.get('/api/v1/notifications/preferences')).json();
    expect(prefs.items.find((i: { kind: string }) => i.kind === 'comment.mention')).toEqual({
      kind: 'comment.mention',
      delivery: 'in_app',
      defaultDelivery: 'email',
    });

    // The next mention stays in the app.
    const again = await mention(mette, video, [rasmusRef()], 'Og den her');
    const [latest] = await storedFor(t, ids.user.ressourceperson);
    expect(latest).toMatchObject({ kind: 'comment.mention', email_state: null });
    expect(latest.payload.commentId).toBe(again);
    expect(await runMailWorker(t, sink.url)).toBe(0);
    expect(sink.received).toHaveLength(1);
  });

  it('a reply goes through the same delivery, and a person who chose the app only gets no e-mail', async () => {
    await setDelivery(rasmus, 'comment.reply', 'email');
    const top = await mention(rasmus, video, [], 'Et spørgsmål');
    const reply = await mention(mette, video, [], 'Et svar', top);
    expect(await runMailWorker(t, sink.url)).toBe(1);
    expect(sink.received[0].subject).toBe(
      'Mette Nørgaard svarede på din kommentar til »Makkerlæsning & <i>højtlæsning</i>«',
    );
    expect(sink.received[0].text).toContain(`#kommentar-${reply}`);

    await setDelivery(rasmus, 'comment.reply', 'in_app');
    await mention(mette, video, [], 'Et svar mere', top);
    expect((await storedFor(t, ids.user.ressourceperson))[0]).toMatchObject({
      kind: 'comment.reply',
      email_state: null,
    });
    expect(await runMailWorker(t, sink.url)).toBe(0);
  });

  it('escapes HTML and script from the comment and the title in the HTML part', async () => {
    await mention(mette, video, [rasmusRef()], '<script>alert("x")</script> <img src=x onerror=alert(1)>');
    await runMailWorker(t, sink.url);
    const { html, text } = sink.received[0];
    expect(text).toContain('<script>alert("x")</script>');
    expect(html).not.toMatch(/<script|<img|<i>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Makkerlæsning &amp; &lt;i&gt;højtlæsning&lt;/i&gt;');
  });

  it('writes English for an English-speaking person and links training notifications to the course', async () => {
    await t.ctx.db.execute(sql`update users set locale = 'en' where id = ${ids.user.ressourceperson}`);
    try {
      const courseId = '00000000-0000-4000-8000-000000000001';
      await notify(t.ctx.db, ids.user.ressourceperson, 'training.enrolled', {
        courseId,
        courseTitle: 'Makkerlæsning i indskolingen',
        methodId: '00000000-0000-4000-8000-000000000002',
        methodLabel: 'Makkerlæsning',
      });
      await runMailWorker(t, sink.url);
      expect(sink.received[0].subject).toBe(
        'You are enrolled in the training course “Makkerlæsning i indskolingen”',
      );
      expect(sink.received[0].text).toContain('Hello Rasmus Kjær');
      expect(sink.received[0].text).toContain(`http://amongi.test/traening/forloeb/${courseId}`);
    } finally {
      await t.ctx.db.execute(sql`update users set locale = 'da' where id = ${ids.user.ressourceperson}`);
    }
  });

  it('two workers at once write each e-mail once', async () => {
    for (const text of ['En', 'To', 'Tre']) await mention(mette, video, [rasmusRef()], text);
    const before = await outboxCount();
    const written = await Promise.all([sendDueNotificationEmails(t.ctx), sendDueNotificationEmails(t.ctx)]);
    expect(written[0] + written[1]).toBe(3);
    expect(await outboxCount()).toBe(before + 3);
    expect(await sendDueNotificationEmails(t.ctx)).toBe(0);
  });

  it('a notification read in the app before the worker came by is not e-mailed', async () => {
    await mention(mette, video, [rasmusRef()], 'Allerede set');
    expect((await rasmus.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect(await runMailWorker(t, sink.url)).toBe(0);
    expect((await storedFor(t, ids.user.ressourceperson))[0].email_state).toBe('done');
  });
});

describe('SMTP server down', () => {
  it('keeps the e-mail pending and retries later; the app keeps working meanwhile', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));

    const commentId = await mention(mette, video, [rasmusRef()], 'Mens posten er nede');
    expect(await sendDueNotificationEmails(t.ctx)).toBe(1);
    expect(await deliverOutbox(t, `smtp://127.0.0.1:${port}`)).toBe(0);
    const [row] = await rows<{ id: string; status: string; attempts: number; last_error: string }>(
      t.ctx.db,
      sql`select id, status, attempts, last_error from outbox_emails
          where text like ${`%kommentar-${commentId}%`}`,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Requests do not wait for SMTP.
    expect((await mette.get(`/api/v1/videos/${video}/comments`)).statusCode).toBe(200);
    await mention(mette, video, [], 'Stadig muligt at skrive');

    await t.ctx.db.execute(sql`update outbox_emails set next_attempt_at = now() where id = ${row.id}`);
    expect(await deliverOutbox(t, sink.url)).toBe(1);
    expect(sink.received[0].text).toContain(`#kommentar-${commentId}`);
    const [sent] = await rows<{ status: string; attempts: number }>(
      t.ctx.db,
      sql`select status, attempts from outbox_emails where id = ${row.id}`,
    );
    expect(sent).toEqual({ status: 'sent', attempts: 2 });
  });
});

describe('daily digest', () => {
  /**
   * A time on the day of the next digest after now: today before DIGEST_HOUR (Danish time), else tomorrow — so
   * the test holds at any hour it runs, also between midnight and the digest hour.
   */
  const digestDayAt = (hour: number, minute = 0) => {
    const now = new Date();
    const today = danishDate(now);
    const day = danishTime(today, DIGEST_HOUR).getTime() > now.getTime() ? today : nextDate(today);
    return new Date(danishTime(day, hour).getTime() + minute * 60_000);
  };

  it('sends nothing at once; after DIGEST_HOUR one digest of the unread ones, grouped by kind; never twice', async () => {
    const top = await mention(rasmus, video, [], 'Mit spørgsmål');
    const first = await mention(mette, video, [], 'Første svar', top);
    const second = await mention(mette, video, [], 'Andet svar', top);
    await notify(t.ctx.db, ids.user.ressourceperson, 'training.request_counted', {
      courseId: '00000000-0000-4000-8000-000000000003',
      courseTitle: '',
      methodId: '00000000-0000-4000-8000-000000000004',
      methodLabel: 'Makkerlæsning',
      count: 12,
      threshold: 12,
    });
    const stored = await storedFor(t, ids.user.ressourceperson);
    expect(stored.slice(0, 3).map((n) => n.email_state)).toEqual(['digest', 'digest', 'digest']);
    const firstId = stored.find((n) => n.payload.commentId === first)?.id;
    expect((await rasmus.post(`/api/v1/notifications/${firstId}/read`)).statusCode).toBe(200);

    expect(await runMailWorker(t, sink.url)).toBe(0);
    expect(await sendDueDigests(t.ctx, new Date())).toBe(0); // the next digest hour has not come yet
    expect(await sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR - 1, 59))).toBe(0);

    // Two workers at the digest hour: one digest.
    const runs = await Promise.all([
      sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR, 1)),
      sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR, 1)),
    ]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await deliverOutbox(t, sink.url)).toBe(1);
    const [mail] = sink.received;
    expect(mail.to).toEqual([RASMUS]);
    expect(mail.subject).toBe('Din daglige oversigt fra Amongi: 2 ulæste notifikationer');
    expect(mail.text).toContain(`#kommentar-${second}`);
    expect(mail.text).not.toContain(`#kommentar-${first}`);
    expect(mail.text).toContain(
      'Dit ønske om træning i Makkerlæsning er talt med i et forslag til et træningsforløb (12 ønsker, grænsen er 12)',
    );
    expect(mail.text.indexOf('Svar på dine kommentarer')).toBeLessThan(
      mail.text.indexOf('Dit ønske om træning er talt med'),
    );
    expect(mail.html).toContain('<h2');
    expect(mail.text).toContain('http://amongi.test/notifikationer/indstillinger');
    // One link per kind, then the whole digest (also the one-click header).
    const tokens = unsubscribeTokens(mail.text);
    expect(tokens).toHaveLength(3);
    expect(mail.headers['list-unsubscribe']).toContain(tokens[2]);
    const kinds = [];
    for (const token of tokens)
      kinds.push((await t.client().get(`/api/v1/notifications/unsubscribe/${token}`)).json().kind);
    expect(kinds).toEqual(['comment.reply', 'training.request_counted', 'digest']);

    expect(await sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR, 2))).toBe(0);
    expect(await sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR + 5))).toBe(0);
  });

  it('catches up when the worker was down at the digest hour, and leaves out what is all read', async () => {
    const top = await mention(rasmus, video, [], 'Spørgsmål to');
    await mention(mette, video, [], 'Svar', top);
    // The worker comes back a day after the next digest day, before the digest hour: the missed digest is due.
    const later = new Date(digestDayAt(DIGEST_HOUR - 2).getTime() + 86_400_000);
    expect(await sendDueDigests(t.ctx, later)).toBe(1);

    const again = await mention(rasmus, video, [], 'Spørgsmål tre');
    await mention(mette, video, [], 'Svar igen', again);
    await rasmus.post('/api/v1/notifications/read-all');
    expect(await sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR, 1))).toBe(0);
    expect((await storedFor(t, ids.user.ressourceperson))[0].email_state).toBe('done');
  });

  it('the digest link stops every kind in the digest and keeps them in the app', async () => {
    const top = await mention(rasmus, video, [], 'Spørgsmål fire');
    await mention(mette, video, [], 'Svar fire', top);
    await sendDueDigests(t.ctx, digestDayAt(DIGEST_HOUR, 1));
    await deliverOutbox(t, sink.url);
    const digestToken = unsubscribeTokens(sink.received[0].text).at(-1);
    const res = await t.client().post(`/api/v1/notifications/unsubscribe/${digestToken}`, undefined, {
      csrf: false,
    });
    expect([res.statusCode, res.json()]).toEqual([200, { kind: 'digest', delivery: 'in_app' }]);
    const items: { kind: string; delivery: string }[] = (
      await rasmus.get('/api/v1/notifications/preferences')
    ).json().items;
    expect(items.filter((i) => i.delivery === 'digest')).toEqual([]);
    expect(items.find((i) => i.kind === 'comment.reply')?.delivery).toBe('in_app');
    expect(items.find((i) => i.kind === 'comment.mention')?.delivery).toBe('email');
  });
});
