/** Helpers shared by the benchmarks: processes, the real server, sign-in, load, memory, machine facts, results. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { signIn as signInOverHttp } from '../src/server/testing/upload.js';

/**
 * The checkout whose server the benchmarks start: this one, or `BENCH_SERVER_ROOT` (another worktree, e.g. an
 * older commit for a before/after comparison: `git worktree add /tmp/before <commit>`, link its node_modules) while
 * the benchmark code, the bare servers and the results stay here.
 */
export const serverRoot = path.resolve(process.env.BENCH_SERVER_ROOT ?? '.');

/** Which code the server ran: its checkout and commit (written into every result). */
export async function serverSource() {
  const commit = await execFileP('git', ['-C', serverRoot, 'rev-parse', '--short', 'HEAD']).then(
    (out) => out.trim(),
    () => 'unknown',
  );
  return { root: serverRoot, commit };
}

/** Starts `node --import tsx <args>` (in `cwd`) and resolves once its output satisfies `ready`. */
export function startNode(
  args: string[],
  env: Record<string, string>,
  ready: (out: string) => boolean,
  cwd = process.cwd(),
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd,
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
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      if (!started) reject(new Error(`${args[0]} exited ${code}: ${out}`));
    });
  });
}

export interface RealServer {
  child: ChildProcess;
  pid: number;
  base: string;
  dataDir: string;
  /** Stops the server and waits for it to exit; removes the data dir unless `keep`. */
  stop(keep?: boolean): Promise<void>;
}

/**
 * The real server (`src/server/main.ts` of `serverRoot`) with the demo data, like production starts it: on a fresh
 * data dir, or on `dataDir` when a benchmark prepared one.
 */
export async function startServer(
  port: number,
  databaseUrl = '',
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-')),
): Promise<RealServer> {
  const child = await startNode(
    ['src/server/main.ts'],
    {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DEMO: '1',
      // The demo accounts, not the demo catalogue: its videos would be processed while we measure.
      DEMO_CONTENT: '0',
      // The benches measure what the server can do, with many connections of one person: no per-person limit.
      HEAVY_MAX_CONCURRENT: '100',
      HEAVY_MAX_PER_MINUTE: '100000000',
    },
    (o) => o.includes('Amongi kører'),
    serverRoot,
  ).catch((err: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    child,
    pid: child.pid as number,
    base: `http://127.0.0.1:${port}`,
    dataDir,
    async stop(keep = false) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const DEMO_PASSWORD = 'demo1234';

/** Signs in over HTTP; the cookie and CSRF headers a browser then sends (writes need both). */
/** Signs in as a demo account over HTTP; the cookie and CSRF headers a browser would send on writes. */
export const signIn = (base: string, email: string) => signInOverHttp(base, email, DEMO_PASSWORD);

export interface LoadResult {
  reqPerSec: number;
  /** Response body bytes per second, MB/s (10^6). */
  mbPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/**
 * autocannon keeps each response body as a string (`body += chunk`, decoding binary data as UTF-8): with
 * segments of a megabyte that decoding, not the server, caps a run near 50 MB/s. No body is checked here,
 * so the client drops them (for both sides of every comparison alike).
 */
const requestQueue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as {
  prototype: { addBody(data: Buffer): void };
};
requestQueue.prototype.addBody = () => {};

/** autocannon against one URL from this process. */
export function load(
  url: string,
  o: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: o.connections, duration: o.seconds, headers: o.headers ?? {} },
      (err, r) =>
        err
          ? reject(err)
          : resolve({
              reqPerSec: r.requests.average,
              mbPerSec: Number((r.throughput.average / 1e6).toFixed(1)),
              p50Ms: r.latency.p50,
              p99Ms: r.latency.p99,
              errors: r.errors + r.non2xx,
            }),
    );
  });
}

/**
 * autocannon over a rotating set of requests: each request takes the next path and the next person's
 * cookie from `next` (the same client work for the real server and the bare one).
 */
export function loadRotating(
  base: string,
  o: { connections: number; seconds: number; next: () => { path: string; cookie?: string } },
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: o.connections,
        duration: o.seconds,
        requests: [
          {
            setupRequest: (req) => {
              const n = o.next();
              return { ...req, path: n.path, headers: n.cookie ? { cookie: n.cookie } : {} };
            },
          },
        ],
      },
      (err, r) =>
        err
          ? reject(err)
          : resolve({
              reqPerSec: r.requests.average,
              mbPerSec: Number((r.throughput.average / 1e6).toFixed(1)),
              p50Ms: r.latency.p50,
              p99Ms: r.latency.p99,
              errors: r.errors + r.non2xx,
            }),
    );
  });
}

/** Resident memory of a process in MiB (VmRSS), or null once it is gone. */
export function rssMiB(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `ms`; stop() returns the peak, the lowest and the number of samples. */
export function sampleRss(pid: number, ms = 200) {
  const samples: number[] = [];
  const take = () => {
    const v = rssMiB(pid);
    if (v !== null) samples.push(v);
  };
  take();
  const timer = setInterval(take, ms);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMiB: Math.max(...samples), minMiB: Math.min(...samples), samples: samples.length };
    },
  };
}

export const execFileP = (file: string, args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${file} failed: ${err.message}\n${stderr.slice(-2000)}`)) : resolve(stdout),
    ),
  );

/** A port nobody listens on now, chosen by the system (fixed ports collide with other work on a shared machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
export const loadAvg = () => os.loadavg().map((n) => round(n));

/** The facts every result file starts with. */
export async function machine() {
  const ffmpeg = await execFileP('ffmpeg', ['-version']).then(
    (out) => out.split('\n')[0],
    () => 'not found',
  );
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    ffmpeg,
    kernel: os.release(),
  };
}

/** Writes bench/results/<date>-<name>.json with the machine, the date and the load average before/after. */
export async function writeResult(name: string, loadBefore: number[], body: Record<string, unknown>) {
  const date = new Date().toISOString();
  const report = {
    date,
    machine: await machine(),
    server: await serverSource(),
    loadAverage: { before: loadBefore, after: loadAvg() },
    ...body,
  };
  const outDir = path.resolve('bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  // A second run on the same day keeps the first: the later file gets the time (UTC) in its name.
  let file = path.join(outDir, `${date.slice(0, 10)}-${name}.json`);
  if (fs.existsSync(file))
    file = path.join(outDir, `${date.slice(0, 10)}-${name}-${date.slice(11, 16).replace(':', '')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `written to ${path.relative(process.cwd(), file)} (load ${loadBefore.join(' ')} → ${loadAvg().join(' ')})`,
  );
}

/** A new, empty PostgreSQL database beside the one at `url` for one bench run (`tag` names the bench). */
export async function freshPostgres(url: string, tag: string) {
  const name = `amongi_bench_${tag}_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`drop database if exists ${name}`);
  await run(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** The p-th percentile of `xs` (NaN for none). */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : Number.NaN;
};

/** Times `runs` sequential calls, rotating over `queries` (after a warm-up of 5): p50, p99, max in ms. */
export async function timeQueries(queries: (() => Promise<unknown>)[], runs: number) {
  for (let i = 0; i < 5; i++) await queries[i % queries.length]();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await queries[i % queries.length]();
    ms.push(performance.now() - t);
  }
  return {
    runs,
    p50Ms: round(percentile(ms, 50), 1),
    p99Ms: round(percentile(ms, 99), 1),
    maxMs: round(Math.max(...ms), 1),
    loadAverage: loadAvg(),
  };
}
