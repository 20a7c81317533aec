import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamMemberships, users } from '../../../db/schema.js';
import { insertVideo, termId } from '../../../testing/catalogue.js';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers, signInAll } from '../../../testing/teachers.js';
import {
  ask,
  coursesOf,
  type Demand,
  demandOf,
  notificationsAbout,
  recipients,
  requestsOf,
  useThreshold,
} from './demand.testing.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const v = { school: '', school2: '', otherInstitution: '', privateOfLeder: '', untagged: '' };
/** Method labels used by the shared videos. */
const M = { read: 'Læsebånd', dialog: 'Dialogisk læsning' };
const m: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of [
    'medarbejder',
    'ressourceperson',
    'leder',
    'medarbejder2',
    'forvaltning',
    'redaktoer',
    'administrator',
  ])
    c[who] = await t.as(who);
  const db = t.ctx.db;
  const sol = ids.institution.Solsikkeskolen;
  const methods = [M.read, M.dialog];
  v.school = await insertVideo(db, {
    ownerId: ids.user.medarbejder,
    institutionId: sol,
    methods,
    title: 'Læsning i 2.b',
  });
  v.school2 = await insertVideo(db, {
    ownerId: ids.user.ressourceperson,
    institutionId: sol,
    methods,
    title: 'Højtlæsning',
  });
  v.otherInstitution = await insertVideo(db, {
    ownerId: ids.user['karin.thomsen'],
    institutionId: ids.institution.Bakkeskolen,
    methods,
  });
  v.privateOfLeder = await insertVideo(db, {
    ownerId: ids.user.leder,
    institutionId: sol,
    methods,
    visibility: 'private',
  });
  v.untagged = await insertVideo(db, { ownerId: ids.user.medarbejder, institutionId: sol });
  for (const [k, label] of Object.entries(M)) m[k] = await termId(db, 'method', label);
});
afterAll(() => t?.close());

const teamOf = (d: Demand, name: string) => d.teams.find((x) => x.name === name);

