import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { AppContext } from './context.js';
import { type Database, openDatabase } from './db/index.js';
import { roleGrants } from './db/schema.js';
import { insertVideo } from './testing/catalogue.js';
import { demoIds } from './testing/fixtures.js';
import { createTestApp, type TestApp, TestClient } from './testing/harness.js';
import { rawPatch } from './testing/raw-patch.js';
import { authHeaders } from './testing/upload.js';

const url = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;

/** The same signed-in browser, talking to the other process. */
function sameBrowser(c: TestClient, app: FastifyInstance) {
  const other = new TestClient(app);
  other.cookies = new Map(c.cookies);
  other.csrf = c.csrf;
  return other;
}

/*
 * Two app processes on one PostgreSQL database, as docs/operations.md scales Amongi: A is the test app, B a
 * second app with a connection pool, LISTEN connection, caches and upload locker of its own (the same data
 * dir, as two processes on one machine or a shared volume). Nothing may be right only inside one of them.
 * PGlite is one process per data dir (a lock file), so there is no second process to be wrong in: skipped.
 */
describe.skipIf(!url)('two processes on one PostgreSQL database (PostgreSQL only)', () => {
  let t: TestApp;
  let dbB: Database;
  let appB: FastifyInstance;
  let ctxB: AppContext;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp();
    const bUrl = new URL(url as string);
    const current = await t.database.executeSql('select current_database() as d');
    bUrl.pathname = `/${(current.rows[0] as { d: string }).d}`;
    dbB = await openDatabase({ url: bUrl.toString() });
    ({ app: appB, ctx: ctxB } = await buildApp({
      config: t.ctx.config,
      database: dbB,
      secret: t.ctx.secret,
      logger: false,
    }));
    await appB.ready();
    ids = await demoIds(t.database.db);
  }, 60_000);
  afterAll(async () => {
    await appB?.close();
    await dbB?.close();
    await t?.close();
  });

  it('has B on a pool and LISTEN connection of its own', async () => {
    expect(dbB).not.toBe(t.database);
    const pids = [t.ctx.events.listenerPid, ctxB.events.listenerPid];
    expect(new Set(pids).size).toBe(2);
    const alive = await t.database.executeSql(
      'select count(*)::int as n from pg_stat_activity where pid = any($1::int[])',
      [pids],
    );
    expect((alive.rows[0] as { n: number }).n).toBe(2);
  });

  it('a video narrowed in A leaves search and the home page in B within a second', async () => {
    const sol = ids.institution.Solsikkeskolen;
    const videoId = await insertVideo(t.database.db, {
      ownerId: ids.user.medarbejder,
      institutionId: sol,
      title: 'Tvaerprocesvideo om brøker',
    });
    const owner = await t.as('medarbejder');
    const viewerB = sameBrowser(await t.as('leder'), appB);
    const inSearch = async () =>
      (
        (await viewerB.get('/api/v1/videos?q=Tvaerprocesvideo')).json() as { items: { id: string }[] }
      ).items.some((i) => i.id === videoId);
    const onHome = async () => JSON.stringify((await viewerB.get('/api/v1/home')).json()).includes(videoId);
    // B has the answers cached now.
    expect(await inSearch()).toBe(true);
    expect(await onHome()).toBe(true);
    expect(await inSearch()).toBe(true);

    const narrowed = await owner.patch(`/api/v1/videos/${videoId}`, { visibility: 'private' });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const started = Date.now();
    while ((await inSearch()) && Date.now() - started < 1_000) await sleep(20);
    expect(await inSearch()).toBe(false);
    expect(await onHome()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('a session signed out in A is refused by B at once', async () => {
    const a = await t.as('ressourceperson');
    const b = sameBrowser(a, appB);
    expect((await b.get('/api/v1/me')).statusCode).toBe(200); // cached in B now
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('signing out everywhere in A ends the other sessions in B at once', async () => {
    const here = await t.as('medarbejder2');
    const elsewhere = sameBrowser(await t.as('medarbejder2'), appB);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(200);
    expect((await here.delete('/api/v1/me/sessions')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await sameBrowser(here, appB).get('/api/v1/me')).statusCode).toBe(200); // the one that asked stays
  });

  it('a person disabled in A is refused by B at once', async () => {
    const admin = await t.as('administrator');
    const person = sameBrowser(await t.as('leder2'), appB);
    expect((await person.get('/api/v1/me')).statusCode).toBe(200);
    const disabled = await admin.patch(`/api/v1/people/${ids.user.leder2}`, { status: 'disabled' });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await person.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('a role taken away is gone in B on the next request, even when no event told B', async () => {
    const leder = await t.as('leder');
    const b = sameBrowser(leder, appB);
    const before = (await b.get('/api/v1/me')).body;
    expect(before).toContain('"leder"');
    // Straight in the database: B must see it without any event.
    await t.database.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, ids.user.leder), eq(roleGrants.role, 'leder')));
    const after = await b.get('/api/v1/me');
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('"leder"');
  });

  it('two PATCHes for one upload on A and B never both write: B stops A, the file stays exact', async () => {
    const baseA = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const baseB = await appB.listen({ port: 0, host: '127.0.0.1' });
    const c = await t.as('medarbejder');
    const headers = { 'tus-resumable': '1.0.0', ...(await authHeaders(c)) };
    const data = crypto.randomBytes(6 * MiB);
    const created = await fetch(`${baseA}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...headers, 'upload-length': String(data.length) },
    });
    expect(created.status).toBe(201);
    const id = created.headers.get('amongi-video-id') as string;
    const onDisk = async () => (await t.ctx.storage.stat(`originals/${id}`))?.size ?? 0;

    const first = rawPatch(`${baseA}/api/v1/uploads/${id}`, { ...headers, 'upload-offset': '0' }, undefined, {
      hold: true,
      contentLength: data.length,
    });
    first.req.on('error', () => {});
    first.req.write(data.subarray(0, 2 * MiB));
    for (let i = 0; i < 200 && (await onDisk()) < 2 * MiB; i++) await sleep(25);
    expect(await onDisk()).toBe(2 * MiB);

    // B's PATCH asks A (through the event) to let go; A answers with the offset it reached and writes no more.
    const second = rawPatch(
      `${baseB}/api/v1/uploads/${id}`,
      { ...headers, 'upload-offset': String(2 * MiB) },
      undefined,
      { hold: true, contentLength: data.length - 2 * MiB },
    );
    second.req.end(data.subarray(2 * MiB));
    const a = await first.answer;
    expect([a.status, a.headers['upload-offset']]).toEqual([204, String(2 * MiB)]);
    first.req.write(Buffer.alloc(MiB, 9), () => {}); // wrong bytes on purpose: must not land
    const b = await second.answer;
    expect([b.status, b.headers['upload-offset']], b.body).toEqual([204, String(data.length)]);
    await sleep(200);
    const stored = await t.ctx.storage.localCopy(`originals/${id}`);
    const { readFile } = await import('node:fs/promises');
    const sha = (x: Buffer) => crypto.createHash('sha256').update(x).digest('hex');
    expect(sha(await readFile(stored.path))).toBe(sha(data));
  }, 30_000);
});
