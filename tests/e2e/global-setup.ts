import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSmtpSink } from '../../src/server/testing/smtp.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where the SMTP sink writes each e-mail it receives, as `<n>.json` (see readMails in browser.ts). */
    mailDir: string;
  }
}

async function waitForHealth(url: string, child: ChildProcess, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

/**
 * Starts the real server (built web app, fresh PGlite data dir, demo data) once for all e2e files, with its
 * e-mail going over SMTP to a real smtp-server on loopback that writes every mail into a folder.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-e2e-'));
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-e2e-mail-'));
  const sink = await startSmtpSink();
  // The tests run in other processes: every mail the sink keeps is also written to mailDir (whole files only).
  const push = sink.received.push.bind(sink.received);
  sink.received.push = (...mails) => {
    for (const m of mails) {
      const file = path.join(mailDir, `${String(sink.received.length).padStart(5, '0')}.json`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(m));
      fs.renameSync(`${file}.tmp`, file);
    }
    return push(...mails);
  };
  const port = Number(process.env.E2E_PORT ?? 3150);
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SMTP_URL: sink.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  try {
    await waitForHealth(baseUrl, child, 180_000);
  } catch (err) {
    child.kill();
    await sink.close();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await sink.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
}