describe('asking as oneself', () => {
  it('counts a person once per method however often and from wherever they ask', async () => {
    const first = await ask(c.medarbejder, { methodId: m.read, videoId: v.school });
    expect(first).toMatchObject({
      method: { id: m.read, label: M.read },
      count: 1,
      threshold: 12,
      missing: 11,
      mine: { asked: true, viaTeam: null, requestedByName: null },
      course: null,
    });
    expect(teamOf(first, 'Matematikteamet')).toMatchObject({ memberCount: 2, alreadyAsked: 1 });
    expect(teamOf(first, '3. årgang')).toMatchObject({ alreadyAsked: 1 });
    // A double click, parallel clicks, and asking again from the other video.
    const again = await Promise.all([
      c.medarbejder.post('/api/v1/training/requests', { methodId: m.read, videoId: v.school }),
      c.medarbejder.post('/api/v1/training/requests', { methodId: m.read, videoId: v.school }),
      c.medarbejder.post('/api/v1/training/requests', { methodId: m.read, videoId: v.school2 }),
    ]);
    expect(again.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const reqs = await requestsOf(t.ctx.db, m.read);
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({
      user_id: ids.user.medarbejder,
      video_id: v.school,
      institution_id: ids.institution.Solsikkeskolen,
      requested_by: ids.user.medarbejder,
      team_id: null,
      course_id: null,
    });
  });

  it('asks from the method tag too; the institution is the person’s own, or none', async () => {
    expect((await ask(c.ressourceperson, { methodId: m.read })).count).toBe(2);
    expect((await ask(c.redaktoer, { methodId: m.read })).count).toBe(3);
    const byUser = new Map((await requestsOf(t.ctx.db, m.read)).map((r) => [r.user_id, r]));
    expect(byUser.get(ids.user.ressourceperson)?.institution_id).toBe(ids.institution.Solsikkeskolen);
    expect(byUser.get(ids.user.redaktoer)?.institution_id).toBeNull();
    // Someone who has not asked sees the count, and that they have not.
    const other = await demandOf(c.leder, m.read);
    expect(other).toMatchObject({ count: 3, missing: 9, mine: { asked: false } });
  });

  it('withdrawing is one’s own, idempotent, and asking again counts again', async () => {
    const res = await c.redaktoer.delete(`/api/v1/training/requests/${m.read}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ count: 2, mine: { asked: false } });
    expect((await c.redaktoer.delete(`/api/v1/training/requests/${m.read}`)).json().count).toBe(2);
    expect((await ask(c.redaktoer, { methodId: m.read })).count).toBe(3);
  });

  it('refuses what one may not ask from, with stable codes, and records nothing', async () => {
    const oneOff = (id: string) => `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    const before = await requestsOf(t.ctx.db, m.read);
    const subject = await termId(t.ctx.db, 'subject', 'Dansk');
    const forged = '00000000-0000-4000-8000-000000000000';
    const cases: [TestClient, Record<string, unknown>, [number, string]][] = [
      [c.leder, { methodId: subject }, [404, 'training.method_not_found']],
      [c.leder, { methodId: forged }, [404, 'training.method_not_found']],
      [c.leder, { methodId: 'not-a-uuid' }, [400, 'request.invalid']],
      [c.leder, { methodId: m.read, extra: 1 }, [400, 'request.invalid']],
      [c.leder, { methodId: m.read, videoId: v.otherInstitution }, [404, 'video.not_found']],
      // An id one character off a real one (never the real one: the last character always changes).
      [c.leder, { methodId: m.read, videoId: oneOff(v.privateOfLeder) }, [404, 'video.not_found']],
      [c.medarbejder, { methodId: m.read, videoId: v.privateOfLeder }, [404, 'video.not_found']],
      [c.leder, { methodId: m.read, videoId: v.untagged }, [400, 'training.method_not_on_video']],
      [c.leder, { methodId: m.read, teamId: ids.team.Vuggestuen }, [403, 'training.not_team_member']],
      [c.leder, { methodId: m.read, teamId: forged }, [403, 'training.not_team_member']],
    ];
    for (const [who, body, expected] of cases) {
      const res = await who.post('/api/v1/training/requests', body);
      expect(err(res), JSON.stringify(body)).toEqual(expected);
    }
    expect(err(await t.client().post('/api/v1/training/requests', { methodId: m.read }))).toEqual([
      401,
      'auth.required',
    ]);
    expect(err(await c.leder.get(`/api/v1/training/methods/${subject}/demand`))).toEqual([
      404,
      'training.method_not_found',
    ]);
    expect(err(await c.leder.delete(`/api/v1/training/requests/${forged}`))).toEqual([
      404,
      'training.method_not_found',
    ]);
    expect(await requestsOf(t.ctx.db, m.read)).toEqual(before);
  });
});

describe('asking for a team', () => {
  const method = { id: '', label: 'Makkerlæsning' };
  let extra: { id: string; email: string }[] = [];
  let team: TestClient[] = [];

  beforeAll(async () => {
    method.id = await termId(t.ctx.db, 'method', method.label);
    extra = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'mat', 4);
    await t.ctx.db
      .insert(teamMemberships)
      .values(extra.map((u) => ({ teamId: ids.team.Matematikteamet, userId: u.id })));
    // The fourth has left the school: a disabled account never counts.
    await t.ctx.db.update(users).set({ status: 'disabled' }).where(sql`${users.id} = ${extra[3].id}`);
    team = await signInAll(
      t,
      extra.slice(0, 3).map((u) => u.email),
    );
  });

  it('each member counts once; who already asked keeps their own request', async () => {
    await ask(c.ressourceperson, { methodId: method.id });
    const d = await ask(c.medarbejder, { methodId: method.id, teamId: ids.team.Matematikteamet });
    // Rasmus, Mette and three new colleagues (the disabled one not).
    expect(d.count).toBe(5);
    expect(teamOf(d, 'Matematikteamet')).toMatchObject({ memberCount: 5, alreadyAsked: 5 });
    expect(d.mine).toEqual({
      asked: true,
      viaTeam: { id: ids.team.Matematikteamet, name: 'Matematikteamet' },
      requestedByName: null,
    });
    const byUser = new Map((await requestsOf(t.ctx.db, method.id)).map((r) => [r.user_id, r]));
    expect(byUser.get(ids.user.ressourceperson)).toMatchObject({
      team_id: null,
      requested_by: ids.user.ressourceperson,
    });
    expect(byUser.get(extra[0].id)).toMatchObject({
      team_id: ids.team.Matematikteamet,
      requested_by: ids.user.medarbejder,
      institution_id: ids.institution.Solsikkeskolen,
    });
    expect(byUser.has(extra[3].id)).toBe(false);
    const colleague = await demandOf(team[0], method.id);
    expect(colleague.mine).toEqual({
      asked: true,
      viaTeam: { id: ids.team.Matematikteamet, name: 'Matematikteamet' },
      requestedByName: 'Mette Nørgaard',
    });
  });

  it('asking for the team again, or in parallel, adds nobody twice', async () => {
    const res = await Promise.all(
      [team[0], team[1], c.medarbejder].map((who) =>
        who.post('/api/v1/training/requests', { methodId: method.id, teamId: ids.team.Matematikteamet }),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await requestsOf(t.ctx.db, method.id)).toHaveLength(5);
    // A member withdraws their own; the team asking again brings them back once.
    expect((await team[1].delete(`/api/v1/training/requests/${method.id}`)).json().count).toBe(4);
    expect((await ask(team[0], { methodId: method.id, teamId: ids.team.Matematikteamet })).count).toBe(5);
  });

  it('someone who left the team can no longer ask for it', async () => {
    const other = await termId(t.ctx.db, 'method', 'Holddannelse');
    const left = await c.leder.delete(
      `/api/v1/teams/${ids.team['3. årgang']}/members/${ids.user.medarbejder}`,
    );
    expect(left.statusCode, left.body).toBe(200);
    const res = await c.medarbejder.post('/api/v1/training/requests', {
      methodId: other,
      teamId: ids.team['3. årgang'],
    });
    expect(err(res)).toEqual([403, 'training.not_team_member']);
    expect(await requestsOf(t.ctx.db, other)).toHaveLength(0);
    expect(teamOf(await demandOf(c.medarbejder, other), '3. årgang')).toBeUndefined();
  });
});

describe('threshold → proposal', () => {
  let colleague: TestClient;
  let colleagueId = '';
  beforeAll(async () => {
    await useThreshold(c.administrator, 3);
    const [u] = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'dia', 1);
    [colleague] = await signInAll(t, [u.email]);
    colleagueId = u.id;
  });

  it('requests from different videos and institutions add up; the third makes exactly one proposal', async () => {
    await ask(c.medarbejder, { methodId: m.dialog, videoId: v.school });
    const two = await ask(colleague, { methodId: m.dialog, videoId: v.school2 });
    expect(two).toMatchObject({ count: 2, threshold: 3, missing: 1, course: null });
    expect(await coursesOf(t.ctx.db, m.dialog)).toHaveLength(0);
    expect(await notificationsAbout(t.ctx.db, m.dialog)).toHaveLength(0);

    const three = await ask(c.medarbejder2, { methodId: m.dialog });
    const courses = await coursesOf(t.ctx.db, m.dialog);
    expect(courses).toEqual([{ id: expect.any(String), state: 'proposed' }]);
    const courseId = courses[0].id;
    expect(three).toMatchObject({
      count: 3,
      missing: 0,
      course: { id: courseId, state: 'proposed', title: '' },
    });
    expect((await requestsOf(t.ctx.db, m.dialog)).map((r) => r.course_id)).toEqual([
      courseId,
      courseId,
      courseId,
    ]);
    const videos = await rows<{ video_id: string }>(
      t.ctx.db,
      sql`select video_id from training_course_videos where course_id = ${courseId} order by video_id`,
    );
    expect(videos.map((r) => r.video_id)).toEqual([v.school, v.school2].sort());

    const notes = await notificationsAbout(t.ctx.db, m.dialog);
    const askers = [ids.user.medarbejder, ids.user.medarbejder2, colleagueId].sort();
    expect(recipients(notes, 'training.request_counted')).toEqual(askers);
    // Nobody covers the method: the resource person where it was asked, all editors, forvaltning of the kommune.
    expect(recipients(notes, 'training.proposed')).toEqual(
      [ids.user.ressourceperson, ids.user.redaktoer, ids.user.forvaltning].sort(),
    );
    for (const n of notes)
      expect(n.payload).toEqual({
        courseId,
        courseTitle: '',
        methodId: m.dialog,
        methodLabel: M.dialog,
        count: 3,
        threshold: 3,
      });
    // Someone who did not ask and cannot take it up sees the count, not the proposal.
    expect(await demandOf(c.leder, m.dialog)).toMatchObject({ count: 3, course: null });
    expect((await demandOf(c.ressourceperson, m.dialog)).course?.id).toBe(courseId);
  });

  it('a later request joins the proposal at once and is told so; no second proposal', async () => {
    const d = await ask(c.leder, { methodId: m.dialog, videoId: v.school });
    const [course] = await coursesOf(t.ctx.db, m.dialog);
    expect(await coursesOf(t.ctx.db, m.dialog)).toHaveLength(1);
    expect(d).toMatchObject({ count: 4, missing: 0, course: { id: course.id } });
    const notes = await notificationsAbout(t.ctx.db, m.dialog);
    const mine = notes.filter((n) => n.user_id === ids.user.leder);
    expect(mine.map((n) => [n.kind, n.payload.count])).toEqual([['training.request_counted', 4]]);
    expect(recipients(notes, 'training.proposed')).toHaveLength(3);
  });

  it('withdrawing after the threshold keeps the proposal (and its videos), with the current count', async () => {
    const [course] = await coursesOf(t.ctx.db, m.dialog);
    const res = await colleague.delete(`/api/v1/training/requests/${m.dialog}`);
    expect(res.statusCode).toBe(200);
    // Only requesters and those who could take it up see the proposal: the colleague no longer does.
    expect(res.json()).toMatchObject({ count: 3, missing: 0, mine: { asked: false }, course: null });
    expect(await coursesOf(t.ctx.db, m.dialog)).toEqual([{ id: course.id, state: 'proposed' }]);
    expect(await demandOf(c.medarbejder, m.dialog)).toMatchObject({ count: 3, course: { id: course.id } });
    const videos = await rows(
      t.ctx.db,
      sql`select 1 from training_course_videos where course_id = ${course.id}`,
    );
    expect(videos).toHaveLength(2);
    // Everyone else withdraws too: the proposal stays, at zero. With no requests left it involves no kommune,
    // so only editors (and administrators) still see it.
    for (const who of [c.medarbejder, c.medarbejder2, c.leder])
      expect((await who.delete(`/api/v1/training/requests/${m.dialog}`)).statusCode).toBe(200);
    expect(await coursesOf(t.ctx.db, m.dialog)).toEqual([{ id: course.id, state: 'proposed' }]);
    expect(await demandOf(c.redaktoer, m.dialog)).toMatchObject({
      count: 0,
      missing: 3,
      course: { id: course.id, state: 'proposed' },
    });
  });
});
