/**
 * Catalogue benchmark (issue 4): search (q + two facets) and the home page API on 10,000 videos, 100,000
 * comments and 2,000 people, each against a bare Fastify route returning the same bytes, 20 connections, in one
 * run. PGlite by default; BENCH_DATABASE_URL=postgres://… runs it on a fresh database on that server.
 *
 * The runs ask the same thing as the same person over and over, which the search caches (a few seconds
 * per visibility class, src/server/modules/search/cache.ts) answer from memory after the first request. The
 * mixed runs rotate over many people of different visibility classes and several queries, so that the cache
 * hit rate is what it is; the hit and miss counts of each run come from the server (cacheStats).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/demo/index.js';
import { generateCatalogue, SIZES } from './catalogue-data.js';
import {
  load,
  loadAvg,
  loadRotating,
  round,
  rssMiB,
  signIn,
  startNode,
  startServer,
  writeResult,
} from './lib.js';

const CONNECTIONS = 20;
const REAL_PORT = 3192;
const BARE_PORT = 3193;
/** People in the mixed runs: the first bench people (spread over all institutions) and every demo account. */
const MIXED_BENCH_PEOPLE = 120;
const DEMO_ACCOUNTS = [
  'administrator',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'redaktoer',
  'medarbejder2',
  'leder2',
];

type Stats = Record<string, { hits: number; misses: number; refreshes: number; size: number; max: number }>;
const cacheStats = async (base: string) =>
  (await (await fetch(`${base}/api/v1/search/cache-stats`)).json()) as Stats;
/**
 * Hits, misses (the request waited for the database) and refreshes (a key in use computed again in the
 * background shortly before it expired) between two readings, with the hit rate per cache.
 */
