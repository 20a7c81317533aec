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
/** The ready video of the first test, used by the later ones (one transcode for the whole file). */
let ready: { id: string; playlistUrl: string };

beforeAll(async () => {
  t = await createTestApp({}, { pipeline: { leaseSeconds: 5, sweepSeconds: 2 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-videos-'));
  for (const r of ['medarbejder', 'medarbejder2', 'ressourceperson', 'leder', 'administrator', 'forvaltning'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function waitFor(c: TestClient, id: string, status: string, timeoutMs = 240_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = (await c.get(`/api/v1/videos/${id}`)).json();
    // Ready plays early (issue 21): wait for the renditions step too, so every file is there.
    if (v.status === status && !(status === 'ready' && v.renditions)) return v;
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
    ready = { id: videoId, playlistUrl: v.playlistUrl };
  }, 300_000);
});

const status = (c: TestClient, id: string) => c.get(`/api/v1/videos/${id}`).then((r) => r.statusCode);
const code = (r: { json: () => unknown }) => (r.json() as { error: { code: string } }).error.code;

describe('visibility follows the consent register', () => {
  it('without a consent record the video stays private', async () => {
    const r = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'institution' });
    expect([r.statusCode, code(r)]).toEqual([409, 'video.consent_required']);
  });

  it('pupils with consent for the team: team yes, institution no', async () => {
    const consent = await as.medarbejder.request('PUT', `/api/v1/videos/${ready.id}/consent`, {
      pupilsAppear: true,
      consentLevel: 'team',
      collectedBy: 'Mette Nørgaard',
      collectedOn: '2026-11-02',
    });
    expect(consent.statusCode).toBe(200);
    expect(consent.json()).toMatchObject({ widestVisibility: 'team', consent: { consentLevel: 'team' } });
    const wide = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'institution' });
    expect([wide.statusCode, code(wide)]).toEqual([409, 'video.visibility_exceeds_consent']);
    const noTeam = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'team' });
    expect([noTeam.statusCode, code(noTeam)]).toEqual([400, 'video.team_required']);

    const me = (await as.medarbejder.get('/api/v1/me')).json();
    const mat = me.teams.find((x: { name: string }) => x.name === 'Matematikteamet');
    const notMine = (await as.medarbejder2.get('/api/v1/me')).json().teams[0];
    const foreign = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, {
      visibility: 'team',
      teamId: notMine.id,
    });
    expect([foreign.statusCode, code(foreign)]).toEqual([400, 'video.team_not_yours']);
    const ok = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, {
      visibility: 'team',
      teamId: mat.id,
    });
    expect(ok.json()).toMatchObject({ visibility: 'team', teamId: mat.id });

    // Rasmus is in Matematikteamet; the leder of the school and the colleague elsewhere are not.
    expect(await status(as.ressourceperson, ready.id)).toBe(200);
    expect(await status(as.leder, ready.id)).toBe(404);
    expect(await status(as.medarbejder2, ready.id)).toBe(404);
    const theirs = (await as.ressourceperson.get(`/api/v1/videos/${ready.id}`)).json();
    expect(theirs.canEdit).toBe(false);
    expect(theirs.consent).toBeUndefined(); // the consent record is the owner's
    expect(
      (await as.ressourceperson.patch(`/api/v1/videos/${ready.id}`, { title: 'Min nu' })).statusCode,
    ).toBe(403);
    expect((await as.ressourceperson.delete(`/api/v1/videos/${ready.id}`)).statusCode).toBe(403);
  });

  it('no pupils: kommune-wide, and the lists agree with single reads', async () => {
    await as.medarbejder.request('PUT', `/api/v1/videos/${ready.id}/consent`, { pupilsAppear: false });
    const r = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'kommune' });
    expect(r.json().visibility).toBe('kommune');
    expect(await status(as.medarbejder2, ready.id)).toBe(200);
    expect(await status(as.forvaltning, ready.id)).toBe(200);
    const list = (await as.medarbejder2.get('/api/v1/videos')).json();
    expect(list.items.map((v: { id: string }) => v.id)).toContain(ready.id);
    const ids = async (url: string) =>
      (await as.medarbejder.get(url)).json().items.map((v: { id: string }) => v.id);
    expect(await ids('/api/v1/videos?mine=true')).toContain(ready.id);
    expect(await ids('/api/v1/videos?mine=false')).not.toContain(ready.id);
    expect(await ids('/api/v1/videos')).toContain(ready.id);
    expect((await t.client().get(`/api/v1/videos/${ready.id}`)).statusCode).toBe(404); // not public
  });

  it('withdrawn consent makes the video private at once and old media URLs stop working', async () => {
    const before = (await as.medarbejder2.get(`/api/v1/videos/${ready.id}`)).json();
    expect((await fetch(base + before.playlistUrl)).status).toBe(200);
    const w = await as.medarbejder.post(`/api/v1/videos/${ready.id}/consent/withdraw`);
    expect(w.json()).toMatchObject({ visibility: 'private', widestVisibility: 'private' });
    expect(await status(as.medarbejder2, ready.id)).toBe(404);
    expect((await fetch(base + before.playlistUrl)).status).toBe(404);
    const wide = await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'team' });
    expect(code(wide)).toBe('video.visibility_exceeds_consent');
    const log = await t.ctx.database.executeSql(
      `select action from audit_log where subject_id = $1 order by created_at`,
      [ready.id],
    );
    expect(log.rows.map((x) => (x as { action: string }).action)).toEqual(
      expect.arrayContaining(['video.upload', 'video.consent.set', 'video.consent.withdraw']),
    );
  });
});

