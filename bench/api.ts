/**
 * API benchmark: real routes against a bare Fastify route returning the same bytes (bench/bare-server.ts),
 * in one run. 20 connections; per route a warm-up of BENCH_SECONDS (10), then real, bare, bare, real for half of
 * it each, so that outside load that comes and goes weighs on both sides alike.
 * BENCH_DATABASE_URL=postgres://… runs the real server on PostgreSQL (an empty database) instead of PGlite;
 * BENCH_SERVER_ROOT=<worktree> runs another checkout's server (lib.ts), e.g. an older commit for before/after.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  freePort,
  type LoadResult,
  load,
  loadAvg,
  round,
  signIn,
  startNode,
  startServer,
  writeResult,
} from './lib.js';

const CONNECTIONS = 20;
/**
 * The routes by name; `BENCH_API_ROUTES=me,search` runs some of them. Search and home run on the demo
 * organisation without the demo catalogue (DEMO_CONTENT=0): the cost of a request (session, policy SQL, facets,
 * the contract's encoding), not of a large result — `catalogue.ts` measures that on 10,000 videos.
 */
const ALL_ROUTES: Record<string, string> = {
  me: '/api/v1/me',
  institutions: '/api/v1/institutions',
  search: '/api/v1/videos?q=matematik',
  home: '/api/v1/home',
  people: '/api/v1/people?limit=20',
};
const ROUTES = (process.env.BENCH_API_ROUTES ?? Object.keys(ALL_ROUTES).join(',')).split(',').map((name) => {
  const route = ALL_ROUTES[name.trim()];
  if (!route)
    throw new Error(`BENCH_API_ROUTES: unknown route ${name}; use ${Object.keys(ALL_ROUTES).join(', ')}`);
  return route;
});
const TARGET = { ratio: 0.5, p99Ms: 25 };

/** Two load runs of one side as one: mean throughput and p50, the worse p99, all errors. */
function combine(runs: LoadResult[]): LoadResult {
  const mean = (f: (r: LoadResult) => number) => round(runs.reduce((n, r) => n + f(r), 0) / runs.length, 1);
  return {
    reqPerSec: mean((r) => r.reqPerSec),
    mbPerSec: mean((r) => r.mbPerSec),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

export async function apiBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const server = await startServer(await freePort(), databaseUrl);
  const { cookie } = await signIn(server.base, 'leder@demo.amongi.dk');
  const bodies: Record<string, string> = {};
  for (const r of ROUTES) {
    const res = await fetch(`${server.base}${r}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${r}: ${res.status}`);
    bodies[r] = await res.text();
  }
  const bodiesFile = path.join(server.dataDir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const barePort = await freePort();
  const bare = await startNode(['bench/bare-server.ts', bodiesFile, String(barePort)], {}, (o) =>
    o.includes('ready'),
  );

  const results = [];
  try {
    for (const r of ROUTES) {
      const opts = { connections: CONNECTIONS, seconds };
      await load(`${server.base}${r}`, { ...opts, headers: { cookie } }); // warm-up (JIT, caches)
      // Real, bare, bare, real, half the time each: a change of outside load weighs on both sides alike.
      const half = { ...opts, seconds: Math.max(1, Math.round(seconds / 2)) };
      const realRuns = [];
      const bareRuns = [];
      realRuns.push(await load(`${server.base}${r}`, { ...half, headers: { cookie } }));
      bareRuns.push(await load(`http://127.0.0.1:${barePort}${r}`, half));
      bareRuns.push(await load(`http://127.0.0.1:${barePort}${r}`, half));
      realRuns.push(await load(`${server.base}${r}`, { ...half, headers: { cookie } }));
      const real = combine(realRuns);
      const bareRun = combine(bareRuns);
      const ratio = round(real.reqPerSec / bareRun.reqPerSec, 3);
      results.push({
        route: r,
        bytes: Buffer.byteLength(bodies[r]),
        real,
        bare: bareRun,
        ratio,
        loadAverage: loadAvg(),
        meetsTarget: ratio >= TARGET.ratio && real.p99Ms < TARGET.p99Ms && real.errors === 0,
      });
      console.log(
        `${r}: ${real.reqPerSec.toFixed(0)} req/s (p99 ${real.p99Ms} ms) vs bare ${bareRun.reqPerSec.toFixed(0)} req/s (p99 ${bareRun.p99Ms} ms) → ratio ${ratio}`,
      );
    }
  } finally {
    bare.kill('SIGTERM');
    await server.stop();
  }
  const database = databaseUrl ? 'postgresql' : 'pglite';
  await writeResult(`api-${database}`, loadBefore, {
    database,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    order: 'real, bare, bare, real (half of durationSeconds each), after a warm-up of durationSeconds',
    target: TARGET,
    results,
  });
}
