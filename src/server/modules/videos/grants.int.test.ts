import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import { notificationPath } from '../../../shared/notification-path.js';
import { users } from '../../db/schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

/*
 * Personal shares of one's own recording (issue 19 part A, V10): who can be given one, that taking it back or its
 * end stops the API and the media files at once, that withdrawn consent ends them, and downloads.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let owner: TestClient;
let coach: TestClient;
let video: string;

const SEGMENTS = [Buffer.from('segment-one|'), Buffer.from('segment-two|')];

async function putMedia(id: string) {
  const put = (f: string, b: string | Buffer, type: string) =>
    t.ctx.storage.putBytes(`videos/${id}/${f}`, b, type);
  await put('hls/master.m3u8', '#EXTM3U\n360p/index.m3u8\n', 'application/vnd.apple.mpegurl');
  await put('hls/360p/index.m3u8', '#EXTM3U\nseg_00000.ts\nseg_00001.ts\n', 'application/vnd.apple.mpegurl');
  await put('hls/360p/seg_00000.ts', SEGMENTS[0], 'video/mp2t');
  await put('hls/360p/seg_00001.ts', SEGMENTS[1], 'video/mp2t');
  await put('poster.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg');
  await t.ctx.storage.putBytes(`originals/${id}`, Buffer.from('the original bytes'), 'video/mp4');
}

/** A private recording of medarbejder's at Solsikkeskolen, with media and a consent record that allows sharing. */
async function privateRecording(title = 'Min lektion') {
  const id = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    title,
    visibility: 'private',
  });
  await putMedia(id);
  const res = await owner.put(`/api/v1/videos/${id}/consent`, {
    pupilsAppear: true,
    consentLevel: 'institution',
    collectedBy: 'Skolens kontor',
  });
  expect(res.statusCode).toBe(200);
  return id;
}

const segmentUrl = async (c: TestClient, id: string) => {
  const res = await c.get(`/api/v1/videos/${id}`);
  expect(res.statusCode).toBe(200);
  return (res.json().playlistUrl as string).replace('master.m3u8', '360p/seg_00000.ts');
};
const fetchMedia = (url: string) => t.client().get(url);
const share = (id: string, personId: string, expiresOn: string | null = null) =>
  owner.post(`/api/v1/videos/${id}/grants`, { personId, expiresOn });
const danishDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(ms));

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  owner = await t.as('medarbejder');
  coach = await t.as('ressourceperson');
  video = await privateRecording();
}, 60_000);
afterAll(() => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('who a recording can be shared with', () => {
  it('refuses oneself, another kommune, a deactivated or role-less account, an unknown id and bad end dates', async () => {
    const [noRole] = await t.ctx.db
      .insert(users)
      .values({ email: 'uden-rolle@example.dk', name: 'Uden Rolle', status: 'active' })
      .returning({ id: users.id });
    const [gone] = await t.ctx.db
      .insert(users)
      .values({ email: 'stoppet@example.dk', name: 'Stoppet Kollega', status: 'disabled' })
      .returning({ id: users.id });
    await t.ctx.db.execute(
      sql`insert into role_grants (user_id, role, institution_id) values (${gone.id}, 'medarbejder', ${ids.institution.Solsikkeskolen})`,
    );
    const today = danishDay(Date.now());
    const far = danishDay(Date.now() + (COACHING_LIMITS.grantMaxDays + 2) * 86400_000);
    const cases: [string, string | null, string][] = [
      [ids.user.medarbejder, null, 'grant.self'],
      [ids.user.medarbejder3, null, 'grant.outside_kommune'],
      [ids.user.administrator, null, 'grant.outside_kommune'],
      [ids.user.forvaltning, null, 'grant.not_staff'],
      [noRole.id, null, 'grant.not_staff'],
      [gone.id, null, 'grant.person_inactive'],
      ['00000000-0000-4000-8000-000000000000', null, 'grant.person_not_found'],
      [ids.user.ressourceperson, '2020-01-01', 'grant.expiry_past'],
      [ids.user.ressourceperson, far, 'grant.expiry_too_far'],
      [ids.user.ressourceperson, '2026-02-30', 'request.invalid_date'],
    ];
    for (const [personId, expiresOn, code] of cases) {
      const res = await share(video, personId, expiresOn);
      expect(res.json().error.code, code).toBe(code);
      expect(res.json().error.message).toMatch(/[a-zæøå]/);
    }
    expect((await owner.get(`/api/v1/videos/${video}/grants`)).json().items).toEqual([]);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the picker lists active staff of the kommune (other institutions too), not the owner or outsiders', async () => {
    const res = await owner.get(`/api/v1/videos/${video}/grant-candidates`);
    expect(res.statusCode).toBe(200);
    const found = res.json().items.map((p: { id: string }) => p.id);
    expect(found).toContain(ids.user.ressourceperson);
    expect(found).toContain(ids.user.medarbejder2); // Mælkebøtten, same kommune
    for (const no of ['medarbejder', 'medarbejder3', 'administrator', 'forvaltning'])
      expect(found).not.toContain(ids.user[no]);
    const named = await owner.get(`/api/v1/videos/${video}/grant-candidates?q=%25`);
    expect(named.json().items).toEqual([]); // % is a character, not a wildcard
    expect((await coach.get(`/api/v1/videos/${video}/grant-candidates`)).statusCode).toBe(404);
  });

  it('no share while the consent allows nobody but the owner', async () => {
    const bare = await insertVideo(t.ctx.db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      title: 'Uden samtykke',
      visibility: 'private',
    });
    const res = await share(bare, ids.user.ressourceperson);
    expect(res.json().error.code).toBe('grant.consent_private');
    expect((await owner.get(`/api/v1/videos/${bare}/grants`)).json().consentAllowsSharing).toBe(false);
  });

  it(`at most ${COACHING_LIMITS.grantsPerVideo} people per recording`, async () => {
    const id = await privateRecording('Mange kolleger');
    await t.ctx.db.execute(sql`
      with u as (
        insert into users (email, name, status)
        select 'fyld' || g || '@example.dk', 'Fyld ' || g, 'active' from generate_series(1, ${COACHING_LIMITS.grantsPerVideo}) g
        returning id)
      insert into video_grants (video_id, grantee_id) select ${id}, id from u`);
    expect((await share(id, ids.user.ressourceperson)).json().error.code).toBe('grant.too_many');
  });
});

