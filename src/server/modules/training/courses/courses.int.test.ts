import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCourses, trainingEnrolments } from '../../../db/training-schema.js';
import { insertVideo } from '../../../testing/catalogue.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers } from '../../../testing/teachers.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { makeProposal, planCourse, sessionAt } from './course.testing.js';

/*
 * Courses from proposal to documentation: who sees and runs them, the plan (fields, trainers, institutions,
 * sessions), the state steps and their notifications, the documentation loop. Enrolment: enrolment.int.test.ts;
 * calendars: calendar.int.test.ts.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let bakke: { id: string; email: string };
let solVideo: string;
let kildeVideo: string;
const url = (id: string, rest = '') => `/api/v1/training/courses/${id}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  [bakke] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
  for (const who of [
    'medarbejder',
    'medarbejder2',
    'ressourceperson',
    'forvaltning',
    'redaktoer',
    'leder',
    'laerer8',
  ])
    c[who] = await t.as(who);
  c.bakke = await t.as(bakke.email);
  solVideo = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    title: 'Exit tickets i 3.A',
    visibility: 'institution',
  });
  kildeVideo = await insertVideo(t.ctx.db, {
    ownerId: ids.user.laerer8,
    institutionId: ids.institution.Kildeskolen,
    title: 'Exit tickets på Kildeskolen',
    visibility: 'kommune',
  });
});
afterAll(() => t?.close());

const proposal = (label: string) =>
  makeProposal(t.ctx.db, label, [
    { userId: ids.user.medarbejder, videoId: solVideo },
    { userId: ids.user.laerer8, videoId: kildeVideo, teamId: ids.team.Indskolingsteamet },
  ]);

describe('who sees a proposal', () => {
  it('requesters, those who could run it and forvaltning of the kommune; nobody else', async () => {
    const p = await proposal('Exit tickets');
    const seen = async (who: string) => (await c[who].get(url(p.id))).statusCode;
    expect(await seen('medarbejder')).toBe(200);
    expect(await seen('laerer8')).toBe(200);
    expect(await seen('ressourceperson')).toBe(200);
    expect(await seen('forvaltning')).toBe(200);
    expect(await seen('redaktoer')).toBe(200);
    // A colleague in the same kommune who did not ask, and a teacher in another kommune.
    expect(err(await c.medarbejder2.get(url(p.id)))).toEqual([404, 'training.course_not_found']);
    expect(err(await c.bakke.get(url(p.id)))).toEqual([404, 'training.course_not_found']);
    expect(err(await c.leder.get(url(p.id)))).toEqual([404, 'training.course_not_found']);
    expect((await t.client().get(url(p.id))).statusCode).toBe(401);
  });

  it('names the requesters only to those who could run it and forvaltning', async () => {
    const p = await proposal('Læringsmål');
    const mine = (await c.medarbejder.get(url(p.id))).json();
    expect(mine.requesters).toBeUndefined();
    expect(mine.my).toEqual({ requester: true, enrolment: null, waitingPosition: null });
    expect(mine.can).toEqual({ manage: false, enrol: false, requesters: false });
    expect(mine.counts).toEqual({ requests: 2, enrolled: 0, waiting: 0, invited: 0 });
    expect(
      mine.requestInstitutions.map((i: { name: string; count: number }) => [i.name, i.count]).sort(),
    ).toEqual([
      ['Kildeskolen', 1],
      ['Solsikkeskolen', 1],
    ]);
    expect(mine.calendarUrl).toBe(`http://amongi.test/api/v1/training/calendar/${p.token}.ics`);
    expect(mine.method.label).toBe('Læringsmål');

    const rp = (await c.ressourceperson.get(url(p.id))).json();
    expect(rp.can).toEqual({ manage: true, enrol: false, requesters: true });
    expect(rp.requesters).toHaveLength(2);
    const laerer = rp.requesters.find((r: { id: string }) => r.id === ids.user.laerer8);
    expect(laerer).toMatchObject({
      institutionName: 'Kildeskolen',
      viaTeam: true,
      teamName: 'Indskolingsteamet',
    });
    // The resource person may watch both videos (institution video at their school, kommune video).
    expect(laerer.videoTitle).toBe('Exit tickets på Kildeskolen');
    const fv = (await c.forvaltning.get(url(p.id))).json();
    expect(fv.can).toEqual({ manage: false, enrol: false, requesters: true });
    // Forvaltning may not watch the Solsikkeskolen institution video: its title is not shown.
    const mette = fv.requesters.find((r: { id: string }) => r.id === ids.user.medarbejder);
    expect(mette).toMatchObject({ name: 'Mette Nørgaard', viaTeam: false, videoTitle: null });
  });

  it('shows only the source videos the viewer may watch', async () => {
    const p = await proposal('Kooperativ læring');
    const titles = async (who: string) =>
      (await c[who].get(url(p.id))).json().sourceVideos.map((v: { title: string }) => v.title);
    expect(await titles('medarbejder')).toEqual(['Exit tickets i 3.A', 'Exit tickets på Kildeskolen']);
    expect(await titles('laerer8')).toEqual(['Exit tickets på Kildeskolen']);
  });
});

describe('the course list', () => {
  it('lists what the viewer may see, in state order then newest, page by page', async () => {
    const a = await proposal('Liste A');
    const b = await proposal('Liste B');
    const planned = await proposal('Liste C');
    await planCourse(c.ressourceperson, planned.id, { trainerId: ids.user.ressourceperson });
    const all: { id: string; state: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await c.medarbejder.get(`/api/v1/training/courses?limit=2${q}`);
      expect(res.statusCode).toBe(200);
      all.push(...res.json().items);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const got = all.map((i) => i.id);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(expect.arrayContaining([a.id, b.id, planned.id]));
    // Proposals first (newest first), then planned.
    expect(got.indexOf(b.id)).toBeLessThan(got.indexOf(a.id));
    expect(got.indexOf(a.id)).toBeLessThan(got.indexOf(planned.id));
    const states = all.map((i) => i.state);
    expect([...states].sort((x, y) => rank(x) - rank(y))).toEqual(states);

    const item = all.find((i) => i.id === planned.id);
    expect(item).toMatchObject({
      title: 'Træningsforløb',
      state: 'planned',
      method: { label: 'Liste C' },
      capacity: 10,
      counts: { requests: 2, enrolled: 0, waiting: 0 },
      myStatus: 'invited',
      requester: true,
    });
    expect((item as unknown as { nextSession: { startsAt: string } }).nextSession.startsAt).toBe(
      sessionAt(7).startsAt,
    );

    // Another kommune sees none of them; state and mine filter.
    const theirs = (await c.bakke.get('/api/v1/training/courses'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(theirs).not.toContain(a.id);
    const plannedOnly = (await c.medarbejder.get('/api/v1/training/courses?state=planned')).json().items;
    expect(plannedOnly.every((i: { state: string }) => i.state === 'planned')).toBe(true);
    expect(plannedOnly.map((i: { id: string }) => i.id)).toContain(planned.id);
    const mineRp = (await c.ressourceperson.get('/api/v1/training/courses?mine=1')).json().items;
    expect(mineRp.map((i: { id: string }) => i.id)).toEqual([planned.id]);
    expect(err(await c.medarbejder.get('/api/v1/training/courses?cursor=bad'))).toEqual([
      400,
      'request.invalid',
    ]);
  });
});
const rank = (s: string) => ['proposed', 'planned', 'open', 'running', 'completed', 'documented'].indexOf(s);

describe('planning a course', () => {
  const fields = (over: Record<string, unknown> = {}) => ({
    title: 'Exit tickets i praksis',
    description: 'To sessioner',
    capacity: 12,
    trainerIds: [ids.user.ressourceperson],
    institutionIds: [ids.institution.Solsikkeskolen],
    ...over,
  });

  it('only those who could run it may change it', async () => {
    const p = await proposal('Kun planlæggere');
    expect(err(await c.medarbejder.put(url(p.id), fields()))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.forvaltning.put(url(p.id), fields()))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.bakke.put(url(p.id), fields()))).toEqual([404, 'training.course_not_found']);
    expect(err(await c.medarbejder.post(url(p.id, '/state'), { to: 'planned' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder.post(url(p.id, '/sessions'), { ...sessionAt(3), place: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder.get(url(p.id, '/participants')))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.bakke.get(url(p.id, '/participants')))).toEqual([404, 'training.course_not_found']);
    const [row] = await t.ctx.db.select().from(trainingCourses).where(eq(trainingCourses.id, p.id));
    expect(row.title).toBe('');
  });

  it('refuses trainers and institutions the planner may not see, and bad fields', async () => {
    const p = await proposal('Forkerte felter');
    const rp = c.ressourceperson;
    expect(err(await rp.put(url(p.id), fields({ trainerIds: [bakke.id] })))).toEqual([
      400,
      'training.trainer_not_found',
    ]);
    expect(err(await rp.put(url(p.id), fields({ trainerIds: [crypto.randomUUID()] })))).toEqual([
      400,
      'training.trainer_not_found',
    ]);
    expect(err(await rp.put(url(p.id), fields({ institutionIds: [ids.institution.Bakkeskolen] })))).toEqual([
      400,
      'training.institution_not_found',
    ]);
    // A school the requests came from may be named, though the planner does not otherwise see it.
    const kilde = await rp.put(url(p.id), fields({ institutionIds: [ids.institution.Kildeskolen] }));
    expect(kilde.statusCode).toBe(200);
    expect(kilde.json().institutions.map((i: { name: string }) => i.name)).toEqual(['Kildeskolen']);
    expect(err(await rp.put(url(p.id), fields({ title: 'x'.repeat(201) })))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await rp.put(url(p.id), fields({ capacity: 0 })))).toEqual([400, 'request.invalid']);
    expect(err(await rp.put(url(p.id), fields({ description: 'x'.repeat(5001) })))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await rp.put(url(p.id), { ...fields(), extra: 1 }))).toEqual([400, 'request.invalid']);
  });

  it('stores HTML as text and replaces trainers and institutions as a whole', async () => {
    const p = await proposal('Tekst er tekst');
    const html = '<script>alert("x")</script><b>fed</b> & æøå';
    const res = await c.ressourceperson.put(
      url(p.id),
      fields({
        title: html,
        description: html,
        trainerIds: [ids.user.ressourceperson, ids.user.medarbejder],
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: html, description: html, capacity: 12 });
    expect(res.json().trainers.map((x: { name: string }) => x.name)).toEqual([
      'Mette Nørgaard',
      'Rasmus Kjær',
    ]);
    expect(res.json().institutions).toEqual([{ id: ids.institution.Solsikkeskolen, name: 'Solsikkeskolen' }]);
    const again = await c.ressourceperson.put(url(p.id), fields({ institutionIds: [], trainerIds: [] }));
    expect(again.json().trainers).toEqual([]);
    expect(again.json().institutions).toEqual([]);
  });

  it('steps proposed → planned → open → running → completed, one at a time, with what planning needs', async () => {
    const p = await proposal('Trin for trin');
    const rp = c.ressourceperson;
    const step = (to: string) => rp.post(url(p.id, '/state'), { to });
    expect(err(await step('open'))).toEqual([409, 'training.invalid_state']);
    expect(err(await step('documented'))).toEqual([409, 'training.invalid_state']);
    expect(err(await step('proposed'))).toEqual([409, 'training.invalid_state']);
    expect(err(await step('planned'))).toEqual([400, 'training.course_incomplete']);
    await rp.put(url(p.id), fields());
    expect(err(await step('planned'))).toEqual([400, 'training.course_incomplete']); // no session yet
    expect((await rp.post(url(p.id, '/sessions'), { ...sessionAt(5), place: 'Aulaen' })).statusCode).toBe(
      201,
    );
    // Once planned, a course keeps its title, seats and trainer.
    const planned = await step('planned');
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ state: 'planned', planner: { id: ids.user.ressourceperson } });
    expect(planned.json().plannedAt).toBeTruthy();
    expect(err(await rp.put(url(p.id), fields({ trainerIds: [] })))).toEqual([
      400,
      'training.course_incomplete',
    ]);
    expect(err(await rp.put(url(p.id), fields({ capacity: null })))).toEqual([
      400,
      'training.course_incomplete',
    ]);

    // Every requester is invited and told.
    const invited = await t.ctx.db
      .select()
      .from(trainingEnrolments)
      .where(eq(trainingEnrolments.courseId, p.id));
    expect(invited.map((e) => [e.userId, e.status]).sort()).toEqual(
      [
        [ids.user.medarbejder, 'invited'],
        [ids.user.laerer8, 'invited'],
      ].sort(),
    );
    const [told] = (await notificationsOf(t.ctx.db, ids.user.laerer8, 'training.planned')).filter(
      (n) => n.payload.courseId === p.id,
    );
    expect(told.payload).toEqual({
      courseId: p.id,
      courseTitle: 'Exit tickets i praksis',
      methodId: p.methodId,
      methodLabel: 'Trin for trin',
    });

    // Mette enrols; opening tells only the requester who has not.
    expect((await c.medarbejder.post(url(p.id, '/enrolment'))).statusCode).toBe(200);
    expect((await step('open')).json().state).toBe('open');
    expect(
      (await notificationsOf(t.ctx.db, ids.user.laerer8, 'training.opened')).filter(
        (n) => n.payload.courseId === p.id,
      ),
    ).toHaveLength(1);
    expect(
      (await notificationsOf(t.ctx.db, ids.user.medarbejder, 'training.opened')).filter(
        (n) => n.payload.courseId === p.id,
      ),
    ).toHaveLength(0);
    expect((await step('running')).json().startedAt).toBeTruthy();
    expect(err(await step('open'))).toEqual([409, 'training.invalid_state']);
    const done = await step('completed');
    expect(done.json()).toMatchObject({ state: 'completed' });
    expect(done.json().completedAt).toBeTruthy();
    // Completed: nothing more to plan.
    expect(err(await rp.put(url(p.id), fields()))).toEqual([409, 'training.invalid_state']);
    expect(err(await rp.post(url(p.id, '/sessions'), { ...sessionAt(5), place: 'x' }))).toEqual([
      409,
      'training.invalid_state',
    ]);
    const sessionId = done.json().sessions[0].id;
    expect(err(await rp.delete(url(p.id, `/sessions/${sessionId}`)))).toEqual([
      409,
      'training.invalid_state',
    ]);
    expect(err(await step('planned'))).toEqual([409, 'training.invalid_state']);
  });
});
