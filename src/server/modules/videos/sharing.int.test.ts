import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../../../shared/constants.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

/**
 * Issue 13 point 4: a narrowing of visibility — by the owner, an editor or the consent register — ends at once
 * the share links the new visibility no longer allows (access.ts `sharesAllowed`), with every media URL.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
let anon: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'redaktoer']) as[who] = await t.as(who);
  anon = t.client();
}, 60_000);
afterAll(() => t?.close());

const code = (r: { json: () => unknown }) => (r.json() as { error?: { code: string } }).error?.code;

/** A ready video of medarbejder's with media files, no pupils in it, shown as `visibility`. */
async function video(visibility: Visibility, editorialState: 'none' | 'published' = 'none') {
  const id = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    visibility,
    editorialState,
  });
  await t.ctx.storage.putBytes(`videos/${id}/hls/master.m3u8`, '#EXTM3U\n');
  await t.ctx.storage.putBytes(`videos/${id}/poster.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  const consent = await as.medarbejder.put(`/api/v1/videos/${id}/consent`, { pupilsAppear: false });
  expect(consent.statusCode).toBe(200);
  return id;
}

async function share(id: string, duration: '7d' | 'never') {
  const res = await as.medarbejder.post(`/api/v1/videos/${id}/shares`, { duration });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id as string, token: new URL(res.json().url).pathname.split('/').pop() as string };
}

/** What an anonymous holder of the link gets: the share page's status and, when open, its media URLs. */
async function open(token: string) {
  const res = await anon.get(`/api/v1/shared/${token}`);
  return {
    status: res.statusCode,
    playlist: res.json().playlistUrl as string,
    poster: res.json().posterUrl as string,
  };
}
const media = async (url: string) => (await anon.get(url)).statusCode;

/** Both links work, with their media, before the narrowing; returns the media URLs they handed out. */
async function bothOpen(never: { token: string }, expiring: { token: string }) {
  const urls: string[] = [];
  for (const s of [never, expiring]) {
    const page = await open(s.token);
    expect(page.status).toBe(200);
    expect(await media(page.playlist)).toBe(200);
    expect(await media(page.poster)).toBe(200);
    urls.push(page.playlist, page.poster);
  }
  return urls;
}

describe('narrowing visibility ends the share links it no longer allows, at once', () => {
  it('owner: below public ends never-expiring links; private ends every link; media URLs stop with them', async () => {
    const id = await video('public');
    const never = await share(id, 'never');
    const expiring = await share(id, '7d');
    const handedOut = await bothOpen(never, expiring);

    expect(
      (await as.medarbejder.patch(`/api/v1/videos/${id}`, { visibility: 'institution' })).statusCode,
    ).toBe(200);
    const gone = await anon.get(`/api/v1/shared/${never.token}`);
    expect([gone.statusCode, code(gone)]).toEqual([404, 'share.not_found']);
    for (const url of handedOut) expect(await media(url)).toBe(404);
    // The link that expires by itself was given to someone on purpose: it still plays, with fresh media URLs.
    const kept = await open(expiring.token);
    expect(kept.status).toBe(200);
    expect(await media(kept.playlist)).toBe(200);
    const listed = (await as.medarbejder.get(`/api/v1/videos/${id}/shares`)).json().items;
    expect(listed.find((s: { id: string }) => s.id === never.id).revokedAt).not.toBeNull();
    expect(listed.find((s: { id: string }) => s.id === expiring.id).revokedAt).toBeNull();

    expect((await as.medarbejder.patch(`/api/v1/videos/${id}`, { visibility: 'private' })).statusCode).toBe(
      200,
    );
    expect((await open(expiring.token)).status).toBe(404);
    expect(await media(kept.playlist)).toBe(404);
    expect(await media(kept.poster)).toBe(404);
    const refused = await as.medarbejder.post(`/api/v1/videos/${id}/shares`, { duration: '1d' });
    expect([refused.statusCode, code(refused)]).toEqual([409, 'share.private_video']);
    // Widening again does not bring an ended link back.
    await as.medarbejder.patch(`/api/v1/videos/${id}`, { visibility: 'public' });
    expect((await open(never.token)).status).toBe(404);
    expect((await open(expiring.token)).status).toBe(404);
  });

  it('editor: unpublishing a public catalogue video ends its never-expiring link and the media URLs', async () => {
    const id = await video('public', 'published');
    const never = await share(id, 'never');
    const expiring = await share(id, '7d');
    const handedOut = await bothOpen(never, expiring);

    const res = await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/unpublish`, { to: 'draft' });
    expect([res.statusCode, res.json().visibility]).toEqual([200, 'institution']);
    expect((await open(never.token)).status).toBe(404);
    for (const url of handedOut) expect(await media(url)).toBe(404);
    expect((await open(expiring.token)).status).toBe(200);
  });

  it('consent: narrowed below public, every link ends, also when the visibility was already within it', async () => {
    const id = await video('public');
    const never = await share(id, 'never');
    const expiring = await share(id, '7d');
    const handedOut = await bothOpen(never, expiring);
    const set = await as.medarbejder.put(`/api/v1/videos/${id}/consent`, {
      pupilsAppear: true,
      consentLevel: 'kommune',
    });
    expect(set.json().visibility).toBe('kommune');
    for (const s of [never, expiring]) expect((await open(s.token)).status).toBe(404);
    for (const url of handedOut) expect(await media(url)).toBe(404);

    // An institution video with a 7-day link: consent for the institution only does not narrow the visibility,
    // but a link reaches anyone, and the guardians did not agree to that.
    const inst = await video('institution');
    const link = await share(inst, '7d');
    const page = await open(link.token);
    expect(page.status).toBe(200);
    const after = await as.medarbejder.put(`/api/v1/videos/${inst}/consent`, {
      pupilsAppear: true,
      consentLevel: 'institution',
    });
    expect(after.json().visibility).toBe('institution');
    expect((await open(link.token)).status).toBe(404);
    expect(await media(page.playlist)).toBe(404);
  });
});
