import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import { videoFeedback, videoGrants } from '../../db/coaching-schema.js';
import { observationSchemas } from '../../db/observation-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err, rows } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { signInTeachers } from '../../testing/teachers.js';

/*
 * Typed feedback on a recording (issue 19 part B) against a real database: only the owner and the people it is
 * shared with (unexpired) read and write it; everyone else gets 404 when they cannot see the recording and 403
 * when they can; times, kinds, focus areas and limits; one level of replies; "drøftet"; own edits; deletes;
 * prompt sets; notifications to the owner and the author that reveal no text.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let mette: TestClient; // medarbejder, Solsikkeskolen: owns the recordings
let rasmus: TestClient; // ressourceperson, Solsikkeskolen: the coach (grantee)
let lene: TestClient; // leder, Solsikkeskolen
let mads: TestClient; // medarbejder2, Børnehuset Mælkebøtten (same kommune): an expired grantee
let tobias: TestClient; // medarbejder3, Bakkedal Kommune (another kommune)
let admin: TestClient;
let colleague: TestClient; // another teacher at Solsikkeskolen (sees institution videos, no grant)
/** Private, shared with Rasmus (and, expired, with Mads). */
let lesson: string;
/** Institution-visible, shared with nobody. */
let instVideo: string;
const area = { live: randomUUID(), other: randomUUID(), old: randomUUID() };

const feedback = (videoId: string) => `/api/v1/videos/${videoId}/feedback`;
type Item = {
  id: string;
  atSeconds: number;
  kind: string;
  focusAreaKey: string | null;
  body: string;
  author: { id: string; name: string } | null;
  discussedAt: string | null;
  editedAt: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canReply: boolean;
  replies: { id: string; body: string; byOwner: boolean; canEdit: boolean; canDelete: boolean }[];
};
const list = async (c: TestClient, videoId: string, query = '') => {
  const res = await c.get(`${feedback(videoId)}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; isOwner: boolean };
};
const give = (c: TestClient, videoId: string, body: Record<string, unknown>) =>
  c.post(feedback(videoId), { atSeconds: 12, kind: 'strength', body: 'Fin start på timen', ...body });
const countRows = async () =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from video_feedback`))[0].n;
const notificationsOf = async (c: TestClient) =>
  (
    (await c.get('/api/v1/notifications')).json() as {
      items: { kind: string; payload: Record<string, unknown> }[];
    }
  ).items;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ids = await demoIds(db);
  const school = ids.institution.Solsikkeskolen;
  [mette, rasmus, lene, mads, tobias, admin] = await Promise.all(
    ['medarbejder', 'ressourceperson', 'leder', 'medarbejder2', 'medarbejder3', 'administrator'].map((a) =>
      t.as(a),
    ),
  );
  colleague = (await signInTeachers(t, school, 'fbkollega', 1))[0].client;
  lesson = await insertVideo(db, {
    ownerId: ids.user.medarbejder,
    institutionId: school,
    visibility: 'private',
    title: 'Min matematiktime',
    durationSeconds: 600,
  });
  instVideo = await insertVideo(db, {
    ownerId: ids.user.medarbejder,
    institutionId: school,
    visibility: 'institution',
    title: 'Morgensamling',
    durationSeconds: 300,
  });
  await db.insert(videoGrants).values([
    { videoId: lesson, granteeId: ids.user.ressourceperson, grantedBy: ids.user.medarbejder },
    {
      videoId: lesson,
      granteeId: ids.user.medarbejder2,
      grantedBy: ids.user.medarbejder,
      expiresAt: new Date(Date.now() - 60_000),
    },
  ]);
  // Two versions of the school's learning focus: only the newest one's areas are current.
  const focus = (key: string, title: string) => ({
    key,
    title,
    description: '',
    indicators: [],
    pupilItems: [],
  });
  const [{ v }] = await rows<{ v: number }>(
    db,
    sql`select coalesce(max(version), 0)::int as v from observation_schemas where institution_id = ${school}`,
  );
  await db.insert(observationSchemas).values([
    {
      institutionId: school,
      version: v + 1,
      definition: { focusAreas: [focus(area.old, 'Gammelt fokus')], pupilCount: 3 },
    },
    {
      institutionId: school,
      version: v + 2,
      definition: {
        focusAreas: [focus(area.live, 'Elevernes ejerskab'), focus(area.other, 'Feedback i klassen')],
        pupilCount: 3,
      },
    },
  ]);
});
afterAll(() => t?.close());