describe('share links', () => {
  it('work for anyone until revoked, and need consent for public showing', async () => {
    const refused = await as.medarbejder.post(`/api/v1/videos/${ready.id}/shares`, { duration: '7d' });
    expect([refused.statusCode, code(refused)]).toEqual([409, 'video.visibility_exceeds_consent']);
    await as.medarbejder.request('PUT', `/api/v1/videos/${ready.id}/consent`, { pupilsAppear: false });
    const never = await as.medarbejder.post(`/api/v1/videos/${ready.id}/shares`, { duration: 'never' });
    expect(code(never)).toBe('share.never_requires_public');
    // Private means only the owner: no link either, until the video is shown to more people.
    const priv = await as.medarbejder.post(`/api/v1/videos/${ready.id}/shares`, { duration: '7d' });
    expect([priv.statusCode, code(priv)]).toEqual([409, 'share.private_video']);
    await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'institution' });

    const made = await as.medarbejder.post(`/api/v1/videos/${ready.id}/shares`, { duration: '7d' });
    expect(made.statusCode).toBe(201);
    const { id: shareId, url, expiresAt } = made.json();
    expect(url).toMatch(/^http:\/\/amongi\.test\/del\/[A-Za-z0-9_-]{32}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const token = url.split('/').pop();

    const anon = t.client();
    const shared = await anon.get(`/api/v1/shared/${token}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).not.toHaveProperty('owner');
    expect((await fetch(base + shared.json().playlistUrl)).status).toBe(200);
    expect((await anon.get(`/api/v1/shared/${token}x`)).statusCode).toBe(404);
    // The owner's list shows the link but never its token.
    const listed = (await as.medarbejder.get(`/api/v1/videos/${ready.id}/shares`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: shareId, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    // Only the owner manages links.
    expect((await as.medarbejder2.get(`/api/v1/videos/${ready.id}/shares`)).statusCode).toBe(404);

    expect((await as.medarbejder.delete(`/api/v1/videos/${ready.id}/shares/${shareId}`)).statusCode).toBe(
      200,
    );
    const gone = await anon.get(`/api/v1/shared/${token}`);
    expect([gone.statusCode, code(gone)]).toEqual([404, 'share.not_found']);
    expect((await fetch(base + shared.json().playlistUrl)).status).toBe(404);
    await as.medarbejder.patch(`/api/v1/videos/${ready.id}`, { visibility: 'private' }); // as the tests below expect
  });
});

describe('captions', () => {
  const vtt = 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nGodmorgen <b>alle</b>\n';

  it('a bad file gets a clear error; a good one becomes a track whose text is kept', async () => {
    const put = (body: string, lang = 'da') =>
      as.medarbejder.request('PUT', `/api/v1/videos/${ready.id}/captions/${lang}?label=Dansk`, body, {
        headers: { 'content-type': 'text/vtt' },
      });
    const bad = await put('1\n00:00:01,000 --> 00:00:02,000\nSRT\n');
    expect([bad.statusCode, code(bad)]).toEqual([400, 'caption.invalid']);
    expect(bad.json().error.message).toBe('Undertekstfilen er ikke gyldig WebVTT.');
    expect((await put(vtt, 'Dansk!')).statusCode).toBe(400);
    expect((await put(vtt, '..%2Fetc')).statusCode).toBe(400);

    const ok = await put(vtt);
    expect(ok.statusCode).toBe(200);
    const track = ok.json().captions[0];
    expect(track).toMatchObject({ language: 'da', label: 'Dansk' });
    const file = await fetch(base + track.url);
    expect(file.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await file.text()).toBe(vtt);
    const stored = await t.ctx.database.executeSql('select text from video_captions where video_id = $1', [
      ready.id,
    ]);
    expect(stored.rows).toEqual([{ text: 'Godmorgen alle' }]);

    expect((await as.medarbejder.delete(`/api/v1/videos/${ready.id}/captions/da`)).statusCode).toBe(200);
    expect((await as.medarbejder.delete(`/api/v1/videos/${ready.id}/captions/da`)).statusCode).toBe(404);
  });
});

describe('delete', () => {
  it('only the owner deletes; afterwards no file of the video is left in storage', async () => {
    await as.medarbejder.request(
      'PUT',
      `/api/v1/videos/${ready.id}/captions/en`,
      'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n',
      {
        headers: { 'content-type': 'text/vtt' },
      },
    );
    expect((await t.ctx.storage.list(`videos/${ready.id}`)).length).toBeGreaterThan(5);
    expect(await t.ctx.storage.stat(`originals/${ready.id}`)).not.toBeNull();
    expect((await as.leder.delete(`/api/v1/videos/${ready.id}`)).statusCode).toBe(404);
    expect((await as.medarbejder.delete(`/api/v1/videos/${ready.id}`)).statusCode).toBe(200);
    expect(await t.ctx.storage.list(`videos/${ready.id}`)).toEqual([]);
    expect(await t.ctx.storage.stat(`originals/${ready.id}`)).toBeNull();
    expect((await t.ctx.storage.list('')).filter((k) => k.includes(ready.id))).toEqual([]);
    expect(await status(as.medarbejder, ready.id)).toBe(404);
  });
});
