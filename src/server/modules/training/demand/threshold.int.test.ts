import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '../../../db/schema.js';
import { termId } from '../../../testing/catalogue.js';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers, signInAll, signInTeachers } from '../../../testing/teachers.js';
import {
  ask,
  coursesOf,
  demandOf,
  notificationsAbout,
  recipients,
  requestsOf,
  useThreshold,
} from './demand.testing.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
/** Twenty teachers at Solsikkeskolen, signed in. */
let people: { id: string; client: TestClient }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'ressourceperson', 'redaktoer', 'forvaltning', 'administrator'])
    c[who] = await t.as(who);
  people = await signInTeachers(t, ids.institution.Solsikkeskolen, 'par', 20);
});
afterAll(() => t?.close());

describe('counting under concurrent clicks', () => {
  it('twenty people at once, with double clicks: one proposal, every request counted once', async () => {
    await useThreshold(c.administrator, 10);
    const method = await termId(t.ctx.db, 'method', 'Parallel læsning');
    const clicks = [...people, ...people.slice(0, 6)].map((p) =>
      p.client.post('/api/v1/training/requests', { methodId: method }),
    );
    const res = await Promise.all(clicks);
    expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 200));

    const courses = await coursesOf(t.ctx.db, method);
    expect(courses).toHaveLength(1);
    const reqs = await requestsOf(t.ctx.db, method);
    expect(reqs).toHaveLength(20);
    expect(new Set(reqs.map((r) => r.user_id)).size).toBe(20);
    expect(reqs.every((r) => r.course_id === courses[0].id)).toBe(true);

    const notes = await notificationsAbout(t.ctx.db, method);
    const counted = notes.filter((n) => n.kind === 'training.request_counted');
    expect(recipients(notes, 'training.request_counted')).toEqual(people.map((p) => p.id).sort());
    // Serialised per method: ten were counted by the proposal, then each later one saw the count grow by one.
    expect(counted.map((n) => n.payload.count as number).sort((a, b) => a - b)).toEqual([
      ...Array(10).fill(10),
      11,
      12,
      13,
      14,
      15,
      16,
      17,
      18,
      19,
      20,
    ]);
    expect(recipients(notes, 'training.proposed')).toEqual(
      [ids.user.ressourceperson, ids.user.redaktoer, ids.user.forvaltning].sort(),
    );
    expect(await demandOf(people[0].client, method)).toMatchObject({ count: 20, missing: 0 });
  });

  it('parallel withdrawals and requests leave exact counts', async () => {
    await useThreshold(c.administrator, 50);
    const method = await termId(t.ctx.db, 'method', 'Samtidige ønsker');
    for (const p of people.slice(0, 10)) await ask(p.client, { methodId: method });
    const res = await Promise.all([
      ...people.slice(0, 5).map((p) => p.client.delete(`/api/v1/training/requests/${method}`)),
      ...people.slice(10, 20).map((p) => p.client.post('/api/v1/training/requests', { methodId: method })),
      ...people.slice(10, 13).map((p) => p.client.post('/api/v1/training/requests', { methodId: method })),
    ]);
    expect(res.every((r) => r.statusCode === 200)).toBe(true);
    expect(await requestsOf(t.ctx.db, method)).toHaveLength(15);
    expect((await demandOf(c.medarbejder, method)).count).toBe(15);
    expect(await coursesOf(t.ctx.db, method)).toHaveLength(0);
  });
});

describe('the default threshold of 12', () => {
  it('eleven requests are not enough; the twelfth makes the proposal', async () => {
    await useThreshold(c.administrator, 12);
    const method = await termId(t.ctx.db, 'method', 'Tolv ønsker');
    for (const p of people.slice(0, 11)) await ask(p.client, { methodId: method });
    expect(await demandOf(c.medarbejder, method)).toMatchObject({
      count: 11,
      threshold: 12,
      missing: 1,
      course: null,
    });
    expect(await coursesOf(t.ctx.db, method)).toHaveLength(0);
    const d = await ask(people[11].client, { methodId: method });
    expect(d).toMatchObject({ count: 12, missing: 0, course: { state: 'proposed', title: '' } });
    expect(await coursesOf(t.ctx.db, method)).toHaveLength(1);
  });
});

describe('after a course is finished', () => {
  it('its requests are history; asking again starts a new count toward a new proposal', async () => {
    await useThreshold(c.administrator, 2);
    const method = await termId(t.ctx.db, 'method', 'Igen og igen');
    await ask(people[0].client, { methodId: method });
    await ask(people[1].client, { methodId: method });
    const [first] = await coursesOf(t.ctx.db, method);
    await t.ctx.db.execute(sql`update training_courses set state = 'completed' where id = ${first.id}`);
    expect(await demandOf(people[0].client, method)).toMatchObject({
      count: 0,
      mine: { asked: false },
      course: null,
    });
    // Withdrawing now leaves the history alone.
    await people[1].client.delete(`/api/v1/training/requests/${method}`);
    expect(await requestsOf(t.ctx.db, method)).toHaveLength(2);

    expect(await ask(people[0].client, { methodId: method })).toMatchObject({
      count: 1,
      mine: { asked: true },
    });
    const again = await ask(people[2].client, { methodId: method });
    const courses = await coursesOf(t.ctx.db, method);
    expect(courses).toHaveLength(2);
    const second = courses.find((x) => x.id !== first.id);
    expect(again).toMatchObject({ count: 2, course: { id: second?.id, state: 'proposed' } });
    const byUser = new Map((await requestsOf(t.ctx.db, method)).map((r) => [r.user_id, r.course_id]));
    expect(byUser.get(people[0].id)).toBe(second?.id);
    expect(byUser.get(people[1].id)).toBe(first.id);
    await useThreshold(c.administrator, 12);
  });
});

