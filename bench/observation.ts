/**
 * Observation benchmark (issue 6, O4): one institution-year at scale — 100 institutions in one kommune × 40
 * teachers × 6 visits × 30 indicators ≈ 720,000 answers (plus self-observations that must not count) — then the
 * institution dashboard query and the forvaltning cross-institution query: first through the service, one
 * request at a time (p50/p99 of BENCH_QUERIES runs each), then over HTTP with autocannon; and what a change to
 * one counted visit costs (the triggers recompute its institution's data cells). PGlite by default;
 * BENCH_DATABASE_URL=postgres://… runs it on a fresh database next to that one (dropped afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/demo/index.js';
import { generateInstitutionYear } from '../src/server/modules/observation/data/data.testing.js';
import { createDataService, type DataQuery } from '../src/server/modules/observation/data/service.js';
import type { Actor } from '../src/server/policy/index.js';
import {
  freshPostgres,
  load,
  loadAvg,
  percentile,
  round,
  signIn,
  startServer,
  timeQueries,
  writeResult,
} from './lib.js';

const PORT = 3196;
const CONNECTIONS = 10;
/** BENCH_SCALE (default 1) shrinks the number of institutions for a quick trial; only scale 1 is recorded. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZE = { institutions: Math.max(2, Math.round(100 * SCALE)), teachers: 40, visits: 6, indicators: 30 };
const TARGET_P99_MS = 200;

export async function observationBench() {
  const runs = Number(process.env.BENCH_QUERIES ?? 200);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-observation-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'obs') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  let serverStop: (() => Promise<void>) | null = null;
  try {
    await database.migrate();
    await seedDemo(database.db);
    const started = performance.now();
    const data = await generateInstitutionYear(database.db, SIZE);
    const generateSeconds = round((performance.now() - started) / 1000, 1);
    console.log(`generated ${data.visits} visits, ${data.answers} answers in ${generateSeconds} s`);

    // A leader of each institution and a forvaltning of the kommune (sign-in for HTTP: the demo password).
    const leaders = (
      (await database.db.execute(sql`
        select g.user_id as "userId", g.institution_id as "institutionId", u.email from role_grants g
        join users u on u.id = g.user_id
        where g.role = 'leder' and g.institution_id = any(${`{${data.institutionIds.join(',')}}`}::uuid[])`)) as unknown as {
        rows: { userId: string; institutionId: string; email: string }[];
      }
    ).rows;
    const [forvaltning] = (
      (await database.db.execute(sql`
        with u as (insert into users (email, name, status, password_hash)
          select ${`forvaltning-${data.kommuneId.slice(0, 8)}@bench.amongi.dk`}, 'Bench Forvaltning', 'active'::user_status,
            password_hash from users where email = 'leder@demo.amongi.dk' returning id, email)
        insert into role_grants (user_id, role, kommune_id) select id, 'forvaltning'::role, ${data.kommuneId}::uuid from u
        returning user_id as id`)) as unknown as { rows: { id: string }[] }
    ).rows;
    await database.db.execute(sql`update users set password_hash =
      (select password_hash from users where email = 'leder@demo.amongi.dk') where id = ${leaders[0].userId}`);

    const service = createDataService({ db: database.db });
    const leaderActor = (l: (typeof leaders)[number]): Actor => ({
      id: l.userId,
      grants: [{ role: 'leder', kommuneId: null, institutionId: l.institutionId }],
    });
    const forvaltningActor: Actor = {
      id: forvaltning.id,
      grants: [{ role: 'forvaltning', kommuneId: data.kommuneId, institutionId: null }],
    };
    const terms = ['2026-1', '2026-2'];
    // The dashboard: rotating over institutions and the breakdowns a leader switches between.
    const dashboardQueries: DataQuery[] = [{}, { by: 'subject' }, { by: 'grade', term: terms[0] }];
    const institutionRuns = leaders.flatMap((l) =>
      dashboardQueries.map((q) => () => service.institution(leaderActor(l), l.institutionId, q, 'da')),
    );
    const kommuneQueries: DataQuery[] = [{}, { term: terms[1] }, { by: 'subject' }, { by: 'term' }];
    const kommuneRuns = kommuneQueries.map(
      (q) => () => service.kommune(forvaltningActor, data.kommuneId, q, 'da'),
    );
    const sample = await service.kommune(forvaltningActor, data.kommuneId, {}, 'da');
    console.log(
      `kommune view: ${sample.groups.length} groups, ${sample.areas.flatMap((a) => a.indicators).length} indicators, ${sample.total.teachers} teachers, ${sample.total.visits} visits`,
    );
    // The write side of the data cells: one counted visit excluded (flagged) makes the triggers recompute its
    // institution's cells; timed per statement, rolled back.
    const someVisits = (
      (await database.db.execute(sql`select id from observation_visits where kind = 'visit' and status = 'completed'
        and institution_id = any(${`{${data.institutionIds.join(',')}}`}::uuid[]) order by random() limit 20`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    const refreshMs: number[] = [];
    for (const { id } of someVisits) {
      await database.db
        .transaction(async (tx) => {
          const t = performance.now();
          await tx.execute(sql`update observation_visits set flag = 'observer_lost_role' where id = ${id}`);
          refreshMs.push(performance.now() - t);
          throw new Error('rollback');
        })
        .catch(() => {});
    }
    const cellsRefresh = {
      runs: refreshMs.length,
      p50Ms: round(percentile(refreshMs, 50), 1),
      p99Ms: round(percentile(refreshMs, 99), 1),
    };
    console.log(`cells refresh when a counted visit changes: ${JSON.stringify(cellsRefresh)}`);
    const serviceResults = {
      institution: { ...(await timeQueries(institutionRuns, runs)), loadAverage: loadAvg() },
      kommune: {
        ...(await timeQueries(kommuneRuns, Math.max(20, Math.round(runs / 4)))),
        loadAverage: loadAvg(),
      },
    };
    console.log(`service: ${JSON.stringify(serviceResults)}`);
    await database.close();

    const server = await startServer(PORT, pgDb?.url ?? '', dataDir);
    serverStop = () => server.stop(true);
    const leader = await signIn(server.base, leaders[0].email);
    const forv = await signIn(server.base, `forvaltning-${data.kommuneId.slice(0, 8)}@bench.amongi.dk`);
    const routes = {
      institution: {
        url: `/api/v1/observation/institutions/${leaders[0].institutionId}/data`,
        cookie: leader.cookie,
      },
      kommune: { url: `/api/v1/observation/kommuner/${data.kommuneId}/data`, cookie: forv.cookie },
    };
    const http: Record<string, unknown> = {};
    for (const [name, r] of Object.entries(routes)) {
      const res = await fetch(`${server.base}${r.url}`, { headers: { cookie: r.cookie } });
      if (!res.ok) throw new Error(`${r.url}: ${res.status} ${await res.text()}`);
      const bytes = (await res.text()).length;
      const opts = { connections: CONNECTIONS, seconds, headers: { cookie: r.cookie } };
      await load(`${server.base}${r.url}`, { ...opts, seconds: Math.min(3, seconds) }); // warm-up
      const loadAverage = loadAvg();
      const result = await load(`${server.base}${r.url}`, opts);
      http[name] = { route: r.url, bytes, connections: CONNECTIONS, loadAverage, ...result };
      console.log(`HTTP ${name}: ${result.reqPerSec} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
    }

    // Issue 21 item 3: while forvaltning hammers the kommune view (CONNECTIONS at once, no per-person limit in the
    // bench's server), others' light requests — /healthz and the leader's /me — against the same requests idle.
    const light = {
      healthz: { url: `${server.base}/healthz`, headers: {} },
      me: { url: `${server.base}/api/v1/me`, headers: { cookie: leader.cookie } },
    };
    // A hammer's last requests are still being answered after autocannon stops: before each idle measurement wait
    // until the server is idle again (a /healthz under 100 ms), so that "idle" is idle.
    const drain = async () => {
      const began = performance.now();
      for (let quick = false; !quick && performance.now() - began < 180_000; ) {
        const t = performance.now();
        await fetch(`${server.base}/healthz`).catch(() => null);
        quick = performance.now() - t < 100;
        if (!quick) await new Promise((res) => setTimeout(res, 500));
      }
      return round((performance.now() - began) / 1000, 1);
    };
    const fairness: Record<string, unknown> = { lightConnections: 2, target: { p99Ms: 50 } };
    for (const [name, r] of Object.entries(light)) {
      const drainSeconds = await drain();
      const lightOpts = { connections: 2, seconds: Math.min(5, seconds), headers: r.headers };
      const idle = await load(r.url, lightOpts);
      const hammer = load(`${server.base}${routes.kommune.url}`, {
        connections: CONNECTIONS,
        seconds: Math.min(5, seconds) + 2,
        headers: { cookie: routes.kommune.cookie },
      });
      await new Promise((res) => setTimeout(res, 1000)); // the hammer's requests fill the line first
      const busy = await load(r.url, lightOpts);
      const heavy = await hammer;
      fairness[name] = { drainSeconds, idle, whileHammered: busy, hammer: heavy, loadAverage: loadAvg() };
      console.log(`fairness ${name}: p99 idle ${idle.p99Ms} ms, while hammered ${busy.p99Ms} ms`);
    }
    http.fairness = fairness;

    if (SCALE !== 1) {
      console.log('BENCH_SCALE is not 1: nothing recorded');
      return;
    }
    await writeResult(`observation-${dbName}`, loadBefore, {
      database: dbName,
      data: { ...SIZE, visits: data.visits, answers: data.answers },
      generateSeconds,
      target: { p99Ms: TARGET_P99_MS, on: 'postgresql' },
      service: serviceResults,
      cellsRefresh,
      http,
      meetsTarget:
        dbName === 'postgresql'
          ? serviceResults.institution.p99Ms < TARGET_P99_MS && serviceResults.kommune.p99Ms < TARGET_P99_MS
          : null,
    });
  } finally {
    await serverStop?.();
    await database.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
