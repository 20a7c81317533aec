import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comments, communityVideos } from '../../db/community-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const API = '/api/v1';
let community: string;
/** Videos by name: inst (Solsikkeskolen only), pub, priv, kom (the kommune), team (Matematikteamet). */
const v: Record<string, string> = {};

type Item = {
  id: string;
  kind: 'video' | 'comment';
  at: string;
  source: { type: string; id: string; name: string };
  video: { id: string; title: string; posterUrl: string | null; durationSeconds: number | null };
  sharedBy?: { id: string; name: string } | null;
  comment?: { id: string; author: { id: string; name: string }; excerpt: string };
};
type Page = { items: Item[]; nextCursor: string | null };

async function feed(c: TestClient, url: string): Promise<Item[]> {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Page).items;
}
const titles = (items: Item[]) => items.filter((i) => i.kind === 'video').map((i) => i.video.title);
const excerpts = (items: Item[]) => items.filter((i) => i.kind === 'comment').map((i) => i.comment?.excerpt);

async function share(c: TestClient, videoId: string, into = community) {
  return c.post(`${API}/communities/${into}/videos`, { videoId });
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.database.db);
  for (const r of ['medarbejder', 'medarbejder2', 'ressourceperson', 'leder']) as[r] = await t.as(r);
  const db = t.database.db;
  const solsikke = ids.institution.Solsikkeskolen;
  const mine = { ownerId: ids.user.medarbejder, institutionId: solsikke };
  v.inst = await insertVideo(db, { ...mine, title: 'Kun for skolen', visibility: 'institution' });
  v.pub = await insertVideo(db, { ...mine, title: 'For alle', visibility: 'public' });
  v.priv = await insertVideo(db, { ...mine, title: 'Min private', visibility: 'private' });
  v.team = await insertVideo(db, {
    ...mine,
    title: 'Matematikteamets video',
    visibility: 'team',
    teamId: ids.team.Matematikteamet,
  });
  v.kom = await insertVideo(db, {
    ownerId: ids.user.medarbejder2,
    institutionId: ids.institution['Børnehuset Mælkebøtten'],
    title: 'Fra børnehuset',
    visibility: 'kommune',
  });
  const res = await as.medarbejder.post(`${API}/communities`, { name: 'Feedværkstedet' });
  community = res.json().id;
  for (const r of ['medarbejder2', 'ressourceperson', 'leder'])
    expect((await as[r].post(`${API}/communities/${community}/join`)).statusCode).toBe(200);
}, 60_000);
afterAll(() => t?.close());

describe('sharing videos into a community', () => {
  it('members share videos they can see; private ones cannot be shared', async () => {
    expect((await share(as.medarbejder, v.inst)).statusCode).toBe(201);
    expect((await share(as.medarbejder, v.pub)).statusCode).toBe(201);
    expect((await share(as.medarbejder2, v.kom)).statusCode).toBe(201);
    expect((await share(as.ressourceperson, v.team)).statusCode).toBe(201);
    expect(err(await share(as.leder, v.inst))).toEqual([409, 'community.video_already_shared']);
    // A private video: not even its owner shares it; anyone else may not know it exists.
    expect(err(await share(as.medarbejder, v.priv))).toEqual([409, 'community.video_not_shareable']);
    expect(err(await share(as.ressourceperson, v.priv))).toEqual([404, 'video.not_found']);
    // Mads may not see the school's own video.
    expect(err(await share(as.medarbejder2, v.inst))).toEqual([404, 'video.not_found']);
  });

  it('tells which of my communities a video is shared in, for a video I may see only', async () => {
    const res = await as.ressourceperson.get(`${API}/communities?membership=joined&videoId=${v.inst}`);
    expect(res.json().items).toEqual([
      expect.objectContaining({ name: 'Feedværkstedet', videoShared: true }),
    ]);
    const kom = await as.ressourceperson.get(`${API}/communities?membership=joined&videoId=${v.kom}`);
    expect(kom.json().items[0].videoShared).toBe(true);
    expect(err(await as.medarbejder2.get(`${API}/communities?videoId=${v.inst}`))).toEqual([
      404,
      'video.not_found',
    ]);
  });

  it('only members post; people outside the community cannot', async () => {
    const other = (await as.leder.post(`${API}/communities`, { name: 'Ledernetværket' })).json().id;
    expect(err(await share(as.medarbejder, v.pub, other))).toEqual([403, 'policy.forbidden']);
  });
});

