import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videos } from '../../db/videos-schema.js';
import { parseMediaPlaylist } from '../../media/playlists.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { tusUpload } from '../../testing/upload.js';
import { hasEncoder, makeVideo } from '../../testing/videos.js';

/*
 * Issue 21, item 1: a video plays from its first rendition — the source copied (remux) when it is H.264/AAC
 * within the limits, else the lowest rung encoded alone — while the other rungs, the poster and the sprite
 * are made. Watched from outside while the job runs: the state the API reports and the master playlist in
 * storage, which must be a complete, valid playlist every time it is read.
 */
let t: TestApp;
let base: string;
let dir: string;
let me: TestClient;

beforeAll(async () => {
  t = await createTestApp({}, { pipeline: { leaseSeconds: 4, sweepSeconds: 1 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-renditions-'));
  me = await t.as('medarbejder');
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Seen = {
  status: string;
  renditions: { done: string[]; coming: string[] } | null;
  playlistUrl: string | null;
  posterUrl: string | null;
  thumbnailsUrl: string | null;
};
const hlsDir = (id: string) => path.join(t.ctx.config.dataDir, 'media', 'videos', id, 'hls');

/**
 * The master playlist as a player would find it now: null when there is none yet; else the rungs it names,
 * each checked to be complete (its playlist ends, and every segment it names is there and not empty).
 */
function readMaster(id: string): string[] | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(hlsDir(id), 'master.m3u8'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  expect(lines[0]).toBe('#EXTM3U');
  const variants = lines.filter((l) => l.endsWith('/index.m3u8'));
  expect(variants.length).toBe(lines.filter((l) => l.startsWith('#EXT-X-STREAM-INF:')).length);
  expect(variants.length).toBeGreaterThan(0);
  for (const v of variants) {
    const media = fs.readFileSync(path.join(hlsDir(id), v), 'utf8');
    expect(media).toContain('#EXT-X-ENDLIST');
    const segments = parseMediaPlaylist(media);
    expect(segments.length).toBeGreaterThan(0);
    for (const s of segments)
      expect(fs.statSync(path.join(hlsDir(id), path.dirname(v), s.uri)).size).toBeGreaterThan(0);
  }
  return variants.map((v) => path.dirname(v));
}

/** Polls the video (API and master playlist) until the renditions step is done; every state seen, in order. */
async function watch(id: string, timeoutMs = 240_000) {
  const states: { api: Seen; master: string[] | null }[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const api = (await me.get(`/api/v1/videos/${id}`)).json() as Seen;
    const master = readMaster(id);
    const last = states.at(-1);
    if (!last || JSON.stringify(last.api) !== JSON.stringify(api) || String(last.master) !== String(master))
      states.push({ api, master });
    if (api.status === 'failed') throw new Error(`failed: ${JSON.stringify(api)}`);
    if (api.status === 'ready' && !api.renditions) return states;
    if (Date.now() > until) throw new Error(`not done: ${JSON.stringify(states.at(-1))}`);
    await new Promise((r) => setTimeout(r, 60));
  }
}

async function mediaOf(id: string) {
  const [v] = await t.database.db
    .select({ media: videos.media, stage: videos.stage })
    .from(videos)
    .where(eq(videos.id, id));
  return v;
}

describe('the first playable rendition comes first', () => {
  it('an H.264/AAC phone video plays from its copied source before the ladder is done', async () => {
    // Noise: heavy enough to encode that the other rungs take a while after the copy.
    const file = await makeVideo(dir, {
      ...{ name: 'phone', seconds: 8, width: 1280, height: 720, noise: true, bitrate: '2000k' },
    });
    const { videoId } = await tusUpload(base, me, file);
    const states = await watch(videoId);

    // Playable while more qualities were on their way: the copied 720p alone in the master, the rest coming.
    const early = states.find((s) => s.api.status === 'ready' && (s.api.renditions?.coming.length ?? 0) > 0);
    expect(early, JSON.stringify(states)).toBeDefined();
    expect(early?.api.renditions).toEqual({ done: ['720p'], coming: ['360p', '540p'] });
    expect(early?.master).toEqual(['720p']);
    expect(early?.api.playlistUrl).toMatch(/hls\/master\.m3u8\?r=1$/);
    // Nothing was playable before the master named a complete rung.
    for (const s of states) if (s.api.status === 'ready') expect(s.master).not.toBeNull();
    // The master only ever grew: [720p], then the whole ladder.
    const masters = [...new Set(states.map((s) => String(s.master)))].filter((m) => m !== 'null');
    expect(masters).toEqual(['720p', '360p,540p,720p']);

    const done = states.at(-1)?.api as Seen;
    expect(done.playlistUrl).toMatch(/hls\/master\.m3u8$/);
    expect(done.posterUrl).not.toBeNull();
    expect(done.thumbnailsUrl).not.toBeNull();
    const m = await mediaOf(videoId);
    expect(m.stage).toBeNull();
    expect(m.media).toMatchObject({ remuxed: true, pending: [], poster: true, sprite: true });
    expect(m.media?.rungs.map((r) => r.name)).toEqual(['360p', '540p', '720p']);

    // The growing master is served uncached; the segments as before.
    const master = await fetch(`${base}${done.playlistUrl}`);
    expect(master.status).toBe(200);
    expect(master.headers.get('cache-control')).toBe('private, no-cache');
  }, 300_000);

  it('a video that must be transcoded (HEVC) plays from its lowest rung first', async () => {
    if (!(await hasEncoder('libx265'))) return;
    const file = await makeVideo(dir, { name: 'hevc', seconds: 6, width: 1280, height: 720, codec: 'hevc' });
    const { videoId } = await tusUpload(base, me, file);
    const states = await watch(videoId);
    const early = states.find((s) => s.api.status === 'ready' && (s.api.renditions?.coming.length ?? 0) > 0);
    expect(early, JSON.stringify(states)).toBeDefined();
    expect(early?.api.renditions).toEqual({ done: ['360p'], coming: ['540p', '720p'] });
    expect(early?.master).toEqual(['360p']);
    expect(states.at(-1)?.master).toEqual(['360p', '540p', '720p']);
    expect((await mediaOf(videoId)).media).toMatchObject({ remuxed: false, pending: [] });
  }, 300_000);
});

describe('a crash between rungs', () => {
  it('the renditions step resumes with the missing rungs only, and the master stays valid throughout', async () => {
    const file = await makeVideo(dir, { name: 'resume', seconds: 6, width: 960, height: 540 });
    const { videoId } = await tusUpload(base, me, file);
    await watch(videoId);
    const before = await mediaOf(videoId);
    expect(before.media?.rungs.map((r) => r.name)).toEqual(['360p', '540p']);
    const kept = fs.statSync(path.join(hlsDir(videoId), '540p', 'index.m3u8')).mtimeMs;

    // As after a worker died between the copy and the ladder: only 540p (the copy) done, 360p and the sprite
    // missing, the step's lease run out. The master in storage still names both; a stale 360p is left over.
    const m = before.media;
    if (!m) throw new Error('no media');
    await t.database.db
      .update(videos)
      .set({
        stage: 'renditions',
        leaseOwner: 'dead-worker:1',
        leaseUntil: sql`now() - interval '1 minute'`,
        updatedAt: sql`now() - interval '1 minute'`,
        media: { ...m, rungs: m.rungs.filter((r) => r.name === '540p'), pending: ['360p'], sprite: false },
      })
      .where(eq(videos.id, videoId));
    const during = (await me.get(`/api/v1/videos/${videoId}`)).json() as Seen;
    expect(during).toMatchObject({ status: 'ready', renditions: { done: ['540p'], coming: ['360p'] } });

    // The sweeper finds the stranded step; the master is read and checked all the while.
    const states = await watch(videoId, 120_000);
    for (const s of states) expect(s.master).not.toBeNull();
    const after = await mediaOf(videoId);
    expect(after.stage).toBeNull();
    expect(after.media?.rungs.map((r) => r.name)).toEqual(['360p', '540p']);
    expect(after.media).toMatchObject({ pending: [], sprite: true, poster: true });
    // 540p was not made again.
    expect(fs.statSync(path.join(hlsDir(videoId), '540p', 'index.m3u8')).mtimeMs).toBe(kept);
    expect(readMaster(videoId)).toEqual(['360p', '540p']);
  }, 300_000);

  it('a renditions step that fails for good leaves the video playable with what it has', async () => {
    const file = await makeVideo(dir, { name: 'gone', seconds: 3, width: 960, height: 540 });
    const { videoId } = await tusUpload(base, me, file);
    await watch(videoId);
    const m = (await mediaOf(videoId)).media;
    if (!m) throw new Error('no media');
    // The original is no longer a video (say, storage damaged it): probing it fails permanently.
    fs.writeFileSync(path.join(t.ctx.config.dataDir, 'media', 'originals', videoId), 'not a video');
    await t.database.db
      .update(videos)
      .set({
        stage: 'renditions',
        updatedAt: sql`now() - interval '1 minute'`,
        media: { ...m, rungs: m.rungs.filter((r) => r.name === '540p'), pending: ['360p'] },
      })
      .where(eq(videos.id, videoId));
    await watch(videoId, 60_000);
    const after = await mediaOf(videoId);
    expect(after.stage).toBeNull();
    const v = (await me.get(`/api/v1/videos/${videoId}`)).json() as Seen;
    expect(v.status).toBe('ready');
    expect(v.playlistUrl).not.toBeNull();
    expect(readMaster(videoId)).toEqual(['360p', '540p']);
  }, 120_000);
});
