/**
 * Retention and audit log benchmark (issue 20 parts 4–5). In this process, on PGlite by default
 * (BENCH_DATABASE_URL=postgres://… : a fresh PostgreSQL database beside it).
 * 1. The retention run over 100,000 sent outbox rows + 100,000 audit entries past their periods (runRetention:
 *    batches of 500, each a transaction with FOR UPDATE SKIP LOCKED, a run row per kind), beside a baseline in the
 *    same run: the same rows inserted again and removed by two plain DELETE … WHERE statements.
 * 2. The audit log page with 1,000,000 entries from 500 people: the first page (50) unfiltered, filtered by person
 *    (part of a name), by group, and a later page by cursor — p50/p99 of sequential calls of the repo's query —
 *    beside a baseline in the same run: a bare `select … order by created_at desc limit 51` on the table.
 * Time, CPU seconds of this process (PGlite's work counts in it; PostgreSQL's is in its own processes).
 * `npm run bench -- retention`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.js';
import { buildContext, closeContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import * as auditRepo from '../src/server/modules/audit-log/repo.js';
import { runRetention } from '../src/server/modules/retention/index.js';
import { actionsOfGroup } from '../src/shared/audit-actions.js';
import { freshPostgres, loadAvg, round, timeQueries, writeResult } from './lib.js';

const N = { outbox: 100_000, audit: 100_000, log: 1_000_000, people: 500 };

async function timed<T>(run: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const cpu = process.cpuUsage(cpu0);
  return {
    value,
    seconds: round((performance.now() - t0) / 1000, 2),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    loadAverage: loadAvg(),
  };
}

export async function retentionBench() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-retention-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'retention') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  const ctx = await buildContext({
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    database,
    secret: 'bench-secret-'.padEnd(40, 'x'),
    log: false,
  });
  const db = database.db;
  const old = new Date(Date.now() - 800 * 86_400_000);
  const fill = async () => {
    await db.execute(sql`insert into outbox_emails (to_address, subject, text, html, status, created_at, sent_at)
      select 'person' || g || '@example.dk', 'Påmindelse ' || g, repeat('tekst ', 40), repeat('<p>html</p>', 20),
             'sent', ${old}::timestamptz + g * interval '1 second', ${old}::timestamptz + g * interval '1 second'
        from generate_series(1, ${N.outbox}) g`);
    await db.execute(sql`insert into audit_log (action, subject_type, subject_id, details, created_at)
      select 'role.grant', 'person', gen_random_uuid()::text, '{"role":"medarbejder"}'::jsonb,
             ${old}::timestamptz + g * interval '1 second'
        from generate_series(1, ${N.audit}) g`);
  };
  try {
    await database.migrate();
    await seedDemo(db);
    console.log(`   ${dbName}: ${N.outbox} outbox rows + ${N.audit} audit entries past their periods`);
    await fill();
    const run = await timed(() => runRetention(ctx, new Date()));
    const left1 = await rows<{ n: number }>(
      db,
      sql`select (select count(*) from outbox_emails where created_at < ${old}::timestamptz + interval '2 days')::int
            + (select count(*) from audit_log where created_at < ${old}::timestamptz + interval '2 days')::int as n`,
    );
    console.log(`   retention run: ${run.seconds} s, CPU ${run.cpuSeconds} s, ${JSON.stringify(run.value)}`);
    await fill();
    const bare = await timed(async () => {
      await db.execute(
        sql`delete from outbox_emails where status <> 'pending' and created_at < now() - interval '90 days'`,
      );
      await db.execute(sql`delete from audit_log where created_at < now() - interval '730 days'`);
    });
    console.log(`   baseline (two plain DELETEs): ${bare.seconds} s, CPU ${bare.cpuSeconds} s`);

    // 2. The audit log page on 1,000,000 entries.
    await db.execute(sql`delete from audit_log`);
    await db.execute(sql`insert into users (email, name, status)
      select 'bench' || g || '@example.dk', 'Bench Person ' || g, 'active' from generate_series(1, ${N.people}) g`);
    const actions = [
      'auth.sign_in',
      'video.view_shared',
      'role.grant',
      'observation.data.view',
      'video.upload',
      'progression.grid_read',
    ];
    const filled = await timed(() =>
      db.execute(sql`insert into audit_log (actor_id, action, subject_type, subject_id, details, created_at)
        select p.ids[1 + g % ${N.people}], (array[${sql.join(
          actions.map((a) => sql`${a}`),
          sql`, `,
        )}])[1 + g % ${actions.length}], 'person', p.ids[1 + g % ${N.people}]::text, '{"n":1}'::jsonb,
               now() - (g * interval '30 seconds')
          from generate_series(1, ${N.log}) g,
               (select array_agg(id order by email) as ids from users where email like 'bench%') p`),
    );
    await db.execute(sql`analyze audit_log`);
    console.log(`   ${N.log} audit entries written in ${filled.seconds} s`);
    const firstPage = await auditRepo.listAll(db, {}, { limit: 51 });
    const cursor = firstPage.at(-2);
    const runs = Number(process.env.BENCH_RUNS ?? 200);
    const page = {
      baseline: await timeQueries(
        [() => db.execute(sql`select * from audit_log order by created_at desc, id desc limit 51`)],
        runs,
      ),
      unfiltered: await timeQueries([() => auditRepo.listAll(db, {}, { limit: 51 })], runs),
      byPerson: await timeQueries(
        [17, 211, 403].map(
          (i) => () => auditRepo.listAll(db, { person: `Bench Person ${i}` }, { limit: 51 }),
        ),
        runs,
      ),
      byGroup: await timeQueries(
        [() => auditRepo.listAll(db, { actions: actionsOfGroup('roles') }, { limit: 51 })],
        runs,
      ),
      nextPage: await timeQueries(
        [
          () =>
            auditRepo.listAll(
              db,
              {},
              { limit: 51, before: cursor ? { at: cursor.cursorAt, id: cursor.id } : undefined },
            ),
        ],
        runs,
      ),
    };
    for (const [k, v] of Object.entries(page))
      console.log(`   audit page ${k}: p50 ${v.p50Ms} ms, p99 ${v.p99Ms} ms`);
    await writeResult(`retention-${dbName}`, loadBefore, {
      database: dbName,
      sizes: N,
      retentionRun: { ...run, leftOverDue: left1[0]?.n },
      baselineDeletes: bare,
      auditLogFill: { seconds: filled.seconds },
      auditPage: page,
    });
  } finally {
    await closeContext(ctx);
    await database.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
