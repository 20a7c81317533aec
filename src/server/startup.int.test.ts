import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 22: several processes started at the same moment on a fresh PostgreSQL database (as an orchestrator
 * does) must all come up — the start-up work (migrations, pg-boss's schema, the instance secret, the demo seed)
 * runs in one process at a time behind an advisory lock, and the others find it done.
 */
const base = process.env.TEST_DATABASE_URL;
const ROUNDS = Number(process.env.STARTUP_TEST_ROUNDS ?? 10);
const PROCESSES = 4;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const journal = JSON.parse(fs.readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};

type Proc = { child: ChildProcess; port: number; output: () => string };
const started: Proc[] = [];
const databases: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = base as string): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `amongi_start_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  databases.push(name);
  const url = new URL(base as string);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The real server, src/server/main.ts, bundled once with esbuild (packages stay outside): 44 processes through tsx
 * would spend most of the test compiling the same files. The bundle sits three folders below a folder that links
 * drizzle/ and node_modules/, so the paths main.ts finds from its own place (the migrations) hold as in src/server/db.
 */
let bundleRoot = '';
let bundle = '';
function buildServer() {
  bundleRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-startup-bundle-'));
  bundle = path.join(bundleRoot, 'src/server/db/main.mjs');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(bundleRoot, 'node_modules'));
  fs.symlinkSync(path.join(root, 'drizzle'), path.join(bundleRoot, 'drizzle'));
  const esbuild = path.join(root, 'node_modules/.bin/esbuild');
  execFileSync(
    esbuild,
    ['src/server/main.ts', '--bundle', '--platform=node', '--format=esm'].concat([
      '--packages=external',
      `--outfile=${bundle}`,
      '--log-level=warning',
    ]),
    { cwd: root },
  );
}

/**
 * A port nobody listens on now, chosen by the system. (A counted range from 3700 once ran into RabbitMQ's 5672 on
 * the CI machine: the process failed with EADDRINUSE, which is not what this test is about.)
 */
const handedOut = new Set<number>();
async function freePort(): Promise<number> {
  for (;;) {
    const port = await systemPort();
    // A process handed a port may not listen yet: never hand the same one out twice.
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One server process (`node main.mjs --services=…`), as production starts it. */
async function startProcess(databaseUrl: string, dataDir: string, services: string): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [bundle, `--services=${services}`], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: '1',
      DEMO_CONTENT: '0',
      SESSION_SECRET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const proc = { child, port, output: () => out };
  started.push(proc);
  return proc;
}

/** Resolves once GET /healthz answers 200; rejects with the process's output when it exits first. */
async function ready(p: Proc, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`process exited ${p.child.exitCode}:\n${p.output()}`);
    const ok = await fetch(`http://127.0.0.1:${p.port}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
      async (r) => {
        last = `${r.status} ${await r.text()}`;
        return r.status === 200;
      },
      (err: Error) => {
        last = `${err.name}: ${err.message} ${String((err.cause as Error | undefined)?.message ?? '')}`;
        return false;
      },
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms (last /healthz: ${last}):\n${p.output()}`);
}

async function stop(p: Proc) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGKILL'); // start-up is under test here, not shutting down
  await exited;
}

/** Four processes at once (two web+worker, two web-only); every one must answer /healthz. */
async function startTogether(databaseUrl: string, dataDir: string) {
  const procs: Proc[] = [];
  for (let i = 0; i < PROCESSES; i++)
    procs.push(await startProcess(databaseUrl, dataDir, i % 2 ? 'web' : 'web,worker'));
  const results = await Promise.allSettled(procs.map((p) => ready(p)));
  return { procs, failures: results.filter((r) => r.status === 'rejected').map((r) => String(r.reason)) };
}

async function counts(databaseUrl: string) {
  return admin(async (c) => {
    const q = async (text: string) => Number((await c.query(text)).rows[0].n);
    return {
      migrations: await q('select count(*) as n from drizzle.__drizzle_migrations'),
      users: await q('select count(*) as n from users'),
      kommuner: await q('select count(*) as n from kommuner'),
      secrets: await q(`select count(*) as n from instance_settings where key = 'secret'`),
      queues: await q('select count(*) as n from pgboss.queue'),
    };
  }, databaseUrl);
}

const expected = { migrations: journal.entries.length, secrets: 1 };
/** What one process alone leaves in a fresh database (measured in the first test). */
let reference: Awaited<ReturnType<typeof counts>> | undefined;

describe.skipIf(!base)(
  'processes starting at once on one PostgreSQL database (skipped on PGlite: one process per data dir, held by a lock file)',
  () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-startup-'));
    beforeAll(buildServer);
    afterAll(async () => {
      await Promise.all(started.map(stop));
      for (const name of databases)
        await admin((c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(bundleRoot, { recursive: true, force: true });
    });

    it('four processes at once while an old one is serving: all ready, nothing done twice', async () => {
      const url = await freshDatabase();
      const old = await startProcess(url, dataDir, 'web,worker');
      await ready(old);
      const before = await counts(url);
      const { procs, failures } = await startTogether(url, dataDir);
      expect(failures).toEqual([]);
      // The old process still answers and nothing was migrated or seeded again.
      expect((await fetch(`http://127.0.0.1:${old.port}/healthz`)).status).toBe(200);
      expect(await counts(url)).toEqual(before);
      expect(before).toMatchObject(expected);
      reference = before;
      await Promise.all([old, ...procs].map(stop));
    }, 180_000);

    it(`${ROUNDS} rounds of ${PROCESSES} processes on a fresh database: all ready, migrations and seed once`, async () => {
      const seen: Awaited<ReturnType<typeof counts>>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const url = await freshDatabase();
        const { procs, failures } = await startTogether(url, dataDir);
        expect(failures, `round ${round + 1}`).toEqual([]);
        seen.push(await counts(url));
        await Promise.all(procs.map(stop));
      }
      // Each round ends as one process alone leaves a fresh database: migrations, secret, seed, queues once.
      for (const c of seen) expect(c).toEqual(reference);
    }, 600_000);
  },
);
