import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learningPackages, packageItems } from '../../db/community-schema.js';
import { auditLog } from '../../db/schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
/** Videos: one the whole school sees, one only Matematikteamet sees, one private to leder. */
const video = { school: '', team: '', ledersPrivate: '' };
const TEAM_TITLE = 'Holdets hemmelige brøkforløb';
const PRIVATE_TITLE = 'Lenes private optagelse';

type Item = {
  id: string;
  kind: string;
  title: string;
  body: string;
  video: { id: string; title: string; posterUrl: string | null; durationSeconds: number | null } | null;
  videoUnavailable: boolean;
};
type Pkg = {
  id: string;
  title: string;
  description: string;
  facilitationGuide: string;
  visibility: string;
  owner: { id: string; name: string };
  copiedFrom: { id: string; title: string } | null;
  items: Item[];
  itemCount: number;
  canEdit: boolean;
  canDelete: boolean;
  visibilities?: string[];
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'leder', 'medarbejder2', 'forvaltning', 'redaktoer', 'administrator'])
    c[who] = await t.as(who);
  const solsikke = ids.institution.Solsikkeskolen;
  video.school = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: solsikke,
    title: 'Fælles læsning i 3.a',
    visibility: 'institution',
    durationSeconds: 95,
  });
  video.team = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: solsikke,
    title: TEAM_TITLE,
    visibility: 'team',
    teamId: ids.team.Matematikteamet,
  });
  video.ledersPrivate = await insertVideo(t.ctx.db, {
    ownerId: ids.user.leder,
    institutionId: solsikke,
    title: PRIVATE_TITLE,
    visibility: 'private',
  });
});
afterAll(() => t?.close());

