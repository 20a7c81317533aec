import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext, closeContext } from '../../context.js';
import { auditLog, institutions, roleGrants, sessions, users } from '../../db/schema.js';
import { staffSyncRuns } from '../../db/staff-sync-schema.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { createStaffSyncService } from './service.js';
import { runDueStaffSyncs } from './sync.js';

/** Staff sync (issue 20 part 2): CSV from a path and a URL, deactivation, the safety brake, leases, access. */

let t: TestApp;
let dir: string;
let admin: TestClient;
let bakkeskolen: string;
let solsikkeskolen: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-sync-'));
  t = await createTestApp({ STAFF_SYNC_DIR: dir });
  admin = await t.as('administrator');
  const inst = await t.ctx.db.select().from(institutions);
  bakkeskolen = inst.find((i) => i.name === 'Bakkeskolen')?.id as string;
  solsikkeskolen = inst.find((i) => i.name === 'Solsikkeskolen')?.id as string;
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'navn;e-mail;institution;team;rolle\n';
const row = (n: number, name = `Person ${n}`) => `${name};p${n}@bakke.dk;Bakkeskolen;;medarbejder\n`;
const file = (name: string, body: string) => fs.writeFileSync(path.join(dir, name), HEADER + body);
const userByEmail = async (email: string) =>
  (await t.ctx.db.select().from(users).where(sql`lower(${users.email}) = ${email}`))[0];

async function addSource(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/staff-sync/sources', {
    institutionIds: [bakkeskolen],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { source: { id: string }; token: string | null };
}
const run = (id: string, confirm?: boolean) =>
  admin.post(`/api/v1/staff-sync/sources/${id}/run`, confirm ? { confirm } : {});

