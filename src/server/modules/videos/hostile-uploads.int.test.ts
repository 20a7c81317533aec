import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { makeFfconcat, makeHlsPlaylist, makeSecretSegment } from '../../testing/hostile-media.js';
import { tusUpload } from '../../testing/upload.js';
import { makeVideo } from '../../testing/videos.js';

/*
 * Issue 13, point 2, through the real pipeline: a text playlist or concat script uploaded as a "video" names
 * another person's rendition or original under the media folder, and a secret MPEG-TS segment outside
 * DATA_DIR. Without the allow-lists ffmpeg read those files and made them the uploader's video; now each
 * upload fails as "not a video", nothing is made from it, and the secret appears in no file of the instance.
 */
let t: TestApp;
let base: string;
let dir: string;
let outside: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp({}, { pipeline: { leaseSeconds: 5, sweepSeconds: 2 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-hostile-up-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-outside-'));
  for (const r of ['medarbejder', 'medarbejder2']) as[r] = await t.as(r);
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

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

/** Every file below `root`, absolute. */
const filesUnder = (root: string) =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

describe('uploads that name other files', () => {
  it('fail as not a video, read nothing and make nothing; the other video is untouched', async () => {
    // Another person's private video, processed: its original and its rendition under the media folder.
    const other = await tusUpload(base, as.medarbejder2, await makeVideo(dir, { name: 'anden', seconds: 2 }));
    expect((await settle(as.medarbejder2, other.videoId)).status).toBe('ready');
    const media = path.join(t.ctx.config.dataDir, 'media');
    const segment = path.join(media, 'videos', other.videoId, 'hls', '360p', 'seg_00000.ts');
    expect(fs.existsSync(segment)).toBe(true);
    expect(fs.existsSync(path.join(media, 'originals', other.videoId))).toBe(true);
    const otherFiles = (await t.ctx.storage.list(`videos/${other.videoId}/`)).sort();
    const { path: secretFile, secret } = await makeSecretSegment(outside);
    expect(secretFile.startsWith(t.ctx.config.dataDir)).toBe(false);

    const hostile = {
      // By relative path from originals/<id> and by absolute path, plus the file outside DATA_DIR.
      playlist: await makeHlsPlaylist(path.join(dir, 'lektion.mp4'), [
        `../videos/${other.videoId}/hls/360p/seg_00000.ts`,
        segment,
        secretFile,
      ]),
      // Relative names resolve beside the upload itself: another person's original.
      concat: await makeFfconcat(path.join(dir, 'klip.mov'), [other.videoId]),
      // ffmpeg's concat "safe" mode already refuses absolute names; refused before it gets that far now.
      concatOutside: await makeFfconcat(path.join(dir, 'klip2.mov'), [secretFile]),
    };
    const ids: Record<string, string> = {};
    for (const [name, file] of Object.entries(hostile))
      ids[name] = (await tusUpload(base, as.medarbejder, file)).videoId;

    const results = [];
    for (const [name, id] of Object.entries(ids)) {
      const v = await settle(as.medarbejder, id);
      results.push([name, v.status, v.failure?.code, v.failure?.message, v.playlistUrl ?? null]);
    }
    expect(results).toEqual(
      Object.keys(ids).map((name) => [name, 'failed', 'video.not_a_video', 'Filen er ikke en video.', null]),
    );
    for (const id of Object.values(ids)) {
      expect(await t.ctx.storage.list(`videos/${id}/`)).toEqual([]);
      expect(fs.existsSync(path.join(media, 'videos', id))).toBe(false);
    }
    // No work folder is left, and no file of the instance holds the secret (no segment, poster or sprite).
    expect(
      fs.readdirSync(path.join(t.ctx.config.dataDir, 'tmp')).filter((f) => f.startsWith('transcode-')),
    ).toEqual([]);
    for (const f of filesUnder(t.ctx.config.dataDir))
      expect(fs.readFileSync(f).includes(secret), path.relative(t.ctx.config.dataDir, f)).toBe(false);
    // The other person's video is as it was.
    expect((await settle(as.medarbejder2, other.videoId)).status).toBe('ready');
    expect((await t.ctx.storage.list(`videos/${other.videoId}/`)).sort()).toEqual(otherFiles);
  }, 180_000);
});
