import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createTestApp, secondApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { rawPatch } from '../../testing/raw-patch.js';
import { authHeaders } from '../../testing/upload.js';

/* The PATCH fast path on local disk: the tus protocol as @tus/server speaks it, straight into the file. */
let t: TestApp;
let base: string;
let send: MockInstance;
const as: Record<string, TestClient> = {};
const MAX = 80 * 1024 * 1024;
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX) });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  for (const r of ['medarbejder', 'medarbejder2']) as[r] = await t.as(r);
}, 60_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  send?.mockRestore();
  send = vi.spyOn(t.ctx.jobs, 'send');
});

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tusHeaders = async (who = 'medarbejder'): Promise<Record<string, string>> => ({
  'tus-resumable': '1.0.0',
  ...(await authHeaders(as[who])),
});
/** The bytes of the upload on disk (what FileStore and HEAD take the offset from). */
const onDisk = async (id: string) => (await t.ctx.storage.stat(`originals/${id}`))?.size;
const probesQueued = (id: string) =>
  send.mock.calls.filter(([name, data]) => name === 'video.probe' && data.videoId === id).length;

async function create(size: number): Promise<string> {
  const r = await fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: { ...(await tusHeaders()), 'upload-length': String(size) },
  });
  expect(r.status).toBe(201);
  return r.headers.get('amongi-video-id') as string;
}

async function head(id: string, who = 'medarbejder') {
  const r = await fetch(`${base}/api/v1/uploads/${id}`, { method: 'HEAD', headers: await tusHeaders(who) });
  return { status: r.status, offset: Number(r.headers.get('upload-offset')) };
}

/** A PATCH of upload `id` over a raw HTTP connection (see rawPatch). */
const patch = (
  id: string,
  headers: Record<string, string>,
  body?: Buffer,
  opts?: { hold?: boolean; contentLength?: number },
) => rawPatch(`${base}/api/v1/uploads/${id}`, headers, body, opts);

async function untilOnDisk(id: string, atLeast: number) {
  for (let i = 0; i < 200 && ((await onDisk(id)) ?? 0) < atLeast; i++) await sleep(25);
  expect(await onDisk(id)).toBeGreaterThanOrEqual(atLeast);
}

