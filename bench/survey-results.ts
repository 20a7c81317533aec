/**
 * Survey benchmark, the results part (issue 18: "a kommune of 3,000 respondents × 40 items × 3 rounds: results page
 * and analysis p99 < 100 ms on PostgreSQL, PGlite reported"). Data: survey-results-data.ts. Then
 * - the results and the analysis through the service, one call at a time (p50/p99 of BENCH_QUERIES);
 * - over HTTP on the real server, signed-in people asking different things (never one repeated request): leaders
 *   their institution's results and trend, forvaltning institutions' results, the kommune's results of each round,
 *   the analysis of each round — each kind alone and all mixed, at 1 connection (the latency the target speaks of)
 *   and at 10 (throughput).
 * PGlite by default; BENCH_DATABASE_URL=postgres://… runs on a fresh database beside that one (dropped after).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/demo/index.js';
import { analysis } from '../src/server/modules/survey/analysis/service.js';
import { results } from '../src/server/modules/survey/results/service.js';
import type { Actor } from '../src/server/policy/index.js';
import {
  freshPostgres,
  type LoadResult,
  loadAvg,
  loadRotating,
  signIn,
  startServer,
  timeQueries,
  writeResult,
} from './lib.js';
import { generateSurveyResults, SIZE } from './survey-results-data.js';

const PORT = 3198;
const TARGET = { p99Ms: 100, on: 'postgresql', at: 'HTTP, 1 connection, mixed' };
const LEADERS = 10;

export async function surveyResultsBench() {
  const runs = Number(process.env.BENCH_QUERIES ?? 100);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-survey-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'survey') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  let serverStop: (() => Promise<void>) | null = null;
  try {
    await database.migrate();
    await seedDemo(database.db);
    const started = performance.now();
    const data = await generateSurveyResults(database.db);
    const generateSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    console.log(`generated ${data.answers} answers, ${data.values} scale values in ${generateSeconds} s`);

    const db = database.db;
    const forv: Actor = {
      id: '00000000-0000-4000-8000-000000000001',
      grants: [{ role: 'forvaltning', kommuneId: data.kommuneId, institutionId: null }],
    };
    const [newest] = data.roundIds.slice(-1);
    const sample = await results(db, forv, newest);
    const a = await analysis(db, forv, data.kommuneId);
    console.log(
      `kommune results: ${sample.groups.length} lines (${sample.groups.filter((g) => g.withheld).length} withheld); analysis: ${a.points.length} points, ${a.withheldDepartments} withheld, fits ${JSON.stringify(a.fits)}`,
    );
    const service = {
      institution: await timeQueries(
        data.institutionIds.map((id, i) => () => results(db, forv, data.roundIds[i % SIZE.rounds], id)),
        runs,
      ),
      kommune: await timeQueries(
        data.roundIds.map((id) => () => results(db, forv, id)),
        Math.max(20, Math.round(runs / 2)),
      ),
      analysis: await timeQueries(
        data.roundIds.map((id) => () => analysis(db, forv, data.kommuneId, id)),
        Math.max(20, Math.round(runs / 2)),
      ),
    };
    console.log(`service: ${JSON.stringify(service)}`);
    await database.close();

    const server = await startServer(PORT, pgDb?.url ?? '', dataDir);
    serverStop = () => server.stop(true);
    const API = '/api/v1/survey';
    const step = Math.max(1, Math.floor(data.leaders.length / LEADERS));
    const leaders = await Promise.all(
      data.leaders
        .filter((_, i) => i % step === 0)
        .slice(0, LEADERS)
        .map(async (l) => ({ ...l, cookie: (await signIn(server.base, l.email)).cookie })),
    );
    const forvCookie = (await signIn(server.base, data.forvaltning)).cookie;
    const institution = [
      ...leaders.flatMap((l) =>
        data.roundIds.map((r) => ({ path: `${API}/rounds/${r}/results`, cookie: l.cookie })),
      ),
      ...leaders.map((l) => ({
        path: `${API}/institution-trend?institutionId=${l.institutionId}`,
        cookie: l.cookie,
      })),
      ...data.institutionIds.map((id, i) => ({
        path: `${API}/rounds/${data.roundIds[i % SIZE.rounds]}/results?institutionId=${id}`,
        cookie: forvCookie,
      })),
    ];
    const kommune = data.roundIds.map((r) => ({ path: `${API}/rounds/${r}/results`, cookie: forvCookie }));
    const analysisReqs = [
      { path: `${API}/analysis?kommuneId=${data.kommuneId}`, cookie: forvCookie },
      ...data.roundIds.map((r) => ({
        path: `${API}/analysis?kommuneId=${data.kommuneId}&roundId=${r}`,
        cookie: forvCookie,
      })),
    ];
    const groups: Record<string, { path: string; cookie: string }[]> = {
      institution,
      kommune,
      analysis: analysisReqs,
      mixed: [...institution, ...kommune, ...analysisReqs].sort((x, y) => (x.path < y.path ? -1 : 1)),
    };
    for (const list of Object.values(groups))
      for (const r of list.slice(0, 3)) {
        const res = await fetch(`${server.base}${r.path}`, { headers: { cookie: r.cookie } });
        if (!res.ok) throw new Error(`${r.path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      }
    const http: Record<string, Record<string, LoadResult & { loadAverage: number[] }>> = {};
    for (const [name, list] of Object.entries(groups)) {
      http[name] = {};
      let i = 0;
      const next = () => list[i++ % list.length];
      await loadRotating(server.base, { connections: 4, seconds: Math.min(3, seconds), next });
      for (const connections of [1, 10]) {
        const loadAverage = loadAvg();
        const r = await loadRotating(server.base, { connections, seconds, next });
        http[name][`c${connections}`] = { ...r, loadAverage };
        console.log(
          `HTTP ${name} (${connections} conn, ${list.length} distinct requests): ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`,
        );
      }
    }
    const p99 = http.mixed.c1.p99Ms;
    await writeResult(`survey-results-${dbName}`, loadBefore, {
      database: dbName,
      data: { ...SIZE, answers: data.answers, values: data.values, questions: 40 },
      generateSeconds,
      people: { leaders: leaders.length, forvaltning: 1 },
      target: TARGET,
      service,
      http,
      meetsTarget: dbName === 'postgresql' ? p99 < TARGET.p99Ms : null,
    });
  } finally {
    await serverStop?.();
    await database.close().catch(() => {});
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
