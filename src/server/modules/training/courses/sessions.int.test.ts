import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVideo } from '../../../testing/catalogue.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers } from '../../../testing/teachers.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { makeProposal, planCourse, sessionAt } from './course.testing.js';

/*
 * A course's sessions (the checks on time, place and link; forged ids; the limit) and the documentation loop
 * (which video may document a course, and who is told). The rest of a course: courses.int.test.ts.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
/** An institution video at Kildeskolen: the Solsikkeskolen resource person may not watch it. */
let kildeOnly: string;
const url = (id: string, rest = '') => `/api/v1/training/courses/${id}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'ressourceperson', 'laerer8']) c[who] = await t.as(who);
  kildeOnly = await insertVideo(t.ctx.db, {
    ownerId: ids.user.laerer8,
    institutionId: ids.institution.Kildeskolen,
    title: 'Kun Kildeskolen',
    visibility: 'institution',
  });
});
afterAll(() => t?.close());

const proposal = (label: string) =>
  makeProposal(t.ctx.db, label, [{ userId: ids.user.medarbejder }, { userId: ids.user.laerer8 }]);

describe('sessions', () => {
  it('refuses the past, a wrong order, a bad link, no place, too many, and another course’s session', async () => {
    const p = await proposal('Sessioner');
    const rp = c.ressourceperson;
    const add = (body: Record<string, unknown>) => rp.post(url(p.id, '/sessions'), body);
    expect(err(await add({ ...sessionAt(-1), place: 'x' }))).toEqual([400, 'training.session_in_past']);
    const s = sessionAt(3);
    expect(err(await add({ startsAt: s.startsAt, endsAt: s.startsAt, place: 'x' }))).toEqual([
      400,
      'training.session_order',
    ]);
    expect(err(await add({ startsAt: s.endsAt, endsAt: s.startsAt, place: 'x' }))).toEqual([
      400,
      'training.session_order',
    ]);
    for (const onlineUrl of ['javascript:alert(1)', 'ftp://x.dk/a', 'not a url', 'https://'])
      expect(err(await add({ ...s, place: '', onlineUrl })), onlineUrl).toEqual([
        400,
        'training.online_url_invalid',
      ]);
    expect(err(await add({ ...s, place: '  ' }))).toEqual([400, 'training.session_place_missing']);
    expect(err(await add({ startsAt: 'i morgen', endsAt: s.endsAt, place: 'x' }))).toEqual([
      400,
      'request.invalid_date',
    ]);
    expect(err(await add({ ...s, place: 'x'.repeat(301) }))).toEqual([400, 'request.invalid']);

    const online = await add({ ...s, place: '', onlineUrl: 'https://meet.example/træning' });
    expect(online.statusCode).toBe(201);
    expect(online.json().sessions).toEqual([
      expect.objectContaining({
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        place: '',
        onlineUrl: 'https://meet.example/træning',
      }),
    ]);
    const sid = online.json().sessions[0].id;

    // A session of another course cannot be reached through this one, nor a made-up id.
    const other = await proposal('Andet forløb');
    for (const forged of [`/sessions/${sid}`, `/sessions/${crypto.randomUUID()}`]) {
      expect(err(await rp.put(url(other.id, forged), { ...s, place: 'y' }))).toEqual([
        404,
        'training.session_not_found',
      ]);
      expect(err(await rp.delete(url(other.id, forged)))).toEqual([404, 'training.session_not_found']);
    }
    expect(err(await rp.delete(url(p.id, '/sessions/not-a-uuid')))).toEqual([400, 'request.invalid']);

    // Later sessions come after earlier ones, whatever order they were added in.
    const earlier = sessionAt(2);
    const both = await add({ ...earlier, place: 'Først' });
    expect(both.json().sessions.map((x: { place: string }) => x.place)).toEqual(['Først', '']);
    const moved = await rp.put(url(p.id, `/sessions/${sid}`), { ...sessionAt(1), place: 'Flyttet' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().sessions.map((x: { place: string }) => x.place)).toEqual(['Flyttet', 'Først']);
    expect(err(await rp.put(url(p.id, `/sessions/${sid}`), { ...sessionAt(-2), place: 'x' }))).toEqual([
      400,
      'training.session_in_past',
    ]);
    expect((await rp.delete(url(p.id, `/sessions/${sid}`))).json().sessions).toHaveLength(1);

    // At most 20.
    for (let i = 0; i < 19; i++)
      expect((await add({ ...sessionAt(10 + i), place: `S${i}` })).statusCode).toBe(201);
    expect(err(await add({ ...sessionAt(40), place: 'for mange' }))).toEqual([
      409,
      'training.too_many_sessions',
    ]);
  });
});

describe('documentation', () => {
  it('links a ready, shared video the planner may watch, and tells requesters and the enrolled', async () => {
    const p = await proposal('Dokumentation');
    const rp = c.ressourceperson;
    await planCourse(rp, p.id, { trainerId: ids.user.ressourceperson, open: true });
    const [extra] = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'dok', 1);
    const extraClient = await t.as(extra.email);
    expect((await extraClient.post(url(p.id, '/enrolment'))).statusCode).toBe(200);
    const video = (
      visibility: 'private' | 'team' | 'institution',
      status: 'ready' | 'processing' = 'ready',
    ) =>
      insertVideo(t.ctx.db, {
        ownerId: ids.user.ressourceperson,
        institutionId: ids.institution.Solsikkeskolen,
        teamId: visibility === 'team' ? ids.team.Matematikteamet : null,
        title: `Forløbet filmet (${visibility}, ${status})`,
        visibility,
        status,
      });
    const doc = (videoId: string, who = rp) => who.put(url(p.id, '/documentation'), { videoId });
    const shared = await video('institution');
    expect(err(await doc(shared))).toEqual([409, 'training.invalid_state']); // not completed yet
    await rp.post(url(p.id, '/state'), { to: 'running' });
    await rp.post(url(p.id, '/state'), { to: 'completed' });
    expect(err(await doc(shared, c.medarbejder))).toEqual([403, 'policy.forbidden']);
    expect(err(await doc(await video('private')))).toEqual([409, 'training.documentation_not_shared']);
    expect(err(await doc(await video('team')))).toEqual([409, 'training.documentation_not_shared']);
    expect(err(await doc(await video('institution', 'processing')))).toEqual([
      409,
      'training.documentation_not_ready',
    ]);
    // A video the planner may not watch (another school's institution video) is not found at all.
    expect(err(await doc(kildeOnly))).toEqual([404, 'video.not_found']);
    expect(err(await doc(crypto.randomUUID()))).toEqual([404, 'video.not_found']);

    const res = await doc(shared);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'documented', documentationVideo: { id: shared } });
    expect(res.json().documentedAt).toBeTruthy();
    // Mette (requester, same school) may watch it; laerer8 (other school) sees the course but not the video.
    expect((await c.medarbejder.get(url(p.id))).json().documentationVideo).toEqual({
      id: shared,
      title: 'Forløbet filmet (institution, ready)',
    });
    expect((await c.laerer8.get(url(p.id))).json().documentationVideo).toBeNull();
    for (const who of [ids.user.medarbejder, ids.user.laerer8, extra.id]) {
      const got = (await notificationsOf(t.ctx.db, who, 'training.documented')).filter(
        (n) => n.payload.courseId === p.id,
      );
      expect(got, who).toHaveLength(1);
      expect(got[0].payload.courseTitle).toBe('Træningsforløb');
    }
    // Replacing the video while documented: allowed, nobody is told twice.
    const better = await video('institution');
    expect((await doc(better)).json().documentationVideo.id).toBe(better);
    expect(
      (await notificationsOf(t.ctx.db, extra.id, 'training.documented')).filter(
        (n) => n.payload.courseId === p.id,
      ),
    ).toHaveLength(1);
  });
});
