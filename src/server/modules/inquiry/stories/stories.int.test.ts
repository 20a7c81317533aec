import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../../db/community-schema.js';
import {
  inquiryCycles,
  inquiryEvidence,
  inquiryTemplates,
  practiceStories,
} from '../../../db/inquiry-schema.js';
import { taxonomyTerms, videos } from '../../../db/videos-schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, secondApp, type TestApp, TestClient } from '../../../testing/harness.js';
import { addTeachers } from '../../../testing/teachers.js';
import { insertSchema, insertVisits, TEST_KEYS } from '../../observation/data/data.testing.js';

/*
 * Practice stories (issue 16 part 4): the team writes the story of its finished cycle (no lost update), the
 * editors return it with a note and publish it, readers see it by its visibility (anonymous: public only), find
 * it by Danish search with facets and by a linked video, see only the videos they may watch now and figures
 * above the minimum group, and start a cycle from it in their own team.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let anon: TestClient;
const API = '/api/v1';
const FORGED = '00000000-0000-4000-8000-000000000000';
let math: string;
let cycle: string;
let unfinished: string;
let story: string;
let subject: string;
let method: string;
let video: string;
let evidenceAfter: string[] = [];
let triedCycle: string;

type Story = {
  id: string;
  version: number;
  state: string;
  title: string;
  visibility: string;
  reviewNote: string | null;
  publishedAt: string | null;
  triedCount: number;
  videos: { id: string }[];
  data: {
    minGroup: number;
    indicators: {
      label: string;
      before: { value: number | null; teachers: number | null; suppressed: boolean };
      after: { value: number | null; teachers: number | null; suppressed: boolean };
    }[];
  } | null;
  may: { edit: boolean; review: boolean; try: boolean };
  followUps: { id: string }[];
  origin: { id: string } | null;
  pillars: string[];
};

const draft = (over: Record<string, unknown> = {}) => ({
  version: 0,
  title: 'Eleverne begrunder deres svar',
  context: 'En 4. klasse i matematik med mange stille elever.',
  question: 'Hvornår begrunder eleverne deres svar?',
  tried: 'Vores prøvehandling: makkersamtaler før hver fælles opsamling.',
  learned: 'Flere elever forklarer deres tankegang.',
  visibility: 'kommune',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  ids = await demoIds(db);
  math = ids.team.Matematikteamet;
  for (const who of [
    'medarbejder',
    'ressourceperson',
    'leder',
    'medarbejder2',
    'medarbejder3',
    'redaktoer',
    'administrator',
  ])
    c[who] = await t.as(who);
  anon = t.client();
  const [tpl] = await db.select().from(inquiryTemplates).where(eq(inquiryTemplates.key, 'laeringscirklen'));
  const insertCycle = async (state: 'under' | 'afsluttet') => {
    const id = randomUUID();
    await db.insert(inquiryCycles).values({
      id,
      seriesId: id,
      teamId: math,
      templateId: tpl.id,
      templateName: tpl.name,
      phases: tpl.phases,
      title: 'Matematiksamtaler',
      state,
    });
    return id;
  };
  cycle = await insertCycle('afsluttet');
  unfinished = await insertCycle('under');
  const terms = await db
    .insert(taxonomyTerms)
    .values([
      { kind: 'subject', label: 'Historiefortælling (test)' },
      { kind: 'method', label: 'Makkersamtaler (test)' },
    ])
    .returning();
  subject = terms[0].id;
  method = terms[1].id;
  const [v] = await db
    .insert(videos)
    .values({
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      kommuneId: ids.kommune['Fjordby Kommune'],
      title: 'Makkersamtaler i 4.b',
      status: 'ready',
      visibility: 'public',
      originalFilename: 'x.mp4',
      originalSize: 1,
      readyAt: new Date(),
      pillars: ['samarbejde', 'dialog'],
    })
    .returning();
  video = v.id;
});
afterAll(() => t?.close());

const put = (who: string, body: Record<string, unknown>, id = cycle) =>
  c[who].put(`${API}/cycles/${id}/story`, body);
const read = (who: TestClient, id = story) => who.get(`${API}/stories/${id}`);
const ok = async (res: { statusCode: number; json: () => unknown }): Promise<Story> => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
  return res.json() as Story;
};
const current = async () => ok(await read(c.medarbejder));

describe('writing the story', () => {
  it('only of a finished cycle, and only by its team', async () => {
    expect(err(await put('medarbejder', draft(), unfinished))).toEqual([409, 'story.cycle_not_finished']);
    expect(err(await put('leder', draft()))).toEqual([404, 'inquiry.cycle_not_found']);
    expect(err(await put('medarbejder3', draft()))).toEqual([404, 'inquiry.cycle_not_found']);
    expect(err(await c.medarbejder.get(`${API}/cycles/${cycle}/story`))).toEqual([404, 'story.not_found']);
    expect(await t.ctx.db.select().from(practiceStories).where(eq(practiceStories.cycleId, cycle))).toEqual(
      [],
    );
  });

  it('a member creates it with version 0: a draft, version 1, with its terms and videos', async () => {
    const s = await ok(
      await put(
        'medarbejder',
        draft({ subjectId: subject, methodIds: [method], videoIds: [video], ageBands: ['kl4-6'] }),
      ),
    );
    story = s.id;
    expect(s).toMatchObject({ state: 'draft', version: 1, title: 'Eleverne begrunder deres svar' });
    expect(s.may).toEqual({ edit: true, review: false, try: false });
    expect(s.pillars).toEqual(['dialog', 'samarbejde']);
    expect(s.videos.map((x) => x.id)).toEqual([video]);
    expect((await ok(await c.medarbejder.get(`${API}/cycles/${cycle}/story`))).id).toBe(story);
  });

  it('refuses unknown terms and a video the writer may not watch', async () => {
    expect(err(await put('medarbejder', draft({ version: 1, methodIds: [subject] })))).toEqual([
      400,
      'story.invalid_terms',
    ]);
    const [hidden] = await t.ctx.db
      .insert(videos)
      .values({
        ownerId: ids.user.leder,
        institutionId: ids.institution.Solsikkeskolen,
        kommuneId: ids.kommune['Fjordby Kommune'],
        title: 'Privat',
        status: 'ready',
        visibility: 'private',
        originalFilename: 'y.mp4',
        originalSize: 1,
      })
      .returning();
    expect(err(await put('medarbejder', draft({ version: 1, videoIds: [hidden.id] })))).toEqual([
      409,
      'story.video_unavailable',
    ]);
    expect((await current()).version).toBe(1);
  });

  it('two members at once: the second gets 409 story.stale with the first one’s change', async () => {
    await ok(
      await put(
        'ressourceperson',
        draft({
          version: 1,
          title: 'Makkersamtaler før opsamling',
          subjectId: subject,
          methodIds: [method],
          videoIds: [video],
          ageBands: ['kl4-6'],
        }),
      ),
    );
    const res = await put('medarbejder', draft({ version: 1, title: 'Min titel' }));
    expect(err(res)).toEqual([409, 'story.stale']);
    const details = Object.fromEntries(
      (res.json().error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]),
    );
    expect(details).toMatchObject({ version: '2', title: 'Makkersamtaler før opsamling', methodIds: method });
    expect(res.json().error.message).toMatch(/En anden har gemt/);
    expect((await current()).title).toBe('Makkersamtaler før opsamling');
  });

  it('nobody outside the team sees a draft; a forged id is the same 404', async () => {
    for (const who of ['leder', 'medarbejder2', 'medarbejder3', 'redaktoer', 'administrator'])
      expect([who, ...err(await read(c[who]))]).toEqual([who, 404, 'story.not_found']);
    expect(err(await read(anon))).toEqual([404, 'story.not_found']);
    expect(err(await read(c.medarbejder, FORGED))).toEqual([404, 'story.not_found']);
    expect(err(await c.medarbejder3.post(`${API}/stories/${story}/submit`, { version: 2 }))).toEqual([
      404,
      'story.not_found',
    ]);
  });
});

describe('review: draft → in review → returned with a note → in review → published', () => {
  it('goes through the editors, who must write a note to return it, and the team hears of it', async () => {
    expect(err(await c.medarbejder.post(`${API}/stories/${story}/submit`, { version: 1 }))).toEqual([
      409,
      'story.stale',
    ]);
    const sent = await ok(await c.medarbejder.post(`${API}/stories/${story}/submit`, { version: 2 }));
    expect(sent).toMatchObject({ state: 'in_review', version: 3 });
    expect(err(await c.medarbejder.post(`${API}/stories/${story}/submit`, { version: 3 }))).toEqual([
      409,
      'story.wrong_state',
    ]);
    // The editors' queue: theirs only.
    const queue = (await c.redaktoer.get(`${API}/stories/review`)).json().items as { id: string }[];
    expect(queue.map((x) => x.id)).toContain(story);
    expect(err(await c.medarbejder.get(`${API}/stories/review`))).toEqual([403, 'policy.forbidden']);
    expect(
      err(await c.medarbejder.post(`${API}/stories/${story}/review`, { version: 3, decision: 'publish' })),
    ).toEqual([403, 'policy.forbidden']);
    expect(
      err(await c.medarbejder3.post(`${API}/stories/${story}/review`, { version: 3, decision: 'publish' })),
    ).toEqual([404, 'story.not_found']);
    expect(
      err(await c.redaktoer.post(`${API}/stories/${story}/review`, { version: 3, decision: 'return' })),
    ).toEqual([400, 'story.note_required']);
    const returned = await ok(
      await c.redaktoer.post(`${API}/stories/${story}/review`, {
        version: 3,
        decision: 'return',
        note: 'Skriv lidt mere om klassen.',
      }),
    );
    expect(returned).toMatchObject({ state: 'returned', reviewNote: 'Skriv lidt mere om klassen.' });
    expect((await current()).reviewNote).toBe('Skriv lidt mere om klassen.');
    const told = await t.ctx.db
      .select({ kind: notifications.kind, payload: notifications.payload })
      .from(notifications)
      .where(
        and(eq(notifications.userId, ids.user.medarbejder), eq(notifications.kind, 'inquiry.story_returned')),
      );
    expect(told.map((n) => n.payload.storyId)).toEqual([story]);

    await ok(await c.medarbejder.post(`${API}/stories/${story}/submit`, { version: 4 }));
    const published = await ok(
      await c.redaktoer.post(`${API}/stories/${story}/review`, { version: 5, decision: 'publish' }),
    );
    expect(published).toMatchObject({ state: 'published', reviewNote: null });
    expect(published.publishedAt).not.toBeNull();
    const pub = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, ids.user.ressourceperson),
          eq(notifications.kind, 'inquiry.story_published'),
        ),
      );
    expect(pub).toHaveLength(1);
  });
});

describe('who reads a published story', () => {
  it('kommune: the kommune’s people; not another kommune, not anonymous', async () => {
    expect((await ok(await read(c.medarbejder2))).may).toEqual({ edit: false, review: false, try: true });
    expect((await ok(await read(c.leder))).state).toBe('published');
    expect(err(await read(c.medarbejder3))).toEqual([404, 'story.not_found']);
    expect(err(await read(anon))).toEqual([404, 'story.not_found']);
  });

  it('editing a published story sends it back to review; published again as public, anonymous reads it', async () => {
    const s = await current();
    const edited = await ok(
      await put(
        'medarbejder',
        draft({
          version: s.version,
          visibility: 'public',
          subjectId: subject,
          methodIds: [method],
          videoIds: [video],
          ageBands: ['kl4-6'],
        }),
      ),
    );
    expect(edited.state).toBe('in_review');
    expect(err(await read(c.medarbejder2))).toEqual([404, 'story.not_found']);
    await ok(
      await c.redaktoer.post(`${API}/stories/${story}/review`, {
        version: edited.version,
        decision: 'publish',
      }),
    );
    const seen = await ok(await read(anon));
    expect(seen.may).toEqual({ edit: false, review: false, try: false });
    expect((await ok(await read(c.medarbejder3))).may.try).toBe(true);
  });
});

describe('search', () => {
  it('finds "prøvehandling" (and a prefix) with facet counts over the visible matches', async () => {
    const res = await c.medarbejder3.get(`${API}/stories?q=prøvehandling&subject=${subject}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((x: { id: string }) => x.id)).toEqual([story]);
    expect(body.total).toBe(1);
    expect(body.facets.subject).toContainEqual({
      value: subject,
      label: 'Historiefortælling (test)',
      count: 1,
    });
    expect(body.facets.method).toContainEqual({ value: method, label: 'Makkersamtaler (test)', count: 1 });
    expect(body.facets.ageBand).toContainEqual({ value: 'kl4-6', label: '4.–6. klasse', count: 1 });
    expect(body.facets.pillar.map((f: { value: string }) => f.value)).toEqual(['samarbejde', 'dialog']);
    const prefix = (await c.medarbejder3.get(`${API}/stories?q=makkersam&subject=${subject}`)).json();
    expect(prefix.items.map((x: { id: string }) => x.id)).toEqual([story]);
    const none = (await c.medarbejder3.get(`${API}/stories?q=fotosyntese&subject=${subject}`)).json();
    expect(none).toMatchObject({ items: [], total: 0 });
    // Anonymous sees it (public); a draft never shows in search.
    expect(
      (await anon.get(`${API}/stories?q=prøvehandling`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(story);
  });

  it('video= gives the stories linking it; a video narrowed later drops out of the story and the filter at once', async () => {
    const linking = (await c.medarbejder3.get(`${API}/stories?video=${video}`)).json();
    expect(linking.items.map((x: { id: string }) => x.id)).toEqual([story]);
    expect((await ok(await read(c.medarbejder3))).videos.map((v) => v.id)).toEqual([video]);
    await t.ctx.db.update(videos).set({ visibility: 'private' }).where(eq(videos.id, video));
    expect((await ok(await read(c.medarbejder3))).videos).toEqual([]);
    expect((await c.medarbejder3.get(`${API}/stories?video=${video}`)).json().items).toEqual([]);
    // The owner still watches it, and still sees it on the story.
    expect((await current()).videos.map((v) => v.id)).toEqual([video]);
    await t.ctx.db.update(videos).set({ visibility: 'public' }).where(eq(videos.id, video));
  });
});

describe('data before and after', () => {
  it('aggregates per indicator; a group under the minimum is suppressed at once', async () => {
    const db = t.ctx.db;
    const school = ids.institution.Solsikkeskolen;
    const schemaId = await insertSchema(db, school);
    const teachers = await addTeachers(db, school, 'story-data', 5);
    const visit = (teacherId: string, plannedFor: string, value: number) => ({
      institutionId: school,
      schemaId,
      teacherId,
      observerId: ids.user.leder,
      kind: 'visit' as const,
      status: 'completed' as const,
      plannedFor,
      answers: [{ key: TEST_KEYS.scale, value }],
    });
    const before = await insertVisits(
      db,
      teachers.map((x) => visit(x.id, '2026-03-02', 3)),
    );
    const after = await insertVisits(
      db,
      teachers.map((x) => visit(x.id, '2026-05-04', 5)),
    );
    const rows = await db
      .insert(inquiryEvidence)
      .values([...before, ...after].map((visitId) => ({ cycleId: cycle, kind: 'visit' as const, visitId })))
      .returning({ id: inquiryEvidence.id, visitId: inquiryEvidence.visitId });
    evidenceAfter = rows.filter((r) => after.includes(r.visitId as string)).map((r) => r.id);
    const s = await current();
    const saved = await ok(
      await put(
        'medarbejder',
        draft({ version: s.version, visibility: 'public', dataSplitOn: '2026-04-01' }),
      ),
    );
    const line = saved.data?.indicators.find((i) => i.label === 'Målet er tydeligt');
    expect(saved.data?.minGroup).toBe(5);
    expect(line).toMatchObject({
      kind: 'scale',
      before: { value: 3, teachers: 5, suppressed: false },
      after: { value: 5, teachers: 5, suppressed: false },
    });
    // One after-visit leaves the cycle: four teachers, under the minimum — hidden at once, no value, no count.
    await db.delete(inquiryEvidence).where(eq(inquiryEvidence.id, evidenceAfter[0]));
    const now = (await current()).data?.indicators.find((i) => i.label === 'Målet er tydeligt');
    expect(now?.after).toEqual({ value: null, teachers: null, suppressed: true });
    expect(now?.before).toMatchObject({ value: 3, teachers: 5 });
  });
});

describe('"Vi vil prøve det i vores team"', () => {
  it('starts a cycle in my team from the story; not in a team I am not on; triedCount counts teams', async () => {
    // Published again after the last edit, so others may try it.
    const s = await current();
    if (s.state !== 'published')
      await ok(
        await c.redaktoer.post(`${API}/stories/${story}/review`, { version: s.version, decision: 'publish' }),
      );
    const natur = ids.team.Naturfagsteamet;
    const tried = await c.medarbejder3.post(`${API}/stories/${story}/try`, { teamId: natur });
    expect(tried.statusCode, tried.body).toBe(201);
    triedCycle = tried.json().cycleId;
    const [made] = await t.ctx.db
      .select()
      .from(inquiryCycles)
      .where(eq(inquiryCycles.id, tried.json().cycleId));
    expect(made).toMatchObject({
      teamId: natur,
      originStoryId: story,
      templateName: 'Læringscirklen',
      state: 'foer',
    });
    expect(made.title).toBe(s.title);
    expect(made.question).toBe('Hvornår begrunder eleverne deres svar?');
    expect(made.phases.length).toBeGreaterThan(0);
    expect(JSON.stringify(made.content)).toContain('makkersamtaler før hver fælles opsamling');
    // Not my team: another institution's is hidden, one at my own institution forbidden.
    expect(err(await c.medarbejder3.post(`${API}/stories/${story}/try`, { teamId: math }))).toEqual([
      404,
      'team.not_found',
    ]);
    expect(
      err(await c.ressourceperson.post(`${API}/stories/${story}/try`, { teamId: ids.team['3. årgang'] })),
    ).toEqual([403, 'policy.forbidden']);
    expect(err(await anon.post(`${API}/stories/${story}/try`, { teamId: natur }))).toEqual([
      401,
      'auth.required',
    ]);
    // The same team twice counts once; another team counts too.
    await c.medarbejder3.post(`${API}/stories/${story}/try`, { teamId: natur });
    expect((await current()).triedCount).toBe(1);
    const second = await c.medarbejder.post(`${API}/stories/${story}/try`, { teamId: ids.team['3. årgang'] });
    expect(second.statusCode).toBe(201);
    expect((await current()).triedCount).toBe(2);
  });
});

describe('what the teams that tried it found', () => {
  it('a published story of a cycle started from it is a follow-up, for readers who may see it; it names its origin', async () => {
    await t.ctx.db.update(inquiryCycles).set({ state: 'afsluttet' }).where(eq(inquiryCycles.id, triedCycle));
    const res = await c.medarbejder3.put(`${API}/cycles/${triedCycle}/story`, {
      ...draft({ title: 'Makkersamtaler i naturfag', visibility: 'institution' }),
    });
    const follow = await ok(res);
    // Not published yet: no follow-up for anyone.
    expect((await current()).followUps).toEqual([]);
    await ok(await c.medarbejder3.post(`${API}/stories/${follow.id}/submit`, { version: follow.version }));
    await ok(
      await c.redaktoer.post(`${API}/stories/${follow.id}/review`, {
        version: follow.version + 1,
        decision: 'publish',
      }),
    );
    // Bakkeskolen's people see it under the story they tried; Solsikkeskolen's may not read it, so it is not there.
    const seenBy = async (who: TestClient) => (await ok(await read(who))).followUps.map((f) => f.id);
    expect(await seenBy(c.medarbejder3)).toEqual([follow.id]);
    expect(await seenBy(c.medarbejder)).toEqual([]);
    const own = (await ok(await read(c.medarbejder3, follow.id))) as unknown as {
      origin: { id: string } | null;
    };
    expect(own.origin?.id).toBe(story);
  });
});

describe('a member removed from the team', () => {
  it('loses edit access at once', async () => {
    const s = await current();
    expect(s.may.edit).toBe(true);
    const removed = await c.administrator.delete(`${API}/teams/${math}/members/${ids.user.ressourceperson}`);
    expect(removed.statusCode).toBe(200);
    expect(err(await put('ressourceperson', draft({ version: s.version })))).toEqual([
      404,
      'inquiry.cycle_not_found',
    ]);
    expect(
      err(await c.ressourceperson.post(`${API}/stories/${story}/withdraw`, { version: s.version })),
    ).toEqual([403, 'policy.forbidden']);
    // Still a reader of the published story (Solsikkeskolen, public), but no longer an editor.
    expect((await ok(await read(c.ressourceperson))).may.edit).toBe(false);
  });
});

describe('paging and taking it back', () => {
  it('pages search with a cursor (no repeats); a tampered cursor is 400', async () => {
    const page1 = (await c.medarbejder3.get(`${API}/stories?q=makkersamtaler&limit=1`)).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await c.medarbejder3.get(`${API}/stories?q=makkersamtaler&limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const bad = Buffer.from(JSON.stringify([1, 'x', FORGED])).toString('base64url');
    expect(err(await c.medarbejder3.get(`${API}/stories?cursor=${bad}`))).toEqual([
      400,
      'search.invalid_cursor',
    ]);
  });

  it('the team withdraws a published story to a draft: readers lose it at once', async () => {
    expect((await ok(await read(anon))).state).toBe('published');
    const search = async () => (await anon.get(`${API}/stories?q=prøvehandling`)).json();
    const before = await search();
    expect(before.items.map((x: { id: string }) => x.id)).toContain(story);
    // On PostgreSQL a second app process remembers the same search; the change reaches it through the event.
    const other = t.database.kind === 'postgres' ? (await secondApp(t)).app : null;
    await other?.ready();
    const otherSearch = async () =>
      other && (await new TestClient(other).get(`${API}/stories?q=prøvehandling`)).json();
    expect((await otherSearch())?.total ?? before.total).toBe(before.total);
    const s = await current();
    const back = await ok(
      await c.medarbejder.post(`${API}/stories/${story}/withdraw`, { version: s.version }),
    );
    expect(back).toMatchObject({ state: 'draft', version: s.version + 1 });
    expect(err(await read(anon))).toEqual([404, 'story.not_found']);
    expect(err(await read(c.medarbejder3))).toEqual([404, 'story.not_found']);
    expect((await anon.get(`${API}/stories?video=${video}`)).json().items).toEqual([]);
    // The same search a moment later (its answer remembered for a few seconds) no longer finds or counts it.
    const after = await search();
    expect(after.items.map((x: { id: string }) => x.id)).not.toContain(story);
    expect(after.total).toBe(before.total - 1);
    if (other) {
      await expect.poll(async () => (await otherSearch()).total, { timeout: 2000 }).toBe(before.total - 1);
      await other.close();
    }
  });
});
