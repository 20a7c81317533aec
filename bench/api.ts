/**
 * API benchmark: real routes against a bare Fastify route returning the same bytes (bench/bare-server.ts),
 * in one run. 20 connections, BENCH_SECONDS (10) per target after a warm-up of the same length.
 * BENCH_DATABASE_URL=postgres://… runs the real server on PostgreSQL (an empty database) instead of PGlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load, loadAvg, round, signIn, startNode, startServer, writeResult } from './lib.js';

const CONNECTIONS = 20;
const REAL_PORT = 3190;
const BARE_PORT = 3191;
const ROUTES = ['/api/v1/me', '/api/v1/institutions', '/api/v1/people?limit=20'];
const TARGET = { ratio: 0.5, p99Ms: 25 };

export async function apiBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const server = await startServer(REAL_PORT, databaseUrl);
  const { cookie } = await signIn(server.base, 'leder@demo.amongi.dk');
  const bodies: Record<string, string> = {};
  for (const r of ROUTES) {
    const res = await fetch(`${server.base}${r}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${r}: ${res.status}`);
    bodies[r] = await res.text();
  }
  const bodiesFile = path.join(server.dataDir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const bare = await startNode(['bench/bare-server.ts', bodiesFile, String(BARE_PORT)], {}, (o) =>
    o.includes('ready'),
  );

  const results = [];
  try {
    for (const r of ROUTES) {
      const opts = { connections: CONNECTIONS, seconds };
      await load(`${server.base}${r}`, { ...opts, headers: { cookie } }); // warm-up (JIT, caches)
      const real = await load(`${server.base}${r}`, { ...opts, headers: { cookie } });
      const bareRun = await load(`http://127.0.0.1:${BARE_PORT}${r}`, opts);
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
    target: TARGET,
    results,
  });
}
