import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionToken } from '../../../shared/comment-format.js';
import { communities, communityMembers, communityVideos } from '../../db/community-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import type { CommentView } from './service.js';

/*
 * The discussion on a video (V4) against a real database: threads and their depth limit, anchors, own edits,
 * reports once, moderation by community moderators, privacy of other institutions' videos, and mentions that
 * notify only people who may see the video.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let mette: TestClient; // medarbejder, Solsikkeskolen (Matematikteamet, 3. årgang)
let rasmus: TestClient; // ressourceperson, Solsikkeskolen (Matematikteamet)
let lene: TestClient; // leder, Solsikkeskolen (Ledelsesteamet)
let mads: TestClient; // medarbejder2, Børnehuset Mælkebøtten (same kommune)
let admin: TestClient;
/** Solsikkeskolen, institution only: Mads may not see it. */
let instVideo: string;
/** Solsikkeskolen, kommune-wide and shared into a community Mads moderates. */
let kommuneVideo: string;
/** Matematikteamet only. */
let teamVideo: string;

const post = (c: TestClient, videoId: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/videos/${videoId}/comments`, body);
const thread = async (c: TestClient, videoId: string, query = '') => {
  const res = await c.get(`/api/v1/videos/${videoId}/comments${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: CommentView[];
    nextCursor: string | null;
    total: number;
    canModerate: boolean;
  };
};
const notificationsOf = async (c: TestClient) =>
  (await c.get('/api/v1/notifications')).json() as {
    items: { id: string; kind: string; payload: Record<string, string>; readAt: string | null }[];
    unread: number;
  };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ids = await demoIds(db);
  const school = ids.institution.Solsikkeskolen;
  [mette, rasmus, lene, mads, admin] = await Promise.all(
    ['medarbejder', 'ressourceperson', 'leder', 'medarbejder2', 'administrator'].map((a) => t.as(a)),
  );
  instVideo = await insertVideo(db, {
    ownerId: ids.user.medarbejder,
    institutionId: school,
    title: 'Klassens morgenmøde',
  });
  kommuneVideo = await insertVideo(db, {
    ownerId: ids.user.medarbejder,
    institutionId: school,
    visibility: 'kommune',
    title: 'Samtale i børnehøjde',
  });
  teamVideo = await insertVideo(db, {
    ownerId: ids.user.medarbejder,
    institutionId: school,
    visibility: 'team',
    teamId: ids.team.Matematikteamet,
    title: 'Brøker med pizza',
  });
  const [c] = await db.insert(communities).values({ name: 'Dialog i dagtilbud' }).returning();
  await db.insert(communityMembers).values([
    { communityId: c.id, userId: ids.user.medarbejder2, role: 'moderator', joinedAt: new Date() },
    { communityId: c.id, userId: ids.user.ressourceperson, role: 'member', joinedAt: new Date() },
  ]);
  await db.insert(communityVideos).values({ communityId: c.id, videoId: kommuneVideo });
});
afterAll(() => t?.close());

