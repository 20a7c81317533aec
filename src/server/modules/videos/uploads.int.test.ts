import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, secondApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { authHeaders, tusUpload } from '../../testing/upload.js';
import {
  makeAudioOnly,
  makeCorruptMoov,
  makeDeclaredTenHours,
  makeEmptyFile,
  makeJpegAsMov,
  makeTextFile,
  makeTinyVideo,
  makeTruncatedMp4,
  makeVideo,
} from '../../testing/videos.js';

let t: TestApp;
let base: string;
let dir: string;
const as: Record<string, TestClient> = {};
const MAX = 20 * 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp(
    { UPLOAD_MAX_BYTES: String(MAX) },
    { pipeline: { leaseSeconds: 5, sweepSeconds: 2 } },
  );
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-uploads-'));
  for (const r of ['medarbejder', 'medarbejder2', 'administrator']) as[r] = await t.as(r);
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const videoCount = async () =>
  Number(
    ((await t.ctx.database.executeSql('select count(*)::int as n from videos')).rows[0] as { n: number }).n,
  );

async function settle(c: TestClient, id: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = (await c.get(`/api/v1/videos/${id}`)).json();
    // Ready plays early (issue 21): wait for the renditions step too, so every file is there.
    if ((v.status === 'ready' && !v.renditions) || v.status === 'failed') return v;
    if (Date.now() > until) throw new Error(`video ${id} still ${v.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A raw tus creation request over HTTP, signed in as the medarbejder. */
async function create(headers: Record<string, string>, who = 'medarbejder') {
  return fetch(`${base}/api/v1/uploads`, {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', ...(await authHeaders(as[who])), ...headers },
  });
}

describe('the tus creation contract', () => {
  it('answers 201 with Location and Amongi-Video-Id, and refuses before any byte when it cannot end well', async () => {
    const before = await videoCount();
    const tooBig = await create({
      'upload-length': String(MAX + 1),
      'upload-metadata': `filename ${b64('a.mp4')}`,
    });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toEqual({
      code: 'upload.too_large',
      message: 'Filen er større, end det er tilladt at uploade.',
    });
    expect((await create({})).status).toBe(400); // no Upload-Length
    expect((await create({ 'upload-length': '10', 'upload-metadata': 'filename ***' })).status).toBe(400);
    expect((await create({ 'upload-length': '10' }, 'administrator')).status).toBe(403); // no institution
    const noCsrf = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        cookie: (await authHeaders(as.medarbejder)).cookie,
      },
    });
    expect(noCsrf.status).toBe(403);
    // Not signed in (with a valid CSRF token of its own): 401.
    const anonymous = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', ...(await authHeaders(t.client())) },
    });
    expect(anonymous.status).toBe(401);
    expect(await videoCount()).toBe(before);

    const ok = await create({
      'upload-length': '10',
      'upload-metadata': `filename ${b64('../../etc/passwd 😀 ')}${'x'.repeat(0)},title ${b64('<script>alert(1)</script>')}`,
    });
    expect(ok.status).toBe(201);
    const id = ok.headers.get('amongi-video-id') as string;
    expect(ok.headers.get('location')).toBe(`/api/v1/uploads/${id}`);
    const v = (await as.medarbejder.get(`/api/v1/videos/${id}`)).json();
    expect(v).toMatchObject({
      status: 'uploading',
      originalFilename: 'passwd 😀',
      title: '<script>alert(1)</script>',
    });
    // Someone else cannot continue or even see the upload.
    const theirs = await fetch(`${base}/api/v1/uploads/${id}`, {
      method: 'HEAD',
      headers: { 'tus-resumable': '1.0.0', ...(await authHeaders(as.medarbejder2)) },
    });
    expect(theirs.status).toBe(404);
  });

  it('keeps a 300-character Unicode file name readable and short enough', async () => {
    const long = `${'æøå'.repeat(100)}.mov`;
    const r = await create({ 'upload-length': '10', 'upload-metadata': `filename ${b64(long)}` });
    const v = (await as.medarbejder.get(`/api/v1/videos/${r.headers.get('amongi-video-id')}`)).json();
    expect(v.originalFilename).toHaveLength(255);
    expect(v.originalFilename.endsWith('.mov')).toBe(true);
    expect(v.title).toBe('æøå'.repeat(100).slice(0, 200));
  });
});

describe('abandoned uploads', () => {
  it('are removed after a week with their partial file; a newer one stays', async () => {
    const file = path.join(dir, 'half.bin');
    fs.writeFileSync(file, crypto.randomBytes(5 * 1024 * 1024));
    const old = await tusUpload(base, as.medarbejder, file, {
      chunkSize: 1024 * 1024,
      stopAt: (n) => n >= 2 * 1024 * 1024,
    });
    const recent = await tusUpload(base, as.medarbejder, file, {
      chunkSize: 1024 * 1024,
      stopAt: (n) => n >= 2 * 1024 * 1024,
    });
    await t.ctx.database.executeSql(
      "update videos set created_at = now() - interval '8 days' where id = $1",
      [old.videoId],
    );
    expect((await t.ctx.storage.list('')).some((k) => k.includes(old.videoId))).toBe(true);
    await t.pipeline?.sweep();
    expect((await as.medarbejder.get(`/api/v1/videos/${old.videoId}`)).statusCode).toBe(404);
    expect((await t.ctx.storage.list('')).filter((k) => k.includes(old.videoId))).toEqual([]);
    expect((await as.medarbejder.get(`/api/v1/videos/${recent.videoId}`)).json().status).toBe('uploading');
  });

  it('a finished upload whose processing was never queued (server stopped in between) is started by the sweep', async () => {
    const full = await tusUpload(base, as.medarbejder, await makeVideo(dir, { name: 'glemt', seconds: 1 }));
    await settle(as.medarbejder, full.videoId);
    await t.ctx.database.executeSql(
      "update videos set status = 'uploading', stage = null, created_at = now() - interval '10 minutes' where id = $1",
      [full.videoId],
    );
    await t.pipeline?.sweep();
    expect((await settle(as.medarbejder, full.videoId)).status).toBe('ready');
  }, 60_000);
});

describe('resumable: an interrupted upload continues from its offset, also after a server restart', () => {
  it('stores the original byte for byte', async () => {
    const file = path.join(dir, 'random.bin');
    fs.writeFileSync(file, crypto.randomBytes(9 * 1024 * 1024 + 123));
    const first = await tusUpload(base, as.medarbejder, file, {
      chunkSize: 2 * 1024 * 1024,
      stopAt: (sent) => sent >= 3 * 1024 * 1024,
    });
    expect(first.stopped).toBe(true);
    const uploadPath = new URL(first.url).pathname;

    // A new server on the same database and disk (the tus server, its locks and caches are new).
    const again = await secondApp(t);
    const base2 = await again.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const head = await fetch(base2 + uploadPath, {
        method: 'HEAD',
        headers: { 'tus-resumable': '1.0.0', ...(await authHeaders(as.medarbejder)) },
      });
      const offset = Number(head.headers.get('upload-offset'));
      expect(offset).toBeGreaterThan(0);
      const done = await tusUpload(base2, as.medarbejder, file, { uploadUrl: base2 + uploadPath });
      expect(done.stopped).toBe(false);
    } finally {
      await again.app.close();
    }
    const stored = await t.ctx.storage.localCopy(`originals/${first.videoId}`);
    const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    expect(sha(stored.path)).toBe(sha(file));
    await stored.release();

    // Random bytes are no video: a clear reason, and the finished upload cannot be reused.
    const v = await settle(as.medarbejder, first.videoId);
    expect(v.failure.code).toBe('video.not_a_video');
    const reuse = await fetch(base + uploadPath, {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        ...(await authHeaders(as.medarbejder)),
      },
      body: 'more bytes',
    });
    expect(reuse.status).toBe(409);
    expect((await reuse.json()).error.code).toBe('upload.finished');
  }, 120_000);
});

describe('bad files get a clear Danish reason; other videos are not affected', () => {
  const cases: [string, (d: string) => Promise<string>, string, string][] = [
    ['zero bytes', makeEmptyFile, 'video.empty_file', 'Filen er tom.'],
    ['a text file named .mp4', makeTextFile, 'video.not_a_video', 'Filen er ikke en video.'],
    ['a JPEG named .mov', makeJpegAsMov, 'video.not_a_video', 'Filen er ikke en video.'],
    ['audio only', makeAudioOnly, 'video.not_a_video', 'Filen er ikke en video.'],
    [
      'a truncated MP4',
      makeTruncatedMp4,
      'video.unreadable',
      'Videoen kan ikke læses. Filen er måske ufuldstændig eller beskadiget.',
    ],
    [
      'corrupted metadata',
      makeCorruptMoov,
      'video.unreadable',
      'Videoen kan ikke læses. Filen er måske ufuldstændig eller beskadiget.',
    ],
    [
      'a 1×1 pixel video',
      makeTinyVideo,
      'video.too_small',
      'Videoens billede er for lille til at blive vist.',
    ],
    [
      '10 hours declared, few frames',
      makeDeclaredTenHours,
      'video.too_long',
      'Videoen er for lang. Den må højst vare 4 timer.',
    ],
  ];

  it('each fails with its code while a good video next to them becomes ready', async () => {
    const good = await tusUpload(base, as.medarbejder, await makeVideo(dir, { name: 'god', seconds: 2 }));
    const bad = await Promise.all(
      cases.map(async ([, make]) => (await tusUpload(base, as.medarbejder, await make(dir))).videoId),
    );
    const results = await Promise.all(bad.map((id) => settle(as.medarbejder, id)));
    expect(results.map((v) => [v.status, v.failure?.code, v.failure?.message])).toEqual(
      cases.map(([, , c, m]) => ['failed', c, m]),
    );
    expect((await settle(as.medarbejder, good.videoId)).status).toBe('ready');
    // Retry runs the processing again (the file is still no video); only a failed video can be retried.
    const retried = await as.medarbejder.post(`/api/v1/videos/${bad[1]}/retry`);
    expect(retried.json()).toMatchObject({ status: 'processing', failure: null });
    expect((await settle(as.medarbejder, bad[1])).failure.code).toBe('video.not_a_video');
    const notFailed = await as.medarbejder.post(`/api/v1/videos/${good.videoId}/retry`);
    expect([notFailed.statusCode, notFailed.json().error.code]).toEqual([409, 'video.not_failed']);
    expect((await as.medarbejder2.post(`/api/v1/videos/${bad[1]}/retry`)).statusCode).toBe(404);
    // A failed video can be deleted; nothing of it is left.
    expect((await as.medarbejder.delete(`/api/v1/videos/${bad[0]}`)).statusCode).toBe(200);
    expect((await t.ctx.storage.list('')).filter((k) => k.includes(bad[0]))).toEqual([]);
    expect((await t.client().get('/healthz')).statusCode).toBe(200);
  }, 180_000);

  it('an 8K source is scaled down to the ladder (1080p at most)', async () => {
    const file = await makeVideo(dir, {
      name: '8k',
      seconds: 1,
      fps: 5,
      width: 7680,
      height: 4320,
      audio: false,
    });
    const { videoId } = await tusUpload(base, as.medarbejder, file);
    const v = await settle(as.medarbejder, videoId, 150_000);
    expect(v.status).toBe('ready');
    const master = await (await fetch(base + v.playlistUrl)).text();
    expect(master).toContain('RESOLUTION=1920x1080');
    expect(master).not.toContain('mp4a');
    expect(master).not.toMatch(/RESOLUTION=(3840|7680)/);
  }, 180_000);
});
