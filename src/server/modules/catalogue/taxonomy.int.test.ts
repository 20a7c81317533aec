import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoMethods } from '../../db/community-schema.js';
import { auditLog } from '../../db/schema.js';
import { taxonomyTerms, videos } from '../../db/videos-schema.js';
import { insertVideo, termId } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.database.db);
  for (const r of ['medarbejder', 'medarbejder2', 'redaktoer', 'administrator', 'leder'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(() => t?.close());

const db = () => t.database.db;
const video = (spec: Partial<Parameters<typeof insertVideo>[1]> = {}) =>
  insertVideo(db(), {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    ...spec,
  });
const methodsOf = async (id: string) =>
  (await db().select().from(videoMethods).where(eq(videoMethods.videoId, id))).map((m) => m.termId).sort();
const subjectOf = async (id: string) =>
  (await db().select({ s: videos.subjectId }).from(videos).where(eq(videos.id, id)))[0].s;

describe('taxonomy', () => {
  it('lists terms for everyone signed in; usage counts only for editors', async () => {
    await video({ methods: ['Feedback'], visibility: 'private' });
    const editor = (await as.redaktoer.get('/api/v1/taxonomy?kind=method')).json().items;
    expect(editor.find((i: { label: string }) => i.label === 'Feedback')).toMatchObject({
      kind: 'method',
      usage: 1,
    });
    const teacher = (await as.medarbejder2.get('/api/v1/taxonomy')).json().items;
    expect(teacher.length).toBeGreaterThan(20);
    expect(teacher.every((i: object) => !('usage' in i))).toBe(true);
    expect(teacher.some((i: { kind: string }) => i.kind === 'subject')).toBe(true);
    expect(err(await t.client().get('/api/v1/taxonomy'))).toEqual([401, 'auth.required']);
  });

  it('editors add and rename; duplicates (any case) are refused; others are forbidden', async () => {
    const made = await as.redaktoer.post('/api/v1/taxonomy', { kind: 'method', label: 'Læsebånd' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ kind: 'method', label: 'Læsebånd', usage: 0 });
    expect(err(await as.redaktoer.post('/api/v1/taxonomy', { kind: 'method', label: 'læsebånd' }))).toEqual([
      409,
      'taxonomy.duplicate',
    ]);
    // The same label as a subject is another term.
    expect(
      (await as.redaktoer.post('/api/v1/taxonomy', { kind: 'subject', label: 'Læsebånd' })).statusCode,
    ).toBe(201);
    expect(err(await as.redaktoer.post('/api/v1/taxonomy', { kind: 'method', label: '  ' }))).toEqual([
      400,
      'request.invalid',
    ]);
    for (const who of ['medarbejder', 'leder'])
      expect(err(await as[who].post('/api/v1/taxonomy', { kind: 'method', label: 'Noget' }))).toEqual([
        403,
        'policy.forbidden',
      ]);

    const id = made.json().id;
    const v = await video({ methods: ['Læsebånd'], title: 'Morgenlæsning' });
    const renamed = await as.redaktoer.patch(`/api/v1/taxonomy/${id}`, { label: 'Læsebånd i indskolingen' });
    expect(renamed.json()).toMatchObject({ label: 'Læsebånd i indskolingen', usage: 1 });
    // The video's search document follows the new label.
    const [doc] = await db().select({ d: videos.searchDocument }).from(videos).where(eq(videos.id, v));
    expect(doc.d).toContain('indskoling');
    expect(err(await as.redaktoer.patch(`/api/v1/taxonomy/${id}`, { label: 'FEEDBACK' }))).toEqual([
      409,
      'taxonomy.duplicate',
    ]);
    expect(err(await as.medarbejder.patch(`/api/v1/taxonomy/${id}`, { label: 'X' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(
      err(await as.redaktoer.patch('/api/v1/taxonomy/00000000-0000-4000-8000-000000000000', { label: 'X' })),
    ).toEqual([404, 'taxonomy.not_found']);
    const log = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'taxonomy.rename'), eq(auditLog.subjectId, id)));
    expect(log[0].details).toEqual({ from: 'Læsebånd', to: 'Læsebånd i indskolingen' });
  });

  it('merging moves every method and subject link to the kept term, without duplicates', async () => {
    const keep = await termId(db(), 'method', 'Samarbejdslæring');
    const gone = await termId(db(), 'method', 'Cooperative learning');
    const both = await video({ methods: ['Samarbejdslæring', 'Cooperative learning', 'Feedback'] });
    const onlyGone = await video({ methods: ['Cooperative learning'] });
    const onlyKeep = await video({ methods: ['Samarbejdslæring'] });
    const otherInst = await insertVideo(db(), {
      ownerId: ids.user.medarbejder2,
      institutionId: ids.institution['Børnehuset Mælkebøtten'],
      visibility: 'private',
      methods: ['Cooperative learning'],
    });
    const feedback = await termId(db(), 'method', 'Feedback');

    const res = await as.redaktoer.post(`/api/v1/taxonomy/${gone}/merge`, { intoId: keep });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: keep, label: 'Samarbejdslæring', usage: 4 });
    expect(await methodsOf(both)).toEqual([keep, feedback].sort());
    expect(await methodsOf(onlyGone)).toEqual([keep]);
    expect(await methodsOf(onlyKeep)).toEqual([keep]);
    expect(await methodsOf(otherInst)).toEqual([keep]);
    expect(await db().select().from(taxonomyTerms).where(eq(taxonomyTerms.id, gone))).toHaveLength(0);
    expect(await db().select().from(videoMethods).where(eq(videoMethods.termId, gone))).toHaveLength(0);
    const [doc] = await db().select({ d: videos.searchDocument }).from(videos).where(eq(videos.id, onlyGone));
    expect(doc.d).toContain('samarbejdslæring');

    // Subjects too.
    const s1 = await termId(db(), 'subject', 'Natur/teknologi');
    const s2 = await termId(db(), 'subject', 'Naturteknologi');
    const a = await video({ subject: 'Naturteknologi' });
    const b = await video({ subject: 'Natur/teknologi' });
    const merged = await as.redaktoer.post(`/api/v1/taxonomy/${s2}/merge`, { intoId: s1 });
    expect(merged.json()).toMatchObject({ id: s1, usage: 2 });
    expect(await subjectOf(a)).toBe(s1);
    expect(await subjectOf(b)).toBe(s1);
    const log = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'taxonomy.merge'), eq(auditLog.subjectId, s1)));
    expect(log[0].details).toMatchObject({ subjects: 1, merged: { id: s2, label: 'Naturteknologi' } });
  });

  it('refuses merging across kinds, into itself, or by non-editors', async () => {
    const m = await termId(db(), 'method', 'Inklusion');
    const s = await termId(db(), 'subject', 'Musik');
    expect(err(await as.redaktoer.post(`/api/v1/taxonomy/${m}/merge`, { intoId: s }))).toEqual([
      400,
      'taxonomy.merge_invalid',
    ]);
    expect(err(await as.redaktoer.post(`/api/v1/taxonomy/${m}/merge`, { intoId: m }))).toEqual([
      400,
      'taxonomy.merge_invalid',
    ]);
    const other = await termId(db(), 'method', 'Innovation');
    expect(err(await as.medarbejder.post(`/api/v1/taxonomy/${m}/merge`, { intoId: other }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(
      await db()
        .select()
        .from(taxonomyTerms)
        .where(inArray(taxonomyTerms.id, [m, s, other])),
    ).toHaveLength(3);
  });

  it('deletes only unused terms', async () => {
    const used = await termId(db(), 'method', 'Åben skole');
    await video({ methods: ['Åben skole'] });
    const refused = await as.redaktoer.delete(`/api/v1/taxonomy/${used}`);
    expect(err(refused)).toEqual([409, 'taxonomy.in_use']);
    expect(refused.json().error.message).toMatch(/Flet det i stedet/);
    const usedSubject = await termId(db(), 'subject', 'Idræt');
    await video({ subject: 'Idræt' });
    expect(err(await as.redaktoer.delete(`/api/v1/taxonomy/${usedSubject}`))).toEqual([
      409,
      'taxonomy.in_use',
    ]);
    const unused = await termId(db(), 'method', 'Helt ubrugt');
    expect(err(await as.medarbejder.delete(`/api/v1/taxonomy/${unused}`))).toEqual([403, 'policy.forbidden']);
    expect((await as.administrator.delete(`/api/v1/taxonomy/${unused}`)).statusCode).toBe(200);
    expect(err(await as.administrator.delete(`/api/v1/taxonomy/${unused}`))).toEqual([
      404,
      'taxonomy.not_found',
    ]);
  });
});

describe('collections', () => {
  it('editors build ordered collections of published videos; viewers see only what they may watch', async () => {
    const pub1 = await video({ title: 'Udgivet et', visibility: 'public', editorialState: 'published' });
    const pub2 = await video({ title: 'Udgivet to', visibility: 'public', editorialState: 'published' });
    // Published but since narrowed to the institution by its owner: only Solsikkeskolen sees it.
    const narrowed = await video({
      title: 'Kun for skolen',
      visibility: 'institution',
      editorialState: 'published',
    });
    const notPublished = await video({ visibility: 'public' });

    const c = await as.redaktoer.post('/api/v1/collections', {
      title: 'Godt begyndt',
      description: 'Til nye lærere',
    });
    expect(c.statusCode).toBe(201);
    const cid = c.json().id;
    for (const v of [pub1, pub2, narrowed])
      expect((await as.redaktoer.post(`/api/v1/collections/${cid}/videos`, { videoId: v })).statusCode).toBe(
        200,
      );
    expect(
      err(await as.redaktoer.post(`/api/v1/collections/${cid}/videos`, { videoId: notPublished })),
    ).toEqual([409, 'collection.video_not_published']);
    // Adding twice keeps one link.
    await as.redaktoer.post(`/api/v1/collections/${cid}/videos`, { videoId: pub1 });
    const ordered = await as.redaktoer.put(`/api/v1/collections/${cid}/videos/order`, {
      videoIds: [pub2, pub1],
    });
    expect(ordered.json().videos.map((v: { id: string }) => v.id)).toEqual([pub2, pub1, narrowed]);

    const list = async (c: TestClient) =>
      (await c.get('/api/v1/collections')).json().items.find((i: { id: string }) => i.id === cid);
    expect((await list(as.medarbejder)).videos.map((v: { title: string }) => v.title)).toEqual([
      'Udgivet to',
      'Udgivet et',
      'Kun for skolen',
    ]);
    const other = await list(as.medarbejder2);
    expect(other.videos.map((v: { title: string }) => v.title)).toEqual(['Udgivet to', 'Udgivet et']);
    expect(other.videos[0].catalogue.curated).toBe(true);
    expect((await list(t.client())).videos).toHaveLength(2);

    // Unpublished videos leave the public view, but editors managing still see them (to remove them).
    await db().update(videos).set({ editorialState: 'returned' }).where(eq(videos.id, pub1));
    expect((await list(as.medarbejder2)).videos.map((v: { id: string }) => v.id)).toEqual([pub2]);
    const managed = (await as.redaktoer.get('/api/v1/collections?manage=true')).json();
    expect(managed.items.find((i: { id: string }) => i.id === cid).videos).toHaveLength(3);
    expect(err(await as.medarbejder.get('/api/v1/collections?manage=true'))).toEqual([
      403,
      'policy.forbidden',
    ]);

    const removed = await as.redaktoer.delete(`/api/v1/collections/${cid}/videos/${pub1}`);
    expect(removed.json().videos.map((v: { id: string }) => v.id)).toEqual([pub2, narrowed]);
  });

  it('editors rename, order and delete collections; others are refused', async () => {
    const a = (await as.redaktoer.post('/api/v1/collections', { title: 'A' })).json().id;
    const b = (await as.redaktoer.post('/api/v1/collections', { title: 'B' })).json().id;
    const renamed = await as.redaktoer.patch(`/api/v1/collections/${a}`, {
      title: 'Klasseledelse i praksis',
    });
    expect(renamed.json()).toMatchObject({ title: 'Klasseledelse i praksis' });
    const all = (await as.redaktoer.get('/api/v1/collections')).json().items.map((i: { id: string }) => i.id);
    const reversed = [...all].reverse();
    const res = await as.redaktoer.put('/api/v1/collections/order', { ids: reversed });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(reversed);
    expect(err(await as.redaktoer.put('/api/v1/collections/order', { ids: [a] }))).toEqual([
      409,
      'collection.order_stale',
    ]);
    expect(err(await as.redaktoer.put('/api/v1/collections/order', { ids: [...all, a] }))).toEqual([
      409,
      'collection.order_stale',
    ]);
    for (const who of ['medarbejder', 'leder']) {
      expect(err(await as[who].post('/api/v1/collections', { title: 'X' }))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(err(await as[who].patch(`/api/v1/collections/${a}`, { title: 'X' }))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(err(await as[who].delete(`/api/v1/collections/${a}`))).toEqual([403, 'policy.forbidden']);
    }
    expect((await as.redaktoer.delete(`/api/v1/collections/${b}`)).statusCode).toBe(200);
    expect(err(await as.redaktoer.patch(`/api/v1/collections/${b}`, { title: 'X' }))).toEqual([
      404,
      'collection.not_found',
    ]);
  });

  it('an editor cannot add a video they may not see', async () => {
    const cid = (await as.redaktoer.post('/api/v1/collections', { title: 'Skjult' })).json().id;
    const hidden = await video({ visibility: 'institution', editorialState: 'none' });
    expect(err(await as.redaktoer.post(`/api/v1/collections/${cid}/videos`, { videoId: hidden }))).toEqual([
      404,
      'video.not_found',
    ]);
  });
});
