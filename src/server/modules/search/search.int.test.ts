import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoCaptions, videos } from '../../db/videos-schema.js';
import { insertVideo, type VideoRowSpec } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { refreshSearchDocuments } from '../search-documents/index.js';

type Item = { id: string; title: string; posterUrl: string | null; curated: boolean };
type Facet = { value: string; label: string; count: number };
type Answer = {
  items: Item[];
  total: number;
  facets: Record<'subject' | 'ageBand' | 'method' | 'pillar', Facet[]>;
  nextCursor: string | null;
};

describe('search (V3)', () => {
  let t: TestApp;
  let me: TestClient;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const v: Record<string, string> = {};
  const term: Record<string, string> = {};

  const search = async (query: string, who = me) => {
    const res = await who.get(`/api/v1/videos?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const titles = (a: Answer) => a.items.map((i) => i.title);
  const count = (facets: Facet[], label: string) => facets.find((f) => f.label === label)?.count;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids = await demoIds(db);
    me = await t.as('medarbejder'); // Solsikkeskolen, Fjordby Kommune
    const sol = { ownerId: ids.user.leder, institutionId: ids.institution.Solsikkeskolen };
    const other = {
      ownerId: ids.user.medarbejder2,
      institutionId: ids.institution['Børnehuset Mælkebøtten'],
    };
    const add = async (key: string, spec: Partial<VideoRowSpec>, base = sol) => {
      v[key] = await insertVideo(db, { ...base, ...spec });
    };
    // What medarbejder may see.
    await add('teachers', {
      title: 'Lærerne planlægger kvasarforløbet sammen',
      description: 'Kvasar: en fælles planlægning i fagteamet.',
      subject: 'Zfag Alfa',
      methods: ['Zmetode Et'],
      ageBand: 'kl4-6',
      pillars: ['dialog', 'samarbejde'],
      editorialState: 'published',
    });
    await add('pupils', {
      title: 'Kvasar i klassen',
      description: 'Eleverne arbejder med kvasar i grupper.',
      subject: 'Zfag Beta',
      methods: ['Zmetode Et', 'Zmetode To'],
      ageBand: 'kl0-3',
      pillars: ['dialog'],
    });
    await add(
      'kommune',
      {
        title: 'Kvasar på tværs af kommunen',
        subject: 'Zfag Alfa',
        methods: ['Zmetode To'],
        ageBand: 'kl4-6',
        pillars: ['vision'],
        visibility: 'kommune',
      },
      other,
    );
    // Weights: the same word in the title, in a tag, in the description and only in the captions.
    await add('wTitle', { title: 'Nordlys over skolegården' });
    await add('wTag', { title: 'Frikvarter A', methods: ['Nordlys'] });
    await add('wDesc', { title: 'Frikvarter B', description: 'Vi taler om nordlys.' });
    await add('wCaption', { title: 'Frikvarter C' });
    await db.insert(videoCaptions).values({
      videoId: v.wCaption,
      language: 'da',
      label: 'Dansk',
      text: 'Se det smukke nordlys over skolen',
    });
    await refreshSearchDocuments(db, [v.wCaption]);
    // What medarbejder may not see: all of it matches "kvasar" and carries its own subject, method and pillar.
    const hidden = {
      title: 'Kvasar hemmelig',
      description: 'kvasar',
      subject: 'Zfag Hemmelig',
      methods: ['Zmetode Hemmelig', 'Zmetode Et'],
      ageBand: '0-2' as const,
      pillars: ['deprivatisering' as const],
    };
    await add('private', { ...hidden, visibility: 'private' }, other);
    await add('otherInstitution', { ...hidden, visibility: 'institution' }, other);
    await add('unfinished', { ...hidden, status: 'processing' });
    const terms = await db.execute(sql`select id::text, label from taxonomy_terms`);
    for (const r of (terms as unknown as { rows: { id: string; label: string }[] }).rows)
      term[r.label] = r.id;
  });
  afterAll(() => t.close());

  it('finds "lærerne" when searching for "lærer" (Danish stemming), and says what it found', async () => {
    const a = await search('q=l%C3%A6rer');
    expect(titles(a)).toContain('Lærerne planlægger kvasarforløbet sammen');
    const item = a.items.find((i) => i.id === v.teachers) as Item & Record<string, unknown>;
    expect(item).toMatchObject({
      curated: true,
      owner: { id: ids.user.leder, name: 'Lene Dalgaard' },
      institution: { id: ids.institution.Solsikkeskolen, name: 'Solsikkeskolen' },
      subject: { id: term['Zfag Alfa'], label: 'Zfag Alfa' },
      ageBand: 'kl4-6',
      methods: [{ id: term['Zmetode Et'], label: 'Zmetode Et' }],
      pillars: ['dialog', 'samarbejde'],
      triedCount: 0,
      workedCount: 0,
      viewCount: 0,
    });
    expect(item.posterUrl).toMatch(/^\/media\/v\/.+\/poster\.jpg$/);
  });

  it('ranks a title match above a tag, a tag above the description, the description above captions', async () => {
    const a = await search('q=nordlys');
    expect(a.items.map((i) => i.id)).toEqual([v.wTitle, v.wTag, v.wDesc, v.wCaption]);
    expect(a.total).toBe(4);
  });

  it('understands websearch syntax: "quotes", OR and -minus', async () => {
    expect(titles(await search(`q=${encodeURIComponent('"kvasar i klassen"')}`))).toEqual([
      'Kvasar i klassen',
    ]);
    expect(titles(await search(`q=${encodeURIComponent('"klassen kvasar"')}`))).toEqual([]);
    const or = titles(await search(`q=${encodeURIComponent('skolegården OR klassen')}`));
    expect(or.sort()).toEqual(['Kvasar i klassen', 'Nordlys over skolegården']);
    const minus = titles(await search(`q=${encodeURIComponent('kvasar -lærerne -kommunen')}`));
    expect(minus).toEqual(['Kvasar i klassen']);
  });

  it('counts facets with the query and the other filters applied, never its own', async () => {
    const all = await search('q=kvasar');
    expect(all.total).toBe(3);
    expect(count(all.facets.subject, 'Zfag Alfa')).toBe(2);
    expect(count(all.facets.subject, 'Zfag Beta')).toBe(1);
    expect(count(all.facets.method, 'Zmetode Et')).toBe(2);
    expect(count(all.facets.method, 'Zmetode To')).toBe(2);
    expect(all.facets.ageBand).toEqual([
      { value: 'kl0-3', label: '0.–3. klasse', count: 1 },
      { value: 'kl4-6', label: '4.–6. klasse', count: 2 },
    ]);
    expect(all.facets.pillar).toEqual([
      { value: 'vision', label: 'Fælles vision og værdier', count: 1 },
      { value: 'samarbejde', label: 'Samarbejde og fælles ansvar', count: 1 },
      { value: 'dialog', label: 'Reflekterende dialog', count: 2 },
    ]);

    // Choosing a subject narrows the results and the other facets, but its own facet still shows the others.
    const alfa = await search(`q=kvasar&subject=${term['Zfag Alfa']}`);
    expect(alfa.total).toBe(2);
    expect(count(alfa.facets.subject, 'Zfag Beta')).toBe(1);
    expect(count(alfa.facets.method, 'Zmetode Et')).toBe(1);
    expect(alfa.facets.ageBand).toEqual([{ value: 'kl4-6', label: '4.–6. klasse', count: 2 }]);

    // Two values of one facet are alternatives; two facets must both hold.
    const both = await search(
      `q=kvasar&subject=${term['Zfag Alfa']}&subject=${term['Zfag Beta']}&pillar=vision`,
    );
    expect(titles(both)).toEqual(['Kvasar på tværs af kommunen']);
    expect(count(both.facets.pillar, 'Reflekterende dialog')).toBe(2);
    // A chosen value without matches stays listed with 0.
    const none = await search(`q=nordlys&method=${term['Zmetode To']}`);
    expect(none.total).toBe(0);
    expect(none.facets.method).toContainEqual({ value: term['Zmetode To'], label: 'Zmetode To', count: 0 });

    // The query changes the counts.
    const teachers = await search('q=l%C3%A6rerne');
    expect(count(teachers.facets.subject, 'Zfag Alfa')).toBe(1);
    expect(count(teachers.facets.subject, 'Zfag Beta')).toBeUndefined();
  });

  it('never shows another person’s private video, another institution’s, or an unfinished one — not even in counts', async () => {
    const hiddenIds = [v.private, v.otherInstitution, v.unfinished];
    const answers = [
      await search('q=kvasar'),
      await search('q=hemmelig'),
      await search(''),
      await search(`method=${term['Zmetode Hemmelig']}`),
      await search(`subject=${term['Zfag Hemmelig']}&ageBand=0-2&pillar=deprivatisering`),
    ];
    for (const a of answers) {
      expect(a.items.map((i) => i.id).filter((id) => hiddenIds.includes(id))).toEqual([]);
      // A term chosen in the request stays listed with 0 (the taxonomy itself is no secret); nothing else shows.
      const shown = [...a.facets.subject, ...a.facets.method].filter((f) => f.label.includes('Hemmelig'));
      for (const f of shown) expect(f.count).toBe(0);
      expect(shown.length).toBeLessThanOrEqual(1);
      expect(a.facets.ageBand.filter((f) => f.value === '0-2' && f.count > 0)).toEqual([]);
      expect(a.facets.pillar.filter((f) => f.value === 'deprivatisering' && f.count > 0)).toEqual([]);
    }
    expect((await search('q=hemmelig')).total).toBe(0);
    // "Zmetode Et" is on two visible videos and on three hidden ones: the count is 2.
    expect(count((await search('q=kvasar')).facets.method, 'Zmetode Et')).toBe(2);
    // The owner of the private video and a colleague at that institution do find them.
    const owner = await t.as('medarbejder2');
    expect((await search('q=hemmelig', owner)).items.map((i) => i.id).sort()).toEqual(
      [v.private, v.otherInstitution].sort(),
    );
    const colleague = await t.as('leder2');
    expect((await search('q=hemmelig', colleague)).items.map((i) => i.id)).toEqual([v.otherInstitution]);
  });

  it('keeps mine=true (own videos in every state) and mine=false (others’ only)', async () => {
    const leder = await t.as('leder');
    const mine = (await search('mine=true&limit=100', leder)).items.map((i) => i.id);
    expect(mine).toEqual(expect.arrayContaining([v.unfinished, v.teachers]));
    const others = (await search('mine=false&limit=100', leder)).items.map((i) => i.id);
    expect(others).toContain(v.kommune);
    expect(others).not.toContain(v.teachers);
    expect((await search('limit=100', leder)).items.map((i) => i.id)).not.toContain(v.unfinished);
  });

  it('pages by cursor through every result exactly once, for each sort, with ties', async () => {
    const db = t.database.db;
    const same = new Date('2026-03-01T10:00:00.123456Z');
    const made: string[] = [];
    for (let i = 0; i < 9; i++)
      made.push(
        await insertVideo(db, {
          ownerId: ids.user.leder,
          institutionId: ids.institution.Solsikkeskolen,
          title: i % 3 === 0 ? 'Paginering paginering' : `Paginering ${i}`,
          // Three share a time, and tried counts tie in pairs.
          readyAt: i < 3 ? same : new Date(same.getTime() + i * 1000),
        }),
      );
    await db
      .update(videos)
      .set({ triedCount: sql`(abs(hashtext(${videos.id}::text)) % 2)` })
      .where(inArray(videos.id, made));
    for (const sort of ['relevance', 'newest', 'tried']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const a: Answer = await search(
          `q=paginering&sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...a.items.map((i) => i.id));
        cursor = a.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(seen.length, sort).toBe(9);
      expect(new Set(seen), sort).toEqual(new Set(made));
    }
    // Relevance: the two with the word twice in the title come first.
    const first = await search('q=paginering&sort=relevance&limit=3');
    expect(first.items.map((i) => i.title)).toEqual([
      'Paginering paginering',
      'Paginering paginering',
      'Paginering paginering',
    ]);
  });

  it('answers bad input with results or an empty list, and a tampered cursor with a clear 400', async () => {
    const bad = [
      'og i at',
      'x'.repeat(5000),
      'lærer '.repeat(900),
      '&|!(',
      ':*',
      "'",
      "''':*&|",
      '!!!',
      '((((',
      '"',
      '-',
      'OR OR OR',
      "'; drop table videos; --",
      "1' or '1'='1",
      'kvasar) & !(lærer',
      'kvasar\u0007',
      '🙂'.repeat(600),
      '\\',
      '%_%',
    ];
    for (const q of bad) {
      const res = await me.get(`/api/v1/videos?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 40)).toBe(200);
      expect(Array.isArray(res.json().items)).toBe(true);
      const suggest = await me.get(`/api/v1/videos/suggest?q=${encodeURIComponent(q)}`);
      expect(suggest.statusCode, `suggest ${q.slice(0, 40)}`).toBe(200);
    }
    expect((await search(`q=${encodeURIComponent('kvasar\u0007')}`)).total).toBe(3);
    // A NUL cannot reach the database at all: the edge refuses it (issue 13.6).
    expect(err(await me.get(`/api/v1/videos?q=${encodeURIComponent('\u0000kvasar')}`))).toEqual([
      400,
      'request.invalid_text',
    ]);
    expect((await search(`q=${encodeURIComponent("'; drop table videos; --")}`)).items).toEqual([]);

    const page = await search('q=kvasar&sort=newest&limit=1');
    const cursor = page.nextCursor as string;
    const json = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const forge = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
    for (const c of [
      'garbage!',
      'AAAA',
      forge({ a: 1 }),
      forge(['newest', 'x', json[2]]),
      forge(['newest', json[1], "1' or 1=1"]),
      forge(['newest', '99999999999999999999999', json[2]]),
      forge(['tried', -1, json[1], json[2]]),
      forge(['relevance', 'NaN', json[1], json[2]]),
      cursor.slice(0, -3),
    ])
      expect(
        err(await me.get(`/api/v1/videos?q=kvasar&sort=newest&cursor=${encodeURIComponent(c)}`)),
      ).toEqual([400, 'search.invalid_cursor']);
    // A cursor of another sort order does not apply.
    expect(err(await me.get(`/api/v1/videos?q=kvasar&sort=tried&cursor=${cursor}`))).toEqual([
      400,
      'search.invalid_cursor',
    ]);
    expect(err(await me.get('/api/v1/videos?ageBand=voksne'))[0]).toBe(400);
    expect(err(await me.get('/api/v1/videos?subject=not-a-uuid'))[0]).toBe(400);
    expect(err(await me.get('/api/v1/videos?sort=popular'))[0]).toBe(400);
    // Not signed in: the public videos only (none of these "kvasar" videos is public).
    const anon = await t.client().get('/api/v1/videos?q=kvasar');
    expect(anon.statusCode).toBe(200);
    expect(anon.json().total).toBe(0);
  });

  it('suggests titles by prefix and matching subjects and methods, only from what the person may see', async () => {
    const s = async (q: string) => {
      const res = await me.get(`/api/v1/videos/suggest?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        titles: { id: string; title: string }[];
        terms: { label: string; kind: string }[];
      };
    };
    expect((await s('lær')).titles.map((x) => x.title)).toContain('Lærerne planlægger kvasarforløbet sammen');
    expect((await s('kvas')).titles.map((x) => x.id).sort()).toEqual(
      [v.kommune, v.pupils, v.teachers].sort(),
    );
    expect((await s('kvasar kla')).titles.map((x) => x.title)).toEqual(['Kvasar i klassen']);
    const terms = (await s('zmetode')).terms.map((x) => x.label);
    expect(terms.sort()).toEqual(['Zmetode Et', 'Zmetode To']);
    expect((await s('zfag')).terms).toEqual(
      expect.arrayContaining([{ id: term['Zfag Alfa'], kind: 'subject', label: 'Zfag Alfa' }]),
    );
    expect(JSON.stringify(await s('hemmelig'))).not.toContain('emmelig');
    expect(await s('')).toEqual({ titles: [], terms: [] });
    expect((await s('k')).titles.length).toBeLessThanOrEqual(8);
  });

  it('relates videos by subject, methods, pillars and age band, without itself or what the viewer may not see', async () => {
    const res = await me.get(`/api/v1/videos/${v.teachers}/related`);
    expect(res.statusCode).toBe(200);
    const related = (res.json() as { items: Item[] }).items.map((i) => i.id);
    // kommune: same subject and age band (3+1) + nothing else; pupils: method + pillar (2+1).
    expect(related.slice(0, 2)).toEqual([v.kommune, v.pupils]);
    expect(related).not.toContain(v.teachers);
    for (const hidden of [v.private, v.otherInstitution, v.unfinished]) expect(related).not.toContain(hidden);
    expect(related.length).toBeLessThanOrEqual(6);
    expect(err(await me.get(`/api/v1/videos/${v.private}/related`))).toEqual([404, 'video.not_found']);
    expect(err(await me.get('/api/v1/videos/not-an-id/related'))[0]).toBe(400);
  });
});
