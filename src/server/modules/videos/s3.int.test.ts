import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver, type TestS3 } from '../../storage/s3rver.testing.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { tusUpload } from '../../testing/upload.js';
import { makeVideo } from '../../testing/videos.js';

/* The same pipeline with STORAGE=s3: upload into the bucket, process from it, serve from it, delete from it. */
let s3: TestS3;
let t: TestApp;
let dir: string;

beforeAll(async () => {
  s3 = await startS3rver();
  const { endpoint, region, bucket, accessKeyId, secretAccessKey } = s3.settings;
  t = await createTestApp(
    {
      STORAGE: 's3',
      S3_ENDPOINT: endpoint ?? '',
      S3_REGION: region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: '1',
    },
    { pipeline: { leaseSeconds: 5 } },
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-s3video-'));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await s3?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('videos on S3-compatible storage', () => {
  it('upload → ready → ranged segment → delete leaves the bucket empty', async () => {
    expect(t.ctx.storage.kind).toBe('s3');
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const c = await t.as('medarbejder');
    const file = await makeVideo(dir, { seconds: 2, width: 640, height: 360 });
    const { videoId } = await tusUpload(base, c, file, { chunkSize: 6 * 1024 * 1024 });
    let v = (await c.get(`/api/v1/videos/${videoId}`)).json();
    for (let i = 0; i < 240 && !(v.status === 'ready' && !v.renditions) && v.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      v = (await c.get(`/api/v1/videos/${videoId}`)).json();
    }
    expect(v.status).toBe('ready');
    expect(await t.ctx.storage.stat(`originals/${videoId}`)).toMatchObject({ size: fs.statSync(file).size });

    const playlist = await (await fetch(new URL('360p/index.m3u8', base + v.playlistUrl))).text();
    const seg = playlist.split('\n').find((l) => l.endsWith('.ts')) as string;
    const part = await fetch(new URL(`360p/${seg}`, base + v.playlistUrl), {
      headers: { range: 'bytes=0-187' },
    });
    expect(part.status).toBe(206);
    const bytes = Buffer.from(await part.arrayBuffer());
    expect(bytes).toHaveLength(188);
    expect(bytes[0]).toBe(0x47); // an MPEG-TS packet starts with the sync byte

    expect((await c.delete(`/api/v1/videos/${videoId}`)).statusCode).toBe(200);
    expect(await t.ctx.storage.list('')).toEqual([]);
    expect(await s3.pendingMultipartUploads()).toEqual([]);
  }, 120_000);
});
