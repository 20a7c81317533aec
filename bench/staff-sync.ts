/**
 * Staff sync benchmark (issue 20 part 2): 3,000 staff of one school through (a) the existing manual CSV import
 * (the baseline: same file, same parser and planner, plus one invitation e-mail per new person), (b) a CSV sync
 * from a path under STAFF_SYNC_DIR — first run (3,000 new), a re-run (all unchanged), a run with 300 renamed and
 * 300 gone (deactivated), and a first run with invitations on, like the import — and (c) SCIM: 3,000 POST /Users
 * through the app (4 at a time), then a filtered lookup. Wall time and this process's CPU per step; SCIM per
 * request p50/p99. Target: a sync of 3,000 staff < 20 s. PGlite in this process by default;
 * BENCH_DATABASE_URL=postgres://… runs on a fresh PostgreSQL database. `npm run bench -- staff-sync`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import { createAuthService } from '../src/server/modules/auth/index.js';
import { createImportService } from '../src/server/modules/import/index.js';
import { createOrgService } from '../src/server/modules/org/index.js';
import { createStaffSyncService } from '../src/server/modules/staff-sync/index.js';
import type { Actor } from '../src/server/policy/index.js';
import { freshPostgres, loadAvg, percentile, round, writeResult } from './lib.js';

const N = 3000;
const TARGET_SECONDS = 20;

const csv = (domain: string, n: number, rename = new Set<number>(), skip = new Set<number>()) => {
  const lines = ['navn;e-mail;institution;team;rolle'];
  for (let i = 0; i < n; i++)
    if (!skip.has(i))
      lines.push(
        `${rename.has(i) ? 'Omdøbt' : 'Ansat'} ${i};s${i}@${domain};Bakkeskolen;Naturfagsteamet;medarbejder`,
      );
  return `${lines.join('\n')}\n`;
};

async function timed<T>(fn: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: round((performance.now() - started) / 1000, 2),
    cpuSeconds: round((used.user + used.system) / 1e6, 2),
    load: round(os.loadavg()[0]),
  };
}

export async function staffSyncBench() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-sync-'));
  const syncDir = path.join(dataDir, 'sync');
  fs.mkdirSync(syncDir);
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'staffsync') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO: '1', DATA_DIR: dataDir, STAFF_SYNC_DIR: syncDir });
  try {
    await database.migrate();
    await seedDemo(database.db);
    const { app, ctx } = await buildApp({
      config,
      database,
      secret: 'bench-secret-'.padEnd(40, 'x'),
      logger: false,
    });
    await app.ready();
    const [adminRow] = await rows<{ id: string }>(
      ctx.db,
      sql`select id from users where email = 'administrator@demo.amongi.dk'`,
    );
    const [school] = await rows<{ id: string }>(
      ctx.db,
      sql`select id from institutions where name = 'Bakkeskolen'`,
    );
    const admin: Actor = {
      id: adminRow.id,
      grants: [{ role: 'administrator', institutionId: null, kommuneId: null }],
      teamIds: [],
    };
    const imports = createImportService(ctx, createOrgService(ctx), createAuthService(ctx));
    const sync = createStaffSyncService(ctx);
    const steps: Record<string, unknown> = {};

    // (a) Baseline: the manual import of the same kind of file (3,000 new people, invitations included).
    const imp = await timed(() =>
      imports.importStaff(admin, Buffer.from(csv('import.dk', N)), { dryRun: false, locale: 'da' }),
    );
    steps.manualImport = { ...imp, value: imp.value.summary };
    console.log('manual import', imp.seconds, 's');

    // (b) CSV sync from a path.
    const source = async (name: string, file: string, sendInvitations = false) =>
      (
        await sync.create(
          admin,
          {
            kind: 'csv_path',
            name,
            location: file,
            institutionIds: [school.id],
            sendInvitations,
            maxDeactivatePercent: 20,
          },
          'da',
        )
      ).source.id;
    fs.writeFileSync(path.join(syncDir, 'staff.csv'), csv('sync.dk', N));
    const id = await source('Bench', 'staff.csv');
    const run = (sid: string) => sync.run(admin, sid, {}, 'da');
    const pick = (r: Awaited<ReturnType<typeof run>>) => ({
      status: r.status,
      created: r.created,
      updated: r.updated,
      deactivated: r.deactivated,
      unchanged: r.unchanged,
      errors: r.errorCount,
    });
    for (const [label, prepare] of [
      ['csvSyncFirst', () => {}],
      ['csvSyncUnchanged', () => {}],
      [
        'csvSync300Renamed300Gone',
        () => {
          const renamed = new Set(Array.from({ length: 300 }, (_, i) => i));
          const gone = new Set(Array.from({ length: 300 }, (_, i) => 1000 + i));
          fs.writeFileSync(path.join(syncDir, 'staff.csv'), csv('sync.dk', N, renamed, gone));
        },
      ],
    ] as const) {
      prepare();
      const r = await timed(() => run(id));
      steps[label] = { ...r, value: pick(r.value) };
      console.log(label, r.seconds, 's', pick(r.value));
    }
    fs.writeFileSync(path.join(syncDir, 'invite.csv'), csv('invite.dk', N));
    const invId = await source('Bench med invitationer', 'invite.csv', true);
    const inv = await timed(() => run(invId));
    steps.csvSyncFirstWithInvitations = { ...inv, value: pick(inv.value) };
    console.log('csv sync with invitations', inv.seconds, 's');

    // (c) SCIM: 3,000 POST /Users, 4 at a time.
    const created = await sync.create(
      admin,
      { kind: 'scim', name: 'Bench SCIM', institutionIds: [school.id], defaultInstitutionId: school.id },
      'da',
    );
    const headers = { authorization: `Bearer ${created.token}`, 'content-type': 'application/scim+json' };
    const latencies: number[] = [];
    let failures = 0;
    const scim = await timed(async () => {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < N; i = next++) {
          const t0 = performance.now();
          const res = await app.inject({
            method: 'POST',
            url: '/scim/v2/Users',
            headers,
            payload: JSON.stringify({
              userName: `s${i}@scim.dk`,
              name: { formatted: `Scim ${i}` },
              externalId: `e${i}`,
            }),
          });
          latencies.push(performance.now() - t0);
          if (res.statusCode !== 201) failures++;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    });
    steps.scimCreate3000 = {
      seconds: scim.seconds,
      cpuSeconds: scim.cpuSeconds,
      load: scim.load,
      failures,
      p50ms: round(percentile(latencies, 50), 1),
      p99ms: round(percentile(latencies, 99), 1),
    };
    console.log('scim 3000 creates', scim.seconds, 's, p99', percentile(latencies, 99));
    const lookup = await timed(() =>
      app.inject({
        method: 'GET',
        url: '/scim/v2/Users?filter=userName%20eq%20%22s2999@scim.dk%22',
        headers,
      }),
    );
    steps.scimLookupAmong3000 = { seconds: lookup.seconds, status: lookup.value.statusCode };

    const firstSync = steps.csvSyncFirst as { seconds: number };
    await writeResult(`staff-sync-${pgDb ? 'postgresql' : 'pglite'}`, loadBefore, {
      database: pgDb ? 'postgresql' : 'pglite',
      staff: N,
      targetSeconds: TARGET_SECONDS,
      steps,
      ratioSyncToImport: round(firstSync.seconds / imp.seconds, 2),
      withinTarget:
        firstSync.seconds < TARGET_SECONDS &&
        (steps.csvSync300Renamed300Gone as { seconds: number }).seconds < TARGET_SECONDS &&
        scim.seconds < TARGET_SECONDS,
    });
    await app.close();
  } finally {
    await database.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
