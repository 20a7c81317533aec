/**
 * Memory (issue 21 item 2): the resident memory (VmRSS) of the server process as `npm start` runs it, with the demo
 * data and the demo catalogue, on a fresh data dir — peak during the start (VmHWM, from start to idle), idle once
 * the demo videos are ready, during a load of searches, /me and /home by several people, and idle after it —
 * per database, with a bare Fastify server (bench/bare-server.ts) measured in the same run as the floor.
 *
 * The demo media come from DEMO_CACHE_DIR (default: the server's node_modules/.cache/amongi-demo); with an empty
 * cache they are made by ffmpeg first, which only adds time. BENCH_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/postgres) is where a fresh PostgreSQL database is made; BENCH_MEMORY_DBS
 * (`pglite,postgresql`) picks the databases; BENCH_SECONDS (10) the load per route; BENCH_SERVER_ROOT another
 * checkout (before/after).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  freshPostgres,
  type LoadResult,
  loadAvg,
  loadRotating,
  round,
  rssMiB,
  sampleRss,
  serverRoot,
  signIn,
  startNode,
  writeResult,
} from './lib.js';

const TARGET = { idleMiB: 300, peakMiB: 500 };
const PEOPLE = ['leder@demo.amongi.dk', 'medarbejder@demo.amongi.dk', 'forvaltning@demo.amongi.dk'];
const ROUTES = [
  '/api/v1/me',
  '/api/v1/home',
  '/api/v1/videos?q=matematik',
  '/api/v1/videos?q=dialog',
  '/api/v1/videos',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const peakMiB = (pid: number) => {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? round(Number(m[1]) / 1024, 1) : Number.NaN;
};
/** utime + stime in seconds (clock ticks are 100 a second on Linux). */
const cpuOf = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return round((Number(f[11]) + Number(f[12])) / 100, 1);
};

/**
 * How the server runs: `bundle` as `npm start` runs it (node dist/server/bundle/main.mjs, made by build-server.ts
 * first), `tsx` as it ran before (node --import tsx src/server/main.ts; the only way for a checkout without
 * build-server.ts). BENCH_MEMORY_WAYS (`bundle`, or `tsx` where there is no bundling) picks; `bundle,tsx` runs both.
 */
type Way = 'bundle' | 'tsx';
const canBundle = fs.existsSync(path.join(serverRoot, 'src/server/cli/build-server.ts'));

async function startServerAs(
  way: Way,
  env: Record<string, string>,
  ready: (out: string) => boolean,
): Promise<ChildProcess> {
  if (way === 'tsx') return startNode(['src/server/main.ts'], env, ready, serverRoot);
  const built = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./src/server/cli/build-server.ts').then((m) => m.buildServerBundle('.') || process.exit(1))",
    ],
    { cwd: serverRoot, stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('the server bundle could not be built');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/server/bundle/main.mjs'], {
      cwd: serverRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let started = false;
    const onData = (d: Buffer) => {
      if (started) return;
      out += d;
      if (ready(out)) {
        started = true;
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      if (!started) reject(new Error(`the server exited ${code}: ${out.slice(-3000)}`));
    });
  });
}

/** RSS once it has settled: the lowest of the samples over `ms` after a pause (what an idle server holds). */
async function idleMiB(pid: number, ms = 5000) {
  const s = sampleRss(pid, 250);
  await sleep(ms);
  return round(s.stop().minMiB, 1);
}

/** Resolves when the log says every demo video is ready (or after `ms`, with false). */
function demoReady(child: ChildProcess, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(false), ms);
    const on = (d: Buffer) => {
      out += d;
      if (/demovideoer er klar/.test(out)) {
        clearTimeout(timer);
        resolve(true);
      }
      if (out.length > 100_000) out = out.slice(-1000);
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
  });
}