function statsDelta(before: Stats, after: Stats) {
  return Object.fromEntries(
    Object.entries(after).map(([name, a]) => {
      const b = before[name];
      const hits = a.hits - (b?.hits ?? 0);
      const misses = a.misses - (b?.misses ?? 0);
      const refreshes = a.refreshes - (b?.refreshes ?? 0);
      const hitRate = hits + misses ? round(hits / (hits + misses), 3) : null;
      return [name, { hits, misses, refreshes, hitRate, size: a.size }];
    }),
  );
}

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
  // The mixed runs sign bench people in: they get the demo password (its hash copied, as the tests do).
  await database.db.execute(sql`update users set password_hash =
    (select password_hash from users where email = 'medarbejder@demo.amongi.dk')
    where email like 'bench%@bench.amongi.dk'`);
  await database.close();

  process.env.AMONGI_SEARCH_CACHE_STATS = '1'; // the server reports its cache hits (hidden route)
  const server = await startServer(REAL_PORT, pgDb?.url ?? '', dataDir);
  const { cookie } = await signIn(server.base, 'medarbejder@demo.amongi.dk');
  const facets = (await (
    await fetch(`${server.base}/api/v1/videos?q=elever`, { headers: { cookie } })
  ).json()) as {
    facets: Record<string, { value: string; count: number }[]>;
  };
  const top = (name: string, k = 0) => facets.facets[name][k % facets.facets[name].length].value;
  const routes = {
    search: `/api/v1/videos?q=${encodeURIComponent('lærerne feedback')}&subject=${top('subject')}&ageBand=${top('ageBand')}`,
    searchBroad: `/api/v1/videos?q=elever&method=${top('method')}&pillar=${top('pillar')}&sort=tried`,
    home: '/api/v1/home',
  };
  // The mixed search: several queries (with and without text and facets) × people of ~30 visibility classes.
  const enc = encodeURIComponent;
  const mixedQueries = [
    routes.search,
    routes.searchBroad,
    `/api/v1/videos?q=makkerpar`,
    `/api/v1/videos?q=${enc('naturen')}&ageBand=${top('ageBand', 1)}`,
    `/api/v1/videos?q=${enc('exit tickets')}`,
    `/api/v1/videos?q=${enc('brøker OR læsning')}&subject=${top('subject', 1)}`,
    `/api/v1/videos?q=refleksion&pillar=${top('pillar', 1)}`,
    `/api/v1/videos?q=${enc('pædagogerne')}&method=${top('method', 1)}`,
    `/api/v1/videos?subject=${top('subject', 2)}`,
    '/api/v1/videos',
  ];
  const people: string[] = [];
  for (const name of DEMO_ACCOUNTS) people.push((await signIn(server.base, `${name}@demo.amongi.dk`)).cookie);
  for (let i = 0; i < MIXED_BENCH_PEOPLE; i++)
    people.push((await signIn(server.base, `bench${i}@bench.amongi.dk`)).cookie);
  let turn = 0;
  // Person and query advance at different strides, so that every pair comes up.
  const nextSearch = () => {
    turn++;
    return { path: mixedQueries[turn % mixedQueries.length], cookie: people[(turn * 7) % people.length] };
  };
  const nextHome = () => {
    turn++;
    return { path: routes.home, cookie: people[turn % people.length] };
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
  const mixed = [];
  try {
    for (const [name, r] of Object.entries(routes)) {
      const opts = { connections: CONNECTIONS, seconds };
      await load(`${server.base}${r}`, { ...opts, seconds: Math.min(5, seconds), headers: { cookie } }); // warm-up
      const loadAverage = loadAvg();
      const before = await cacheStats(server.base);
      const real = await load(`${server.base}${r}`, { ...opts, headers: { cookie } });
      const cache = statsDelta(before, await cacheStats(server.base));
      const bareRun = await load(`http://127.0.0.1:${BARE_PORT}/bare/${name}`, opts);
      const ratio = round(real.reqPerSec / bareRun.reqPerSec, 3);
      results.push({
        name,
        route: r,
        bytes: Buffer.byteLength(bodies[`/bare/${name}`]),
        loadAverage,
        real,
        bare: bareRun,
        ratio,
        cache,
      });
      console.log(
        `${name}: ${real.reqPerSec.toFixed(0)} req/s (p50 ${real.p50Ms} ms, p99 ${real.p99Ms} ms) vs bare ${bareRun.reqPerSec.toFixed(0)} req/s → ratio ${ratio}`,
      );
    }

    // Mixed runs: no warm-up (the first requests of each person and query are misses, as they would be).
    for (const [name, next, bareName] of [
      ['searchMixed', nextSearch, 'search'],
      ['homeMixed', nextHome, 'home'],
    ] as const) {
      const opts = { connections: CONNECTIONS, seconds };
      const loadAverage = loadAvg();
      const before = await cacheStats(server.base);
      const real = await loadRotating(server.base, { ...opts, next });
      const cache = statsDelta(before, await cacheStats(server.base));
      const bareRun = await loadRotating(`http://127.0.0.1:${BARE_PORT}`, {
        ...opts,
        next: () => ({ path: `/bare/${bareName}`, cookie: next().cookie }),
      });
      const ratio = round(real.reqPerSec / bareRun.reqPerSec, 3);
      mixed.push({
        name,
        people: people.length,
        queries: name === 'searchMixed' ? mixedQueries : [routes.home],
        loadAverage,
        real,
        bare: bareRun,
        bareBody: bareName,
        ratio,
        cache,
        serverRssMiB: round(rssMiB(server.pid) ?? 0, 0),
      });
      console.log(
        `${name}: ${real.reqPerSec.toFixed(0)} req/s (p50 ${real.p50Ms} ms, p99 ${real.p99Ms} ms, errors ${real.errors}) vs bare ${bareRun.reqPerSec.toFixed(0)} → ratio ${ratio}; cache ${JSON.stringify(cache)}`,
      );
    }
  } finally {
    bare.kill('SIGTERM');
    await server.stop();
    await pgDb?.drop();
  }
  const db = pgDb ? 'postgresql' : 'pglite';
  const target = { searchP99Ms: pgDb ? 50 : 100, homeRatio: 0.4 };
  if (SIZES.videos !== 10_000) {
    console.log('BENCH_SCALE is not 1: nothing recorded');
    return;
  }
  await writeResult(`catalogue-${db}`, loadBefore, {
    database: db,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    data: counts,
    generateSeconds,
    target,
    results,
    /** Not the target runs: realistic cache hit rates (many people, classes and queries). */
    mixed,
    meetsTarget:
      results
        .filter((x) => x.name !== 'home')
        .every((x) => x.real.p99Ms < target.searchP99Ms && x.real.errors === 0) &&
      results
        .filter((x) => x.name === 'home')
        .every((x) => x.ratio >= target.homeRatio && x.real.errors === 0),
  });
}
