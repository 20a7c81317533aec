/**
 * Catalogue benchmark (issue 4): search (q + two facets) and the home page API on 10,000 videos, 100,000
 * comments and 2,000 people, each against a bare Fastify route returning the same bytes, 20 connections, in one
 * run. PGlite by default; BENCH_DATABASE_URL=postgres://… runs it on a fresh database on that server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/db/seed-demo.js';
import { generateCatalogue } from './catalogue-data.js';
import { load, loadAvg, round, signIn, startNode, startServer, writeResult } from './lib.js';

const CONNECTIONS = 20;
const REAL_PORT = 3192;
const BARE_PORT = 3193;

/** A fresh database next to the one BENCH_DATABASE_URL names; dropped afterwards. */
async function freshPostgres(url: string) {
  const name = `amongi_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function catalogueBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-catalogue-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl) : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  await database.migrate();
  await seedDemo(database.db);
  const started = performance.now();
  const counts = await generateCatalogue(database.db);
  const generateSeconds = round((performance.now() - started) / 1000, 1);
  console.log(`generated ${JSON.stringify(counts)} in ${generateSeconds} s`);
  await database.close();

  const server = await startServer(REAL_PORT, pgDb?.url ?? '', dataDir);
  const { cookie } = await signIn(server.base, 'medarbejder@demo.amongi.dk');
  const facets = (await (
    await fetch(`${server.base}/api/v1/videos?q=elever`, { headers: { cookie } })
  ).json()) as {
    facets: Record<string, { value: string; count: number }[]>;
  };
  const top = (name: string) => facets.facets[name][0].value;
  const routes = {
    search: `/api/v1/videos?q=${encodeURIComponent('lærerne feedback')}&subject=${top('subject')}&ageBand=${top('ageBand')}`,
    searchBroad: `/api/v1/videos?q=elever&method=${top('method')}&pillar=${top('pillar')}&sort=tried`,
    home: '/api/v1/home',
  };
  const bodies: Record<string, string> = {};
  for (const [name, r] of Object.entries(routes)) {
    const res = await fetch(`${server.base}${r}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${r}: ${res.status} ${await res.text()}`);
    // The bare server answers on a path of its own per route, with the same bytes.
    bodies[`/bare/${name}`] = await res.text();
  }
  const bodiesFile = path.join(dataDir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const bare = await startNode(['bench/bare-server.ts', bodiesFile, String(BARE_PORT)], {}, (o) =>
    o.includes('ready'),
  );

  const results = [];
  try {
    for (const [name, r] of Object.entries(routes)) {
      const opts = { connections: CONNECTIONS, seconds };
      await load(`${server.base}${r}`, { ...opts, seconds: Math.min(5, seconds), headers: { cookie } }); // warm-up
      const real = await load(`${server.base}${r}`, { ...opts, headers: { cookie } });
      const bareRun = await load(`http://127.0.0.1:${BARE_PORT}/bare/${name}`, opts);
      const ratio = round(real.reqPerSec / bareRun.reqPerSec, 3);
      results.push({
        name,
        route: r,
        bytes: Buffer.byteLength(bodies[`/bare/${name}`]),
        real,
        bare: bareRun,
        ratio,
      });
      console.log(
        `${name}: ${real.reqPerSec.toFixed(0)} req/s (p50 ${real.p50Ms} ms, p99 ${real.p99Ms} ms) vs bare ${bareRun.reqPerSec.toFixed(0)} req/s → ratio ${ratio}`,
      );
    }
  } finally {
    bare.kill('SIGTERM');
    await server.stop();
    await pgDb?.drop();
  }
  const db = pgDb ? 'postgresql' : 'pglite';
  const target = { searchP99Ms: pgDb ? 50 : 100, homeRatio: 0.4 };
  await writeResult(`catalogue-${db}`, loadBefore, {
    database: db,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    data: counts,
    generateSeconds,
    target,
    results,
    meetsTarget:
      results
        .filter((x) => x.name !== 'home')
        .every((x) => x.real.p99Ms < target.searchP99Ms && x.real.errors === 0) &&
      results
        .filter((x) => x.name === 'home')
        .every((x) => x.ratio >= target.homeRatio && x.real.errors === 0),
  });
}