describe('who may give and read feedback', () => {
  it('the owner and the grantee may; everyone else gets 404 or 403 and nothing is saved', async () => {
    const mine = await give(mette, lesson, { body: 'Jeg vil gerne høre om overgangen' });
    expect(mine.statusCode, mine.body).toBe(201);
    const coach = await give(rasmus, lesson, { atSeconds: 30, kind: 'question' });
    expect(coach.statusCode, coach.body).toBe(201);
    expect((await list(rasmus, lesson)).items).toHaveLength(2);
    expect((await list(mette, lesson)).isOwner).toBe(true);

    const before = await countRows();
    // The private recording: the leader, the administrator, a colleague, the expired grantee and another
    // kommune's teacher may not even know it exists.
    for (const c of [lene, admin, colleague, mads, tobias]) {
      expect(err(await c.get(feedback(lesson)))).toEqual([404, 'video.not_found']);
      expect(err(await give(c, lesson, {}))).toEqual([404, 'video.not_found']);
      expect(err(await c.get(`/api/v1/videos/${lesson}/focus-areas`))).toEqual([404, 'video.not_found']);
    }
    // The institution video: people of the school see it, but it is not shared with them → 403.
    for (const c of [lene, admin, colleague, rasmus]) {
      expect(err(await c.get(feedback(instVideo)))[0]).toBe(403);
      expect(err(await give(c, instVideo, {}))[0]).toBe(403);
    }
    // Outside the institution it is not visible → 404.
    for (const c of [mads, tobias])
      expect(err(await give(c, instVideo, {}))).toEqual([404, 'video.not_found']);
    expect(await countRows()).toBe(before);
  });

  it('a share taken back or run out: the next comment is 404 and nothing is saved', async () => {
    const db = t.database.db;
    const before = await countRows();
    await db
      .update(videoGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(videoGrants.granteeId, ids.user.ressourceperson));
    expect(err(await give(rasmus, lesson, { body: 'Kommer den med?' }))).toEqual([404, 'video.not_found']);
    expect(err(await rasmus.get(feedback(lesson)))).toEqual([404, 'video.not_found']);
    expect(await countRows()).toBe(before);
    await db
      .update(videoGrants)
      .set({ expiresAt: null })
      .where(eq(videoGrants.granteeId, ids.user.ressourceperson));
    expect((await give(rasmus, lesson, {})).statusCode).toBe(201);
  });
});

