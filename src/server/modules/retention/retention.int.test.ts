import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RetentionKind } from '../../../shared/retention.js';
import { demoIds, err, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { erasePerson } from '../mydata/index.js';
import { runRetention } from './run.js';

/*
 * Retention (issue 20 part 4): each kind removed when due and not before, defaults, the dry run equal to what a run
 * removes, run twice, a crash halfway then a rerun, two workers at once, settings for administrators only.
 */
let t: TestApp;
let admin: TestClient;
let ids: Awaited<ReturnType<typeof demoIds>>;
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('administrator');
  ids = await demoIds(t.ctx.db);
}, 120_000);
afterAll(() => t?.close());

const db = () => t.ctx.db;
const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(db(), q))[0].n;

async function clear() {
  await db().execute(sql`delete from outbox_emails`);
  await db().execute(sql`delete from audit_log`);
  await db().execute(sql`delete from retention_runs`);
  await db().execute(sql`delete from retention_settings`);
  await db().execute(sql`delete from videos where title like 'ret-%'`);
}
beforeEach(clear);

async function outbox(n: number, createdAt: Date, status = 'sent') {
  await db().execute(sql`insert into outbox_emails (to_address, subject, text, html, status, created_at)
    select 'x' || g || '@example.dk', 's', 't', 'h', ${status}, ${createdAt} from generate_series(1, ${n}) g`);
}
async function auditRows(n: number, createdAt: Date) {
  await db().execute(sql`insert into audit_log (action, subject_type, created_at)
    select 'role.grant', 'person', ${createdAt} from generate_series(1, ${n}) g`);
}
async function video(title: string, opts: { readyAt?: Date; withdrawnAt?: Date } = {}) {
  const [v] = await rows<{ id: string }>(
    db(),
    sql`insert into videos (owner_id, institution_id, kommune_id, title, status, original_filename, original_size, ready_at)
      values (${ids.user.medarbejder}, ${ids.institution.Solsikkeskolen}, ${ids.kommune['Aarhus Kommune'] ?? Object.values(ids.kommune)[0]},
        ${title}, 'ready', 'a.mp4', 1000, ${opts.readyAt ?? daysAgo(1)}) returning id`,
  );
  if (opts.withdrawnAt)
    await db().execute(sql`insert into video_consents (video_id, pupils_appear, consent_level, withdrawn_at)
      values (${v.id}, true, 'institution', ${opts.withdrawnAt})`);
  await t.ctx.storage.putBytes(`originals/${v.id}`, Buffer.from('original'));
  await t.ctx.storage.putBytes(`videos/${v.id}/hls/master.m3u8`, Buffer.from('#EXTM3U'));
  return v.id;
}
const set = (kind: RetentionKind, days: number | null) => admin.put(`/api/v1/retention/${kind}`, { days });
const overview = async () => (await admin.get('/api/v1/retention')).json();
const dueOf = async (kind: RetentionKind) =>
  (await overview()).kinds.find((k: { kind: string }) => k.kind === kind).due as number;

describe('retention settings', () => {
  it('has safe defaults: keep originals and accounts, periods for logs, mail, exports and withdrawn consent', async () => {
    const o = await overview();
    const byKind = Object.fromEntries(
      o.kinds.map((k: { kind: string; days: number | null }) => [k.kind, k.days]),
    );
    expect(byKind).toEqual({
      outbox: 90,
      audit: 730,
      data_exports: 1,
      consent_withdrawn_videos: 30,
      originals: null,
      deactivated_accounts: null,
    });
    expect(o.fixed.map((f: { kind: string }) => f.kind)).toEqual(['sessions', 'progression']);
  });

  it('an administrator changes a period and sets it back to keep; the change is audit-logged', async () => {
    expect((await set('originals', 365)).statusCode).toBe(200);
    expect((await overview()).kinds.find((k: { kind: string }) => k.kind === 'originals').days).toBe(365);
    expect((await set('originals', null)).statusCode).toBe(200);
    expect((await overview()).kinds.find((k: { kind: string }) => k.kind === 'originals').days).toBeNull();
    const logged = await rows<{ details: { kind: string; from: number | null; to: number | null } }>(
      db(),
      sql`select details from audit_log where action = 'retention.settings' order by created_at`,
    );
    expect(logged.map((r) => r.details)).toEqual([
      { kind: 'originals', from: null, to: 365 },
      { kind: 'originals', from: 365, to: null },
    ]);
  });

  it('refuses bad periods and unknown kinds with a stable code', async () => {
    expect(err(await set('outbox', 0))).toEqual([400, 'request.invalid']);
    expect(err(await set('outbox', 36501))).toEqual([400, 'request.invalid']);
    expect(err(await admin.put('/api/v1/retention/outbox', { days: 1.5 }))).toEqual([400, 'request.invalid']);
    expect(err(await admin.put('/api/v1/retention/passwords', { days: 5 }))).toEqual([
      400,
      'request.invalid',
    ]);
  });

  it('is for administrators only: others get 403 and nothing changes', async () => {
    for (const who of ['leder', 'forvaltning', 'medarbejder']) {
      const c = await t.as(who);
      expect(err(await c.get('/api/v1/retention'))).toEqual([403, 'policy.forbidden']);
      expect(err(await c.put('/api/v1/retention/audit', { days: 1 }))).toEqual([403, 'policy.forbidden']);
    }
    expect(err(await t.client().get('/api/v1/retention'))[0]).toBe(401);
    expect(await count(sql`select count(*)::int as n from retention_settings`)).toBe(0);
  });
});

