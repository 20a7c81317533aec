/**
 * Worker-only start (issue 14): how long `--services=worker` takes to come up and how much memory it holds then,
 * on an already migrated PostgreSQL database — as an orchestrator restarts a worker. Two ways to run the server:
 * `node --import tsx src/server/main.ts` (what `npm start` does; TypeScript compiled at start) and one esbuild
 * bundle (as startup.int.test.ts runs it: the cost of the code itself).
 *
 * The moment "started" is the worker's keep-alive (`setInterval(() => {}, 2 ** 30)` in main.ts, the last step of a
 * worker-only start in every version): a preload sees that call and prints the process's uptime, memory and peak
 * RSS, then the benchmark stops the process with SIGTERM. BENCH_SERVER_ROOT=<worktree> measures another checkout
 * (lib.ts); BENCH_WORKER_RUNS (3) starts per way after one warm-up start (migrations, pg-boss's schema);
 * BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres) is where a fresh database is created and dropped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadAvg, round, serverRoot, serverSource, writeResult } from './lib.js';

const KEEP_ALIVE_MS = 2 ** 30;

/** Prints what the worker holds at the keep-alive, once. Plain JS: loaded with --import before main.ts. */
const PRELOAD = `
import fs from 'node:fs';
const setIntervalBefore = globalThis.setInterval;
let reported = false;
globalThis.setInterval = function (fn, ms, ...rest) {
  if (ms === ${KEEP_ALIVE_MS} && !reported) {
    reported = true;
    const m = process.memoryUsage();
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    process.stdout.write('WORKER_STARTED ' + JSON.stringify({
      uptimeMs: process.uptime() * 1000, rss: m.rss, heapUsed: m.heapUsed, peakRssKiB: Number(hwm?.[1] ?? 0),
    }) + '\\n');
  }
  return setIntervalBefore.call(this, fn, ms, ...rest);
};
`;

type Start = {
  way: string;
  startMs: number;
  wallMs: number;
  rssMiB: number;
  heapUsedMiB: number;
  peakRssMiB: number;
};

async function admin(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** main.ts of `serverRoot` as one file, three folders below links to its drizzle/ and node_modules/. */
function bundle(dir: string): string {
  const file = path.join(dir, 'src/server/db/main.mjs');
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(serverRoot, 'node_modules'), path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(serverRoot, 'drizzle'), path.join(dir, 'drizzle'));
  execFileSync(
    path.join(serverRoot, 'node_modules/.bin/esbuild'),
    ['src/server/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external'].concat([
      `--outfile=${file}`,
      '--log-level=warning',
    ]),
    { cwd: serverRoot },
  );
  return file;
}

/** One worker-only start; resolves with what the preload printed, after the process has exited again. */
function startOnce(way: string, args: string[], env: Record<string, string>): Promise<Start> {
  return new Promise((resolve, reject) => {
    const spawned = Date.now();
    const child = spawn(process.execPath, [...args, '--services=worker'], {
      cwd: serverRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let start: Start | undefined;
    const kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /WORKER_STARTED (.*)\n/.exec(out);
      if (!m || start) return;
      const r = JSON.parse(m[1]) as { uptimeMs: number; rss: number; heapUsed: number; peakRssKiB: number };
      start = {
        way,
        startMs: Math.round(r.uptimeMs),
        wallMs: Date.now() - spawned,
        rssMiB: round(r.rss / 2 ** 20, 1),
        heapUsedMiB: round(r.heapUsed / 2 ** 20, 1),
        peakRssMiB: round(r.peakRssKiB / 1024, 1),
      };
      child.kill('SIGTERM'); // main.ts shuts down as in production
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) => {
      clearTimeout(kill);
      if (start) resolve(start);
      else reject(new Error(`worker exited ${code} before it started:\n${out.slice(-3000)}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function workerStartBench() {
  const runs = Number(process.env.BENCH_WORKER_RUNS ?? 3);
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const loadBefore = loadAvg();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-worker-start-'));
  const name = `amongi_bench_worker_${randomBytes(5).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  await admin(base, `create database ${name}`);
  try {
    const preload = path.join(tmp, 'report-start.mjs');
    fs.writeFileSync(preload, PRELOAD);
    const bundled = bundle(path.join(tmp, 'bundle'));
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    const env = {
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      DEMO: '0',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: '',
      AMONGI_REPORT_START: '0',
    };
    const ways: Record<string, string[]> = {
      tsx: ['--import', 'tsx', '--import', preload, 'src/server/main.ts'],
      bundle: ['--import', preload, bundled],
    };
    await startOnce('warm-up', ways.tsx, env); // migrations, the instance secret, pg-boss's schema
    const starts: Start[] = [];
    for (let i = 0; i < runs; i++)
      for (const [way, args] of Object.entries(ways)) {
        const s = await startOnce(way, args, env);
        starts.push(s);
        console.log(
          `${way}: start ${s.startMs} ms (wall ${s.wallMs} ms), RSS ${s.rssMiB} MiB, heap ${s.heapUsedMiB} MiB, peak RSS ${s.peakRssMiB} MiB`,
        );
      }
    const medians = Object.fromEntries(
      Object.keys(ways).map((way) => {
        const of = starts.filter((s) => s.way === way);
        return [
          way,
          {
            startMs: median(of.map((s) => s.startMs)),
            rssMiB: median(of.map((s) => s.rssMiB)),
            heapUsedMiB: median(of.map((s) => s.heapUsedMiB)),
            peakRssMiB: median(of.map((s) => s.peakRssMiB)),
          },
        ];
      }),
    );
    const source = await serverSource();
    console.log(`medians (${source.commit}): ${JSON.stringify(medians)}`);
    await writeResult('worker-start', loadBefore, { database: 'postgresql', runs, starts, medians });
  } finally {
    await admin(base, `drop database if exists ${name} with (force)`).catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
