/**
 * npm run bench — measures real API routes against a bare Fastify route returning the same bytes, in one run,
 * on this machine, and writes the throughput ratio and p99 latency to bench/results/.
 * Each server runs in its own process; autocannon runs here. 20 connections, 10 s per target after a warm-up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const CONNECTIONS = 20;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const REAL_PORT = 3190;
const BARE_PORT = 3191;
const ROUTES = ['/api/v1/me', '/api/v1/institutions', '/api/v1/people?limit=20'];
const TARGET = { ratio: 0.5, p99Ms: 25 };

function start(
  args: string[],
  env: Record<string, string>,
  ready: (out: string) => boolean,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (ready(out)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/v1/auth/csrf`);
  const csrfCookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrfCookie, 'x-csrf-token': token },
    body: JSON.stringify({ email: 'leder@demo.amongi.dk', password: 'demo1234' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const session = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  return `${csrfCookie}; ${session}`;
}

function load(url: string, cookie?: string) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: DURATION, headers: cookie ? { cookie } : {} },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-'));
  const real = await start(
    ['src/server/main.ts'],
    {
      DATA_DIR: dataDir,
      PORT: String(REAL_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      DEMO: '1',
    },
    (o) => o.includes('Amongi kører'),
  );
  const base = `http://127.0.0.1:${REAL_PORT}`;
  const cookie = await signIn(base);
  const bodies: Record<string, string> = {};
  for (const r of ROUTES) {
    const res = await fetch(`${base}${r}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${r}: ${res.status}`);
    bodies[r] = await res.text();
  }
  const bodiesFile = path.join(dataDir, 'bodies.json');
  fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
  const bare = await start(['bench/bare-server.ts', bodiesFile, String(BARE_PORT)], {}, (o) =>
    o.includes('ready'),
  );

  const results = [];
  try {
    for (const r of ROUTES) {
      await load(`${base}${r}`, cookie); // warm-up (JIT, caches), not recorded
      const realRun = await load(`${base}${r}`, cookie);
      const bareRun = await load(`http://127.0.0.1:${BARE_PORT}${r}`);
      const row = {
        route: r,
        bytes: Buffer.byteLength(bodies[r]),
        real: {
          reqPerSec: realRun.requests.average,
          p99Ms: realRun.latency.p99,
          errors: realRun.errors + realRun.non2xx,
        },
        bare: { reqPerSec: bareRun.requests.average, p99Ms: bareRun.latency.p99 },
        ratio: Number((realRun.requests.average / bareRun.requests.average).toFixed(3)),
      };
      results.push({ ...row, meetsTarget: row.ratio >= TARGET.ratio && row.real.p99Ms < TARGET.p99Ms });
      console.log(
        `${r}: ${row.real.reqPerSec.toFixed(0)} req/s (p99 ${row.real.p99Ms} ms) vs bare ${row.bare.reqPerSec.toFixed(0)} req/s (p99 ${row.bare.p99Ms} ms) → ratio ${row.ratio}`,
      );
    }
  } finally {
    real.kill('SIGTERM');
    bare.kill('SIGTERM');
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    database: process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite',
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    target: TARGET,
    results,
  };
  const outDir = path.resolve('bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${report.date.slice(0, 10)}-api-${report.database}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
