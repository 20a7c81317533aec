import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type TestApp } from '../../testing/harness.js';
import { signIn, tusUpload } from '../../testing/upload.js';
import { makeVideo } from '../../testing/videos.js';

/*
 * Faults in the pipeline, with the real server in its own process: killed in the middle of a transcode, and
 * (on PostgreSQL) the database going away for a while. Each time the video must still become ready, with
 * exactly the files its playlists name and no work folders left behind.
 */
let dir: string;
let source: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-faults-'));
  // Long enough (camera-like noise at 720p) that the transcode is still running when we pull the plug.
  source = await makeVideo(dir, { name: 'lang', seconds: 24, width: 1280, height: 720, noise: true });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(300);
  }
}

/** The files under the video's folder must be exactly those its playlists name, plus poster and thumbnails. */
function checkFiles(mediaDir: string, id: string) {
  const root = path.join(mediaDir, 'videos', id);
  const onDisk = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
  const master = fs.readFileSync(path.join(root, 'hls/master.m3u8'), 'utf8');
  const expected = ['hls/master.m3u8', 'poster.jpg', 'sprite.jpg', 'thumbnails.vtt'];
  for (const rung of master.split('\n').filter((l) => l.endsWith('.m3u8'))) {
    expected.push(`hls/${rung}`);
    const folder = path.dirname(rung);
    for (const seg of fs
      .readFileSync(path.join(root, 'hls', rung), 'utf8')
      .split('\n')
      .filter((l) => l.endsWith('.ts')))
      expected.push(`hls/${folder}/${seg}`);
  }
  expect(onDisk).toEqual(expected.sort());
}

describe('the process is killed in the middle of a transcode', () => {
  let server: ChildProcess | undefined;
  let dbUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const dataDir = () => path.join(dir, 'data');
  // Below 3659, which fetch refuses as a "bad port" (it made this test fail now and then).
  const port = 3400 + Math.floor(Math.random() * 250);
  const base = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      const db = await createTestDatabase();
      await db.database.close();
      dbUrl = db.url;
      dropDb = db.drop;
    }
  });
  afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, 'SIGKILL');
    await dropDb?.();
  });

  function start(): Promise<ChildProcess> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: {
          ...process.env,
          DATA_DIR: dataDir(),
          PORT: String(port),
          HOST: '127.0.0.1',
          DEMO: '1',
          DEMO_CONTENT: '0', // the demo accounts, not the demo catalogue: its videos would queue up ahead
          LOG_LEVEL: 'warn',
          DATABASE_URL: dbUrl ?? '',
          VIDEO_LEASE_SECONDS: '4',
        },
        detached: true, // its own process group: killing the group takes ffmpeg with it, like a crash would
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
        if (out.includes('Amongi kører')) resolve(child);
      });
      child.stderr?.on('data', (d) => (out += d));
      child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
  }

  it('after a restart the job runs again and the video becomes ready, with no duplicate or orphaned files', async () => {
    server = await start();
    const auth = await signIn(base, 'medarbejder@demo.amongi.dk', 'demo1234');
    const get = async (id: string) =>
      (await (await fetch(`${base}/api/v1/videos/${id}`, { headers: { cookie: auth.cookie } })).json()) as {
        status: string;
        progress: number | null;
      };
    const { videoId } = await tusUpload(base, auth, source);
    await poll(
      'the transcode to be under way',
      async () => {
        const v = await get(videoId);
        return v.status === 'processing' && (v.progress ?? 0) >= 10 ? v : undefined;
      },
      60_000,
    );
    const ffmpegRunning = fs.readdirSync(path.join(dataDir(), 'tmp')).some((n) => n.startsWith('transcode-'));
    expect(ffmpegRunning).toBe(true);

    process.kill(-(server.pid as number), 'SIGKILL');
    await new Promise((r) => server?.once('exit', r));
    server = await start();
    const auth2 = await signIn(base, 'medarbejder@demo.amongi.dk', 'demo1234');
    const done = await poll(
      'the video to be ready',
      async () => {
        const v = (await (
          await fetch(`${base}/api/v1/videos/${videoId}`, { headers: { cookie: auth2.cookie } })
        ).json()) as {
          status: string;
          renditions: unknown;
        };
        if (v.status === 'failed') throw new Error('failed');
        return v.status === 'ready' && !v.renditions ? v : undefined;
      },
      180_000,
    );
    expect(done.status).toBe('ready');
    checkFiles(path.join(dataDir(), 'media'), videoId);
    // The dead attempt's work folder goes at the next sweep after its lease ran out.
    const leftovers = () =>
      fs.readdirSync(path.join(dataDir(), 'tmp')).filter((n) => n.startsWith('transcode-'));
    await poll(
      'the work folders to be cleaned',
      async () => (leftovers().length === 0 ? true : undefined),
      20_000,
    );
    expect(leftovers()).toEqual([]);
  }, 300_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('the database goes away during a job (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ VIDEO_LEASE_SECONDS: '3' }, { pipeline: { sweepSeconds: 1 } });
  });
  afterAll(() => t?.close());

  it('the job is retried, not lost', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const c = await t.as('medarbejder');
    const { videoId } = await tusUpload(base, c, source);
    const get = async () => (await c.get(`/api/v1/videos/${videoId}`)).json();
    await poll(
      'the transcode',
      async () => {
        const v = await get();
        return v.status === 'processing' && v.progress >= 5 ? true : undefined;
      },
      60_000,
    );

    // Close the database to this app for a few seconds and cut its open connections.
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const current = (await t.ctx.database.executeSql('select current_database() as n')).rows[0] as {
      n: string;
    };
    await admin.query(`alter database ${current.n} with allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
      current.n,
    ]);
    await sleep(5000);
    await admin.query(`alter database ${current.n} with allow_connections true`);
    await admin.end();

    const v = await poll(
      'the video to be ready',
      async () => {
        const x = await get();
        if (x.status === 'failed') throw new Error('failed');
        return x.status === 'ready' && !x.renditions ? x : undefined;
      },
      180_000,
    );
    expect(v.status).toBe('ready');
    checkFiles(path.join(t.ctx.config.dataDir, 'media'), videoId);
  }, 300_000);
});
