import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoSignals } from '../../db/community-schema.js';
import { videos } from '../../db/videos-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { addTeachers, signInAll } from '../../testing/teachers.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
/** institution: Solsikkeskolen's, visible to its people; private: medarbejder's own; other: Mælkebøtten's. */
const v = { institution: '', private: '', other: '' };

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  const solsikke = ids.institution.Solsikkeskolen;
  v.institution = await insertVideo(t.ctx.db, {
    ownerId: ids.user.ressourceperson,
    institutionId: solsikke,
    title: 'Makkerlæsning i 3. klasse',
    durationSeconds: 100,
  });
  v.private = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: solsikke,
    visibility: 'private',
    title: 'Min egen lektion',
  });
  v.other = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder2,
    institutionId: ids.institution['Børnehuset Mælkebøtten'],
    title: 'Samling i vuggestuen',
  });
  for (const r of ['medarbejder', 'medarbejder2', 'ressourceperson', 'leder', 'administrator', 'forvaltning'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(() => t?.close());

const counters = async (id: string) => {
  const [c] = await t.ctx.db
    .select({ tried: videos.triedCount, worked: videos.workedCount, views: videos.viewCount })
    .from(videos)
    .where(eq(videos.id, id));
  return c;
};
const signalRows = async (id: string) => {
  const [c] = await rows<{ tried: number; worked: number }>(
    t.ctx.db,
    sql`select count(*)::int as tried, (count(*) filter (where worked))::int as worked
        from ${videoSignals} where video_id = ${id}`,
  );
  return c;
};

describe('private notes: only the author, ever', () => {
  const marker = 'HEMMELIG-NOTE-7f3a';

  it('the author writes, reads, replaces and removes their note', async () => {
    const me = as.medarbejder;
    expect((await me.get(`/api/v1/videos/${v.institution}/note`)).json()).toEqual({
      body: '',
      updatedAt: null,
    });
    const saved = await me.put(`/api/v1/videos/${v.institution}/note`, { body: `Prøv det i 4.b. ${marker}` });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().body).toContain(marker);
    expect(saved.json().updatedAt).toBeTruthy();
    expect((await me.get(`/api/v1/videos/${v.institution}/note`)).json().body).toContain(marker);
    // On her own private video too.
    expect((await me.put(`/api/v1/videos/${v.private}/note`, { body: `Privat ${marker}` })).statusCode).toBe(
      200,
    );
    // 20,000 characters are fine; one more is refused with a clear Danish message, and the note is kept.
    expect(
      (await me.put(`/api/v1/videos/${v.institution}/note`, { body: 'x'.repeat(20_000) })).statusCode,
    ).toBe(200);
    const long = await me.put(`/api/v1/videos/${v.institution}/note`, { body: 'x'.repeat(20_001) });
    expect(err(long)).toEqual([400, 'note.too_long']);
    expect(long.json().error.message).toContain('20.000 tegn');
    expect((await me.get(`/api/v1/videos/${v.institution}/note`)).json().body).toHaveLength(20_000);
    await me.put(`/api/v1/videos/${v.institution}/note`, { body: `Prøv det i 4.b. ${marker}` });
    // Bad input: never a 500.
    expect(err(await me.put(`/api/v1/videos/${v.institution}/note`, { body: 42 }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await me.put(`/api/v1/videos/${v.institution}/note`, {}))).toEqual([400, 'request.invalid']);
  });

  it('colleagues, the leder and the administrator get nothing; those who may not see the video get 404', async () => {
    for (const r of ['ressourceperson', 'leder', 'administrator']) {
      const res = await as[r].get(`/api/v1/videos/${v.institution}/note`);
      expect(res.json(), r).toEqual({ body: '', updatedAt: null });
    }
    // The private video: nobody else may know it exists, not the leder, not the administrator.
    for (const r of ['ressourceperson', 'leder', 'administrator', 'medarbejder2', 'forvaltning'])
      expect(err(await as[r].get(`/api/v1/videos/${v.private}/note`)), r).toEqual([404, 'video.not_found']);
    expect(err(await as.medarbejder2.get(`/api/v1/videos/${v.institution}/note`))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(err(await t.client().get(`/api/v1/videos/${v.institution}/note`))).toEqual([401, 'auth.required']);
    // Writing one's own note never touches the author's.
    await as.leder.put(`/api/v1/videos/${v.institution}/note`, { body: 'Ledernote' });
    await as.leder.delete(`/api/v1/videos/${v.institution}/note`);
    expect((await as.medarbejder.get(`/api/v1/videos/${v.institution}/note`)).json().body).toContain(marker);
  });

  it('the note appears in no other answer, for anyone', async () => {
    const urls = (id: string) => [
      `/api/v1/videos/${id}`,
      `/api/v1/videos/${id}/impact`,
      '/api/v1/videos',
      '/api/v1/videos?mine=true',
      '/api/v1/statistics',
      '/api/v1/statistics.csv',
    ];
    for (const r of Object.keys(as))
      for (const id of [v.institution, v.private])
        for (const url of urls(id)) expect((await as[r].get(url)).body, `${r} ${url}`).not.toContain(marker);
  });

  it('an empty note is removed; DELETE removes it too', async () => {
    const me = as.medarbejder;
    expect((await me.put(`/api/v1/videos/${v.private}/note`, { body: '   ' })).json()).toEqual({
      body: '',
      updatedAt: null,
    });
    expect((await me.delete(`/api/v1/videos/${v.institution}/note`)).statusCode).toBe(200);
    expect((await me.get(`/api/v1/videos/${v.institution}/note`)).json().body).toBe('');
  });
});

describe('signals: tried and worked', () => {
  const url = `/api/v1/videos/VIDEO/signal`;
  const put = (c: TestClient, id: string, body: object) => c.put(url.replace('VIDEO', id), body);

  it('worked implies tried; un-trying removes the signal; the counters follow', async () => {
    const me = as.ressourceperson;
    expect(err(await put(me, v.institution, { tried: false, worked: true }))).toEqual([
      400,
      'signal.worked_without_tried',
    ]);
    // One person tried it: how many say it worked is withheld (below the minimum group), the counters exact.
    let res = await put(me, v.institution, { tried: true, worked: false });
    expect(res.json()).toEqual({
      tried: 1,
      worked: null,
      workedShare: null,
      mine: { tried: true, worked: false, reflection: null, reflectionShared: false },
    });
    expect(await counters(v.institution)).toMatchObject({ tried: 1, worked: 0 });
    res = await put(me, v.institution, { tried: true, worked: true });
    expect(res.json()).toMatchObject({ tried: 1, worked: null, workedShare: null, mine: { worked: true } });
    expect(await counters(v.institution)).toMatchObject({ tried: 1, worked: 1 });
    // Saying the same again changes nothing.
    res = await put(me, v.institution, { tried: true, worked: true });
    expect(res.json()).toMatchObject({ tried: 1, worked: null });
    expect(await counters(v.institution)).toMatchObject({ tried: 1, worked: 1 });
    res = await put(me, v.institution, { tried: false, worked: false });
    expect(res.json()).toEqual({ tried: 0, worked: 0, workedShare: null, mine: null });
    expect(await counters(v.institution)).toMatchObject({ tried: 0, worked: 0 });
    expect((await as.ressourceperson.get(`/api/v1/videos/${v.institution}/impact`)).json().mine).toBeNull();
  });

  it('a video the person may not see: 404, and nothing is counted', async () => {
    expect(err(await put(as.medarbejder, v.other, { tried: true, worked: true }))).toEqual([
      404,
      'video.not_found',
    ]);
    for (const r of ['leder', 'administrator', 'ressourceperson'])
      expect(err(await put(as[r], v.private, { tried: true, worked: false })), r).toEqual([
        404,
        'video.not_found',
      ]);
    expect(err(await as.medarbejder.get(`/api/v1/videos/${v.other}/impact`))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(
      err(await t.client().put(`/api/v1/videos/${v.institution}/signal`, { tried: true, worked: false })),
    ).toEqual([401, 'auth.required']);
    expect(await counters(v.other)).toMatchObject({ tried: 0, worked: 0 });
    expect(await counters(v.private)).toMatchObject({ tried: 0, worked: 0 });
    expect(err(await put(as.medarbejder, v.institution, { tried: 'ja', worked: false }))).toEqual([
      400,
      'request.invalid',
    ]);
  });

  it('the worked split only from the minimum group: withheld below 3 who tried, on the page and in search', async () => {
    const video = await insertVideo(t.ctx.db, {
      ownerId: ids.user.ressourceperson,
      institutionId: ids.institution.Solsikkeskolen,
      title: 'Exit-sedler i matematik',
    });
    const people = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'split', 4);
    const clients = await signInAll(
      t,
      people.map((p) => p.email),
    );
    const impact = async () => (await as.leder.get(`/api/v1/videos/${video}/impact`)).json();
    const card = async () => {
      const res = await as.leder.get(`/api/v1/videos?q=${encodeURIComponent('Exit-sedler')}`);
      expect(res.statusCode, res.body).toBe(200);
      const items = (
        res.json() as { items: { id: string; triedCount: number; workedCount: number | null }[] }
      ).items;
      return items.find((i) => i.id === video);
    };
    expect(await impact()).toMatchObject({ tried: 0, worked: 0, workedShare: null });
    // One and two who tried (both say it worked): only how many tried, never the split.
    for (const [i, c] of clients.slice(0, 2).entries()) {
      const answer = (await put(c, video, { tried: true, worked: true })).json();
      expect(answer).toMatchObject({ tried: i + 1, worked: null, workedShare: null });
      expect(await impact()).toMatchObject({ tried: i + 1, worked: null, workedShare: null });
      expect(await card()).toMatchObject({ triedCount: i + 1, workedCount: null });
    }
    // The third (it did not work for them): the split is shown, exact.
    const third = (await put(clients[2], video, { tried: true, worked: false })).json();
    expect(third).toMatchObject({ tried: 3, worked: 2 });
    expect(third.workedShare).toBeCloseTo(2 / 3);
    expect(await impact()).toMatchObject({ tried: 3, worked: 2 });
    expect(await card()).toMatchObject({ triedCount: 3, workedCount: 2 });
    await put(clients[3], video, { tried: true, worked: true });
    expect(await impact()).toMatchObject({ tried: 4, worked: 3, workedShare: 0.75 });
    // Back below the minimum: withheld again.
    await put(clients[0], video, { tried: false, worked: false });
    await put(clients[1], video, { tried: false, worked: false });
    expect(await impact()).toMatchObject({ tried: 2, worked: null, workedShare: null });
  }, 60_000);

  it('20 people at once, then toggling at once: the counters stay exact', async () => {
    const people = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'parallel', 20);
    const clients = await signInAll(
      t,
      people.map((p) => p.email),
    );
    const answers = await Promise.all(
      clients.map((c, i) => put(c, v.institution, { tried: true, worked: i % 2 === 0 })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    expect(await counters(v.institution)).toMatchObject({ tried: 20, worked: 10 });
    expect(await signalRows(v.institution)).toEqual({ tried: 20, worked: 10 });
    // Toggle at once: 5 stop trying, 5 say it worked after all, 5 say it did not, each twice in a row.
    const toggles = clients.slice(0, 15).flatMap((c, i) => {
      const body =
        i < 5
          ? { tried: false, worked: false }
          : i < 10
            ? { tried: true, worked: true }
            : { tried: true, worked: false };
      return [put(c, v.institution, body), put(c, v.institution, body)];
    });
    expect((await Promise.all(toggles)).every((r) => r.statusCode === 200)).toBe(true);
    const expected = await signalRows(v.institution);
    expect(expected.tried).toBe(15);
    expect(await counters(v.institution)).toMatchObject(expected);
    const impact = (await as.leder.get(`/api/v1/videos/${v.institution}/impact`)).json();
    expect(impact).toMatchObject({ tried: expected.tried, worked: expected.worked });
    expect(impact.workedShare).toBeCloseTo(expected.worked / expected.tried);
    // Clean up: everyone stops trying (in parallel), and the counters reach 0.
    await Promise.all(clients.map((c) => put(c, v.institution, { tried: false, worked: false })));
    expect(await counters(v.institution)).toMatchObject({ tried: 0, worked: 0 });
  }, 60_000);

  it('reflections: shared ones are listed with their author, private ones only for their writer', async () => {
    const shared = 'Eleverne talte mere sammen end før.';
    const secret = 'PRIVAT-REFLEKSION-91c2';
    await put(as.ressourceperson, v.institution, {
      tried: true,
      worked: true,
      reflection: shared,
      reflectionShared: true,
    });
    await put(as.leder, v.institution, { tried: true, worked: false, reflection: secret });
    for (const r of ['medarbejder', 'administrator', 'ressourceperson', 'leder']) {
      const impact = (await as[r].get(`/api/v1/videos/${v.institution}/impact`)).json();
      expect(impact.sharedReflections, r).toEqual([
        {
          author: { id: ids.user.ressourceperson, name: 'Rasmus Kjær' },
          reflection: shared,
          at: expect.any(String),
        },
      ]);
      expect(JSON.stringify(impact).includes(secret), r).toBe(r === 'leder');
    }
    expect((await as.leder.get(`/api/v1/videos/${v.institution}/impact`)).json().mine).toEqual({
      tried: true,
      worked: false,
      reflection: secret,
      reflectionShared: false,
    });
    // A toggle without the reflection keeps it; sharing it later shows it; un-trying removes it.
    await put(as.leder, v.institution, { tried: true, worked: true });
    expect((await as.leder.get(`/api/v1/videos/${v.institution}/impact`)).json().mine.reflection).toBe(
      secret,
    );
    await put(as.leder, v.institution, { tried: true, worked: true, reflectionShared: true });
    expect(
      (await as.medarbejder.get(`/api/v1/videos/${v.institution}/impact`)).json().sharedReflections,
    ).toHaveLength(2);
    await put(as.leder, v.institution, { tried: false, worked: false });
    await put(as.leder, v.institution, { tried: true, worked: false });
    const after = (await as.medarbejder.get(`/api/v1/videos/${v.institution}/impact`)).json();
    expect(after.sharedReflections.map((r: { reflection: string }) => r.reflection)).toEqual([shared]);
    // Bad reflections: too long, or without having tried it.
    expect(
      err(await put(as.leder, v.institution, { tried: true, worked: false, reflection: 'x'.repeat(2001) })),
    ).toEqual([400, 'signal.reflection_too_long']);
    expect(
      err(await put(as.medarbejder, v.institution, { tried: false, worked: false, reflection: 'Hm' })),
    ).toEqual([400, 'signal.not_tried']);
    // A shared reflection is only shown to those who may see the video.
    expect((await as.medarbejder2.get(`/api/v1/videos/${v.institution}/impact`)).statusCode).toBe(404);
  });

  it('shared reflections page by cursor', async () => {
    const people = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'reflekterende', 5);
    const clients = await signInAll(
      t,
      people.map((p) => p.email),
    );
    for (const [i, c] of clients.entries())
      await put(c, v.institution, {
        tried: true,
        worked: true,
        reflection: `Refleksion ${i}`,
        reflectionShared: true,
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await as.medarbejder.get(`/api/v1/videos/${v.institution}/impact?limit=2${q}`)).json();
      expect(page.sharedReflections.length).toBeLessThanOrEqual(2);
      seen.push(...page.sharedReflections.map((r: { reflection: string }) => r.reflection));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(err(await as.medarbejder.get(`/api/v1/videos/${v.institution}/impact?cursor=xyz`))).toEqual([
      400,
      'request.invalid',
    ]);
  });
});

describe('views', () => {
  it('a view is counted once, progresses, and completes at 90 % of the duration', async () => {
    const before = (await counters(v.institution)).views;
    const start = await as.medarbejder.post(`/api/v1/videos/${v.institution}/views`);
    expect(start.statusCode).toBe(201);
    const { viewId } = start.json();
    expect(viewId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await counters(v.institution)).views).toBe(before + 1);
    const patch = (c: TestClient, s: number, id = viewId) =>
      c.patch(`/api/v1/videos/${v.institution}/views/${id}`, { watchedSeconds: s });
    expect((await patch(as.medarbejder, 50)).json()).toEqual({ watchedSeconds: 50, completed: false });
    expect((await patch(as.medarbejder, 95)).json()).toEqual({ watchedSeconds: 95, completed: true });
    // A late, smaller report does not undo progress; more than the duration is capped.
    expect((await patch(as.medarbejder, 10)).json()).toEqual({ watchedSeconds: 95, completed: true });
    expect((await patch(as.medarbejder, 5000)).json()).toEqual({ watchedSeconds: 100, completed: true });
    expect((await counters(v.institution)).views).toBe(before + 1);
    // Only one's own view; bad input is a clear 400.
    expect(err(await patch(as.leder, 99))).toEqual([404, 'view.not_found']);
    expect(err(await patch(as.medarbejder, -1))).toEqual([400, 'request.invalid']);
    expect(
      err(await as.medarbejder.patch(`/api/v1/videos/${v.other}/views/${viewId}`, { watchedSeconds: 1 })),
    ).toEqual([404, 'view.not_found']);
  });

  it('a video the person may not see: 404 and not counted; anonymous: 401', async () => {
    expect(err(await as.medarbejder.post(`/api/v1/videos/${v.other}/views`))).toEqual([
      404,
      'video.not_found',
    ]);
    expect(err(await as.leder.post(`/api/v1/videos/${v.private}/views`))).toEqual([404, 'video.not_found']);
    expect(err(await t.client().post(`/api/v1/videos/${v.institution}/views`))).toEqual([
      401,
      'auth.required',
    ]);
    expect((await counters(v.other)).views).toBe(0);
    expect((await counters(v.private)).views).toBe(0);
  });
});
