import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '../../../db/schema.js';
import { termId } from '../../../testing/catalogue.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers, signInAll } from '../../../testing/teachers.js';
import { ask, coursesOf, useThreshold } from './demand.testing.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const m = { high: '', bakke: '', low: '', done: '' };
const course = { high: '', bakke: '', done: '' };

type Overview = {
  threshold: number;
  canConfigure: boolean;
  methods: {
    method: { id: string; label: string };
    count: number;
    missing: number;
    institutions: number;
    course: { id: string; state: string; title: string } | null;
  }[];
  courses: Record<string, number>;
  trained: { requesters: number; trained: number; asking: number };
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of [
    'medarbejder',
    'medarbejder2',
    'leder',
    'ressourceperson',
    'redaktoer',
    'forvaltning',
    'administrator',
  ])
    c[who] = await t.as(who);
  const db = t.ctx.db;
  const sol = await addTeachers(db, ids.institution.Solsikkeskolen, 'ov', 5);
  const bak = await addTeachers(db, ids.institution.Bakkeskolen, 'ovb', 4);
  // The last Bakkeskolen account becomes forvaltning of Bakkedal Kommune (and nothing else).
  const bakFv = bak.pop() as (typeof bak)[number];
  await db.delete(roleGrants).where(eq(roleGrants.userId, bakFv.id));
  await db
    .insert(roleGrants)
    .values({ userId: bakFv.id, role: 'forvaltning', kommuneId: ids.kommune['Bakkedal Kommune'] });
  const [s0, s1, s2, s3, s4] = await signInAll(
    t,
    sol.map((u) => u.email),
  );
  const bakke = await signInAll(
    t,
    bak.map((u) => u.email),
  );
  [c.bakkedalForvaltning] = await signInAll(t, [bakFv.email]);

  await useThreshold(c.administrator, 3);
  m.high = await termId(db, 'method', 'Højtlæsning');
  m.bakke = await termId(db, 'method', 'Bakkemetoden');
  m.low = await termId(db, 'method', 'Mellemtrinnets metode');
  m.done = await termId(db, 'method', 'Færdig metode');
  for (const who of [s0, s1, c.medarbejder2]) await ask(who, { methodId: m.high });
  for (const who of bakke) await ask(who, { methodId: m.bakke });
  await ask(s0, { methodId: m.low });
  for (const who of [s2, s3, s4]) await ask(who, { methodId: m.done });
  [course.high] = (await coursesOf(db, m.high)).map((x) => x.id);
  [course.bakke] = (await coursesOf(db, m.bakke)).map((x) => x.id);
  [course.done] = (await coursesOf(db, m.done)).map((x) => x.id);
  // The finished course: two of its three requesters took part, one waited in vain.
  await db.execute(
    sql`update training_courses set state = 'completed', title = 'Afsluttet' where id = ${course.done}`,
  );
  const [e2, e3, e4] = [sol[2], sol[3], sol[4]].map((u) => u.id);
  await db.execute(sql`insert into training_enrolments (course_id, user_id, status)
    values (${course.done}, ${e2}, 'enrolled'), (${course.done}, ${e3}, 'enrolled'), (${course.done}, ${e4}, 'waiting')`);
  // Someone enrolled who never asked does not count as a requester.
  await db.execute(sql`insert into training_enrolments (course_id, user_id, status)
    values (${course.done}, ${ids.user.leder}, 'enrolled')`);
});
afterAll(() => t?.close());

const overview = async (who: TestClient) => {
  const res = await who.get('/api/v1/training/overview');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Overview;
};
const zero = { proposed: 0, planned: 0, open: 0, running: 0, completed: 0, documented: 0 };

describe('the training overview', () => {
  it('is for resource persons, editors, forvaltning and administrators', async () => {
    for (const who of ['medarbejder', 'leder'])
      expect(err(await c[who].get('/api/v1/training/overview')), who).toEqual([403, 'policy.forbidden']);
    expect(err(await t.client().get('/api/v1/training/overview'))).toEqual([401, 'auth.required']);
  });

  it('orders methods by demand, then label; shows progress and where the requests come from', async () => {
    const o = await overview(c.forvaltning);
    expect(o.threshold).toBe(3);
    expect(o.canConfigure).toBe(false);
    expect(o.methods.map((x) => [x.method.label, x.count, x.missing, x.institutions])).toEqual([
      ['Bakkemetoden', 3, 0, 1],
      ['Højtlæsning', 3, 0, 2],
      ['Mellemtrinnets metode', 1, 2, 1],
    ]);
    // The finished course's requests are history: its method is not in demand now.
    expect(o.methods.some((x) => x.method.id === m.done)).toBe(false);
  });

  it('shows each person only the courses they may see', async () => {
    const fjordby = await overview(c.forvaltning);
    const courseOf = (o: Overview, id: string) => o.methods.find((x) => x.method.id === id)?.course;
    expect(courseOf(fjordby, m.high)).toEqual({ id: course.high, state: 'proposed', title: '' });
    expect(courseOf(fjordby, m.bakke)).toBeNull();
    expect(fjordby.courses).toEqual({ ...zero, proposed: 1, completed: 1 });
    // asking: the requests that count now, everyone's (Højtlæsning 3, Bakkemetoden 3, Mellemtrinnets 1).
    expect(fjordby.trained).toEqual({ requesters: 3, trained: 2, asking: 7 });

    // Forvaltning of another kommune sees none of Fjordby's courses, nor their numbers.
    const bakkedal = await overview(c.bakkedalForvaltning);
    expect(courseOf(bakkedal, m.high)).toBeNull();
    expect(courseOf(bakkedal, m.bakke)).toEqual({ id: course.bakke, state: 'proposed', title: '' });
    expect(bakkedal.courses).toEqual({ ...zero, proposed: 1 });
    expect(bakkedal.trained).toEqual({ requesters: 0, trained: 0, asking: 7 });

    expect((await overview(c.ressourceperson)).courses).toEqual({ ...zero, proposed: 1, completed: 1 });
    const editor = await overview(c.redaktoer);
    expect(editor.courses).toEqual({ ...zero, proposed: 2, completed: 1 });
    expect(editor.trained).toEqual({ requesters: 3, trained: 2, asking: 7 });
    const admin = await overview(c.administrator);
    expect(admin.canConfigure).toBe(true);
    expect(admin.courses).toEqual({ ...zero, proposed: 2, completed: 1 });
  });

  it('lists a method with an active course even when nobody asks any more', async () => {
    await t.ctx.db.execute(
      sql`update training_courses set state = 'planned', title = 'Læs højt' where id = ${course.high}`,
    );
    await t.ctx.db.execute(sql`delete from training_requests where method_id = ${m.high}`);
    const editor = await overview(c.redaktoer);
    const high = editor.methods.find((x) => x.method.id === m.high);
    expect(high).toMatchObject({
      count: 0,
      missing: 3,
      institutions: 0,
      course: { state: 'planned', title: 'Læs højt' },
    });
    expect(editor.methods.at(-1)?.method.id).toBe(m.high);
    expect(editor.courses).toEqual({ ...zero, proposed: 1, planned: 1, completed: 1 });
  });
});
