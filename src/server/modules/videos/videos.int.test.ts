import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { tusUpload } from '../../testing/upload.js';
import { makeVideo } from '../../testing/videos.js';

let t: TestApp;
let base: string;
let dir: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp({}, { pipeline: { leaseSeconds: 5, sweepSeconds: 2 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-videos-'));
  for (const r of ['medarbejder', 'medarbejder2', 'leder', 'leder2', 'administrator', 'forvaltning'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function waitFor(c: TestClient, id: string, status: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = (await c.get(`/api/v1/videos/${id}`)).json();
    if (v.status === status) return v;
    if (Date.now() > until)
      throw new Error(`video ${id} is ${v.status}, not ${status}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('upload → processing → playback', () => {
  it('a teacher uploads a phone video and watches it; it is private to them', async () => {
    const file = await makeVideo(dir, { seconds: 3, width: 960, height: 540 });
    const { videoId } = await tusUpload(base, as.medarbejder, file, {
      metadata: { filename: 'lektion.mp4', title: 'Første lektion' },
    });
    expect(videoId).toMatch(/^[0-9a-f-]{36}$/);
    const v = await waitFor(as.medarbejder, videoId, 'ready');
    expect(v).toMatchObject({ title: 'Første lektion', visibility: 'private', failure: null });
    expect(v.durationSeconds).toBeGreaterThan(2.5);
    expect(v.playlistUrl).toMatch(/^\/media\/v\/.+\/hls\/master\.m3u8$/);

    const master = await fetch(base + v.playlistUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const text = await master.text();
    expect(text).toContain('RESOLUTION=960x540');
    expect(text).toContain('360p/index.m3u8');
    const rungPlaylist = await (await fetch(new URL('540p/index.m3u8', base + v.playlistUrl))).text();
    const seg = rungPlaylist.split('\n').find((l) => l.endsWith('.ts')) as string;
    const segUrl = new URL(`540p/${seg}`, base + v.playlistUrl);
    const whole = await fetch(segUrl);
    expect(whole.headers.get('content-type')).toBe('video/mp2t');
    const bytes = Buffer.from(await whole.arrayBuffer());
    const part = await fetch(segUrl, { headers: { range: 'bytes=188-375' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 188-375/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(188, 376));

    // Nobody else may see it, not even the leder of the school or an administrator.
    for (const who of ['medarbejder2', 'leder', 'administrator'])
      expect((await as[who].get(`/api/v1/videos/${videoId}`)).statusCode).toBe(404);
    // A tampered signature gets nothing.
    const forged = v.playlistUrl.replace(/\/([A-Za-z0-9_-]{32})\//, '/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/');
    expect((await fetch(base + forged)).status).toBe(404);
  }, 120_000);
});
