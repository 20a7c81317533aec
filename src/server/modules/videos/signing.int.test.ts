import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signer } from '../../auth/crypto.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { MEDIA_PREFIX } from './signing.js';

/**
 * The attack of issue 13: the CSRF endpoint answers a MAC of any cookie value, so with one key for both, its
 * answer for the cookie "media:<id>:<version>:<expires>" was a working, never-expiring media URL for any video.
 */
let t: TestApp;
let owner: TestClient;
let video: string;
/** The owner's own signed prefix: the positive control that the files are there and served. */
let prefix: string;
let version: number;

const HOUR = 3600;
const tenYearsAhead = () => Math.ceil((Date.now() / 1000 + 10 * 365 * 86400) / HOUR) * HOUR;
const fetchMedia = (url: string) => t.client().get(url);

beforeAll(async () => {
  t = await createTestApp();
  const ids = await demoIds(t.ctx.db);
  owner = await t.as('medarbejder');
  video = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    title: 'Privat lektion',
    visibility: 'private',
  });
  await t.ctx.storage.putBytes(
    `videos/${video}/hls/master.m3u8`,
    '#EXTM3U\n',
    'application/vnd.apple.mpegurl',
  );
  await t.ctx.storage.putBytes(
    `videos/${video}/poster.jpg`,
    Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
    'image/jpeg',
  );
  const v = (await owner.get(`/api/v1/videos/${video}`)).json();
  prefix = v.playlistUrl.replace(/hls\/master\.m3u8$/, '');
  version = Number(prefix.split('/')[4]);
}, 60_000);
afterAll(() => t?.close());

/** What GET /api/v1/auth/csrf answers an anonymous client whose CSRF cookie it chose. */
async function csrfFor(cookie: string) {
  const c = t.client();
  c.cookies.set('amongi_csrf', cookie);
  const res = await c.get('/api/v1/auth/csrf');
  expect(res.statusCode).toBe(200);
  expect(res.cookies).toEqual([]); // the chosen cookie was taken as it is
  return res.json().token as string;
}

describe('media URLs cannot be forged', () => {
  it('the owner plays the private video; a stranger sees nothing of it', async () => {
    expect((await fetchMedia(`${prefix}poster.jpg`)).statusCode).toBe(200);
    expect((await fetchMedia(`${prefix}hls/master.m3u8`)).statusCode).toBe(200);
    expect((await t.client().get(`/api/v1/videos/${video}`)).statusCode).toBe(404);
  });

  it("the CSRF endpoint's answer for a chosen cookie is no media signature (the old attack, over HTTP)", async () => {
    const expires = tenYearsAhead();
    const token = await csrfFor(`media:${video}:${version}:${expires}`);
    const forged = `${MEDIA_PREFIX}/${video}/${version}/${expires}/${token.slice(0, 32)}/`;
    for (const file of ['poster.jpg', 'hls/master.m3u8'])
      expect((await fetchMedia(forged + file)).statusCode).toBe(404);

    // Nor with an expiry the server would issue itself, nor with the message the media signer signs now.
    const issued = Number(prefix.split('/')[5]);
    for (const cookie of [`media:${video}:${version}:${issued}`, `${video}:${version}:${issued}`]) {
      const sig = (await csrfFor(cookie)).slice(0, 32);
      const url = `${MEDIA_PREFIX}/${video}/${version}/${issued}/${sig}/poster.jpg`;
      expect((await fetchMedia(url)).statusCode).toBe(404);
    }
  });

  it('a correctly signed media URL with a far-future expiry is refused', async () => {
    const media = signer(t.ctx.secret, 'media', 24);
    const at = (expires: number) =>
      `${MEDIA_PREFIX}/${video}/${version}/${expires}/${media.sign(`${video}:${version}:${expires}`)}/poster.jpg`;
    const issued = Number(prefix.split('/')[5]);
    expect((await fetchMedia(at(issued))).statusCode).toBe(200); // the same signer, a normal expiry: served
    expect((await fetchMedia(at(tenYearsAhead()))).statusCode).toBe(404);
    expect((await fetchMedia(at(issued + 2 * HOUR))).statusCode).toBe(404);
  });
});