async function bare() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-bare-'));
  const bodies = path.join(tmp, 'bodies.json');
  // One route per path (the bare server routes by path; the query strings only vary the real server's work).
  const paths = [...new Set(ROUTES.map((r) => r.split('?')[0]))];
  fs.writeFileSync(bodies, JSON.stringify(Object.fromEntries(paths.map((p) => [p, '{"ok":true}']))));
  const port = await freePort();
  const child = await startNode(['bench/bare-server.ts', bodies, String(port)], {}, (o) =>
    o.includes('ready'),
  );
  try {
    const pid = child.pid as number;
    const idle = await idleMiB(pid);
    let i = 0;
    const loadRun = await loadRotating(`http://127.0.0.1:${port}`, {
      connections: 10,
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
      next: () => ({ path: ROUTES[i++ % ROUTES.length] }),
    });
    const afterLoad = await idleMiB(pid);
    return { idleMiB: idle, peakMiB: peakMiB(pid), afterLoadMiB: afterLoad, load: loadRun };
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function real(database: 'pglite' | 'postgresql', way: Way) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-memory-'));
  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const fresh = database === 'postgresql' ? await freshPostgres(pgUrl, 'memory') : undefined;
  const port = await freePort();
  const spawned = Date.now();
  let child: ChildProcess | undefined;
  try {
    let ready: Promise<boolean> | undefined;
    child = await startServerAs(
      way,
      {
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATABASE_URL: fresh?.url ?? '',
        DEMO: '1',
        DEMO_CONTENT: '1',
        HEAVY_MAX_CONCURRENT: '100',
        HEAVY_MAX_PER_MINUTE: '100000000',
      },
      (o) => {
        if (/demovideoer er klar/.test(o)) ready = Promise.resolve(true);
        return o.includes('Amongi kører');
      },
    );
    const pid = child.pid as number;
    const listenSeconds = round((Date.now() - spawned) / 1000, 1);
    const rssAtListen = rssMiB(pid);
    const allReady = await (ready ?? demoReady(child, 600_000));
    const demoSeconds = round((Date.now() - spawned) / 1000, 1);
    const idle = await idleMiB(pid);
    const peakStart = peakMiB(pid);
    const cookies = await Promise.all(
      PEOPLE.map(async (p) => (await signIn(`http://127.0.0.1:${port}`, p)).cookie),
    );
    const during = sampleRss(pid, 250);
    const cpuBefore = cpuOf(pid);
    let i = 0;
    const loadRun: LoadResult = await loadRotating(`http://127.0.0.1:${port}`, {
      connections: 10,
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
      next: () => {
        const n = i++;
        return { path: ROUTES[n % ROUTES.length], cookie: cookies[n % cookies.length] };
      },
    });
    const load = during.stop();
    const cpuLoad = cpuOf(pid) - cpuBefore;
    await sleep(5000);
    const afterLoad = await idleMiB(pid);
    const requests = loadRun.reqPerSec * Number(process.env.BENCH_SECONDS ?? 10);
    return {
      database,
      way,
      listenSeconds,
      demoReadySeconds: allReady ? demoSeconds : null,
      rssAtListenMiB: rssAtListen === null ? null : round(rssAtListen, 1),
      peakStartMiB: peakStart,
      idleMiB: idle,
      duringLoadPeakMiB: round(load.peakMiB, 1),
      afterLoadMiB: afterLoad,
      peakMiB: peakMiB(pid),
      cpuSecondsTotal: cpuOf(pid),
      load: { ...loadRun, cpuMsPerRequest: requests ? round((cpuLoad * 1000) / requests, 2) : null },
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await fresh?.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function memoryBench() {
  const loadBefore = loadAvg();
  const dbs = (process.env.BENCH_MEMORY_DBS ?? 'pglite,postgresql').split(',') as ('pglite' | 'postgresql')[];
  const floor = await bare();
  console.log(
    `bare Fastify: idle ${floor.idleMiB} MiB, after load ${floor.afterLoadMiB} MiB, peak ${floor.peakMiB}`,
  );
  const ways = (process.env.BENCH_MEMORY_WAYS ?? (canBundle ? 'bundle' : 'tsx')).split(',') as Way[];
  const runs = [];
  for (const db of dbs)
    for (const way of ways) {
      const r = await real(db, way);
      runs.push(r);
      console.log(
        `${db} (${way}): listening after ${r.listenSeconds} s, demo ready ${r.demoReadySeconds} s; RSS peak at start ${r.peakStartMiB} MiB, idle ${r.idleMiB}, under load ≤ ${r.duringLoadPeakMiB}, after load ${r.afterLoadMiB}, peak ${r.peakMiB} (target idle < ${TARGET.idleMiB}, peak < ${TARGET.peakMiB}); load ${round(r.load.reqPerSec, 0)} req/s p99 ${r.load.p99Ms} ms, ${r.load.errors} errors`,
      );
    }
  await writeResult('memory', loadBefore, { target: TARGET, bare: floor, runs });
}
