import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { insertVideo, termId } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const term = (kind: 'subject' | 'method', label: string) => termId(t.database.db, kind, label);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.database.db);
  for (const r of ['medarbejder', 'ressourceperson', 'medarbejder2', 'redaktoer', 'administrator', 'leder'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(() => t?.close());

/** A ready video of the medarbejder at Solsikkeskolen. */
const mine = (spec: Partial<Parameters<typeof insertVideo>[1]> = {}) =>
  insertVideo(t.database.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    ...spec,
  });

const row = async (id: string) => (await t.database.db.select().from(videos).where(eq(videos.id, id)))[0];
const audits = (action: string, subjectId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

describe('catalogue metadata', () => {
  it('the owner sets subject, age band, methods and pillars; the video shows them', async () => {
    const id = await mine({ title: 'Lektion om brøker' });
    const body = {
      subjectId: await term('subject', 'Matematik'),
      ageBand: 'kl4-6',
      methodIds: [await term('method', 'Feedback'), await term('method', 'Klasseledelse')],
      pillars: ['dialog', 'laering'],
    };
    const res = await as.medarbejder.put(`/api/v1/videos/${id}/catalogue`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().catalogue).toMatchObject({
      subject: { id: body.subjectId, label: 'Matematik' },
      ageBand: 'kl4-6',
      pillars: ['dialog', 'laering'],
      editorialState: 'none',
      curated: false,
      publishedAt: null,
      canDescribe: true,
      canSubmit: true,
      canReview: false,
    });
    expect(
      res
        .json()
        .catalogue.methods.map((m: { label: string }) => m.label)
        .sort(),
    ).toEqual(['Feedback', 'Klasseledelse']);
    // The detail endpoint shows the same; a colleague sees it too (institution video), without edit rights.
    const seen = (await as.ressourceperson.get(`/api/v1/videos/${id}`)).json();
    expect(seen.catalogue).toMatchObject({ ageBand: 'kl4-6', canDescribe: false, canSubmit: false });
    expect(seen.catalogue.methods).toHaveLength(2);
    // The search document was refreshed with the tags.
    expect((await row(id)).searchDocument).toContain('feedback');
    expect(await audits('catalogue.metadata', id)).toHaveLength(1);

    // Replacing the methods removes the old links.
    const again = await as.medarbejder.put(`/api/v1/videos/${id}/catalogue`, {
      ...body,
      methodIds: [body.methodIds[0], body.methodIds[0]],
      subjectId: null,
    });
    expect(again.json().catalogue).toMatchObject({ subject: null, methods: [{ label: 'Feedback' }] });
  });

  it('refuses unknown or wrong-kind terms and more than 10 methods with clear codes', async () => {
    const id = await mine();
    const base = { subjectId: null, ageBand: null, methodIds: [], pillars: [] };
    const put = (b: object) => as.medarbejder.put(`/api/v1/videos/${id}/catalogue`, { ...base, ...b });
    expect(err(await put({ subjectId: await term('method', 'Feedback') }))).toEqual([
      400,
      'catalogue.unknown_subject',
    ]);
    expect(err(await put({ methodIds: ['00000000-0000-4000-8000-000000000000'] }))).toEqual([
      400,
      'catalogue.unknown_method',
    ]);
    expect(err(await put({ methodIds: [await term('subject', 'Dansk')] }))).toEqual([
      400,
      'catalogue.unknown_method',
    ]);
    const eleven = await Promise.all(Array.from({ length: 11 }, (_, i) => term('method', `Metode ${i}`)));
    const tooMany = await put({ methodIds: eleven });
    expect(err(tooMany)).toEqual([400, 'catalogue.too_many_methods']);
    expect(tooMany.json().error.message).toBe('Vælg højst 10 metoder.');
    expect(err(await put({ ageBand: '11-12' }))).toEqual([400, 'request.invalid']);
    expect(err(await put({ pillars: ['hygge'] }))).toEqual([400, 'request.invalid']);
    expect(err(await put({ subjectId: 'not-a-uuid' }))).toEqual([400, 'request.invalid']);
  });

  it("another institution's video is 404, a colleague's 403, and nothing changes", async () => {
    const id = await mine({ subject: 'Dansk' });
    const body = { subjectId: null, ageBand: '3-5', methodIds: [], pillars: [] };
    expect(err(await as.medarbejder2.put(`/api/v1/videos/${id}/catalogue`, body))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(err(await as.ressourceperson.put(`/api/v1/videos/${id}/catalogue`, body))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await as.leder.put(`/api/v1/videos/${id}/catalogue`, body))).toEqual([
      403,
      'policy.forbidden',
    ]);
    // An editor may not describe a video outside the catalogue workflow (and cannot see this one at all).
    expect(err(await as.redaktoer.put(`/api/v1/videos/${id}/catalogue`, body))).toEqual([
      404,
      'video.not_found',
    ]);
    const private_ = await mine({ visibility: 'private' });
    expect(err(await as.ressourceperson.put(`/api/v1/videos/${private_}/catalogue`, body))).toEqual([
      404,
      'video.not_found',
    ]);
    const r = await row(id);
    expect(r.ageBand).toBeNull();
    expect(r.subjectId).toBe(await term('subject', 'Dansk'));
  });

  it('editors describe a video once it is in the catalogue workflow', async () => {
    const id = await mine();
    expect((await as.medarbejder.post(`/api/v1/videos/${id}/catalogue/submit`)).statusCode).toBe(200);
    const res = await as.redaktoer.put(`/api/v1/videos/${id}/catalogue`, {
      subjectId: await term('subject', 'Dansk'),
      ageBand: 'kl0-3',
      methodIds: [],
      pillars: ['vision'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().catalogue).toMatchObject({ ageBand: 'kl0-3', canReview: true, canDescribe: true });
  });
});

describe('editorial workflow', () => {
  async function submitted(spec: Partial<Parameters<typeof insertVideo>[1]> = {}) {
    const id = await mine({ subject: 'Matematik', ageBand: 'kl4-6', ...spec });
    const c = await as.medarbejder.put(`/api/v1/videos/${id}/consent`, { pupilsAppear: false });
    expect(c.statusCode).toBe(200);
    const s = await as.medarbejder.post(`/api/v1/videos/${id}/catalogue/submit`);
    expect(s.json().catalogue.editorialState).toBe('in_review');
    return id;
  }

  it('submit → review queue → publish: public, curated, audit-logged', async () => {
    const id = await submitted({ title: 'Fælles opstart i 5. klasse' });
    const queue = await as.redaktoer.get('/api/v1/catalogue/editorial');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({
      title: 'Fælles opstart i 5. klasse',
      owner: { name: 'Mette Nørgaard' },
      institution: { name: 'Solsikkeskolen' },
      subject: { label: 'Matematik' },
      consent: { state: 'no_pupils', allowsPublic: true },
    });
    // The owner does not see the editors' controls; the editor does.
    expect((await as.medarbejder.get(`/api/v1/videos/${id}`)).json().catalogue.canReview).toBe(false);
    expect((await as.redaktoer.get(`/api/v1/videos/${id}`)).json().catalogue.canReview).toBe(true);

    const pub = await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ visibility: 'public' });
    expect(pub.json().catalogue).toMatchObject({ editorialState: 'published', curated: true });
    expect(pub.json().catalogue.publishedAt).toBeTruthy();
    const r = await row(id);
    expect(r).toMatchObject({
      visibility: 'public',
      editorialState: 'published',
      reviewedBy: ids.user.redaktoer,
    });
    expect(await audits('catalogue.in_review', id)).toHaveLength(1);
    expect(await audits('catalogue.published', id)).toHaveLength(1);
    // The published list shows the newest publication first.
    const published = (await as.redaktoer.get('/api/v1/catalogue/editorial?state=published&limit=1')).json();
    expect(published.items[0].id).toBe(id);
    // Anyone may now watch it, signed in or not.
    expect((await t.client().get(`/api/v1/videos/${id}`)).json().catalogue.curated).toBe(true);
    // Publishing twice is refused.
    expect(err(await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/publish`))).toEqual([
      409,
      'catalogue.wrong_state',
    ]);

    // Unpublish back to the owner with a comment: no longer public.
    expect(
      err(await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/unpublish`, { to: 'returned' })),
    ).toEqual([400, 'catalogue.comment_required']);
    const un = await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/unpublish`, {
      to: 'returned',
      comment: 'Lyden er for svag.',
    });
    expect(un.json()).toMatchObject({ visibility: 'institution' });
    expect(un.json().catalogue).toMatchObject({
      editorialState: 'returned',
      curated: false,
      publishedAt: null,
    });
    expect((await t.client().get(`/api/v1/videos/${id}`)).statusCode).toBe(404);
  });

  it('a published video that its owner narrows, or whose consent is withdrawn, leaves the catalogue', async () => {
    for (const narrow of [
      (id: string) => as.medarbejder.patch(`/api/v1/videos/${id}`, { visibility: 'kommune' }),
      (id: string) => as.medarbejder.post(`/api/v1/videos/${id}/consent/withdraw`),
    ]) {
      const id = await submitted();
      expect((await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/publish`)).statusCode).toBe(200);
      expect((await narrow(id)).statusCode).toBe(200);
      const r = await row(id);
      expect(r.visibility).not.toBe('public');
      expect(r.editorialState).toBe('draft');
      expect((await as.medarbejder.get(`/api/v1/videos/${id}`)).json().catalogue.curated).toBe(false);
    }
  });

  it('refuses to publish without consent for public viewing, and without subject and age band', async () => {
    const id = await mine({ subject: 'Dansk', ageBand: 'kl0-3' });
    await as.medarbejder.put(`/api/v1/videos/${id}/consent`, {
      pupilsAppear: true,
      consentLevel: 'institution',
    });
    await as.medarbejder.post(`/api/v1/videos/${id}/catalogue/submit`);
    const refused = await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/publish`);
    expect(err(refused)).toEqual([409, 'catalogue.consent_not_public']);
    expect(refused.json().error.message).toMatch(/^Samtykkeregistret tillader ikke/);
    expect(await row(id)).toMatchObject({ visibility: 'institution', editorialState: 'in_review' });
    const queue = (await as.redaktoer.get('/api/v1/catalogue/editorial')).json();
    expect(queue.items.find((i: { id: string }) => i.id === id).consent).toMatchObject({
      state: 'consented',
      widestVisibility: 'institution',
      allowsPublic: false,
    });

    const noRecord = await mine({ subject: 'Dansk', ageBand: 'kl0-3' });
    await as.medarbejder.post(`/api/v1/videos/${noRecord}/catalogue/submit`);
    expect(err(await as.redaktoer.post(`/api/v1/videos/${noRecord}/catalogue/publish`))).toEqual([
      409,
      'catalogue.consent_not_public',
    ]);

    const bare = await mine();
    await as.medarbejder.put(`/api/v1/videos/${bare}/consent`, { pupilsAppear: false });
    await as.medarbejder.post(`/api/v1/videos/${bare}/catalogue/submit`);
    expect(err(await as.redaktoer.post(`/api/v1/videos/${bare}/catalogue/publish`))).toEqual([
      409,
      'catalogue.metadata_incomplete',
    ]);
  });

  it('send back needs a comment; the owner sees it and submits again', async () => {
    const id = await submitted();
    for (const body of [{}, { comment: '   ' }])
      expect(err(await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/return`, body))).toEqual([
        400,
        'catalogue.comment_required',
      ]);
    expect((await row(id)).editorialState).toBe('in_review');
    const back = await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/return`, {
      comment: 'Tilføj en beskrivelse af forløbet.',
    });
    expect(back.json().catalogue).toMatchObject({
      editorialState: 'returned',
      editorialComment: 'Tilføj en beskrivelse af forløbet.',
    });
    const owner = (await as.medarbejder.get(`/api/v1/videos/${id}`)).json();
    expect(owner.catalogue.editorialComment).toBe('Tilføj en beskrivelse af forløbet.');
    // A colleague who may watch the video does not read the editors' comment.
    expect(
      (await as.ressourceperson.get(`/api/v1/videos/${id}`)).json().catalogue.editorialComment,
    ).toBeNull();
    expect(await audits('catalogue.returned', id)).toHaveLength(1);
    const again = await as.medarbejder.post(`/api/v1/videos/${id}/catalogue/submit`);
    expect(again.json().catalogue.editorialState).toBe('in_review');
  });

  it('non-editors cannot review; colleagues cannot submit; private videos cannot enter', async () => {
    const id = await submitted();
    for (const who of ['medarbejder', 'ressourceperson', 'leder']) {
      expect(err(await as[who].post(`/api/v1/videos/${id}/catalogue/publish`))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(err(await as[who].post(`/api/v1/videos/${id}/catalogue/return`, { comment: 'Nej' }))).toEqual([
        403,
        'policy.forbidden',
      ]);
      expect(err(await as[who].get('/api/v1/catalogue/editorial'))).toEqual([403, 'policy.forbidden']);
    }
    expect(err(await as.medarbejder2.post(`/api/v1/videos/${id}/catalogue/publish`))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(err(await t.client().post(`/api/v1/videos/${id}/catalogue/publish`))).toEqual([
      401,
      'auth.required',
    ]);
    expect((await row(id)).editorialState).toBe('in_review');

    const colleagues = await mine();
    expect(err(await as.ressourceperson.post(`/api/v1/videos/${colleagues}/catalogue/submit`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const priv = await mine({ visibility: 'private' });
    expect(err(await as.medarbejder.post(`/api/v1/videos/${priv}/catalogue/submit`))).toEqual([
      409,
      'catalogue.private_video',
    ]);
    // An editor cannot see the private video at all, nor find it in the queue.
    expect(err(await as.redaktoer.post(`/api/v1/videos/${priv}/catalogue/draft`))).toEqual([
      404,
      'video.not_found',
    ]);
  });

  it('editors start a draft of a video they can see; the owner then submits it', async () => {
    const id = await mine({ visibility: 'public' });
    const draft = await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/draft`);
    expect(draft.json().catalogue).toMatchObject({ editorialState: 'draft' });
    expect(err(await as.redaktoer.post(`/api/v1/videos/${id}/catalogue/draft`))).toEqual([
      409,
      'catalogue.wrong_state',
    ]);
    expect(err(await as.medarbejder.post(`/api/v1/videos/${id}/catalogue/draft`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const drafts = (await as.redaktoer.get('/api/v1/catalogue/editorial?state=draft')).json();
    expect(drafts.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(
      (await as.medarbejder.post(`/api/v1/videos/${id}/catalogue/submit`)).json().catalogue,
    ).toMatchObject({
      editorialState: 'in_review',
    });
  });

  it('the queue lists only what the editor may see, and pages by cursor', async () => {
    const made = [await submitted(), await submitted(), await submitted()];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const q = `/api/v1/catalogue/editorial?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await as.redaktoer.get(q)).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const id of made) expect(seen).toContain(id);
    expect(new Set(seen).size).toBe(seen.length);
    // A video made private after submitting leaves the queue.
    await as.medarbejder.patch(`/api/v1/videos/${made[0]}`, { visibility: 'private' });
    const after = (await as.redaktoer.get('/api/v1/catalogue/editorial?limit=100')).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(made[0]);
    expect(err(await as.redaktoer.get('/api/v1/catalogue/editorial?cursor=garbage'))).toEqual([
      400,
      'request.invalid',
    ]);
  });
});