describe('the purge', () => {
  it('removes sent outbox rows past the period, not pending ones and not newer ones; dry run equals the run', async () => {
    await outbox(3, daysAgo(91));
    await outbox(2, daysAgo(91), 'pending');
    await outbox(4, daysAgo(89));
    const due = await dueOf('outbox');
    expect(due).toBe(3);
    const [r] = await runRetention(t.ctx, now, { kinds: ['outbox'] });
    expect(r).toEqual({ kind: 'outbox', removed: due });
    expect(await count(sql`select count(*)::int as n from outbox_emails`)).toBe(6);
    expect(await count(sql`select count(*)::int as n from outbox_emails where status = 'pending'`)).toBe(2);
  });

  it('removes audit entries past the period (changed to 30 days) and logs the run', async () => {
    await set('audit', 30);
    await auditRows(7, daysAgo(31));
    await auditRows(5, daysAgo(29));
    const before = await count(sql`select count(*)::int as n from audit_log`); // + the settings entry
    await runRetention(t.ctx, now, { kinds: ['audit'], batchSize: 3 });
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(before - 7 + 1); // + retention.purge
    const runs = (await overview()).runs;
    expect(runs[0]).toMatchObject({ kind: 'audit', days: 30, removed: 7, batches: 3, status: 'done' });
    expect(runs[0].finishedAt).toEqual(expect.any(String));
  });

  it('keeps originals by default; with a period removes the file of ready uploads past it, never the video', async () => {
    const old = await video('ret-old', { readyAt: daysAgo(400) });
    const young = await video('ret-young', { readyAt: daysAgo(10) });
    expect(await runRetention(t.ctx, now, { kinds: ['originals'] })).toEqual([]);
    expect(await t.ctx.storage.stat(`originals/${old}`)).not.toBeNull();
    await set('originals', 365);
    expect(await dueOf('originals')).toBe(1);
    await runRetention(t.ctx, now, { kinds: ['originals'] });
    expect(await t.ctx.storage.stat(`originals/${old}`)).toBeNull();
    expect(await t.ctx.storage.stat(`videos/${old}/hls/master.m3u8`)).not.toBeNull();
    expect(await t.ctx.storage.stat(`originals/${young}`)).not.toBeNull();
    expect(await count(sql`select count(*)::int as n from videos where id = ${old}`)).toBe(1);
    // Once removed it is not due again.
    expect(await dueOf('originals')).toBe(0);
    expect(await runRetention(t.ctx, now, { kinds: ['originals'] })).toEqual([]);
  });

  it('deletes a recording 30 days after consent was withdrawn, with its files; the owner sees it in their log', async () => {
    const gone = await video('ret-withdrawn', { withdrawnAt: daysAgo(31) });
    const recent = await video('ret-withdrawn-recent', { withdrawnAt: daysAgo(5) });
    const fine = await video('ret-fine', { readyAt: daysAgo(900) });
    expect(await dueOf('consent_withdrawn_videos')).toBe(1);
    await runRetention(t.ctx, now, { kinds: ['consent_withdrawn_videos'] });
    const left = await rows<{ id: string }>(db(), sql`select id from videos where title like 'ret-%'`);
    expect(left.map((r) => r.id).sort()).toEqual([recent, fine].sort());
    expect(await t.ctx.storage.stat(`originals/${gone}`)).toBeNull();
    expect(await t.ctx.storage.list(`videos/${gone}`)).toEqual([]);
    const own = (await (await t.as('medarbejder')).get('/api/v1/me/audit-log')).json().items;
    expect(own.map((e: { action: string }) => e.action)).toContain('retention.video_delete');
  });

  it('run twice: the second run removes nothing and logs no run', async () => {
    await outbox(5, daysAgo(100));
    const first = await runRetention(t.ctx, now, { kinds: ['outbox'] });
    const second = await runRetention(t.ctx, now, { kinds: ['outbox'] });
    expect(first).toEqual([{ kind: 'outbox', removed: 5 }]);
    expect(second).toEqual([]);
    expect(await count(sql`select count(*)::int as n from retention_runs`)).toBe(1);
  });

  it('a crash after the first batch: that batch stays removed, the run is marked failed, the rerun finishes', async () => {
    await outbox(10, daysAgo(100));
    await outbox(3, daysAgo(10));
    const crashed = await runRetention(t.ctx, now, {
      kinds: ['outbox'],
      batchSize: 4,
      afterBatch: () => {
        throw new Error('crash');
      },
    });
    expect(crashed).toEqual([{ kind: 'outbox', removed: 4, error: 'crash' }]);
    expect(await count(sql`select count(*)::int as n from outbox_emails`)).toBe(9);
    const rerun = await runRetention(t.ctx, now, { kinds: ['outbox'], batchSize: 4 });
    expect(rerun).toEqual([{ kind: 'outbox', removed: 6 }]);
    expect(await count(sql`select count(*)::int as n from outbox_emails`)).toBe(3);
    const runs = (await overview()).runs.map((r: { status: string; removed: number }) => [
      r.status,
      r.removed,
    ]);
    expect(runs).toEqual([
      ['done', 6],
      ['failed', 4],
    ]);
  });

  it('two workers at once remove every due item exactly once', async () => {
    await outbox(60, daysAgo(100));
    await auditRows(40, daysAgo(800));
    const [a, b] = await Promise.all([
      runRetention(t.ctx, now, { batchSize: 7 }),
      runRetention(t.ctx, now, { batchSize: 7 }),
    ]);
    const removed = (k: string) =>
      [...a, ...b].filter((r) => r.kind === k).reduce((s, r) => s + r.removed, 0);
    expect(removed('outbox')).toBe(60);
    expect(removed('audit')).toBe(40);
    expect([...a, ...b].every((r) => !r.error)).toBe(true);
    expect(await count(sql`select count(*)::int as n from outbox_emails`)).toBe(0);
  });

  it('erases deactivated accounts only with a period and only through the erasure it is given', async () => {
    const [u] = await rows<{ id: string }>(
      db(),
      sql`insert into users (email, name, status, disabled_at) values ('ret-gone@example.dk', 'Gone', 'disabled', ${daysAgo(400)}) returning id`,
    );
    const erased: string[] = [];
    const erasePerson = async (id: string) => {
      erased.push(id);
      await db().execute(sql`delete from users where id = ${id}`);
    };
    expect(await runRetention(t.ctx, now, { kinds: ['deactivated_accounts'], erasePerson })).toEqual([]);
    await set('deactivated_accounts', 365);
    expect(await dueOf('deactivated_accounts')).toBe(1);
    await runRetention(t.ctx, now, { kinds: ['deactivated_accounts'] }); // no erasure: nothing happens
    expect(erased).toEqual([]);
    await runRetention(t.ctx, now, { kinds: ['deactivated_accounts'], erasePerson });
    expect(erased).toEqual([u.id]);
  });

  it('erases a deactivated account past its period through the my-data erasure; an active one stays', async () => {
    await set('deactivated_accounts', 365);
    const [gone] = await rows<{ id: string }>(
      db(),
      sql`insert into users (email, name, status, disabled_at) values ('ret-old@example.dk', 'Old Account', 'disabled', ${daysAgo(366)}) returning id`,
    );
    const [young] = await rows<{ id: string }>(
      db(),
      sql`insert into users (email, name, status, disabled_at) values ('ret-young@example.dk', 'Young Account', 'disabled', ${daysAgo(30)}) returning id`,
    );
    const erase = (id: string) =>
      erasePerson(t.ctx, id, { by: null, reason: 'retention: deactivated account' });
    const [r] = await runRetention(t.ctx, now, { kinds: ['deactivated_accounts'], erasePerson: erase });
    expect(r).toEqual({ kind: 'deactivated_accounts', removed: 1 });
    const left = await rows<{ id: string }>(db(), sql`select id from users where email like 'ret-%'`);
    expect(left.map((u) => u.id)).toEqual([young.id]);
    const logged = await rows<{ subjectId: string; reason: string }>(
      db(),
      sql`select subject_id as "subjectId", details->>'reason' as reason from audit_log where action = 'person.erase'`,
    );
    expect(logged).toEqual([{ subjectId: gone.id, reason: 'retention: deactivated account' }]);
    expect(await runRetention(t.ctx, now, { kinds: ['deactivated_accounts'], erasePerson: erase })).toEqual(
      [],
    );
  });
});