describe('a share and taking it back', () => {
  it('the coach watches; leader, administrator and a colleague get 404; the coach cannot manage it', async () => {
    const res = await share(video, ids.user.ressourceperson);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      person: { id: ids.user.ressourceperson },
      expiresAt: null,
      expiresOn: null,
    });
    expect((await coach.get(`/api/v1/videos/${video}`)).statusCode).toBe(200);
    expect(await fetchMedia(await segmentUrl(coach, video)).then((r) => r.statusCode)).toBe(200);
    for (const who of ['leder', 'administrator', 'redaktoer', 'forvaltning', 'medarbejder2']) {
      const c = await t.as(who);
      expect((await c.get(`/api/v1/videos/${video}`)).statusCode, who).toBe(404);
    }
    expect((await coach.get(`/api/v1/videos/${video}/grants`)).statusCode).toBe(403);
    expect((await coach.put(`/api/v1/videos/${video}/download`, { allowed: true })).statusCode).toBe(403);
    const mine = (await coach.get('/api/v1/me/shared-with-me')).json().items;
    expect(mine).toMatchObject([
      { videoId: video, title: 'Min lektion', owner: { id: ids.user.medarbejder } },
    ]);
    expect(mine[0].posterUrl).toMatch(/poster\.jpg$/);
    const audits = await rows<{ action: string }>(
      t.ctx.db,
      sql`select action from audit_log where subject_id = ${video} and action like 'video.grant.%'`,
    );
    expect(audits.map((a) => a.action)).toEqual(['video.grant.create']);
  });

  it('taken back: the next API request and the next segment are 404, also with the URL handed out before', async () => {
    const url = await segmentUrl(coach, video);
    const playlist = url.replace('seg_00000.ts', 'index.m3u8');
    expect((await fetchMedia(playlist)).statusCode).toBe(200);
    const [g] = (await owner.get(`/api/v1/videos/${video}/grants`)).json().items;
    expect((await owner.delete(`/api/v1/videos/${video}/grants/${g.id}`)).statusCode).toBe(200);
    expect((await coach.get(`/api/v1/videos/${video}`)).statusCode).toBe(404);
    expect((await fetchMedia(url)).statusCode).toBe(404);
    expect((await fetchMedia(playlist)).statusCode).toBe(404);
    expect((await coach.get('/api/v1/me/shared-with-me')).json().items).toEqual([]);
    expect((await owner.delete(`/api/v1/videos/${video}/grants/${g.id}`)).json().error.code).toBe(
      'grant.not_found',
    );
    // The owner still plays it (with a fresh URL).
    expect(await fetchMedia(await segmentUrl(owner, video)).then((r) => r.statusCode)).toBe(200);
  });

  it('a share that ends while the coach watches: the media URL ends with it, the next request is 404', async () => {
    // The share ends at Danish midnight after today; the coach is watching at 23:30 that evening.
    const today = danishDay(Date.now());
    const res = await share(video, ids.user.ressourceperson, today);
    expect(res.statusCode).toBe(201);
    const end = new Date(res.json().expiresAt).getTime();
    expect(res.json().expiresOn).toBe(today);
    expect(danishDay(end)).not.toBe(today);
    expect(danishDay(end - 1)).toBe(today);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(end - 30 * 60_000);
    const url = await segmentUrl(coach, video);
    expect(Number(url.split('/')[5]) * 1000).toBe(end); // not up to five hours later
    expect((await fetchMedia(url)).statusCode).toBe(200);
    // Midnight passes (the database's clock too: the row says the share has ended).
    vi.setSystemTime(end + 1000);
    await t.ctx.db.execute(
      sql`update video_grants set expires_at = now() - interval '1 second' where video_id = ${video}`,
    );
    expect((await fetchMedia(url)).statusCode).toBe(404);
    expect((await fetchMedia(url.replace('seg_00000.ts', 'index.m3u8'))).statusCode).toBe(404);
    expect((await coach.get(`/api/v1/videos/${video}`)).statusCode).toBe(404);
    expect((await coach.get('/api/v1/me/shared-with-me')).json().items).toEqual([]);
    expect((await owner.get(`/api/v1/videos/${video}/grants`)).json().items).toEqual([]);
  });

  it('consent narrowed to the owner alone ends every share at once (and its media URLs)', async () => {
    expect((await share(video, ids.user.ressourceperson)).statusCode).toBe(201);
    const url = await segmentUrl(coach, video);
    expect((await owner.post(`/api/v1/videos/${video}/consent/withdraw`)).statusCode).toBe(200);
    expect((await coach.get(`/api/v1/videos/${video}`)).statusCode).toBe(404);
    expect((await fetchMedia(url)).statusCode).toBe(404);
    const [left] = await rows<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from video_grants where video_id = ${video}`,
    );
    expect(left.n).toBe(0);
    const [a] = await rows<{ details: { grantsEnded: number } }>(
      t.ctx.db,
      sql`select details from audit_log where subject_id = ${video} and action = 'video.consent.withdraw'`,
    );
    expect(a.details.grantsEnded).toBe(1);
  });
});

type Notice = { kind: string; payload: Record<string, string | null> };

describe("a share's end, and the notice", () => {
  const posterOf = async (c: TestClient, id: string) =>
    (
      (await c.get('/api/v1/me/shared-with-me')).json().items as { videoId: string; posterUrl: string }[]
    ).find((i) => i.videoId === id)?.posterUrl;

  it('the grantee is told once (not again when the end changes), with a link to the recording', async () => {
    const id = await privateRecording('Delt optagelse');
    expect((await share(id, ids.user.ressourceperson)).statusCode).toBe(201);
    expect((await share(id, ids.user.ressourceperson, danishDay(Date.now() + 86_400_000))).statusCode).toBe(
      201,
    );
    const told = await rows<{ kind: string; payload: { videoId: string; authorName: string } }>(
      t.ctx.db,
      sql`select kind, payload from notifications
          where user_id = ${ids.user.ressourceperson} and kind = 'video.shared' and payload->>'videoId' = ${id}`,
    );
    expect(told).toHaveLength(1);
    expect(told[0].payload.authorName).toBeTruthy();
    const list = (await coach.get('/api/v1/notifications')).json().items as Notice[];
    const notice = list.find((n) => n.kind === 'video.shared' && n.payload.videoId === id);
    expect(notificationPath('video.shared', notice?.payload ?? {})).toBe(`/videoer/${id}`);
  });

  it('a shortened share stops the media URLs handed out under the longer one; a longer one does not', async () => {
    const id = await privateRecording('Forkortet deling');
    expect((await share(id, ids.user.ressourceperson)).statusCode).toBe(201);
    const before = await segmentUrl(coach, id);
    expect(
      (await share(id, ids.user.ressourceperson, danishDay(Date.now() + 7 * 86_400_000))).statusCode,
    ).toBe(201);
    expect((await fetchMedia(before)).statusCode).toBe(404);
    const shorter = await segmentUrl(coach, id);
    expect(
      (await share(id, ids.user.ressourceperson, danishDay(Date.now() + 14 * 86_400_000))).statusCode,
    ).toBe(201);
    expect((await fetchMedia(shorter)).statusCode).toBe(200);
  });

  it('when its time is up the expiry task ends it: the poster handed out in "Delt med mig" stops too', async () => {
    const id = await privateRecording('Udløbet deling');
    expect((await share(id, ids.user.ressourceperson, danishDay(Date.now()))).statusCode).toBe(201);
    const poster = await posterOf(coach, id);
    expect(poster).toBeTruthy();
    expect((await fetchMedia(poster as string)).statusCode).toBe(200);
    await t.ctx.db.execute(
      sql`update video_grants set expires_at = now() - interval '1 second' where video_id = ${id}`,
    );
    const { endExpiredGrants } = await import('./grants.js');
    expect(await endExpiredGrants(t.ctx)).toBe(1);
    expect(await endExpiredGrants(t.ctx)).toBe(0); // run twice: nothing more
    expect((await fetchMedia(poster as string)).statusCode).toBe(404);
    expect(await posterOf(coach, id)).toBeUndefined();
    const audits = await rows<{ details: { granteeId: string } }>(
      t.ctx.db,
      sql`select details from audit_log where subject_id = ${id} and action = 'video.grant.expire'`,
    );
    expect(audits.map((a) => a.details.granteeId)).toEqual([ids.user.ressourceperson]);
  });
});

describe('downloads', () => {
  it('off by default: the grantee gets 403 until the owner allows it, then the best rendition; others 404', async () => {
    const id = await privateRecording('Til download');
    expect((await share(id, ids.user.ressourceperson)).statusCode).toBe(201);
    expect((await coach.get(`/api/v1/videos/${id}/download`)).json().error.code).toBe('download.not_allowed');
    expect((await owner.get(`/api/v1/videos/${id}/grants`)).json().downloadAllowed).toBe(false);
    const own = await owner.get(`/api/v1/videos/${id}/download`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('the original bytes');
    expect(own.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await owner.put(`/api/v1/videos/${id}/download`, { allowed: true })).json()).toEqual({
      allowed: true,
    });
    const got = await coach.get(`/api/v1/videos/${id}/download`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('video/mp2t');
    expect(got.rawPayload.equals(Buffer.concat(SEGMENTS))).toBe(true);
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''Til%20download.ts");
    const leader = await t.as('leder');
    expect((await leader.get(`/api/v1/videos/${id}/download`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/v1/videos/${id}/download`)).statusCode).toBe(401);
  });
});