describe('threads', () => {
  it('nests replies under their parents and refuses replies deeper than the limit', async () => {
    const top = await post(mette, instVideo, { body: 'Hvordan startede I mødet?' });
    expect(top.statusCode, top.body).toBe(201);
    let parentId = top.json().id as string;
    for (let depth = 1; depth <= 4; depth++) {
      const r = await post(depth % 2 ? rasmus : mette, instVideo, { body: `Svar ${depth}`, parentId });
      expect(r.statusCode, r.body).toBe(201);
      parentId = r.json().id;
    }
    const tooDeep = await post(rasmus, instVideo, { body: 'Endnu dybere', parentId });
    expect(err(tooDeep)).toEqual([400, 'comment.too_deep']);
    expect(tooDeep.json().error.message).toMatch(/dybere/);

    const { items, total } = await thread(mette, instVideo);
    expect(total).toBe(5);
    let node = items.find((c) => c.id === top.json().id) as CommentView;
    for (let depth = 1; depth <= 4; depth++) {
      expect(node.replies).toHaveLength(1);
      node = node.replies[0];
      expect(node.depth).toBe(depth);
      expect(node.body).toBe(`Svar ${depth}`);
    }
    expect(node.canReply).toBe(false);
  });

  it('pages over top-level comments, newest or oldest first', async () => {
    const v = await insertVideo(t.database.db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
    });
    for (let i = 0; i < 5; i++) expect((await post(mette, v, { body: `Nr. ${i}` })).statusCode).toBe(201);
    const seen: string[] = [];
    let cursor = '';
    for (let guard = 0; guard < 5; guard++) {
      const page = await thread(mette, v, `?sort=oldest&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => c.body as string));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['Nr. 0', 'Nr. 1', 'Nr. 2', 'Nr. 3', 'Nr. 4']);
    expect((await thread(mette, v, '?limit=1')).items[0].body).toBe('Nr. 4');
  });

  it('checks anchors against the video length', async () => {
    expect(err(await post(mette, instVideo, { body: 'Før start', anchorSeconds: -1 }))).toEqual([
      400,
      'comment.anchor_invalid',
    ]);
    expect(err(await post(mette, instVideo, { body: 'Efter slut', anchorSeconds: 61 }))).toEqual([
      400,
      'comment.anchor_invalid',
    ]);
    const ok = await post(mette, instVideo, { body: 'Se her', anchorSeconds: 5 });
    expect(ok.statusCode).toBe(201);
    const { items } = await thread(rasmus, instVideo);
    expect(items.find((c) => c.id === ok.json().id)?.anchorSeconds).toBe(5);
  });

  it('refuses empty and overlong bodies with their own codes and keeps markup as written', async () => {
    expect(err(await post(mette, instVideo, { body: '   \n ' }))).toEqual([400, 'comment.empty']);
    const huge = await post(mette, instVideo, { body: 'x'.repeat(100 * 1024) });
    expect(err(huge)).toEqual([400, 'comment.too_long']);
    expect(huge.json().error.message).toMatch(/for lang/);
    const script = '<script>alert(1)</script> [klik](javascript:alert(1))';
    const made = await post(mette, instVideo, { body: `  ${script}  ` });
    const { items } = await thread(rasmus, instVideo);
    expect(items.find((c) => c.id === made.json().id)?.body).toBe(script);
  });
});

describe('own comments', () => {
  it('lets the author edit and delete, and nobody else', async () => {
    const id = (await post(mette, instVideo, { body: 'Første udkast' })).json().id;
    expect(err(await rasmus.patch(`/api/v1/comments/${id}`, { body: 'Kapret' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await rasmus.delete(`/api/v1/comments/${id}`))).toEqual([403, 'policy.forbidden']);
    expect((await mette.patch(`/api/v1/comments/${id}`, { body: 'Rettet' })).statusCode).toBe(200);
    const edited = (await thread(rasmus, instVideo)).items.find((c) => c.id === id);
    expect(edited).toMatchObject({ body: 'Rettet', canEdit: false, canReport: true });
    expect(edited?.editedAt).not.toBeNull();
    expect((await thread(mette, instVideo)).items.find((c) => c.id === id)).toMatchObject({
      canEdit: true,
      canDelete: true,
      canReport: false,
    });
  });

  it('keeps a deleted comment as a placeholder while it has replies, then removes it', async () => {
    const top = (await post(mette, instVideo, { body: 'Slet mig' })).json().id;
    const reply = (await post(rasmus, instVideo, { body: 'Et svar', parentId: top })).json().id;
    expect((await mette.delete(`/api/v1/comments/${top}`)).statusCode).toBe(200);
    const placeholder = (await thread(rasmus, instVideo)).items.find((c) => c.id === top);
    expect(placeholder).toMatchObject({ state: 'deleted', body: null, author: null });
    expect(placeholder?.replies.map((r) => r.id)).toEqual([reply]);
    expect(err(await post(rasmus, instVideo, { body: 'Svar til slettet', parentId: top }))).toEqual([
      400,
      'comment.parent_not_found',
    ]);
    expect((await rasmus.delete(`/api/v1/comments/${reply}`)).statusCode).toBe(200);
    expect((await thread(rasmus, instVideo)).items.find((c) => c.id === top)).toBeUndefined();
  });
});

describe("another institution's video", () => {
  it('is invisible and cannot be commented on (404, like a missing video)', async () => {
    const id = (await post(mette, instVideo, { body: 'Kun for Solsikkeskolen' })).json().id;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const videoId of [instVideo, missing]) {
      expect(err(await mads.get(`/api/v1/videos/${videoId}/comments`))).toEqual([404, 'video.not_found']);
      expect(err(await post(mads, videoId, { body: 'Hej' }))).toEqual([404, 'video.not_found']);
      expect(err(await mads.get(`/api/v1/videos/${videoId}/mentionable`))).toEqual([404, 'video.not_found']);
    }
    for (const res of [
      await mads.patch(`/api/v1/comments/${id}`, { body: 'x' }),
      await mads.delete(`/api/v1/comments/${id}`),
      await mads.post(`/api/v1/comments/${id}/report`, { reason: 'x' }),
      await mads.post(`/api/v1/comments/${id}/hide`),
    ])
      expect(err(res)).toEqual([404, 'comment.not_found']);
    expect(err(await t.client().get(`/api/v1/videos/${instVideo}/comments`))).toEqual([401, 'auth.required']);
  });
});

describe('reports and moderation', () => {
  it('takes a report once per person, never on your own comment', async () => {
    const id = (await post(mette, kommuneVideo, { body: 'Diskutabelt' })).json().id;
    expect(err(await mette.post(`/api/v1/comments/${id}/report`, { reason: 'selv' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect((await rasmus.post(`/api/v1/comments/${id}/report`, { reason: 'Upassende' })).statusCode).toBe(
      200,
    );
    expect(err(await rasmus.post(`/api/v1/comments/${id}/report`, { reason: 'Igen' }))).toEqual([
      409,
      'comment.already_reported',
    ]);
    const seen = (await thread(rasmus, kommuneVideo)).items.find((c) => c.id === id);
    expect(seen).toMatchObject({ reportedByMe: true, canReport: false });
  });

  it('lets a community moderator hide and unhide; a plain member may not', async () => {
    const id = (await post(mette, kommuneVideo, { body: 'Skal skjules' })).json().id;
    expect((await mads.post(`/api/v1/comments/${id}/report`, { reason: 'Krænkende' })).statusCode).toBe(200);
    expect(err(await rasmus.post(`/api/v1/comments/${id}/hide`))).toEqual([403, 'policy.forbidden']);

    const queue = (await mads.get('/api/v1/comment-reports')).json();
    const entry = queue.items.find((i: { comment: { id: string } }) => i.comment.id === id);
    expect(entry).toMatchObject({ video: { id: kommuneVideo }, reports: [{ reason: 'Krænkende' }] });
    expect(JSON.stringify(entry)).not.toContain('Mads');
    expect(err(await rasmus.get('/api/v1/comment-reports'))).toEqual([403, 'policy.forbidden']);
    expect((await mads.get('/api/v1/comment-reports/summary')).json()).toMatchObject({ canModerate: true });
    expect((await rasmus.get('/api/v1/comment-reports/summary')).json()).toEqual({
      canModerate: false,
      openReports: 0,
    });

    expect((await mads.post(`/api/v1/comments/${id}/hide`)).statusCode).toBe(200);
    for (const reader of [rasmus, mette]) {
      const c = (await thread(reader, kommuneVideo)).items.find((x) => x.id === id);
      expect(c).toMatchObject({ state: 'hidden', body: null, canEdit: false });
    }
    const forModerator = (await thread(mads, kommuneVideo)).items.find((x) => x.id === id);
    expect(forModerator).toMatchObject({ state: 'hidden', body: 'Skal skjules', canHide: true });
    // Hiding settled the report.
    expect(
      (await mads.get('/api/v1/comment-reports'))
        .json()
        .items.some((i: { comment: { id: string } }) => i.comment.id === id),
    ).toBe(false);
    expect(err(await mette.patch(`/api/v1/comments/${id}`, { body: 'Snydt' }))).toEqual([
      403,
      'policy.forbidden',
    ]);

    expect(err(await rasmus.post(`/api/v1/comments/${id}/unhide`))).toEqual([403, 'policy.forbidden']);
    expect((await mads.post(`/api/v1/comments/${id}/unhide`)).statusCode).toBe(200);
    expect((await thread(rasmus, kommuneVideo)).items.find((x) => x.id === id)).toMatchObject({
      state: 'visible',
      body: 'Skal skjules',
    });
  });

  it('shows a moderator only reports on videos shared into their communities; administrators all', async () => {
    const id = (await post(mette, instVideo, { body: 'Anmeldt på en anden video' })).json().id;
    expect((await rasmus.post(`/api/v1/comments/${id}/report`, { reason: 'Spam' })).statusCode).toBe(200);
    const has = async (c: TestClient) =>
      (await c.get('/api/v1/comment-reports'))
        .json()
        .items.some((i: { comment: { id: string } }) => i.comment.id === id);
    expect(await has(mads)).toBe(false);
    expect(await has(admin)).toBe(true);
    expect((await admin.post(`/api/v1/comments/${id}/resolve`)).statusCode).toBe(200);
    expect(await has(admin)).toBe(false);
  });
});

describe('mentions and notifications', () => {
  it('offers and notifies only people the author may see who may also see the video', async () => {
    const names = async (videoId: string, q = '') =>
      (await mette.get(`/api/v1/videos/${videoId}/mentionable?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((p: { name: string }) => p.name);
    // The team video: Rasmus is in Matematikteamet; Lene (same school, other team) and Mads are not.
    const onTeam = await names(teamVideo);
    expect(onTeam).toContain('Rasmus Kjær');
    expect(onTeam).not.toContain('Lene Dalgaard');
    expect(onTeam).not.toContain('Mads Østergaard');
    expect(onTeam).not.toContain('Mette Nørgaard');
    expect(await names(teamVideo, 'ras')).toEqual(['Rasmus Kjær']);

    const body = `Se lige ${mentionToken({ id: ids.user.ressourceperson, name: 'Rasmus Kjær' })}, ${mentionToken({ id: ids.user.leder, name: 'Lene Dalgaard' })} og ${mentionToken({ id: ids.user.medarbejder2, name: 'Mads' })}`;
    const made = await post(mette, teamVideo, { body });
    expect(made.statusCode).toBe(201);
    const forRasmus = (await notificationsOf(rasmus)).items.filter((n) => n.kind === 'comment.mention');
    expect(forRasmus.at(0)?.payload).toMatchObject({
      videoId: teamVideo,
      commentId: made.json().id,
      videoTitle: 'Brøker med pizza',
      authorName: 'Mette Nørgaard',
    });
    // Lene may see Mette but not the team video; Mette may not see Mads; Mette does not notify herself.
    for (const other of [lene, mads, mette])
      expect(
        (await notificationsOf(other)).items.filter((n) => n.payload.commentId === made.json().id),
      ).toEqual([]);
  });

  it('notifies the author of the comment replied to', async () => {
    const top = (await post(rasmus, instVideo, { body: 'Et spørgsmål' })).json().id;
    const reply = (await post(mette, instVideo, { body: 'Et svar', parentId: top })).json().id;
    const n = (await notificationsOf(rasmus)).items.find((x) => x.kind === 'comment.reply');
    expect(n?.payload).toMatchObject({ commentId: reply, videoId: instVideo, authorName: 'Mette Nørgaard' });
    // Replying to yourself notifies nobody.
    const before = (await notificationsOf(mette)).items.length;
    await post(mette, instVideo, { body: 'Og mig selv', parentId: reply });
    expect((await notificationsOf(mette)).items.length).toBe(before);
  });

  it('shows and changes only your own notifications', async () => {
    const mine = await notificationsOf(rasmus);
    expect(mine.unread).toBeGreaterThan(0);
    expect((await rasmus.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: mine.unread });
    const one = mine.items[0].id;
    expect(err(await mads.post(`/api/v1/notifications/${one}/read`))).toEqual([
      404,
      'notification.not_found',
    ]);
    expect((await notificationsOf(mads)).items.some((n) => n.id === one)).toBe(false);
    expect((await rasmus.post(`/api/v1/notifications/${one}/read`)).statusCode).toBe(200);
    expect((await rasmus.get('/api/v1/notifications/unread-count')).json()).toEqual({
      unread: mine.unread - 1,
    });
    expect((await mads.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect((await rasmus.get('/api/v1/notifications/unread-count')).json().unread).toBe(mine.unread - 1);
    expect((await rasmus.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
    expect((await rasmus.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect(err(await t.client().get('/api/v1/notifications'))).toEqual([401, 'auth.required']);
  });
});