describe('who may configure staff sync', () => {
  it('administrators only: leder, forvaltning and medarbejder get 403', async () => {
    for (const who of ['leder', 'forvaltning', 'medarbejder']) {
      const c = await t.as(who);
      expect((await c.get('/api/v1/staff-sync/sources')).statusCode).toBe(403);
      const res = await c.post('/api/v1/staff-sync/sources', {
        kind: 'csv_url',
        name: 'x',
        location: 'http://127.0.0.1/x.csv',
        institutionIds: [bakkeskolen],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('policy.forbidden');
    }
    expect((await admin.get('/api/v1/staff-sync/sources')).statusCode).toBe(200);
  });

  it('refuses a path outside STAFF_SYNC_DIR, and every path when it is not set', async () => {
    for (const location of ['../../etc/passwd', '/etc/passwd', `${dir}/../x.csv`]) {
      const res = await admin.post('/api/v1/staff-sync/sources', {
        kind: 'csv_path',
        name: 'Ude',
        location,
        institutionIds: [bakkeskolen],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('staff_sync.path_not_allowed');
    }
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link.csv'));
    const link = await admin.post('/api/v1/staff-sync/sources', {
      kind: 'csv_path',
      name: 'Link',
      location: 'link.csv',
      institutionIds: [bakkeskolen],
    });
    expect(link.json().error.code).toBe('staff_sync.path_not_allowed');
    const noDir = createStaffSyncService({ ...t.ctx, config: { ...t.ctx.config, staffSyncDir: undefined } });
    const actor = {
      id: (await userByEmail('administrator@demo.amongi.dk')).id,
      grants: [{ role: 'administrator' as const, institutionId: null, kommuneId: null }],
      teamIds: [],
    };
    await expect(
      noDir.create(
        actor,
        { kind: 'csv_path', name: 'x', location: 'staff.csv', institutionIds: [bakkeskolen] },
        'da',
      ),
    ).rejects.toMatchObject({ code: 'staff_sync.paths_disabled' });
  });

  it('needs a scope, and an http(s) URL', async () => {
    const none = await admin.post('/api/v1/staff-sync/sources', {
      kind: 'csv_url',
      name: 'x',
      location: 'http://h/x',
    });
    expect(none.json().error.code).toBe('staff_sync.scope_required');
    const ftp = await admin.post('/api/v1/staff-sync/sources', {
      kind: 'csv_url',
      name: 'x',
      location: 'file:///etc/passwd',
      institutionIds: [bakkeskolen],
    });
    expect(ftp.json().error.code).toBe('staff_sync.url_invalid');
  });
});

describe('a CSV file at a path', () => {
  let id: string;
  it('creates people, records the run and audits each change with the source as actor', async () => {
    file('staff.csv', row(1) + row(2) + row(3) + row(4) + row(5));
    ({
      source: { id },
    } = await addSource({
      kind: 'csv_path',
      name: 'Bakkeskolen HR',
      location: 'staff.csv',
      intervalMinutes: 60,
    }));
    const res = await run(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'succeeded',
      created: 5,
      updated: 0,
      deactivated: 0,
      errorCount: 0,
    });
    const p1 = await userByEmail('p1@bakke.dk');
    expect(p1.status).toBe('invited');
    const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, p1.id));
    expect(entries.map((e) => e.action)).toContain('staff_sync.create');
    expect(entries[0].actorId).toBeNull();
    expect(entries[0].details).toMatchObject({ source: id, line: 2 });
    const again = await run(id);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 5, deactivated: 0 });
  });

  it('reports rows with errors by line and never touches an institution outside its scope', async () => {
    const before = await t.ctx.db
      .select()
      .from(roleGrants)
      .where(eq(roleGrants.institutionId, solsikkeskolen));
    file(
      'staff.csv',
      `${row(1) + row(2) + row(3) + row(4) + row(5)}Ude;ude@sol.dk;Solsikkeskolen;;medarbejder\nMette;medarbejder@demo.amongi.dk;Solsikkeskolen;;leder\n`,
    );
    const res = (await run(id)).json();
    expect(res).toMatchObject({ status: 'succeeded', errorCount: 2, created: 0 });
    expect(res.errors.map((e: { line: number }) => e.line)).toEqual([7, 8]);
    expect(res.errors[0].message).toContain('institution');
    expect(await userByEmail('ude@sol.dk')).toBeUndefined();
    const after = await t.ctx.db
      .select()
      .from(roleGrants)
      .where(eq(roleGrants.institutionId, solsikkeskolen));
    expect(after.length).toBe(before.length);
  });

  it('renames, and stops at the safety brake when too many would go', async () => {
    file('staff.csv', row(1, 'Person Et') + row(2) + row(3));
    const braked = (await run(id)).json();
    expect(braked).toMatchObject({ status: 'needs_confirmation', code: 'staff_sync.brake', deactivated: 2 });
    expect(braked.message).toContain('bekræfte');
    expect((await userByEmail('p4@bakke.dk')).status).toBe('invited');
    expect((await userByEmail('p1@bakke.dk')).name).toBe('Person 1'); // nothing applied
    const confirmed = (await run(id, true)).json();
    expect(confirmed).toMatchObject({
      status: 'succeeded',
      trigger: 'confirmed',
      deactivated: 2,
      updated: 1,
    });
    const p4 = await userByEmail('p4@bakke.dk');
    expect(p4.status).toBe('disabled');
    expect(p4.disabledAt).toBeInstanceOf(Date);
    expect((await userByEmail('p1@bakke.dk')).name).toBe('Person Et');
    const nothing = await run(id, true);
    expect(nothing.json().error.code).toBe('staff_sync.nothing_to_confirm');
  });

  it('reactivates people who come back, and deactivation revokes sessions', async () => {
    file('staff.csv', row(1, 'Person Et') + row(2) + row(3) + row(4));
    expect((await run(id)).json()).toMatchObject({ status: 'succeeded', reactivated: 1, deactivated: 0 });
    expect((await userByEmail('p4@bakke.dk')).status).toBe('invited');
    expect((await userByEmail('p4@bakke.dk')).disabledAt).toBeNull();
    // A person with a session who disappears: disabled and signed out.
    const p2 = await userByEmail('p2@bakke.dk');
    await t.ctx.db.update(users).set({ status: 'active' }).where(eq(users.id, p2.id));
    await t.ctx.db
      .insert(sessions)
      .values({ id: 'sync-test-session', userId: p2.id, expiresAt: new Date(Date.now() + 3600_000) });
    await admin.patch(`/api/v1/staff-sync/sources/${id}`, { maxDeactivatePercent: 50 });
    file('staff.csv', row(1, 'Person Et') + row(3) + row(4));
    expect((await run(id)).json()).toMatchObject({ status: 'succeeded', deactivated: 1 });
    expect((await userByEmail('p2@bakke.dk')).status).toBe('disabled');
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, p2.id))).toEqual([]);
    const runs = (await admin.get(`/api/v1/staff-sync/sources/${id}/runs`)).json().items;
    expect(runs.length).toBeGreaterThanOrEqual(6);
  });

  it('a file that disappears is a failed run with a Danish reason', async () => {
    fs.rmSync(path.join(dir, 'staff.csv'));
    const res = (await run(id)).json();
    expect(res).toMatchObject({ status: 'failed', code: 'staff_sync.source_unreachable' });
    expect(res.message).toContain('Kilden kunne ikke læses');
  });
});