describe('the threshold setting', () => {
  it('everyone signed in reads it; only administrators set it, to a whole number from 1 to 1000', async () => {
    expect((await c.medarbejder.get('/api/v1/training/settings')).json()).toEqual({ threshold: 12 });
    expect(err(await t.client().get('/api/v1/training/settings'))).toEqual([401, 'auth.required']);
    for (const who of ['redaktoer', 'forvaltning', 'ressourceperson', 'medarbejder'])
      expect(err(await c[who].put('/api/v1/training/settings', { threshold: 5 })), who).toEqual([
        403,
        'policy.forbidden',
      ]);
    for (const threshold of [0, -1, 1001, 2.5])
      expect(err(await c.administrator.put('/api/v1/training/settings', { threshold }))).toEqual([
        400,
        'training.threshold_invalid',
      ]);
    expect(err(await c.administrator.put('/api/v1/training/settings', { threshold: '5' }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect((await c.medarbejder.get('/api/v1/training/settings')).json()).toEqual({ threshold: 12 });
  });

  it('lowering it makes the proposals that are now due, with their notifications', async () => {
    const method = await termId(t.ctx.db, 'method', 'Lav grænse');
    const other = await termId(t.ctx.db, 'method', 'Lav grænse, for få');
    for (const p of people.slice(0, 3)) await ask(p.client, { methodId: method });
    await ask(people[0].client, { methodId: other });
    const res = await c.administrator.put('/api/v1/training/settings', { threshold: 3 });
    expect(res.json()).toEqual({ threshold: 3, proposed: 1 });
    const [course] = await coursesOf(t.ctx.db, method);
    expect(course.state).toBe('proposed');
    expect(await coursesOf(t.ctx.db, other)).toHaveLength(0);
    const notes = await notificationsAbout(t.ctx.db, method);
    expect(recipients(notes, 'training.request_counted')).toEqual(
      people
        .slice(0, 3)
        .map((p) => p.id)
        .sort(),
    );
    expect(notes.every((n) => n.payload.threshold === 3 && n.payload.courseId === course.id)).toBe(true);
    expect(recipients(notes, 'training.proposed')).toHaveLength(3);
    const audit = await rows<{ details: { from: number; to: number } }>(
      t.ctx.db,
      sql`select details from audit_log where action = 'training.threshold' order by created_at desc limit 1`,
    );
    expect(audit[0].details).toEqual({ from: 12, to: 3 });
    // Setting it again proposes nothing new.
    expect((await c.administrator.put('/api/v1/training/settings', { threshold: 3 })).json().proposed).toBe(
      0,
    );
  });
});

describe('coverage: who can train in a method', () => {
  let klub: TestClient;
  let klubId = '';
  let bakke: TestClient;

  beforeAll(async () => {
    // A resource person at Klub Lynet (same kommune) and one at Bakkeskolen (another kommune).
    const [k] = await addTeachers(t.ctx.db, ids.institution['Klub Lynet'], 'klub', 1);
    const [b] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
    await t.ctx.db.insert(roleGrants).values([
      { userId: k.id, role: 'ressourceperson', institutionId: ids.institution['Klub Lynet'] },
      { userId: b.id, role: 'ressourceperson', institutionId: ids.institution.Bakkeskolen },
    ]);
    [klub, bakke] = await signInAll(t, [k.email, b.email]);
    klubId = k.id;
  });

  it('resource persons choose their methods; others may not', async () => {
    const method = await termId(t.ctx.db, 'method', 'Co-teaching');
    const subject = await termId(t.ctx.db, 'subject', 'Matematik');
    const res = await klub.put('/api/v1/training/coverage', { methodIds: [method, method] });
    expect(res.statusCode, res.body).toBe(200);
    const covered = (res.json().methods as { id: string; covered: boolean }[]).filter((x) => x.covered);
    expect(covered.map((x) => x.id)).toEqual([method]);
    expect((await bakke.put('/api/v1/training/coverage', { methodIds: [method] })).statusCode).toBe(200);
    for (const who of [c.medarbejder, c.redaktoer, c.forvaltning]) {
      expect(err(await who.get('/api/v1/training/coverage'))).toEqual([403, 'policy.forbidden']);
      expect(err(await who.put('/api/v1/training/coverage', { methodIds: [method] }))).toEqual([
        403,
        'policy.forbidden',
      ]);
    }
    for (const methodIds of [[subject], ['00000000-0000-4000-8000-000000000000'], [method, subject]])
      expect(err(await klub.put('/api/v1/training/coverage', { methodIds }))).toEqual([
        404,
        'training.method_not_found',
      ]);
    // A refused change changed nothing.
    const now = (await klub.get('/api/v1/training/coverage')).json().methods as {
      id: string;
      covered: boolean;
    }[];
    expect(now.filter((x) => x.covered).map((x) => x.id)).toEqual([method]);
  });

  it('a proposal goes to the resource persons who cover the method in a kommune involved, not to the rest', async () => {
    await useThreshold(c.administrator, 2);
    const method = await termId(t.ctx.db, 'method', 'Co-teaching');
    await ask(people[0].client, { methodId: method });
    await ask(people[1].client, { methodId: method });
    const notes = await notificationsAbout(t.ctx.db, method);
    // Klub Lynet's covers it (Fjordby); Bakkeskolen's covers it but Bakkedal is not involved; Rasmus does not.
    expect(recipients(notes, 'training.proposed')).toEqual(
      [klubId, ids.user.redaktoer, ids.user.forvaltning].sort(),
    );
    const [course] = await coursesOf(t.ctx.db, method);
    expect((await demandOf(klub, method)).course?.id).toBe(course.id);
    expect((await demandOf(bakke, method)).course).toBeNull();
  });
});