describe('the community feed', () => {
  beforeAll(async () => {
    const db = t.database.db;
    const on = (videoId: string, body: string, more: Partial<typeof comments.$inferInsert> = {}) => ({
      videoId,
      authorId: ids.user.ressourceperson,
      body,
      ...more,
    });
    const [top] = await db
      .insert(comments)
      .values(on(v.inst, 'Vi prøvede det i 4.b,\n\nog det virkede.'))
      .returning();
    await db
      .insert(comments)
      .values([
        on(v.inst, 'Et svar i tråden', { parentId: top.id, depth: 1 }),
        on(v.inst, 'Slettet', { deletedAt: new Date() }),
        on(v.inst, 'Skjult af en moderator', { hiddenAt: new Date() }),
        on(v.inst, 'Skrevet før videoen blev delt', { createdAt: new Date(Date.now() - 86_400_000) }),
        on(v.pub, 'En kommentar til den offentlige video'),
        on(v.kom, 'Tak for idéen fra børnehuset'),
      ]);
  });

  it('shows each member only the videos they may see, and new top-level comments on them', async () => {
    const url = `${API}/communities/${community}/feed`;
    const rp = await feed(as.ressourceperson, url);
    expect(titles(rp).sort()).toEqual([
      'For alle',
      'Fra børnehuset',
      'Kun for skolen',
      'Matematikteamets video',
    ]);
    expect(excerpts(rp).sort()).toEqual([
      'En kommentar til den offentlige video',
      'Tak for idéen fra børnehuset',
      'Vi prøvede det i 4.b, og det virkede.',
    ]);
    // Newest first.
    expect(rp.map((i) => i.at)).toEqual([...rp.map((i) => i.at)].sort().reverse());
    const item = rp.find((i) => i.video.id === v.inst && i.kind === 'video') as Item;
    expect(item).toMatchObject({
      source: { type: 'community', id: community, name: 'Feedværkstedet' },
      video: { title: 'Kun for skolen', durationSeconds: 60 },
      sharedBy: { id: ids.user.medarbejder, name: 'Mette Nørgaard' },
    });
    expect(item.video.posterUrl).toMatch(new RegExp(`^/media/v/${v.inst}/1/\\d+/[\\w-]+/poster\\.jpg$`));
    expect(rp.find((i) => i.kind === 'comment' && i.video.id === v.inst)?.comment).toMatchObject({
      author: { id: ids.user.ressourceperson, name: 'Rasmus Kjær' },
    });

    // Mads is from another institution: the school's video and the comments on it never reach him.
    const m2 = await feed(as.medarbejder2, url);
    expect(titles(m2).sort()).toEqual(['For alle', 'Fra børnehuset']);
    expect(excerpts(m2).sort()).toEqual([
      'En kommentar til den offentlige video',
      'Tak for idéen fra børnehuset',
    ]);
    // Lene is at the school but not in Matematikteamet.
    expect(titles(await feed(as.leder, url)).sort()).toEqual([
      'For alle',
      'Fra børnehuset',
      'Kun for skolen',
    ]);
  });

  it('a video made private by its owner disappears from the feed for everyone else', async () => {
    const res = await as.medarbejder.patch(`${API}/videos/${v.pub}`, { visibility: 'private' });
    expect(res.statusCode, res.body).toBe(200);
    const url = `${API}/communities/${community}/feed`;
    for (const r of ['medarbejder2', 'ressourceperson', 'leder']) {
      const items = await feed(as[r], url);
      expect(
        items.some((i) => i.video.id === v.pub),
        r,
      ).toBe(false);
    }
    // The owner still sees their own video.
    expect(titles(await feed(as.medarbejder, url))).toContain('For alle');
  });

  it('whoever shared a video removes it; others may not unless they moderate', async () => {
    const url = `${API}/communities/${community}/videos/${v.kom}`;
    expect(err(await as.leder.delete(url))).toEqual([403, 'policy.forbidden']);
    expect((await as.medarbejder2.delete(url)).statusCode).toBe(200);
    expect(err(await as.medarbejder2.delete(url))).toEqual([404, 'community.share_not_found']);
    await share(as.medarbejder2, v.kom);
    expect((await as.medarbejder.delete(url)).statusCode).toBe(200); // the moderator
    await share(as.medarbejder2, v.kom);
  });

  it('rejects a bad cursor with a clear error', async () => {
    const url = `${API}/communities/${community}/feed?cursor=`;
    for (const c of ['xyz', Buffer.from('["2026-01-01", "video", "1"]').toString('base64url')])
      expect(err(await as.medarbejder.get(url + c))).toEqual([400, 'request.invalid']);
  });
});

