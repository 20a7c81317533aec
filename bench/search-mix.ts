/**
 * Search throughput (issue 21 item 5): a mixed search workload — hundreds of distinct queries (texts × facet
 * choices × sorts) from people of dozens of visibility classes — over the catalogue bench's 10,000 videos, at
 * 20 connections, in one run:
 *
 * 1. the direct-SQL floor: the statements one search ran before the search memory (the page, the facet counts
 *    over every visible match, the page's cards) over each person's scope, straight on the database from this
 *    process, 20 at a time, for the same rotation;
 * 2. the API with the search memory (the default);
 * 3. the API with it off (AMONGI_SEARCH_MEMORY=0: every search is those statements; no cache at all).
 *
 * Each with req/s, p50/p99 and CPU per request (the app process, and on PostgreSQL its database backends).
 * BENCH_DATABASE_URL=postgres://… runs on PostgreSQL (a fresh database, or BENCH_SEARCH_DATABASE_URL: one the
 * catalogue data is already in, used as it is); PGlite otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { actorOf } from '../src/server/auth/session.js';
import { type Db, openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/demo/index.js';
import { personDetail } from '../src/server/modules/people/index.js';
import * as repo from '../src/server/modules/search/repo.js';
import { videoSummaries } from '../src/server/modules/search/summary.js';
import type { Actor } from '../src/server/policy/index.js';
import { classActor, searchableVideos } from '../src/server/policy/sql-search.js';
import { AGE_BANDS, PILLARS } from '../src/shared/catalogue.js';
import { generateCatalogue } from './catalogue-data.js';
import {
  freshPostgres,
  type LoadResult,
  loadAvg,
  loadRotating,
  percentile,
  round,
  signIn,
  startServer,
  writeResult,
} from './lib.js';

const CONNECTIONS = 20;
const PORT = 3472;
const PEOPLE = 120;
const DEMO = [
  'administrator',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'redaktoer',
  'medarbejder2',
  'leder2',
];
const TEXTS = [
  'lærerne',
  'pædagogerne',
  'eleverne',
  'børnene',
  'teamet',
  'vejlederen',
  'klassen',
  'de unge',
  'læsning',
  'brøker',
  'skriveprocesser',
  'fysikforsøg',
  'kortlæsning',
  'samtaler',
  'leg',
  'makkerpar',
  'feedbackrunder',
  'læringsmål',
  'små grupper',
  'naturen',
  'exit tickets',
  'rollefordeling',
  'refleksion',
  'lærerne feedback',
  'brøker OR læsning',
  '"fælles prøvehandling"',
  'elever -naturen',
  'stilladserer',
  'evaluerer læsning',
  'overgangen rolig',
  'strategier',
  'kolleger observation',
];

/** CPU time (user + system) of a process in ms, from /proc (10 ms ticks). */
function cpuMs(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return 0;
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
async function backendPids(url: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const res = await c.query(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  await c.end();
  return res.rows.map((r: { pid: number }) => r.pid);
}

type Query = { q: string | null; filters: repo.SearchFilters; sort?: 'newest' | 'tried' };

/** Hundreds of distinct searches: every text × a facet choice × a sort, plus facet-only ones. */
function queries(subjects: string[], methods: string[]): Query[] {
  const none: repo.SearchFilters = { subject: [], ageBand: [], method: [], pillar: [] };
  const choices: repo.SearchFilters[] = [
    none,
    ...subjects.slice(0, 4).map((s) => ({ ...none, subject: [s] })),
    ...AGE_BANDS.slice(0, 3).map((a) => ({ ...none, ageBand: [a] })),
    ...methods.slice(0, 3).map((m) => ({ ...none, method: [m] })),
    ...PILLARS.slice(0, 2).map((p) => ({ ...none, pillar: [p] })),
    { ...none, subject: [subjects[1]], ageBand: [AGE_BANDS[2]] },
    { ...none, method: [methods[0]], pillar: [PILLARS[1]] },
  ];
  const out: Query[] = [];
  TEXTS.forEach((q, t) => {
    for (let k = 0; k < 9; k++) {
      const filters = choices[(t * 5 + k * 3) % choices.length];
      out.push({ q, filters, sort: k % 3 === 1 ? 'newest' : k % 3 === 2 ? 'tried' : undefined });
    }
  });
  for (const filters of choices)
    for (const sort of [undefined, 'tried'] as const) out.push({ q: null, filters, sort });
  return out;
}
const pathOf = (x: Query) => {
  const p = new URLSearchParams();
  if (x.q) p.set('q', x.q);
  for (const [k, vs] of Object.entries(x.filters)) for (const v of vs as string[]) p.append(k, v);
  if (x.sort) p.set('sort', x.sort);
  return `/api/v1/videos?${p}`;
};

/** The direct-SQL floor: each search's statements straight on the database, `CONNECTIONS` at a time. */
async function floor(db: Db, scopes: SQL[], mix: Query[], seconds: number, dbUrl: string | null) {
  const pids = dbUrl ? await backendPids(dbUrl) : [];
  const dbBefore = pids.reduce((s, p) => s + cpuMs(p), 0);
  const selfBefore = process.cpuUsage();
  const ms: number[] = [];
  let turn = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const i = turn++;
      const x = mix[i % mix.length];
      const scope = scopes[(i * 7) % scopes.length];
      const q = x.q && (await repo.hasLexemes(db, x.q)) ? x.q : null;
      const sort = x.sort ?? (q ? 'relevance' : 'newest');
      const t = performance.now();
      const done = Promise.all([
        repo.searchVideos(db, { scope, q, filters: x.filters, sort, limit: 25 }, (ids) =>
          videoSummaries(db, sql`true`, ids),
        ),
        repo.searchFacets(db, { scope, q, filters: x.filters }),
      ]);
      // PGlite's queue may refuse (server.busy) when 20 searches wait at once: counted, not timed.
      if (
        await done.then(
          () => true,
          () => false,
        )
      )
        ms.push(performance.now() - t);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const self = process.cpuUsage(selfBefore);
  const after = dbUrl ? await backendPids(dbUrl) : [];
  const dbCpu = after.reduce((s, p) => s + cpuMs(p), 0) - dbBefore;
  return {
    reqPerSec: round(ms.length / seconds, 1),
    p50Ms: round(percentile(ms, 50), 1),
    p99Ms: round(percentile(ms, 99), 1),
    cpuPerRequestMs: round((self.user + self.system) / 1000 / ms.length, 2),
    dbCpuPerRequestMs: dbUrl ? round(dbCpu / ms.length, 2) : null,
    errors,
  };
}

export async function searchMixBench() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const url = process.env.BENCH_DATABASE_URL ?? '';
  const prepared = process.env.BENCH_SEARCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-search-'));
  const fresh = !prepared && url ? await freshPostgres(url, 'search') : null;
  const dbUrl = prepared || fresh?.url || null;
  const open = () => openDatabase(dbUrl ? { url: dbUrl } : { dir: `${dataDir}/pglite` });
  const database = await open();
  if (!prepared) {
    await database.migrate();
    await seedDemo(database.db);
    console.log('generated', await generateCatalogue(database.db));
    await database.db.execute(sql`update users set password_hash =
      (select password_hash from users where email = 'medarbejder@demo.amongi.dk') where email like 'bench%@bench.amongi.dk'`);
  }
  const db = database.db;
  const terms = await db.execute(sql`select id::text as id, kind from taxonomy_terms order by label`);
  const termRows = ((terms as { rows?: unknown[] }).rows ?? terms) as { id: string; kind: string }[];
  const mix = queries(
    termRows.filter((t) => t.kind === 'subject').map((t) => t.id),
    termRows.filter((t) => t.kind === 'method').map((t) => t.id),
  );
  const emails = [
    ...DEMO.map((n) => `${n}@demo.amongi.dk`),
    ...Array.from({ length: PEOPLE }, (_, i) => `bench${i}@bench.amongi.dk`),
  ];
  const userRows = await db.execute(sql`select id::text as id, email from users`);
  const idOf = new Map(
    (((userRows as { rows?: unknown[] }).rows ?? userRows) as { id: string; email: string }[]).map((u) => [
      u.email,
      u.id,
    ]),
  );
  // One at a time: PGlite's queue refuses a burst of 128 (server.busy).
  const actors: Actor[] = [];
  for (const e of emails) {
    const person = await personDetail(db, idOf.get(e) as string);
    if (!person) throw new Error(`no ${e}`);
    actors.push(actorOf(person));
  }
  const classes = new Set(actors.map((a) => JSON.stringify([a.grants, a.teamIds])));
  // The scope the straight statements use: the class's plus the person's own finished videos.
  const scopes = actors.map((a) => sql`(${searchableVideos(classActor(a))} or ${repo.ownFinished(a.id)})`);
  console.log(`${mix.length} distinct searches, ${actors.length} people, ${classes.size} visibility classes`);
  const floorLoad = loadAvg();
  const direct = await floor(db, scopes, mix, seconds, dbUrl);
  console.log(`direct SQL: ${JSON.stringify(direct)}`);
  await database.close();

  const api = async (memory: boolean) => {
    process.env.AMONGI_SEARCH_MEMORY = memory ? '1' : '0';
    const server = await startServer(PORT, dbUrl ?? '', dataDir);
    try {
      const cookies: string[] = [];
      for (const e of emails) cookies.push((await signIn(server.base, e)).cookie);
      let turn = 0;
      const next = () => {
        turn++;
        return { path: pathOf(mix[turn % mix.length]), cookie: cookies[(turn * 7) % cookies.length] };
      };
      // BENCH_SEARCH_WARMUP seconds of the same mix first (0: none; a memory's first load and each class's and
      // text's first use are then outside the measured run).
      const warmup = Number(process.env.BENCH_SEARCH_WARMUP ?? 0);
      if (warmup > 0) await loadRotating(server.base, { connections: CONNECTIONS, seconds: warmup, next });
      const loadAverage = loadAvg();
      const cpuBefore = cpuMs(server.pid);
      const pids = dbUrl ? await backendPids(dbUrl) : [];
      const dbBefore = pids.reduce((s, p) => s + cpuMs(p), 0);
      const r: LoadResult = await loadRotating(server.base, { connections: CONNECTIONS, seconds, next });
      const requests = Math.max(1, r.reqPerSec * seconds);
      const dbAfter = dbUrl ? (await backendPids(dbUrl)).reduce((s, p) => s + cpuMs(p), 0) : 0;
      const cache = memory ? await (await fetch(`${server.base}/api/v1/search/cache-stats`)).json() : null;
      return {
        memory,
        loadAverage,
        ...r,
        cpuPerRequestMs: round((cpuMs(server.pid) - cpuBefore) / requests, 2),
        dbCpuPerRequestMs: dbUrl ? round((dbAfter - dbBefore) / requests, 2) : null,
        cache,
      };
    } finally {
      await server.stop(true);
    }
  };
  process.env.AMONGI_SEARCH_CACHE_STATS = '1';
  const withMemory = await api(true);
  console.log(`API, memory: ${JSON.stringify(withMemory)}`);
  const without = await api(false);
  console.log(`API, memory off: ${JSON.stringify(without)}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  await fresh?.drop();
  await writeResult(`search-mix-${dbUrl ? 'postgresql' : 'pglite'}`, loadBefore, {
    connections: CONNECTIONS,
    durationSeconds: seconds,
    warmupSeconds: Number(process.env.BENCH_SEARCH_WARMUP ?? 0),
    searches: mix.length,
    people: actors.length,
    visibilityClasses: classes.size,
    direct: { ...direct, loadAverage: floorLoad },
    api: [withMemory, without],
    ratioToDirect: round(withMemory.reqPerSec / direct.reqPerSec, 2),
    target: { reqPerSec: 150, p99Ms: 50, database: 'postgresql' },
  });
}
