import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/index.js';
import { DEMO_PASSWORD } from './demo/index.js';
import { insertVideo } from './testing/catalogue.js';
import { demoIds } from './testing/fixtures.js';
import { createTestDatabase } from './testing/harness.js';
import { type RawAnswer, rawPatch } from './testing/raw-patch.js';
import {
  bundleServer,
  type ServerBundle,
  type ServerProcess,
  serverReady,
  startServerProcess,
  stopServerProcess,
} from './testing/server-process.js';
import { signIn } from './testing/upload.js';

const url = process.env.TEST_DATABASE_URL ?? '';
const onPostgres = /^postgres(ql)?:\/\//.test(url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;
const email = (account: string) => `${account}@demo.amongi.dk`;

type Headers = Record<string, string>;
/** One request of a signed-in browser (its cookie and CSRF headers) to one of the processes. */
async function call(base: string, headers: Headers, method: string, route: string, body?: unknown) {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/*
 * Two real server processes (src/server/main.ts, bundled) on one PostgreSQL database and one data dir, as
 * docs/operations.md scales Amongi: nothing may be right only inside one of them. cross-process.int.test.ts
 * does the same with two apps in one Node process; here they share no memory, no module state, no event loop.
 * PGlite is one process per data dir (a lock file): there is no second process, so this is skipped.
 */
describe.skipIf(!onPostgres)(
  'two server processes on one PostgreSQL database (skipped unless TEST_DATABASE_URL is a postgres:// URL: PGlite is one process)',
  () => {
    let bundle: ServerBundle;
    let database: Database;
    let drop: () => Promise<void>;
    let dataDir: string;
    let a: ServerProcess;
    let b: ServerProcess;
    let ids: Awaited<ReturnType<typeof demoIds>>;

    beforeAll(async () => {
      bundle = bundleServer();
      const created = await createTestDatabase();
      ({ database, drop } = created);
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-two-processes-'));
      const env = {
        DATABASE_URL: created.url as string,
        DATA_DIR: dataDir,
        DEMO: '1',
        DEMO_CONTENT: '0',
        SESSION_SECRET: '', // the instance secret in the database, shared by both
        HEAVY_MAX_CONCURRENT: '100',
        HEAVY_MAX_PER_MINUTE: '100000',
      };
      a = await startServerProcess(bundle, { services: 'web,worker', env });
      b = await startServerProcess(bundle, { services: 'web', env });
      await Promise.all([serverReady(a), serverReady(b)]);
      ids = await demoIds(database.db);
    }, 60_000);

    afterAll(async () => {
      await Promise.all([stopServerProcess(a), stopServerProcess(b)]);
      await drop?.();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      bundle?.remove();
    });

    it('runs A and B as two OS processes', () => {
      expect(a.child.pid).toBeTypeOf('number');
      expect(b.child.pid).not.toBe(a.child.pid);
      expect(a.port).not.toBe(b.port);
    });

    it('a video narrowed in A leaves search (and the home page) in B within a second', async () => {
      const videoId = await insertVideo(database.db, {
        ownerId: ids.user.medarbejder,
        institutionId: ids.institution.Solsikkeskolen,
        title: 'Tvaerprocesvideo om broeker',
      });
      const owner = await signIn(a.base, email('medarbejder'), DEMO_PASSWORD);
      const viewer = await signIn(b.base, email('leder'), DEMO_PASSWORD);
      const inSearch = async () => {
        const r = await call(b.base, viewer, 'GET', '/api/v1/videos?q=Tvaerprocesvideo');
        expect(r.status, r.text).toBe(200);
        return (JSON.parse(r.text) as { items: { id: string }[] }).items.some((i) => i.id === videoId);
      };
      const onHome = async () => (await call(b.base, viewer, 'GET', '/api/v1/home')).text.includes(videoId);
      // Visible in B first, and B has the answers cached now.
      expect(await inSearch()).toBe(true);
      expect(await onHome()).toBe(true);
      expect(await inSearch()).toBe(true);

      const narrowed = await call(a.base, owner, 'PATCH', `/api/v1/videos/${videoId}`, {
        visibility: 'private',
      });
      expect(narrowed.status, narrowed.text).toBe(200);
      const started = Date.now();
      while ((await inSearch()) && Date.now() - started < 1_000) await sleep(20);
      const took = Date.now() - started;
      expect(await inSearch()).toBe(false);
      expect(await onHome()).toBe(false);
      expect(took).toBeLessThan(1_000);
    });

    it('a session signed out in A is refused by B on the next request', async () => {
      const browser = await signIn(a.base, email('ressourceperson'), DEMO_PASSWORD);
      expect((await call(b.base, browser, 'GET', '/api/v1/me')).status).toBe(200); // cached in B now
      expect((await call(b.base, browser, 'GET', '/api/v1/me')).status).toBe(200);
      expect((await call(a.base, browser, 'POST', '/api/v1/auth/logout')).status).toBe(200);
      expect((await call(b.base, browser, 'GET', '/api/v1/me')).status).toBe(401);
    });

    it('a password changed in A ends the other sessions in B on the next request', async () => {
      const here = await signIn(a.base, email('medarbejder2'), DEMO_PASSWORD);
      const elsewhere = await signIn(b.base, email('medarbejder2'), DEMO_PASSWORD);
      expect((await call(b.base, elsewhere, 'GET', '/api/v1/me')).status).toBe(200);
      expect((await call(b.base, elsewhere, 'GET', '/api/v1/me')).status).toBe(200);
      const changed = await call(a.base, here, 'POST', '/api/v1/me/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'Et-helt-nyt-kodeord-2026',
      });
      expect(changed.status, changed.text).toBe(200);
      expect((await call(b.base, elsewhere, 'GET', '/api/v1/me')).status).toBe(401);
      expect((await call(b.base, here, 'GET', '/api/v1/me')).status).toBe(200); // the one that changed it stays
    });

    it('two PATCHes for one upload sent to A and B at once never both write', async () => {
      const headers = {
        'tus-resumable': '1.0.0',
        ...(await signIn(a.base, email('medarbejder'), DEMO_PASSWORD)),
      };
      const length = 16 * MiB; // more than either PATCH sends: the upload stays open, no pipeline runs
      const created = await fetch(`${a.base}/api/v1/uploads`, {
        method: 'POST',
        headers: { ...headers, 'upload-length': String(length) },
      });
      expect(created.status).toBe(201);
      const id = created.headers.get('amongi-video-id') as string;
      const bodies = [crypto.randomBytes(6 * MiB), crypto.randomBytes(6 * MiB)];

      // Both requests are under way before either body is sent, then both bodies go out together.
      const patches = [a, b].map((p, i) => {
        const r = rawPatch(
          `${p.base}/api/v1/uploads/${id}`,
          { ...headers, 'upload-offset': '0' },
          undefined,
          {
            hold: true,
            contentLength: bodies[i].length,
          },
        );
        r.req.flushHeaders();
        return r;
      });
      await sleep(50);
      for (const [i, p] of patches.entries()) p.req.end(bodies[i]);
      // A request refused (or stopped) before its body was all sent is answered with `Connection: close`; the
      // reset can reach this client before the answer does (EPIPE/ECONNRESET). Such a request claims no write:
      // what was written is judged by the stored bytes below.
      const answers: RawAnswer[] = await Promise.all(
        patches.map((p) =>
          p.answer.catch((err: NodeJS.ErrnoException) => ({ status: 0, headers: {}, body: `${err.code}` })),
        ),
      );

      const head = await fetch(`${b.base}/api/v1/uploads/${id}`, { method: 'HEAD', headers });
      const offset = Number(head.headers.get('upload-offset'));
      const stored = fs.readFileSync(path.join(dataDir, 'media/originals', id));
      const summary = JSON.stringify({
        answers: answers.map((r) => [r.status, r.headers['upload-offset'], r.body.slice(0, 80)]),
        offset,
        stored: stored.length,
      });
      // Every answer is a write (204) or a lock/conflict answer: 409 (the offset moved under it), 423, or tus's
      // 400 for a request aborted because the other one took the lock; or the connection closed under it (0).
      for (const r of answers) {
        expect([0, 204, 400, 409, 423], summary).toContain(r.status);
        if (r.status === 400) expect(r.body, summary).toMatch(/lock/i);
        if (r.status === 0) expect(r.body, summary).toMatch(/^(EPIPE|ECONNRESET)$/);
      }
      // The stored bytes are exactly one request's: a prefix of one body, and as long as the stored offset.
      expect(offset, summary).toBeGreaterThan(0);
      expect(stored.length, summary).toBe(offset);
      const holds = bodies.map((body) => stored.equals(body.subarray(0, offset)));
      expect(holds.filter(Boolean), summary).toHaveLength(1);
      const winner = holds.indexOf(true);
      const [won, lost] = [answers[winner], answers[1 - winner]];
      // The other one wrote nothing: a lock/conflict answer, or a 204 that moved the offset nowhere.
      if (lost.status === 204) expect(lost.headers['upload-offset'], summary).toBe('0');
      // And when the winner answered 204, the offset it reported is the stored one.
      if (won.status === 204) expect(Number(won.headers['upload-offset']), summary).toBe(offset);
    }, 30_000);
  },
);
