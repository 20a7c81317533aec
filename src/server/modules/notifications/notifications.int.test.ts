import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS } from '../../../shared/training.js';
import { demoIds, err, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { sendDueNotificationEmails } from './email.js';
import { notify, notifyMany } from './notify.js';
import { storedFor } from './notify.testing.js';
import { unsubscribeToken } from './unsubscribe.js';

/*
 * Notification settings (I3) without SMTP: each person's delivery per kind decides what notify() records,
 * the preferences API, unsubscribe tokens that cannot be forged or used on someone else, and the outbox that
 * keeps what would have been sent.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let mette: TestClient;
let mads: TestClient;
const payload = { communityId: '00000000-0000-4000-8000-000000000010', communityName: 'Læsefællesskabet' };
const prefsOf = async (c: TestClient) =>
  (await c.get('/api/v1/notifications/preferences')).json() as {
    items: { kind: string; delivery: string; defaultDelivery: string }[];
    email: string;
  };
const deliveryOf = async (c: TestClient, kind: string) =>
  (await prefsOf(c)).items.find((i) => i.kind === kind)?.delivery;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  [mette, mads] = await Promise.all([t.as('medarbejder'), t.as('medarbejder2')]);
});
afterAll(() => t?.close());

describe('preferences', () => {
  it('lists every kind with its default, and the address e-mails go to', async () => {
    const p = await prefsOf(mette);
    expect(p.email).toBe('medarbejder@demo.amongi.dk');
    expect(p.items.map((i) => i.kind)).toEqual([...NOTIFICATION_KINDS]);
    for (const i of p.items) {
      const d = DEFAULT_DELIVERY[i.kind as keyof typeof DEFAULT_DELIVERY];
      expect(i).toEqual({ kind: i.kind, delivery: d, defaultDelivery: d });
    }
    expect(err(await t.client().get('/api/v1/notifications/preferences'))).toEqual([401, 'auth.required']);
  });

  it('changes only the kinds given, and only my own', async () => {
    const res = await mette.put('/api/v1/notifications/preferences', {
      items: [
        { kind: 'training.proposed', delivery: 'digest' },
        { kind: 'comment.reply', delivery: 'off' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; delivery: string }[];
    expect(items.find((i) => i.kind === 'training.proposed')?.delivery).toBe('digest');
    expect(items.find((i) => i.kind === 'comment.reply')?.delivery).toBe('off');
    expect(items.find((i) => i.kind === 'comment.mention')?.delivery).toBe('email');
    expect(await deliveryOf(mads, 'comment.reply')).toBe('digest');
  });

  it('refuses an unknown kind or delivery, and a change without the CSRF token', async () => {
    const before = await prefsOf(mette);
    expect(
      err(
        await mette.put('/api/v1/notifications/preferences', {
          items: [
            { kind: 'comment.mention', delivery: 'off' },
            { kind: 'comment.unknown', delivery: 'off' },
          ],
        }),
      ),
    ).toEqual([400, 'notification.kind_unknown']);
    expect(
      err(
        await mette.put('/api/v1/notifications/preferences', {
          items: [{ kind: 'comment.mention', delivery: 'sms' }],
        }),
      ),
    ).toEqual([400, 'request.invalid']);
    const forged = await mette.request(
      'PUT',
      '/api/v1/notifications/preferences',
      { items: [{ kind: 'comment.mention', delivery: 'off' }] },
      { csrf: false },
    );
    expect(err(forged)).toEqual([403, 'auth.csrf_invalid']);
    expect(await prefsOf(mette)).toEqual(before);
  });
});

describe('notify follows each person’s delivery', () => {
  it('off: no row; app only: no e-mail; e-mail and digest: marked for the worker; disabled: nothing', async () => {
    const people = {
      off: ids.user.leder,
      inApp: ids.user.ressourceperson,
      email: ids.user.medarbejder,
      digest: ids.user.medarbejder2,
      disabled: ids.user.leder2,
    };
    await t.ctx.db.execute(sql`
      insert into notification_preferences (user_id, kind, delivery) values
        (${people.off}, 'community.invited', 'off'), (${people.inApp}, 'community.invited', 'in_app'),
        (${people.digest}, 'community.invited', 'digest')
      on conflict (user_id, kind) do update set delivery = excluded.delivery`);
    await t.ctx.db.execute(sql`update users set status = 'disabled' where id = ${people.disabled}`);
    await notifyMany(
      t.ctx.db,
      Object.values(people).map((userId) => ({ userId, kind: 'community.invited', payload })),
    );
    const latest = async (userId: string) =>
      (await storedFor(t, userId)).filter((n) => n.payload.communityName === 'Læsefællesskabet');
    expect(await latest(people.off)).toEqual([]);
    expect(await latest(people.disabled)).toEqual([]);
    expect((await latest(people.inApp)).map((n) => n.email_state)).toEqual([null]);
    expect((await latest(people.email)).map((n) => n.email_state)).toEqual(['email']);
    expect((await latest(people.digest)).map((n) => n.email_state)).toEqual(['digest']);
    // A person with it switched off sees nothing in the app either.
    const lene = await t.as('leder');
    expect((await lene.get('/api/v1/notifications')).json().items).toEqual([]);
    // An empty person (a deleted author) is skipped.
    await notify(t.ctx.db, '', 'community.invited', payload);
  });

  it('without SMTP the e-mail is kept in the outbox for the administrator', async () => {
    await notify(t.ctx.db, ids.user.medarbejder, 'training.opened', {
      courseId: '00000000-0000-4000-8000-000000000011',
      courseTitle: 'Dialogisk læsning',
      methodId: '00000000-0000-4000-8000-000000000012',
      methodLabel: 'Dialogisk læsning',
    });
    expect(await sendDueNotificationEmails(t.ctx)).toBeGreaterThanOrEqual(1);
    const admin = await t.as('administrator');
    const page = (await admin.get('/api/v1/outbox?limit=10')).json();
    const kept = page.items.find(
      (m: { subject: string }) =>
        m.subject === 'Træningsforløbet »Dialogisk læsning« er åbent for tilmelding',
    );
    expect(kept).toMatchObject({ status: 'kept', toAddress: 'medarbejder@demo.amongi.dk' });
    expect(kept.text).toContain('http://amongi.test/traening/forloeb/00000000-0000-4000-8000-000000000011');
  });
});

describe('unsubscribe links', () => {
  const url = (token: string) => `/api/v1/notifications/unsubscribe/${token}`;
  const post = (token: string, body?: string, type?: string) =>
    t.app.inject({
      method: 'POST',
      url: url(token),
      ...(type ? { headers: { 'content-type': type } } : {}),
      ...(body !== undefined ? { payload: body } : {}),
    });

  it('a tampered, forged or foreign-secret token → 400 and changes nothing', async () => {
    const good = unsubscribeToken(t.ctx.secret, ids.user.medarbejder2, 'comment.mention');
    const [body, mac] = [good.slice(0, -22), good.slice(-22)];
    const otherBody = unsubscribeToken(t.ctx.secret, ids.user.medarbejder, 'comment.mention').slice(0, -22);
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
    const bad = [
      `${body}${flip(mac)}`,
      `${otherBody}${mac}`, // someone else's person with my signature
      unsubscribeToken('another-instance-secret-xxxxxxxxxxxxxxxx', ids.user.medarbejder2, 'comment.mention'),
      body,
      `${body}.${mac}`,
      `${good}x`,
      'not-a-token',
      unsubscribeToken(t.ctx.secret, '00000000-0000-4000-8000-0000000000ff', 'comment.mention'), // nobody
    ];
    for (const token of bad) {
      expect(err(await t.client().get(url(token))), token).toEqual([400, 'notification.unsubscribe_invalid']);
      expect(err(await post(token)), token).toEqual([400, 'notification.unsubscribe_invalid']);
    }
    expect(await deliveryOf(mads, 'comment.mention')).toBe('email');
    expect(await deliveryOf(mette, 'comment.mention')).toBe('email');
  });

  it('a person’s token changes only their own setting, whoever follows it', async () => {
    const madsToken = unsubscribeToken(t.ctx.secret, ids.user.medarbejder2, 'training.planned');
    // Mette is signed in and follows Mads' link: it is Mads' setting that changes, never hers.
    const res = await mette.post(url(madsToken));
    expect([res.statusCode, res.json()]).toEqual([200, { kind: 'training.planned', delivery: 'in_app' }]);
    expect(await deliveryOf(mads, 'training.planned')).toBe('in_app');
    expect(await deliveryOf(mette, 'training.planned')).toBe('email');
  });

  it('accepts an empty body, the one-click form (url-encoded or multipart), and keeps "off" off', async () => {
    const token = unsubscribeToken(t.ctx.secret, ids.user.medarbejder2, 'training.opened');
    expect((await post(token)).json()).toEqual({ kind: 'training.opened', delivery: 'in_app' });
    expect(
      (await post(token, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).statusCode,
    ).toBe(200);
    const multipart =
      '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n';
    expect((await post(token, multipart, 'multipart/form-data; boundary=b')).statusCode).toBe(200);

    const offToken = unsubscribeToken(t.ctx.secret, ids.user.medarbejder2, 'comment.reply');
    await mads.put('/api/v1/notifications/preferences', {
      items: [{ kind: 'comment.reply', delivery: 'off' }],
    });
    expect((await post(offToken)).json()).toEqual({ kind: 'comment.reply', delivery: 'off' });
  });

  it('stops the e-mail of notifications already waiting for it', async () => {
    const kind = 'training.enrolled';
    await notify(t.ctx.db, ids.user.medarbejder2, kind, {
      courseId: '00000000-0000-4000-8000-000000000013',
      courseTitle: 'Læsebånd',
      methodId: '00000000-0000-4000-8000-000000000014',
      methodLabel: 'Læsebånd',
    });
    expect((await storedFor(t, ids.user.medarbejder2))[0].email_state).toBe('email');
    await post(unsubscribeToken(t.ctx.secret, ids.user.medarbejder2, kind));
    const [n] = await storedFor(t, ids.user.medarbejder2);
    expect([n.kind, n.email_state]).toEqual([kind, 'done']);
    const [{ n: outbox }] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from outbox_emails where text like '%Læsebånd%'`,
    );
    await sendDueNotificationEmails(t.ctx);
    const [{ n: after }] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from outbox_emails where text like '%Læsebånd%'`,
    );
    expect(after).toBe(outbox);
  });
});