describe('the personal feed', () => {
  beforeAll(async () => {
    const db = t.database.db;
    v.team2 = await insertVideo(db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      title: 'Kun i teamet',
      visibility: 'team',
      teamId: ids.team.Matematikteamet,
    });
    const other = (await as.ressourceperson.post(`${API}/communities`, { name: 'Andet fællesskab' })).json()
      .id;
    await share(as.ressourceperson, v.team, other);
    // The comments below are told from this community: their author is a member there.
    expect((await as.medarbejder.post(`${API}/communities/${other}/join`)).statusCode).toBe(200);
  });

  it('gathers my communities and my teams, each video once, saying where it came from', async () => {
    const rp = await feed(as.ressourceperson, `${API}/feed`);
    const videos = rp.filter((i) => i.kind === 'video');
    expect(videos.map((i) => i.video.title).sort()).toEqual([
      'Fra børnehuset',
      'Kun for skolen',
      'Kun i teamet',
      'Matematikteamets video',
    ]);
    expect(videos.find((i) => i.video.id === v.team2)?.source).toEqual({
      type: 'team',
      id: ids.team.Matematikteamet,
      name: 'Matematikteamet',
    });
    // Shared into two communities and published to the team: shown once, from the latest event.
    expect(videos.find((i) => i.video.id === v.team)?.source.name).toBe('Andet fællesskab');
    // A comment is told with the source that brought the video in before it was written.
    const db = t.database.db;
    await db
      .insert(comments)
      .values({ videoId: v.team, authorId: ids.user.medarbejder, body: 'Efter delingen' });
    const again = await feed(as.ressourceperson, `${API}/feed`);
    expect(again.find((i) => i.comment?.excerpt === 'Efter delingen')?.source.name).toBe('Andet fællesskab');
    const shares = await db
      .select({ at: communityVideos.addedAt })
      .from(communityVideos)
      .where(eq(communityVideos.videoId, v.team))
      .orderBy(communityVideos.addedAt);
    const between = new Date((shares[0].at.getTime() + shares[1].at.getTime()) / 2);
    await db
      .insert(comments)
      .values({ videoId: v.team, authorId: ids.user.medarbejder, body: 'Imellem', createdAt: between });
    const third = await feed(as.ressourceperson, `${API}/feed`);
    expect(third.find((i) => i.comment?.excerpt === 'Imellem')?.source.name).toBe('Feedværkstedet');
    expect(new Set(rp.map((i) => i.id)).size).toBe(rp.length);

    const m2 = await feed(as.medarbejder2, `${API}/feed`);
    expect(titles(m2)).toEqual(['Fra børnehuset']);
    expect(titles(await feed(as.leder, `${API}/feed`)).sort()).toEqual(['Fra børnehuset', 'Kun for skolen']);
  });
});

describe('pagination', () => {
  it('covers every item exactly once, also when times are equal', async () => {
    const db = t.database.db;
    const made: string[] = [];
    for (let n = 0; n < 12; n++)
      made.push(
        await insertVideo(db, {
          ownerId: ids.user.medarbejder2,
          institutionId: ids.institution['Børnehuset Mælkebøtten'],
          title: `Side ${n}`,
          visibility: 'kommune',
        }),
      );
    // Shared in one statement: every share has the same time.
    const same = new Date();
    await db.insert(communityVideos).values(
      made.map((videoId) => ({
        communityId: community,
        videoId,
        addedBy: ids.user.medarbejder2,
        addedAt: same,
      })),
    );
    await db.insert(comments).values(
      made.slice(0, 6).flatMap((videoId) => [
        { videoId, authorId: ids.user.medarbejder, body: `Kommentar A ${videoId}`, createdAt: same },
        { videoId, authorId: ids.user.medarbejder, body: `Kommentar B ${videoId}` },
      ]),
    );
    for (const [who, url] of [
      ['ressourceperson', `${API}/communities/${community}/feed`],
      ['medarbejder2', `${API}/communities/${community}/feed`],
      ['ressourceperson', `${API}/feed`],
    ] as const) {
      const all = await feed(as[who], `${url}?limit=100`);
      expect(all.length).toBeGreaterThan(24);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await as[who].get(`${url}?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        const page = res.json() as Page;
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, `${who} ${url}`).toEqual(all.map((i) => i.id));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});
