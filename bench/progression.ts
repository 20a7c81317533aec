/**
 * Progression benchmark (issue 17 part 2): 50 schools × 25 classes × 24 children × 4 areas × 8 periods ≈ 960,000
 * statuses in one kommune (progression-data.ts), then
 * - the summaries through the service, one call at a time (p50/p99 of BENCH_QUERIES): a school's summary as its
 *   leader, rotating over the 50 schools; the kommune's as its forvaltning, rotating over filters;
 * - over HTTP on the real server, with requests from many signed-in people across classes (never one repeated
 *   request): each class teacher's own class grid (audit-logged like every per-child read), leaders' and
 *   forvaltning's school summaries, forvaltning's kommune summary, and all of them mixed — at 1 connection (the
 *   latency the targets speak of) and at 10 (throughput).
 * Targets on PostgreSQL: class grid p99 < 50 ms, school summary < 200 ms, kommune summary < 300 ms. PGlite by
 * default (reported); BENCH_DATABASE_URL=postgres://… runs on a fresh database beside that one (dropped after).
 * The CSV import is measured by `npm run bench -- progression-import`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/demo/index.js';
import { institutionSummary, kommuneSummary } from '../src/server/modules/progression/summary/service.js';
import type { Actor } from '../src/server/policy/index.js';
import {
  freshPostgres,
  type LoadResult,
  loadAvg,
  loadRotating,
  round,
  signIn,
  startServer,
  timeQueries,
  writeResult,
} from './lib.js';
import { generateProgression, SCHOOL_YEAR } from './progression-data.js';

const PORT = 3197;
/** BENCH_SCALE (default 1) shrinks the number of schools for a quick trial; only scale 1 is recorded. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZE = { institutions: Math.max(2, Math.round(50 * SCALE)), classes: 25, children: 24 };
const TARGET = { gridP99Ms: 50, institutionP99Ms: 200, kommuneP99Ms: 300 };
/** How many class teachers and leaders sign in for the HTTP runs (with forvaltning under the server's 50 sign-ins per IP). */
const PEOPLE = { teachers: 38, leaders: 10 };

/** Every n-th of a list, up to `count`: people spread over all schools. */
const spread = <T>(xs: T[], count: number) =>
  xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / count)) === 0).slice(0, count);

