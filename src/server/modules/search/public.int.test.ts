import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, collectionVideos } from '../../db/community-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

/**
 * Someone not signed in (issue 15): the public front page, catalogue, search and video page show `public`,
 * finished videos — and nothing else, by any route the API lists. Every hidden video below carries the word
 * "zebrafisk" in its title and description, so a leak through a list, a suggestion or a facet shows.
 */

type Summary = { id: string; title: string };
const HIDDEN = ['private', 'team', 'institution', 'kommune', 'unfinished', 'ownPrivateOfLeder'] as const;

describe('public videos without signing in, nothing else (issue 15)', () => {
  let t: TestApp;
  let anon: TestClient;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const v: Record<string, string> = {};
  const title = (name: string) => `Zebrafisk ${name} tavleforløb`;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids = await demoIds(db);
    const base = {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      description: 'zebrafisk i klassen',
      subject: 'Biologi',
      methods: ['Feedback'],
      ageBand: 'kl4-6' as const,
    };
    v.public = await insertVideo(db, {
      ...base,
      title: title('offentlig'),
      visibility: 'public',
      editorialState: 'published',
    });
    v.private = await insertVideo(db, { ...base, title: title('privat'), visibility: 'private' });
    v.team = await insertVideo(db, {
      ...base,
      title: title('team'),
      visibility: 'team',
      teamId: ids.team.Matematikteamet,
    });
    v.institution = await insertVideo(db, {
      ...base,
      title: title('institution'),
      visibility: 'institution',
    });
    // In the catalogue (published) but shown to the kommune only.
    v.kommune = await insertVideo(db, {
      ...base,
      title: title('kommune'),
      visibility: 'kommune',
      editorialState: 'published',
    });
    v.unfinished = await insertVideo(db, {
      ...base,
      title: title('uafsluttet'),
      visibility: 'public',
      status: 'processing',
    });
    v.ownPrivateOfLeder = await insertVideo(db, {
      ...base,
      ownerId: ids.user.leder,
      title: title('ledersprivate'),
      visibility: 'private',
      editorialState: 'in_review',
    });
    for (const id of Object.values(v)) {
      await t.ctx.storage.putBytes(`videos/${id}/hls/master.m3u8`, '#EXTM3U\n');
      await t.ctx.storage.putBytes(`videos/${id}/poster.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      await t.ctx.storage.putBytes(
        `videos/${id}/captions/da.vtt`,
        'WEBVTT\n\n00:00.000 --> 00:01.000\nzebrafisk\n',
      );
    }
    const [c] = await db
      .insert(collections)
      .values({ title: 'Zebrafisksamlingen', description: '', position: -1 })
      .returning();
    await db.insert(collectionVideos).values([
      { collectionId: c.id, videoId: v.private, position: 0 },
      { collectionId: c.id, videoId: v.kommune, position: 1 },
      { collectionId: c.id, videoId: v.public, position: 2 },
    ]);
    anon = t.client();
  });
  afterAll(() => t?.close());

  const hiddenIds = () => HIDDEN.map((k) => v[k]);
  /** No hidden video's id or title anywhere in the answer. */
  const leaksNothing = (body: string, where: string) => {
    for (const k of HIDDEN) {
      expect(body, `${where} shows the ${k} video`).not.toContain(v[k]);
      expect(body, `${where} shows the ${k} video`).not.toContain(
        title(k === 'unfinished' ? 'uafsluttet' : k),
      );
    }
  };

  it('searches the public videos only: items, total, facets and suggestions', async () => {
    const res = await anon.get('/api/v1/videos?q=zebrafisk');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as { items: Summary[]; total: number; facets: Record<string, { count: number }[]> };
    expect(a.items.map((i) => i.id)).toEqual([v.public]);
    expect(a.total).toBe(1);
    // Seven zebrafisk videos have Biologi; the facet counts only the public one.
    expect(a.facets.subject.map((f) => f.count)).toEqual([1]);
    leaksNothing(res.body, 'search');
    for (const url of [
      '/api/v1/videos',
      '/api/v1/videos?sort=tried&ageBand=kl4-6',
      '/api/v1/videos?mine=true',
      '/api/v1/videos?mine=false&q=zebrafisk',
      '/api/v1/videos/suggest?q=zebra',
      '/api/v1/videos/suggest?q=tavle',
      '/api/v1/home',
      '/api/v1/collections',
    ]) {
      const r = await anon.get(url);
      expect(r.statusCode, url).toBe(200);
      leaksNothing(r.body, url);
    }
    const suggest = (await anon.get('/api/v1/videos/suggest?q=zebra')).json() as { titles: Summary[] };
    expect(suggest.titles.map((x) => x.id)).toEqual([v.public]);
    const coll = (await anon.get('/api/v1/collections')).json() as {
      items: { title: string; videos: Summary[] }[];
    };
    expect(coll.items.find((c) => c.title === 'Zebrafisksamlingen')?.videos.map((x) => x.id)).toEqual([
      v.public,
    ]);
    // A signed-in colleague at the school does see the institution video (the words do match).
    const colleague = (await (await t.as('ressourceperson')).get('/api/v1/videos?q=zebrafisk')).json();
    expect(colleague.items.map((i: Summary) => i.id)).toContain(v.institution);
  });

  it('watches a public video: its detail, media, poster and captions', async () => {
    const res = await anon.get(`/api/v1/videos/${v.public}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as { playlistUrl: string; posterUrl: string; canEdit: boolean };
    expect(d.canEdit).toBe(false);
    expect((await anon.get(d.playlistUrl)).statusCode).toBe(200);
    expect((await anon.get(d.posterUrl)).statusCode).toBe(200);
    expect((await anon.get(d.posterUrl.replace('poster.jpg', 'captions/da.vtt'))).statusCode).toBe(200);
    expect((await anon.get(`/api/v1/videos/${v.public}/related`)).statusCode).toBe(200);
  });

  it('reaches no other video: detail, related, streams, posters and captions are 404', async () => {
    const pub = (await anon.get(`/api/v1/videos/${v.public}`)).json() as { posterUrl: string };
    for (const id of hiddenIds()) {
      const detail = await anon.get(`/api/v1/videos/${id}`);
      expect(detail.statusCode, id).toBe(404);
      expect(detail.json().error.code).toBe('video.not_found');
      expect((await anon.get(`/api/v1/videos/${id}/related`)).statusCode).toBe(404);
      // The public video's signature does not open another video's files.
      for (const file of ['poster.jpg', 'hls/master.m3u8', 'captions/da.vtt']) {
        const forged = pub.posterUrl.replace(v.public, id).replace('poster.jpg', file);
        expect((await anon.get(forged)).statusCode, forged).toBe(404);
      }
    }
  });

  it('comments, notes and every other signed-in part stay closed, even on the public video', async () => {
    for (const url of [
      `/api/v1/videos/${v.public}/comments`,
      `/api/v1/videos/${v.private}/comments`,
      `/api/v1/videos/${v.public}/shares`,
      '/api/v1/me',
      '/api/v1/me/interests',
    ])
      expect((await anon.get(url)).statusCode, url).toBe(401);
  });

  it('no route the API lists hands a hidden video to someone not signed in', async () => {
    const doc = (await (await t.as('administrator')).get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fill = (path: string, id: string) =>
      path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'language' ? 'da' : name === 'token' ? 'x'.repeat(32) : id,
      );
    let gets = 0;
    let writes = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const url = `/api${path.replace(/^\/api/, '')}`;
      for (const method of Object.keys(ops)) {
        for (const id of path.includes('{') ? hiddenIds() : [v.private]) {
          const target = fill(url, id);
          if (method === 'get') {
            gets++;
            const res = await anon.get(target.includes('?') ? target : `${target}?q=zebrafisk`);
            expect(res.statusCode, `GET ${target}`).not.toBe(500);
            if (res.statusCode < 300) leaksNothing(res.body, `GET ${target}`);
          } else if (path.includes('{') && !path.startsWith('/api/v1/auth')) {
            writes++;
            const m = method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
            const res = await anon.request(m, target, {});
            expect(res.statusCode, `${m} ${target}`).toBeGreaterThanOrEqual(400);
            expect(res.statusCode, `${m} ${target}`).not.toBe(500);
          }
        }
      }
    }
    expect(gets).toBeGreaterThan(60);
    expect(writes).toBeGreaterThan(60);
  });

  it('limits how often one address may search without signing in (five people’s heavy reads)', async () => {
    const limited = await createTestApp({ HEAVY_MAX_PER_MINUTE: '1' });
    try {
      const c = limited.client();
      c.remoteAddress = '203.0.113.7';
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await c.get(`/api/v1/videos?q=ord${i}`)).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect((await c.get('/api/v1/home')).statusCode).toBe(429); // one count for the public routes
      // Another address, and anyone signed in, are not held up by it.
      const other = limited.client();
      other.remoteAddress = '203.0.113.8';
      expect((await other.get('/api/v1/home')).statusCode).toBe(200);
      const signedIn = await limited.as('medarbejder');
      signedIn.remoteAddress = '203.0.113.7';
      for (let i = 0; i < 5; i++)
        expect((await signedIn.get(`/api/v1/videos?q=ord${i}`)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
