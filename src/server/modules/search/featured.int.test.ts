import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

/* A card says "Udvalgt" only for a video the editors put in a collection (issue 15: every catalogue card said
   it): `featured` in the summary; `curated` (published in the catalogue) stays as it was. */
let t: TestApp;
let inCollection = '';
let onlyPublished = '';
beforeAll(async () => {
  t = await createTestApp();
  const ids = await demoIds(t.ctx.db);
  const base = {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    visibility: 'public' as const,
    editorialState: 'published' as const,
  };
  inCollection = await insertVideo(t.ctx.db, { ...base, title: 'Kvasarbrøker i udvalget' });
  onlyPublished = await insertVideo(t.ctx.db, { ...base, title: 'Kvasarbrøker uden for udvalget' });
  const editor = await t.as('redaktoer');
  const made = await editor.post('/api/v1/collections', { title: 'Brøker', description: '' });
  expect(made.statusCode).toBe(201);
  const added = await editor.post(`/api/v1/collections/${made.json().id}/videos`, { videoId: inCollection });
  expect(added.statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('"Udvalgt" on a card', () => {
  it("is a video in an editors' collection, not every published one", async () => {
    const res = await (await t.as('leder')).get('/api/v1/videos?q=kvasarbr%C3%B8ker');
    expect(res.statusCode).toBe(200);
    const byId = new Map(
      (res.json().items as { id: string; curated: boolean; featured: boolean }[]).map((i) => [i.id, i]),
    );
    expect(byId.get(inCollection)).toMatchObject({ curated: true, featured: true });
    expect(byId.get(onlyPublished)).toMatchObject({ curated: true, featured: false });
  });
});