export async function progressionBench() {
  const runs = Number(process.env.BENCH_QUERIES ?? 200);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-progression-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'prog') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  let serverStop: (() => Promise<void>) | null = null;
  try {
    await database.migrate();
    await seedDemo(database.db);
    const started = performance.now();
    const data = await generateProgression(database.db, SIZE);
    const generateSeconds = round((performance.now() - started) / 1000, 1);
    console.log(`generated ${data.statuses} statuses and ${data.totals} totals rows in ${generateSeconds} s`);

    // The summaries through the service.
    const db = database.db;
    const leaderActor = (institutionId: string): Actor => ({
      id: '00000000-0000-4000-8000-000000000001',
      grants: [{ role: 'leder', kommuneId: data.kommuneId, institutionId }],
    });
    const forv: Actor = {
      id: data.forvaltning.id,
      grants: [{ role: 'forvaltning', kommuneId: data.kommuneId, institutionId: null }],
    };
    const sample = await kommuneSummary(db, forv, data.kommuneId, { schoolYear: SCHOOL_YEAR });
    const shown = sample.total.filter((c) => c.counts).length;
    console.log(
      `kommune summary: ${sample.rows.length} schools × ${sample.areas.length} areas × ${sample.periods.length} periods (${shown} totals shown)`,
    );
    const kommuneFilters = [
      { schoolYear: SCHOOL_YEAR },
      { schoolYear: SCHOOL_YEAR, areaId: sample.areas[0].id },
      { schoolYear: SCHOOL_YEAR, periodId: sample.periods.at(-1)?.id },
      {},
    ];
    const service = {
      institution: await timeQueries(
        data.institutionIds.map(
          (id) => () => institutionSummary(db, leaderActor(id), id, { schoolYear: SCHOOL_YEAR }),
        ),
        runs,
      ),
      kommune: await timeQueries(
        kommuneFilters.map((f) => () => kommuneSummary(db, forv, data.kommuneId, f)),
        Math.max(20, Math.round(runs / 4)),
      ),
    };
    console.log(`service: ${JSON.stringify(service)}`);
    await database.close();

    // Over HTTP, many signed-in people.
    const server = await startServer(PORT, pgDb?.url ?? '', dataDir);
    serverStop = () => server.stop(true);
    const API = '/api/v1/progression';
    const teachers = await Promise.all(
      spread(data.teachers, PEOPLE.teachers).map(async (t) => ({
        ...t,
        cookie: (await signIn(server.base, t.email)).cookie,
      })),
    );
    const leaders = await Promise.all(
      spread(data.leaders, PEOPLE.leaders).map(async (l) => ({
        ...l,
        cookie: (await signIn(server.base, l.email)).cookie,
      })),
    );
    const forvCookie = (await signIn(server.base, data.forvaltning.email)).cookie;
    console.log(`signed in: ${teachers.length} class teachers, ${leaders.length} leaders, 1 forvaltning`);

    const rotate = (list: { path: string; cookie: string }[]) => {
      let i = 0;
      return () => list[i++ % list.length];
    };
    const gridReqs = [
      ...teachers.map((t) => ({
        path: `${API}/groups/${t.groupId}/grid?schoolYear=${SCHOOL_YEAR}`,
        cookie: t.cookie,
      })),
      // Leaders open a class of their school now and then.
      ...leaders.map((l) => ({
        path: `${API}/groups/${data.teachers.find((t) => t.institutionId === l.institutionId)?.groupId}/grid`,
        cookie: l.cookie,
      })),
    ];
    const institutionReqs = [
      ...leaders.map((l) => ({
        path: `${API}/institutions/${l.institutionId}/summary?schoolYear=${SCHOOL_YEAR}`,
        cookie: l.cookie,
      })),
      ...spread(data.institutionIds, 20).map((id) => ({
        path: `${API}/institutions/${id}/summary`,
        cookie: forvCookie,
      })),
    ];
    const kommuneReqs = kommuneFilters.map((f) => ({
      path: `${API}/kommuner/${data.kommuneId}/summary?${new URLSearchParams(
        Object.entries(f).map(([k, v]) => [k, String(v)]),
      )}`,
      cookie: forvCookie,
    }));
    const groups: Record<string, { path: string; cookie: string }[]> = {
      grid: gridReqs,
      institution: institutionReqs,
      kommune: kommuneReqs,
      mixed: [...gridReqs, ...institutionReqs, ...kommuneReqs].sort((a, b) => (a.path < b.path ? -1 : 1)),
    };
    // Every request must answer 200 before it is timed (a missing route would time 404s).
    const unavailable: Record<string, string> = {};
    for (const [name, list] of Object.entries(groups))
      for (const r of list.slice(0, 3)) {
        const res = await fetch(`${server.base}${r.path}`, { headers: { cookie: r.cookie } });
        if (!res.ok) unavailable[name] = `${r.path}: ${res.status} ${(await res.text()).slice(0, 200)}`;
      }
    const http: Record<string, Record<string, LoadResult & { loadAverage: number[] }>> = {};
    for (const [name, list] of Object.entries(groups)) {
      if (unavailable[name] || (name === 'mixed' && Object.keys(unavailable).length)) {
        console.log(`HTTP ${name}: not measured (${unavailable[name] ?? 'a part is unavailable'})`);
        continue;
      }
      http[name] = {};
      await loadRotating(server.base, { connections: 4, seconds: Math.min(3, seconds), next: rotate(list) });
      for (const connections of [1, 10]) {
        const loadAverage = loadAvg();
        const r = await loadRotating(server.base, { connections, seconds, next: rotate(list) });
        http[name][`c${connections}`] = { ...r, loadAverage };
        console.log(
          `HTTP ${name} (${connections} conn, ${list.length} distinct requests): ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`,
        );
      }
    }

    if (SCALE !== 1) {
      console.log('BENCH_SCALE is not 1: nothing recorded');
      return;
    }
    const gridP99 = http.grid?.c1?.p99Ms;
    await writeResult(`progression-${dbName}`, loadBefore, {
      database: dbName,
      data: { ...SIZE, areas: 4, periods: 8, statuses: data.statuses, totals: data.totals },
      generateSeconds,
      people: { teachers: teachers.length, leaders: leaders.length, forvaltning: 1 },
      target: {
        ...TARGET,
        on: 'postgresql',
        grid: 'HTTP at 1 connection',
        summaries: 'service, one at a time',
      },
      service,
      http,
      unavailable,
      meetsTarget:
        dbName === 'postgresql'
          ? {
              grid: gridP99 === undefined ? null : gridP99 < TARGET.gridP99Ms,
              institution: service.institution.p99Ms < TARGET.institutionP99Ms,
              kommune: service.kommune.p99Ms < TARGET.kommuneP99Ms,
            }
          : null,
    });
  } finally {
    await serverStop?.();
    await database.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