describe('PATCH straight to disk', () => {
  it('stores a 50 MB upload sent in 3 PATCHes byte for byte, and starts processing once', async () => {
    const data = crypto.randomBytes(50 * MiB + 7);
    const id = await create(data.length);
    const cuts = [0, 17 * MiB, 34 * MiB + 3, data.length];
    for (let i = 0; i < 3; i++) {
      const { answer } = patch(
        id,
        { ...(await tusHeaders()), 'upload-offset': String(cuts[i]) },
        data.subarray(cuts[i], cuts[i + 1]),
      );
      const r = await answer;
      expect([r.status, r.headers['upload-offset'], r.headers['tus-resumable']]).toEqual([
        204,
        String(cuts[i + 1]),
        '1.0.0',
      ]);
      // Answered by the fast path: @tus/server would add Access-Control-Allow-Origin: * to every answer.
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      expect(probesQueued(id)).toBe(i === 2 ? 1 : 0);
    }
    const stored = await t.ctx.storage.localCopy(`originals/${id}`);
    const { readFile } = await import('node:fs/promises');
    expect(sha(await readFile(stored.path))).toBe(sha(data));
    expect((await as.medarbejder.get(`/api/v1/videos/${id}`)).json().status).toBe('processing');
    expect(await head(id)).toEqual({ status: 200, offset: data.length });
    // Finished: no more bytes, and processing is not started again.
    const again = await patch(
      id,
      { ...(await tusHeaders()), 'upload-offset': String(data.length) },
      Buffer.alloc(0),
    ).answer;
    expect([again.status, JSON.parse(again.body).error.code]).toEqual([409, 'upload.finished']);
    expect(probesQueued(id)).toBe(1);
  }, 60_000);

  it('refuses a wrong offset with 409 and writes nothing', async () => {
    const id = await create(4000);
    await patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, Buffer.alloc(1000, 1)).answer;
    for (const wrong of ['0', '999', '1001']) {
      const r = await patch(id, { ...(await tusHeaders()), 'upload-offset': wrong }, Buffer.alloc(500, 2))
        .answer;
      expect([r.status, r.body]).toEqual([409, 'Upload-Offset conflict\n']);
    }
    expect(await onDisk(id)).toBe(1000);
    expect(await head(id)).toEqual({ status: 200, offset: 1000 });
  });

  it('answers the tus protocol errors as @tus/server does', async () => {
    const id = await create(100);
    const { 'tus-resumable': _, ...noTus } = await tusHeaders();
    const cases: [Record<string, string>, number][] = [
      [{ ...noTus, 'upload-offset': '0' }, 412],
      [{ ...(await tusHeaders()), 'tus-resumable': '0.2.2', 'upload-offset': '0' }, 400],
      [await tusHeaders(), 403], // no Upload-Offset
      [{ ...(await tusHeaders()), 'upload-offset': '-1' }, 400],
      [{ ...(await tusHeaders()), 'upload-offset': '1e2' }, 400],
    ];
    for (const [headers, status] of cases)
      expect((await patch(id, headers, Buffer.alloc(10)).answer).status).toBe(status);
    expect(await onDisk(id)).toBe(0);
  });

  it('resumes after a dropped connection from the bytes on disk', async () => {
    const data = crypto.randomBytes(12 * MiB);
    const id = await create(data.length);
    const a = patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, undefined, {
      contentLength: data.length,
    });
    a.answer.catch(() => {}); // the connection is cut below
    a.req.write(data.subarray(0, 5 * MiB));
    await untilOnDisk(id, MiB);
    a.req.destroy();
    const { status, offset } = await head(id);
    expect(status).toBe(200);
    expect(offset).toBe(await onDisk(id));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(5 * MiB);
    const rest = await patch(
      id,
      { ...(await tusHeaders()), 'upload-offset': String(offset) },
      data.subarray(offset),
    ).answer;
    expect([rest.status, rest.headers['upload-offset']]).toEqual([204, String(data.length)]);
    const stored = await t.ctx.storage.localCopy(`originals/${id}`);
    const { readFile } = await import('node:fs/promises');
    expect(sha(await readFile(stored.path))).toBe(sha(data));
    expect(probesQueued(id)).toBe(1);
  }, 30_000);

  it('writes nothing past the declared length', async () => {
    const id = await create(1000);
    // Content-Length says too much: refused before a byte is read.
    const declared = await patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, Buffer.alloc(1001, 3))
      .answer;
    expect([declared.status, declared.body]).toEqual([413, "upload's size exceeded\n"]);
    expect(await onDisk(id)).toBe(0);
    // No Content-Length (chunked): cut off at the length, the upload is not finished by it.
    const chunked = patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, undefined, { hold: true });
    chunked.req.write(Buffer.alloc(1500, 4));
    chunked.req.end();
    const r = await chunked.answer;
    expect([r.status, r.body]).toEqual([413, 'Maximum size exceeded\n']);
    expect(await onDisk(id)).toBeLessThanOrEqual(1000);
    expect(await head(id)).toEqual({ status: 200, offset: await onDisk(id) });
    expect(probesQueued(id)).toBe(0);
  });

  it('refuses when the configured maximum is now below the upload, before any byte', async () => {
    const id = await create(2 * MiB);
    const smaller = await secondApp(t, { uploadMaxBytes: MiB });
    const base2 = await smaller.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const r = await fetch(`${base2}/api/v1/uploads/${id}`, {
        method: 'PATCH',
        headers: {
          ...(await tusHeaders()),
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        body: Buffer.alloc(1000),
      });
      expect([r.status, await r.text()]).toEqual([413, 'Maximum size exceeded\n']);
    } finally {
      await smaller.app.close();
    }
    expect(await onDisk(id)).toBe(0);
  });

  it("refuses another person's upload, a missing CSRF token and no session, writing nothing", async () => {
    const id = await create(1000);
    const body = Buffer.alloc(100, 5);
    const theirs = await patch(id, { ...(await tusHeaders('medarbejder2')), 'upload-offset': '0' }, body)
      .answer;
    // The same answer as an id that does not exist (upload-limits.int.test.ts compares them in full).
    expect([theirs.status, JSON.parse(theirs.body).error.code]).toEqual([404, 'upload.not_found']);
    const { 'x-csrf-token': _, ...noCsrf } = await tusHeaders();
    const csrf = await patch(id, { ...noCsrf, 'upload-offset': '0' }, body).answer;
    expect([csrf.status, JSON.parse(csrf.body).error.code]).toEqual([403, 'auth.csrf_invalid']);
    const anonymous = await patch(
      id,
      { 'tus-resumable': '1.0.0', ...(await authHeaders(t.client())), 'upload-offset': '0' },
      body,
    ).answer;
    expect([anonymous.status, JSON.parse(anonymous.body).error.code]).toEqual([401, 'auth.required']);
    const unknown = await patch(crypto.randomUUID(), { ...(await tusHeaders()), 'upload-offset': '0' }, body)
      .answer;
    expect(unknown.status).toBe(404);
    expect(await onDisk(id)).toBe(0);
  });

  it('a second PATCH stops the first one: one writer, the file stays exact', async () => {
    const data = crypto.randomBytes(6 * MiB);
    const id = await create(data.length);
    const first = patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, undefined, {
      contentLength: data.length,
    });
    first.req.on('error', () => {});
    first.req.write(data.subarray(0, 2 * MiB));
    await untilOnDisk(id, 2 * MiB);
    // The second request starts where the disk is; the first gets its answer (the offset it reached) and is cut.
    const second = patch(
      id,
      { ...(await tusHeaders()), 'upload-offset': String(2 * MiB) },
      data.subarray(2 * MiB),
    );
    const a = await first.answer;
    expect([a.status, a.headers['upload-offset'], a.headers.connection]).toEqual([
      204,
      String(2 * MiB),
      'close',
    ]);
    // Whatever the first client still sends is not written (wrong bytes on purpose).
    first.req.write(Buffer.alloc(MiB, 9), () => {});
    const b = await second.answer;
    expect([b.status, b.headers['upload-offset']]).toEqual([204, String(data.length)]);
    await sleep(200);
    const stored = await t.ctx.storage.localCopy(`originals/${id}`);
    const { readFile } = await import('node:fs/promises');
    expect(sha(await readFile(stored.path))).toBe(sha(data));
    expect(probesQueued(id)).toBe(1);
  }, 30_000);

  it('a HEAD on a stalled PATCH stops its write and reports the bytes on disk', async () => {
    const data = crypto.randomBytes(3 * MiB);
    const id = await create(data.length);
    const stalled = patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, undefined, {
      contentLength: data.length,
    });
    stalled.req.on('error', () => {});
    stalled.req.write(data.subarray(0, MiB));
    await untilOnDisk(id, MiB);
    const started = Date.now();
    expect(await head(id)).toEqual({ status: 200, offset: MiB });
    expect(Date.now() - started).toBeLessThan(2000); // not after a lock timeout
    expect((await stalled.answer).headers['upload-offset']).toBe(String(MiB));
    const rest = await patch(
      id,
      { ...(await tusHeaders()), 'upload-offset': String(MiB) },
      data.subarray(MiB),
    ).answer;
    expect(rest.status).toBe(204);
    const stored = await t.ctx.storage.localCopy(`originals/${id}`);
    const { readFile } = await import('node:fs/promises');
    expect(sha(await readFile(stored.path))).toBe(sha(data));
  }, 30_000);

  it('a PATCH that still believes the old offset gets 409 once the writer before it has stopped', async () => {
    const id = await create(4 * MiB);
    const first = patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, undefined, {
      contentLength: 4 * MiB,
    });
    first.req.on('error', () => {});
    first.answer.catch(() => {});
    first.req.write(Buffer.alloc(MiB, 1));
    await untilOnDisk(id, MiB);
    const stale = await patch(id, { ...(await tusHeaders()), 'upload-offset': '0' }, Buffer.alloc(MiB, 2))
      .answer;
    expect(stale.status).toBe(409);
    expect(await onDisk(id)).toBe(MiB);
    const bytes = await t.ctx.storage.read(`originals/${id}`);
    const chunks: Buffer[] = [];
    for await (const c of bytes) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).every((b) => b === 1)).toBe(true);
  }, 30_000);
});
