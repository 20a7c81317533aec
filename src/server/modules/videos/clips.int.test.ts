import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoGrants } from '../../db/coaching-schema.js';
import { videos } from '../../db/videos-schema.js';
import { canCopyClip, cutClip, probe } from '../../media/index.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { tusUpload } from '../../testing/upload.js';
import { hasEncoder, makeVideo } from '../../testing/videos.js';

// Clips (issue 19, part C): the owner cuts a piece of their own recording into a video of its own.

let t: TestApp;
let base: string;
let dir: string;
let ids: Awaited<ReturnType<typeof demoIds>>;
let source: string;
let sourceFile: string;
const as: Record<string, TestClient> = {};

async function settle(id: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = (await as.medarbejder.get(`/api/v1/videos/${id}`)).json();
    // Ready plays early (issue 21): wait for the renditions step too, so every file is there.
    if ((v.status === 'ready' && !v.renditions) || v.status === 'failed') return v;
    if (Date.now() > until) throw new Error(`video ${id} still ${v.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const clipCount = async () => (await t.database.db.select().from(videos)).filter((v) => v.clipOf).length;
const row = async (id: string) => (await t.database.db.select().from(videos).where(eq(videos.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp({}, { pipeline: { leaseSeconds: 10, sweepSeconds: 5 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-clips-'));
  ids = await demoIds(t.database.db);
  for (const r of ['medarbejder', 'leder', 'administrator', 'ressourceperson', 'laerer1'])
    as[r] = await t.as(r);
  // 6 s of H.264/AAC with a keyframe every 2 s (0, 2, 4).
  sourceFile = await makeVideo(dir, { name: 'lektion', seconds: 6, width: 320, height: 240, fps: 10 });
  ({ videoId: source } = await tusUpload(base, as.medarbejder, sourceFile, {
    metadata: { filename: 'lektion.mp4', title: 'Min lektion' },
  }));
  expect((await settle(source)).status).toBe('ready');
  const consent = { pupilsAppear: true, consentLevel: 'institution', collectedBy: 'Skolens kontor' };
  expect((await as.medarbejder.put(`/api/v1/videos/${source}/consent`, consent)).statusCode).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('who may cut a clip', () => {
  it('only the owner: leaders and administrators do not see a private recording, a grantee or a colleague may not cut', async () => {
    const body = { title: 'Klip', start: 1, end: 3 };
    for (const who of ['leder', 'administrator'])
      expect(err(await as[who].post(`/api/v1/videos/${source}/clips`, body))).toEqual([
        404,
        'video.not_found',
      ]);
    // A personal share lets the ressourceperson watch it, not cut it.
    await t.database.db
      .insert(videoGrants)
      .values({ videoId: source, granteeId: ids.user.ressourceperson, grantedBy: ids.user.medarbejder });
    expect((await as.ressourceperson.get(`/api/v1/videos/${source}`)).statusCode).toBe(200);
    expect(err(await as.ressourceperson.post(`/api/v1/videos/${source}/clips`, body))[0]).toBe(403);
    expect((await as.ressourceperson.get(`/api/v1/videos/${source}/clips`)).statusCode).toBe(403);
    await t.database.db.delete(videoGrants).where(eq(videoGrants.videoId, source));
    // Shown to the institution: a colleague and the leader watch it, but may not cut it.
    expect(
      (await as.medarbejder.patch(`/api/v1/videos/${source}`, { visibility: 'institution' })).statusCode,
    ).toBe(200);
    for (const who of ['laerer1', 'leder']) {
      expect((await as[who].get(`/api/v1/videos/${source}`)).statusCode).toBe(200);
      expect(err(await as[who].post(`/api/v1/videos/${source}/clips`, body))[0]).toBe(403);
    }
    expect(
      (await as.medarbejder.patch(`/api/v1/videos/${source}`, { visibility: 'private' })).statusCode,
    ).toBe(200);
    expect(err(await as.medarbejder.post(`/api/v1/videos/${crypto.randomUUID()}/clips`, body))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(await clipCount()).toBe(0);
  });
});

describe('bad ranges', () => {
  it('each has its own code and Danish message, and nothing is made', async () => {
    const post = (start: number, end: number) =>
      as.medarbejder.post(`/api/v1/videos/${source}/clips`, { title: 'Klip', start, end });
    expect(err(await post(4, 2))).toEqual([422, 'clip.end_before_start']);
    expect(err(await post(3, 3))).toEqual([422, 'clip.too_short']);
    expect(err(await post(3, 3.5))).toEqual([422, 'clip.too_short']);
    expect(err(await post(4, 9))).toEqual([422, 'clip.beyond_end']);
    expect(err(await post(7, 9))).toEqual([422, 'clip.beyond_end']);
    const res = await post(2, 1);
    expect(res.json().error.message).toMatch(/slutning ligger før/);
    expect(err(await post(-1, 2))).toEqual([400, 'request.invalid']);
    expect(
      err(await as.medarbejder.post(`/api/v1/videos/${source}/clips`, { title: ' ', start: 1, end: 3 }))[0],
    ).toBe(400);
    // Not processed yet: nothing to cut from.
    const unfinished = await insertVideo(t.database.db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      status: 'processing',
    });
    expect(
      err(await as.medarbejder.post(`/api/v1/videos/${unfinished}/clips`, { title: 'x', start: 0, end: 2 })),
    ).toEqual([409, 'clip.original_not_ready']);
    expect(await clipCount()).toBe(0);
  });
});

describe('cutting', () => {
  it('H.264/AAC is copied from the nearest keyframe; the clip is a private video of its own with the consent record', async () => {
    const res = await as.medarbejder.post(`/api/v1/videos/${source}/clips`, {
      title: 'Eleverne forklarer',
      start: 2.7,
      end: 5.2,
    });
    expect(res.statusCode).toBe(201);
    const clip = res.json();
    expect(clip).toMatchObject({
      title: 'Eleverne forklarer',
      visibility: 'private',
      owner: { id: ids.user.medarbejder },
    });
    expect(['processing', 'ready']).toContain(clip.status);
    const ready = await settle(clip.id);
    expect(ready.status).toBe('ready');
    expect(ready.playlistUrl).toBeTruthy();
    expect(ready.posterUrl).toBeTruthy();
    // The keyframes are at 0, 2 and 4 s: 2.7 snaps to 2.
    const r = await row(clip.id);
    expect(r.clipOf).toBe(source);
    expect(r.clipStart).toBeCloseTo(2, 1);
    expect(r.clipEnd).toBeCloseTo(5.2, 2);
    expect(Math.abs((ready.durationSeconds as number) - 2.5)).toBeLessThanOrEqual(2);
    expect(Math.abs((ready.durationSeconds as number) - (5.2 - 2))).toBeLessThan(0.3);
    expect(r.media?.source?.codec).toBe('h264');
    // The consent record came along; the walk-through does not open for a clip.
    expect(ready.consent).toMatchObject({ pupilsAppear: true, consentLevel: 'institution' });

    const overview = (await as.medarbejder.get(`/api/v1/videos/${source}/clips`)).json();
    expect(overview.clipOf).toBeNull();
    expect(overview.clips.map((c: { id: string }) => c.id)).toEqual([clip.id]);
    const mine = (await as.medarbejder.get(`/api/v1/videos/${clip.id}/clips`)).json();
    expect(mine).toMatchObject({ clipOf: { id: source, title: 'Min lektion' }, clips: [] });

    // Published to the institution within the consent; the source stays private.
    expect(err(await as.medarbejder.patch(`/api/v1/videos/${clip.id}`, { visibility: 'kommune' }))).toEqual([
      409,
      'video.visibility_exceeds_consent',
    ]);
    expect(
      (await as.medarbejder.patch(`/api/v1/videos/${clip.id}`, { visibility: 'institution' })).statusCode,
    ).toBe(200);
    expect((await as.leder.get(`/api/v1/videos/${clip.id}`)).statusCode).toBe(200);
    expect(err(await as.leder.get(`/api/v1/videos/${source}`))).toEqual([404, 'video.not_found']);
    expect(err(await as.leder.get(`/api/v1/videos/${clip.id}/clips`))[0]).toBe(403);
    expect((await row(source)).visibility).toBe('private');

    // A learning package takes the clip through its own add-video path.
    const pkg = await as.medarbejder.post('/api/v1/packages', {
      title: 'Taletid',
      visibility: 'private',
      items: [{ kind: 'video', videoId: clip.id }],
    });
    expect(pkg.statusCode).toBe(201);
    expect(pkg.json().items[0].video.id).toBe(clip.id);
  }, 180_000);

  it('other codecs are re-encoded from the exact start', async () => {
    if (!(await hasEncoder('libx265'))) return;
    const file = await makeVideo(dir, {
      name: 'hevc',
      codec: 'hevc',
      seconds: 4,
      width: 320,
      height: 240,
      fps: 10,
    });
    const { videoId } = await tusUpload(base, as.medarbejder, file, {
      metadata: { filename: 'hevc.mp4', title: 'HEVC' },
    });
    expect((await settle(videoId)).status).toBe('ready');
    const res = await as.medarbejder.post(`/api/v1/videos/${videoId}/clips`, {
      title: 'Kort',
      start: 1.3,
      end: 3.3,
    });
    expect(res.statusCode).toBe(201);
    const ready = await settle(res.json().id);
    expect(ready.status).toBe('ready');
    const r = await row(ready.id);
    expect(r.clipStart).toBeCloseTo(1.3, 2);
    expect(Math.abs((ready.durationSeconds as number) - 2)).toBeLessThan(0.3);
    // The clip's own original is H.264 (the source was HEVC).
    const stored = await t.ctx.storage.localCopy(`originals/${ready.id}`);
    try {
      const p = await probe(stored.path);
      expect(p.videoCodec).toBe('h264');
      expect(p.audioCodec).toBe('aac');
    } finally {
      await stored.release();
    }
  }, 180_000);

  it('cutClip: the copy starts at a keyframe, the re-encode at the asked time, both last about as long as asked', async () => {
    const p = await probe(sourceFile);
    expect(canCopyClip(p)).toBe(true);
    const copied = await cutClip({
      input: sourceFile,
      out: path.join(dir, 'a.mp4'),
      probe: p,
      start: 3.8,
      end: 5.5,
      minSeconds: 1,
    });
    expect(copied).toMatchObject({ copied: true });
    expect(copied.start).toBeCloseTo(4, 1);
    const a = await probe(path.join(dir, 'a.mp4'));
    expect(Math.abs(a.durationSeconds - 1.5)).toBeLessThan(0.3);
    // Nearest keyframe 4 would leave under a second before 4.5: the one before (2) is taken.
    const early = await cutClip({
      input: sourceFile,
      out: path.join(dir, 'b.mp4'),
      probe: p,
      start: 3.6,
      end: 4.5,
      minSeconds: 1,
    });
    expect(early.start).toBeCloseTo(2, 1);
    const encoded = await cutClip({
      input: sourceFile,
      out: path.join(dir, 'c.mp4'),
      probe: p,
      start: 0.5,
      end: 2.5,
      minSeconds: 1,
      copy: false,
    });
    expect(encoded).toEqual({ start: 0.5, end: 2.5, copied: false });
    const c = await probe(path.join(dir, 'c.mp4'));
    expect(Math.abs(c.durationSeconds - 2)).toBeLessThan(0.2);
  }, 60_000);
});
