import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Real server processes for tests that need more than one OS process (src/server/main.ts, as production starts
 * it). The same approach as startup.int.test.ts: main.ts bundled once with esbuild (packages stay outside), so
 * each start costs no TypeScript compiling.
 */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export type ServerBundle = { file: string; remove: () => void };

/**
 * Bundles main.ts into a temporary folder. The bundle sits three folders below a folder that links drizzle/ and
 * node_modules/, so the paths main.ts finds from its own place (the migrations) hold as in src/server/db.
 */
export function bundleServer(): ServerBundle {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-server-bundle-'));
  const file = path.join(dir, 'src/server/db/main.mjs');
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(root, 'drizzle'), path.join(dir, 'drizzle'));
  execFileSync(
    path.join(root, 'node_modules/.bin/esbuild'),
    ['src/server/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external'].concat([
      `--outfile=${file}`,
      '--log-level=warning',
    ]),
    { cwd: root },
  );
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A port nobody listens on now, chosen by the system (never a fixed one: CI machines run other services). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type ServerProcess = { child: ChildProcess; port: number; base: string; output: () => string };

/** Starts `node <bundle> --services=…` on a free port; wait for it with `serverReady`. */
export async function startServerProcess(
  bundle: ServerBundle,
  opts: { services: string; env: Record<string, string> },
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bundle.file, `--services=${opts.services}`], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => out };
}

/** Resolves once GET /healthz answers 200; rejects with the process's output when it exits first. */
export async function serverReady(p: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`process exited ${p.child.exitCode}:\n${p.output()}`);
    const ok = await fetch(`${p.base}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${p.output()}`);
}

/** Stops a process (SIGTERM, as an orchestrator does; SIGKILL when it does not exit within 5 s). */
export async function stopServerProcess(p: ServerProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