describe('a CSV file at a URL', () => {
  it('reads it from a real http server; a server that is down fails the run clearly', async () => {
    let body = HEADER + row(101) + row(102);
    const server = http.createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const {
      source: { id },
    } = await addSource({
      kind: 'csv_url',
      name: 'URL',
      location: `http://127.0.0.1:${port}/staff.csv`,
      maxDeactivatePercent: 50,
    });
    expect((await run(id)).json()).toMatchObject({ status: 'succeeded', created: 2 });
    body = HEADER + row(101);
    expect((await run(id)).json()).toMatchObject({ status: 'succeeded', deactivated: 1 });
    expect((await userByEmail('p102@bakke.dk')).status).toBe('disabled');
    const redirect = await addSource({
      kind: 'csv_url',
      name: 'R',
      location: `http://127.0.0.1:${port}/redirect`,
    });
    expect((await run(redirect.source.id)).json()).toMatchObject({
      status: 'failed',
      code: 'staff_sync.source_unreachable',
    });
    await new Promise((r) => server.close(r));
    const down = (await run(id)).json();
    expect(down).toMatchObject({ status: 'failed', code: 'staff_sync.source_unreachable' });
    expect((await userByEmail('p101@bakke.dk')).status).toBe('invited'); // nobody deactivated by a failure
  });
});

describe('scheduled runs', () => {
  it('two worker tickers at once run a due source once', async () => {
    file('due.csv', row(201) + row(202));
    const {
      source: { id },
    } = await addSource({ kind: 'csv_path', name: 'Due', location: 'due.csv', intervalMinutes: 30 });
    const other = await buildContext({
      config: t.ctx.config,
      database: t.database,
      secret: t.ctx.secret,
      log: false,
    });
    const [a, b] = await Promise.all([runDueStaffSyncs(t.ctx), runDueStaffSyncs(other)]).finally(() =>
      closeContext(other),
    );
    expect(a + b).toBeGreaterThanOrEqual(1);
    const runs = await t.ctx.db.select().from(staffSyncRuns).where(eq(staffSyncRuns.sourceId, id));
    expect(runs.length).toBe(1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded', created: 2 });
    // Not due again until its interval has passed.
    expect(await runDueStaffSyncs(t.ctx)).toBe(0);
  });
});

describe('10,000 people in one sync', () => {
  it('creates them all in one run within a sane time', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) lines.push(`Ansat ${i};a${i}@stor.dk;Bakkeskolen;;medarbejder\n`);
    file('big.csv', lines.join(''));
    const {
      source: { id },
    } = await addSource({ kind: 'csv_path', name: 'Stor', location: 'big.csv' });
    const started = Date.now();
    const res = (await run(id)).json();
    const ms = Date.now() - started;
    expect(res).toMatchObject({ status: 'succeeded', created: 10_000, errorCount: 0 });
    expect(ms).toBeLessThan(120_000);
    const n = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.email} like '%@stor.dk'`);
    expect(n[0].n).toBe(10_000);
    const again = (await run(id)).json();
    expect(again).toMatchObject({ unchanged: 10_000, created: 0 });
  }, 300_000);
});