describe('bad input', () => {
  it('times, kinds, focus areas, empty and long texts are refused with their codes', async () => {
    const before = await countRows();
    expect(err(await give(rasmus, lesson, { atSeconds: 601 }))).toEqual([400, 'feedback.time_invalid']);
    expect(err(await give(rasmus, lesson, { atSeconds: -1 }))[0]).toBe(400);
    expect(err(await give(rasmus, lesson, { kind: 'praise' }))[0]).toBe(400);
    expect(err(await give(rasmus, lesson, { body: '   ' }))).toEqual([400, 'feedback.empty']);
    expect(err(await give(rasmus, lesson, { body: 'x'.repeat(COACHING_LIMITS.feedbackLength + 1) }))).toEqual(
      [400, 'feedback.too_long'],
    );
    expect(err(await give(rasmus, lesson, { focusAreaKey: area.old }))).toEqual([
      400,
      'feedback.focus_area_unknown',
    ]);
    expect(err(await give(rasmus, lesson, { focusAreaKey: randomUUID() }))).toEqual([
      400,
      'feedback.focus_area_unknown',
    ]);
    expect(err(await give(rasmus, lesson, { body: 'a\u0000b' }))).toEqual([400, 'request.invalid_text']);
    expect(await countRows()).toBe(before);
  });

  it('HTML stays text, and the focus areas offered are the current ones', async () => {
    const areas = (await (await rasmus.get(`/api/v1/videos/${lesson}/focus-areas`)).json()) as {
      items: { key: string; title: string }[];
    };
    expect(areas.items.map((a) => a.title)).toEqual(['Elevernes ejerskab', 'Feedback i klassen']);
    const html = '<script>alert(1)</script><b>Godt</b>';
    const res = await give(rasmus, lesson, {
      atSeconds: 200.5,
      kind: 'suggestion',
      focusAreaKey: area.live,
      body: html,
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = (await list(mette, lesson)).items.find((i) => i.id === res.json().id);
    expect(item).toMatchObject({ body: html, atSeconds: 200.5, kind: 'suggestion', focusAreaKey: area.live });
    // Filters.
    const byArea = await list(mette, lesson, `?focusAreaKey=${area.live}`);
    expect(byArea.items.map((i) => i.id)).toEqual([res.json().id]);
    const questions = await list(mette, lesson, '?kind=question');
    expect(questions.items.every((i) => i.kind === 'question')).toBe(true);
    expect(questions.items.length).toBeGreaterThan(0);
  });
});

describe('replies, drøftet, edits and deletes', () => {
  it('the owner replies, the author answers, nobody else; one level', async () => {
    const made = (
      await give(rasmus, lesson, { atSeconds: 45, kind: 'question', body: 'Hvorfor gruppearbejde?' })
    ).json().id as string;
    const replies = `${feedback(lesson)}/${made}/replies`;
    expect((await mette.post(replies, { body: 'Fordi de skulle tale matematik' })).statusCode).toBe(201);
    expect((await rasmus.post(replies, { body: 'Det lykkedes!' })).statusCode).toBe(201);
    // The owner's own comment: the coach may not reply to it.
    const ownerComment = (await list(mette, lesson)).items.find((i) => i.author?.id === ids.user.medarbejder);
    expect(
      err(await rasmus.post(`${feedback(lesson)}/${ownerComment?.id}/replies`, { body: 'Hej' })),
    ).toEqual([403, 'feedback.reply_not_allowed']);
    const item = (await list(mette, lesson)).items.find((i) => i.id === made) as Item;
    expect(item.replies.map((r) => [r.body, r.byOwner])).toEqual([
      ['Fordi de skulle tale matematik', true],
      ['Det lykkedes!', false],
    ]);
    expect(err(await mette.post(`${feedback(lesson)}/${item.replies[0].id}/replies`, { body: 'x' }))).toEqual(
      [400, 'feedback.reply_to_reply'],
    );
    // Notifications: the owner of the coach's comment and answer, the coach of the owner's reply; no text.
    const toOwner = (await notificationsOf(mette)).filter((n) => n.kind.startsWith('feedback.'));
    expect(toOwner.map((n) => n.kind)).toContain('feedback.given');
    expect(toOwner.map((n) => n.kind)).toContain('feedback.reply');
    const toCoach = (await notificationsOf(rasmus)).filter((n) => n.kind === 'feedback.reply');
    expect(toCoach).toHaveLength(1);
    for (const n of [...toOwner, ...toCoach])
      expect(JSON.stringify(n.payload)).not.toMatch(/gruppearbejde|skulle tale|lykkedes/);
    expect((await notificationsOf(lene)).some((n) => n.kind.startsWith('feedback.'))).toBe(false);
  });

  it('drøftet: the owner only, on a comment', async () => {
    const { items } = await list(mette, lesson);
    const target = items.find((i) => i.replies.length > 0) as Item;
    const url = `${feedback(lesson)}/${target.id}/discussed`;
    expect(err(await rasmus.put(url, { discussed: true }))).toEqual([403, 'feedback.not_owner']);
    expect(err(await lene.put(url, { discussed: true }))).toEqual([404, 'video.not_found']);
    expect((await mette.put(url, { discussed: true })).statusCode).toBe(200);
    expect((await list(rasmus, lesson)).items.find((i) => i.id === target.id)?.discussedAt).not.toBeNull();
    expect(
      err(await mette.put(`${feedback(lesson)}/${target.replies[0].id}/discussed`, { discussed: true })),
    ).toEqual([400, 'feedback.not_a_comment']);
    expect((await mette.put(url, { discussed: false })).statusCode).toBe(200);
    expect((await list(mette, lesson)).items.find((i) => i.id === target.id)?.discussedAt).toBeNull();
  });

  it('the author edits own text; the author or the owner deletes (with the replies)', async () => {
    const made = (await give(rasmus, lesson, { atSeconds: 90, body: 'Først' })).json().id as string;
    const url = `${feedback(lesson)}/${made}`;
    expect(err(await mette.patch(url, { body: 'Ændret af ejeren' }))).toEqual([403, 'feedback.not_author']);
    expect((await rasmus.patch(url, { body: 'Rettet' })).statusCode).toBe(200);
    const item = (await list(mette, lesson)).items.find((i) => i.id === made) as Item;
    expect(item.body).toBe('Rettet');
    expect(item.editedAt).not.toBeNull();
    expect(item).toMatchObject({ canEdit: false, canDelete: true, canReply: true });
    await mette.post(`${url}/replies`, { body: 'Tak' });
    // Wrong recording in the path: not found.
    expect(err(await rasmus.patch(`${feedback(instVideo)}/${made}`, { body: 'x' }))[0]).toBe(403);
    expect(err(await mette.delete(`${feedback(instVideo)}/${made}`))).toEqual([404, 'feedback.not_found']);
    expect((await mette.delete(url)).statusCode).toBe(200);
    const left = await t.database.db.select().from(videoFeedback).where(eq(videoFeedback.parentId, made));
    expect(left).toHaveLength(0);
    const own = (await give(rasmus, lesson, { atSeconds: 91 })).json().id as string;
    expect((await rasmus.delete(`${feedback(lesson)}/${own}`)).statusCode).toBe(200);
    expect(err(await rasmus.delete(`${feedback(lesson)}/${own}`))).toEqual([404, 'feedback.not_found']);
  });
});

describe('prompt sets', () => {
  it('a coach keeps her own; nobody else finds them', async () => {
    const res = await rasmus.post('/api/v1/feedback-prompts', {
      title: 'Elevernes ejerskab',
      prompts: [
        { kind: 'question', text: 'Hvad gjorde eleverne, da …?' },
        { kind: 'strength', text: '  ' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const set = res.json() as { id: string; prompts: unknown[] };
    expect(set.prompts).toHaveLength(1);
    expect(
      ((await rasmus.get('/api/v1/feedback-prompts')).json() as { items: unknown[] }).items,
    ).toHaveLength(1);
    expect(((await mette.get('/api/v1/feedback-prompts')).json() as { items: unknown[] }).items).toHaveLength(
      0,
    );
    expect(err(await mette.patch(`/api/v1/feedback-prompts/${set.id}`, { title: 'Mit' }))).toEqual([
      404,
      'prompts.not_found',
    ]);
    expect(err(await mette.delete(`/api/v1/feedback-prompts/${set.id}`))).toEqual([404, 'prompts.not_found']);
    expect(err(await rasmus.post('/api/v1/feedback-prompts', { title: ' ', prompts: [] }))).toEqual([
      400,
      'prompts.invalid',
    ]);
    const renamed = await rasmus.patch(`/api/v1/feedback-prompts/${set.id}`, { title: 'Ejerskab' });
    expect(renamed.json()).toMatchObject({ title: 'Ejerskab' });
    expect((await rasmus.delete(`/api/v1/feedback-prompts/${set.id}`)).statusCode).toBe(200);
  });
});