async function create(who: string, body: Record<string, unknown>): Promise<Pkg> {
  const res = await c[who].post('/api/v1/packages', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const get = (who: string, id: string) => c[who].get(`/api/v1/packages/${id}`);
const listIds = async (who: string, query = '') =>
  ((await c[who].get(`/api/v1/packages${query}`)).json().items as { id: string }[]).map((p) => p.id);

describe('creating and reading', () => {
  it('a new package is private and belongs to the owner’s institution and kommune', async () => {
    const p = await create('medarbejder', {
      title: 'Klasseledelse på 45 minutter',
      description: 'Til teammødet',
    });
    expect(p).toMatchObject({
      visibility: 'private',
      items: [],
      itemCount: 0,
      canEdit: true,
      canDelete: true,
    });
    expect(p.owner.id).toBe(ids.user.medarbejder);
    expect(p.visibilities).toEqual(['private', 'institution', 'kommune', 'public']);
    const [row] = await t.ctx.db.select().from(learningPackages).where(eq(learningPackages.id, p.id));
    expect(row.institutionId).toBe(ids.institution.Solsikkeskolen);
    expect(row.kommuneId).toBe(ids.kommune['Fjordby Kommune']);
  });

  it('forvaltning’s packages belong to its kommune; an editor’s to no place', async () => {
    const f = await create('forvaltning', { title: 'Kommunens pakke' });
    const [frow] = await t.ctx.db.select().from(learningPackages).where(eq(learningPackages.id, f.id));
    expect([frow.institutionId, frow.kommuneId]).toEqual([null, ids.kommune['Fjordby Kommune']]);
    expect(f.visibilities).toEqual(['private', 'kommune', 'public']);
    const r = await create('redaktoer', { title: 'Redaktionens pakke' });
    expect(r.visibilities).toEqual(['private', 'public']);
  });

  it('visibility is limited by the place the package belongs to', async () => {
    const r = await create('redaktoer', { title: 'Uden sted' });
    for (const visibility of ['institution', 'kommune'])
      expect(err(await c.redaktoer.patch(`/api/v1/packages/${r.id}`, { visibility }))).toEqual([
        400,
        'package.visibility_out_of_scope',
      ]);
    expect(
      err(await c.forvaltning.post('/api/v1/packages', { title: 'x', visibility: 'institution' })),
    ).toEqual([400, 'package.visibility_out_of_scope']);
    const ok = await c.redaktoer.patch(`/api/v1/packages/${r.id}`, { visibility: 'public' });
    expect(ok.json().visibility).toBe('public');
  });

  it('bad input gets a clear error, never a 500', async () => {
    expect(err(await c.medarbejder.post('/api/v1/packages', { title: '' }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await c.medarbejder.post('/api/v1/packages', { title: 'x', visibility: 'team' }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await c.medarbejder.get('/api/v1/packages/not-a-uuid'))).toEqual([400, 'request.invalid']);
    expect(err(await c.medarbejder.get('/api/v1/packages?cursor=%25%25'))).toEqual([400, 'request.invalid']);
    expect(err(await t.client().get('/api/v1/packages'))).toEqual([401, 'auth.required']);
  });
});

describe('who sees a package', () => {
  it('another person’s private package is 404 for everyone else, administrators too', async () => {
    const p = await create('medarbejder', { title: 'Mine egne noter' });
    for (const who of ['leder', 'medarbejder2', 'administrator'])
      expect(err(await get(who, p.id)), who).toEqual([404, 'package.not_found']);
    expect(err(await c.leder.post(`/api/v1/packages/${p.id}/copy`))).toEqual([404, 'package.not_found']);
    expect(await listIds('leder')).not.toContain(p.id);
    expect(await listIds('medarbejder', '?mine=true')).toContain(p.id);
  });

  it('an institution package is seen in its institution, not from another one', async () => {
    const p = await create('medarbejder', { title: 'Skolens pakke', visibility: 'institution' });
    expect((await get('leder', p.id)).statusCode).toBe(200);
    expect(await listIds('leder')).toContain(p.id);
    expect(err(await get('medarbejder2', p.id))).toEqual([404, 'package.not_found']);
    expect(err(await get('forvaltning', p.id))).toEqual([404, 'package.not_found']);
    expect(await listIds('medarbejder2')).not.toContain(p.id);
    expect(await listIds('leder', '?mine=true')).not.toContain(p.id);
  });

  it('a kommune package is seen across the kommune; a public one by everyone', async () => {
    const k = await create('medarbejder', { title: 'Kommunepakke', visibility: 'kommune' });
    expect((await get('medarbejder2', k.id)).statusCode).toBe(200);
    expect((await get('forvaltning', k.id)).statusCode).toBe(200);
    expect(err(await get('redaktoer', k.id))).toEqual([404, 'package.not_found']);
    const p = await create('medarbejder', { title: 'Offentlig pakke', visibility: 'public' });
    expect((await get('redaktoer', p.id)).statusCode).toBe(200);
    expect(await listIds('redaktoer')).toContain(p.id);
  });

  it('lists search titles (wildcards are text) and page by cursor', async () => {
    for (const title of ['Søgepakke 50% A', 'Søgepakke 50% B', 'Søgepakke 5 C'])
      await create('leder', { title });
    expect((await listIds('leder', '?q=s%C3%B8gepakke')).length).toBe(3);
    expect((await listIds('leder', `?q=${encodeURIComponent('50%')}`)).length).toBe(2);
    expect(await listIds('leder', `?q=${encodeURIComponent('_')}`)).toEqual([]);
    const first = (await c.leder.get('/api/v1/packages?mine=true&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await c.leder.get(`/api/v1/packages?mine=true&limit=2&cursor=${first.nextCursor}`)
    ).json();
    const all = [...first.items, ...second.items].map((p: { id: string }) => p.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(await listIds('leder', '?mine=true&limit=100'));
  });
});

describe('items', () => {
  it('replaces the ordered list in one call, with videos the editor may watch', async () => {
    const p = await create('medarbejder', { title: 'Læsning', visibility: 'institution' });
    const res = await c.medarbejder.put(`/api/v1/packages/${p.id}/items`, {
      items: [
        { kind: 'text', title: 'Indledning', body: 'Læs først afsnittet om makkerlæsning.' },
        { kind: 'video', videoId: video.school, body: 'Læg mærke til spørgsmålene.' },
        { kind: 'question', body: 'Hvad ville du gøre anderledes?' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const got: Pkg = res.json();
    expect(got.items.map((i) => i.kind)).toEqual(['text', 'video', 'question']);
    expect(got.items[1].video).toMatchObject({
      id: video.school,
      title: 'Fælles læsning i 3.a',
      durationSeconds: 95,
    });
    expect(got.items[1].video?.posterUrl).toMatch(new RegExp(`^/media/v/${video.school}/.+/poster\\.jpg$`));
    expect(got.itemCount).toBe(3);
  });

  it('refuses a video the editor may not watch, an unknown video, too many items, unknown kinds, empty texts', async () => {
    const p = await create('medarbejder', { title: 'Afvisninger' });
    const put = (items: unknown[]) => c.medarbejder.put(`/api/v1/packages/${p.id}/items`, { items });
    expect(err(await put([{ kind: 'video', videoId: video.ledersPrivate }]))).toEqual([
      400,
      'package.video_unavailable',
    ]);
    expect(err(await put([{ kind: 'video', videoId: '00000000-0000-4000-8000-000000000000' }]))).toEqual([
      400,
      'package.video_unavailable',
    ]);
    const many = Array.from({ length: 51 }, (_, i) => ({ kind: 'question', body: `Spørgsmål ${i}` }));
    expect(err(await put(many))).toEqual([400, 'package.too_many_items']);
    expect((await put(many.slice(0, 50))).statusCode).toBe(200);
    expect(err(await put([{ kind: 'poll', body: 'x' }]))).toEqual([400, 'request.invalid']);
    expect(err(await put([{ kind: 'text', body: '   ' }]))).toEqual([400, 'package.item_invalid']);
    expect(err(await put([{ kind: 'video' }]))).toEqual([400, 'package.item_invalid']);
    expect(err(await put([{ kind: 'question', body: 'x', videoId: video.school }]))).toEqual([
      400,
      'request.invalid',
    ]);
    // Nothing refused was stored: the 50 questions are still there.
    expect((await get('medarbejder', p.id)).json().itemCount).toBe(50);
  });

  it('a video the viewer may not watch is shown without its title or poster', async () => {
    const p = await create('medarbejder', { title: 'Matematik', visibility: 'institution' });
    await c.medarbejder.put(`/api/v1/packages/${p.id}/items`, {
      items: [
        { kind: 'video', videoId: video.team },
        { kind: 'question', body: 'Hvad så du?' },
      ],
    });
    const mine: Pkg = (await get('medarbejder', p.id)).json();
    expect(mine.items[0].video?.title).toBe(TEAM_TITLE);
    // leder is in the school but not in Matematikteamet.
    const res = await get('leder', p.id);
    expect(res.statusCode).toBe(200);
    const theirs: Pkg = res.json();
    expect(theirs.items[0]).toMatchObject({ kind: 'video', video: null, videoUnavailable: true });
    expect(res.body).not.toContain(TEAM_TITLE);
    expect(res.body).not.toContain(video.team);
    expect(theirs.items[1]).toMatchObject({ kind: 'question', body: 'Hvad så du?', videoUnavailable: false });
  });

  it('an editor keeps a video item they may not watch by its item id, and cannot add it anew', async () => {
    const p = await create('medarbejder', { title: 'Til kopiering', visibility: 'institution' });
    await c.medarbejder.put(`/api/v1/packages/${p.id}/items`, {
      items: [{ kind: 'video', videoId: video.team }],
    });
    const copy: Pkg = (await c.leder.post(`/api/v1/packages/${p.id}/copy`)).json();
    const kept = copy.items[0];
    expect(kept.videoUnavailable).toBe(true);
    const res = await c.leder.put(`/api/v1/packages/${copy.id}/items`, {
      items: [
        { kind: 'question', body: 'Først et spørgsmål' },
        { kind: 'video', id: kept.id },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.ctx.db.select().from(packageItems).where(eq(packageItems.packageId, copy.id));
    expect(rows.find((r) => r.kind === 'video')?.videoId).toBe(video.team);
    expect(
      err(
        await c.leder.put(`/api/v1/packages/${copy.id}/items`, {
          items: [{ kind: 'video', videoId: video.team }],
        }),
      ),
    ).toEqual([400, 'package.video_unavailable']);
    // An item id of another package keeps nothing.
    expect(
      err(
        await c.medarbejder.put(`/api/v1/packages/${p.id}/items`, {
          items: [{ kind: 'video', id: rows[0].id }],
        }),
      ),
    ).toEqual([400, 'package.item_invalid']);
  });
});

describe('changing, copying and deleting', () => {
  it('only the owner changes a package: 403 for those who see it, 404 for those who do not', async () => {
    const p = await create('medarbejder', { title: 'Ejerskab', visibility: 'institution' });
    expect(err(await c.leder.patch(`/api/v1/packages/${p.id}`, { title: 'Overtaget' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.put(`/api/v1/packages/${p.id}/items`, { items: [] }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder2.patch(`/api/v1/packages/${p.id}`, { title: 'Overtaget' }))).toEqual([
      404,
      'package.not_found',
    ]);
    expect(err(await c.administrator.patch(`/api/v1/packages/${p.id}`, { title: 'Overtaget' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect((await get('medarbejder', p.id)).json().title).toBe('Ejerskab');
    const ok = await c.medarbejder.patch(`/api/v1/packages/${p.id}`, {
      title: 'Ejerskab og ansvar',
      facilitationGuide: 'Start med en runde.',
    });
    expect(ok.json()).toMatchObject({
      title: 'Ejerskab og ansvar',
      facilitationGuide: 'Start med en runde.',
    });
  });

  it('a copy is private, owned by the copier, has every item, and is independent of the original', async () => {
    const orig = await create('medarbejder', {
      title: 'Feedback i praksis',
      description: 'Tre trin',
      facilitationGuide: 'Brug 20 minutter.',
      visibility: 'institution',
      items: [
        { kind: 'text', title: 'Baggrund', body: 'Feedback virker, når den bruges.' },
        { kind: 'video', videoId: video.school },
        { kind: 'question', body: 'Hvornår gav du sidst feedback?' },
      ],
    });
    const res = await c.leder.post(`/api/v1/packages/${orig.id}/copy`);
    expect(res.statusCode, res.body).toBe(201);
    const copy: Pkg = res.json();
    expect(copy).toMatchObject({
      title: 'Feedback i praksis (kopi)',
      description: 'Tre trin',
      facilitationGuide: 'Brug 20 minutter.',
      visibility: 'private',
      copiedFrom: { id: orig.id, title: 'Feedback i praksis' },
      canEdit: true,
    });
    expect(copy.owner.id).toBe(ids.user.leder);
    const strip = (xs: Item[]) => xs.map(({ id: _id, ...rest }) => rest);
    expect(strip(copy.items)).toEqual(strip(orig.items));
    expect(copy.items.map((i) => i.id)).not.toEqual(orig.items.map((i) => i.id));

    // Changing the copy leaves the original alone, and the other way round.
    await c.leder.patch(`/api/v1/packages/${copy.id}`, { title: 'Vores feedback' });
    await c.leder.put(`/api/v1/packages/${copy.id}/items`, {
      items: [{ kind: 'question', body: 'Kun dette' }],
    });
    const after: Pkg = (await get('medarbejder', orig.id)).json();
    expect(after.title).toBe('Feedback i praksis');
    expect(strip(after.items)).toEqual(strip(orig.items));
    await c.medarbejder.put(`/api/v1/packages/${orig.id}/items`, { items: [] });
    expect((await get('leder', copy.id)).json().items).toHaveLength(1);
    // The copy is private: the original's owner does not see it.
    expect(err(await get('medarbejder', copy.id))).toEqual([404, 'package.not_found']);
    // Deleting the original keeps the copy, which no longer names it.
    expect((await c.medarbejder.delete(`/api/v1/packages/${orig.id}`)).statusCode).toBe(200);
    expect((await get('leder', copy.id)).json().copiedFrom).toBeNull();
  });

  it('a copy of a long title still fits; a copy names an original the viewer may not see by nothing', async () => {
    const long = await create('medarbejder', { title: 'x'.repeat(200), visibility: 'public' });
    const copy: Pkg = (await c.redaktoer.post(`/api/v1/packages/${long.id}/copy`)).json();
    expect(copy.title.length).toBeLessThanOrEqual(200);
    expect(copy.title.endsWith(' (kopi)')).toBe(true);
    await c.medarbejder.patch(`/api/v1/packages/${long.id}`, { visibility: 'private' });
    await c.redaktoer.patch(`/api/v1/packages/${copy.id}`, { visibility: 'public' });
    expect((await get('leder', copy.id)).json().copiedFrom).toBeNull();
  });

  it('the owner or an administrator deletes, and the deletion is audited', async () => {
    const p = await create('medarbejder', { title: 'Slettes', visibility: 'institution' });
    expect(err(await c.leder.delete(`/api/v1/packages/${p.id}`))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.medarbejder2.delete(`/api/v1/packages/${p.id}`))).toEqual([404, 'package.not_found']);
    expect((await c.administrator.delete(`/api/v1/packages/${p.id}`)).statusCode).toBe(200);
    expect(err(await get('medarbejder', p.id))).toEqual([404, 'package.not_found']);
    const [entry] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectId, p.id));
    expect(entry).toMatchObject({
      action: 'package.delete',
      subjectType: 'package',
      actorId: ids.user.administrator,
    });
    const mine = await create('medarbejder', { title: 'Privat, slettes' });
    expect(err(await c.administrator.delete(`/api/v1/packages/${mine.id}`))).toEqual([
      404,
      'package.not_found',
    ]);
    expect((await c.medarbejder.delete(`/api/v1/packages/${mine.id}`)).statusCode).toBe(200);
  });
});
