import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingEnrolments } from '../../../db/training-schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addTeachers, signInAll, signInTeachers } from '../../../testing/teachers.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { makeProposal, planCourse } from './course.testing.js';

/*
 * Enrolment and the waiting list: who may enrol when, seats and the queue, moving up, double clicks and
 * parallel requests (exact on PostgreSQL, where requests really run side by side).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let bakke: TestClient;
const url = (id: string, rest = '') => `/api/v1/training/courses/${id}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of [
    'medarbejder',
    'medarbejder2',
    'ressourceperson',
    'forvaltning',
    'leder',
    'laerer8',
    'laerer1',
  ])
    c[who] = await t.as(who);
  const [b] = await addTeachers(t.ctx.db, ids.institution.Bakkeskolen, 'bakke', 1);
  bakke = await t.as(b.email);
});
afterAll(() => t?.close());

/** A proposal asked for by Mette (Solsikkeskolen) and laerer8 (Kildeskolen). */
const proposal = (label: string) =>
  makeProposal(t.ctx.db, label, [{ userId: ids.user.medarbejder }, { userId: ids.user.laerer8 }]);
const plan = (id: string, opts: { capacity?: number; open?: boolean; institutionIds?: string[] } = {}) =>
  planCourse(c.ressourceperson, id, { trainerId: ids.user.ressourceperson, ...opts });
const enrol = (who: TestClient, id: string) => who.post(url(id, '/enrolment'));
const cancel = (who: TestClient, id: string) => who.delete(url(id, '/enrolment'));
const mine = <T extends { payload: Record<string, unknown> }>(notes: T[], id: string) =>
  notes.filter((n) => n.payload.courseId === id);

async function rowsOf(courseId: string) {
  return t.ctx.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.courseId, courseId));
}

describe('who may enrol when', () => {
  it('nobody while proposed; a course one may not see stays hidden', async () => {
    const p = await proposal('Ikke endnu');
    expect(err(await enrol(c.medarbejder, p.id))).toEqual([409, 'training.enrolment_closed']);
    expect(err(await enrol(bakke, p.id))).toEqual([404, 'training.course_not_found']);
    expect(err(await cancel(c.medarbejder, p.id))).toEqual([409, 'training.not_enrolled']);
    expect(await rowsOf(p.id)).toEqual([]);
  });

  it('planned: requesters and the participating institutions first; open: everyone in the kommune', async () => {
    const p = await proposal('Først til mølle');
    await plan(p.id, { institutionIds: [ids.institution.Solsikkeskolen] });
    const res = await enrol(c.medarbejder, p.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().my).toEqual({ requester: true, enrolment: 'enrolled', waitingPosition: null });
    // A colleague at the participating school who did not ask.
    expect((await enrol(c.leder, p.id)).json().my.enrolment).toBe('enrolled');
    // Forvaltning sees the course but is not first in line; Mælkebøtten does not see it yet; nor does Bakkedal.
    expect(err(await enrol(c.forvaltning, p.id))).toEqual([403, 'policy.forbidden']);
    expect(err(await enrol(c.medarbejder2, p.id))).toEqual([404, 'training.course_not_found']);
    expect(err(await enrol(bakke, p.id))).toEqual([404, 'training.course_not_found']);
    expect((await c.forvaltning.get(url(p.id))).json().can.enrol).toBe(false);

    await c.ressourceperson.post(url(p.id, '/state'), { to: 'open' });
    expect((await c.medarbejder2.get(url(p.id))).json().can.enrol).toBe(true);
    expect((await enrol(c.medarbejder2, p.id)).json().my.enrolment).toBe('enrolled');
    expect(err(await enrol(bakke, p.id))).toEqual([404, 'training.course_not_found']);

    const told = mine(await notificationsOf(t.ctx.db, ids.user.medarbejder2, 'training.enrolled'), p.id);
    expect(told).toHaveLength(1);
    expect(told[0].payload).toMatchObject({
      courseId: p.id,
      courseTitle: 'Træningsforløb',
      methodLabel: 'Først til mølle',
    });

    // Running: no new enrolments, but one may still cancel; completed: neither.
    await c.ressourceperson.post(url(p.id, '/state'), { to: 'running' });
    expect(err(await enrol(c.laerer8, p.id))).toEqual([409, 'training.enrolment_closed']);
    expect((await cancel(c.leder, p.id)).json().my.enrolment).toBe('cancelled');
    await c.ressourceperson.post(url(p.id, '/state'), { to: 'completed' });
    expect(err(await cancel(c.medarbejder, p.id))).toEqual([409, 'training.enrolment_closed']);
  });
});

describe('seats and the waiting list', () => {
  it('enrols up to capacity, then queues; a cancellation moves the first waiting person up', async () => {
    const p = await proposal('Få pladser');
    await plan(p.id, { capacity: 2, open: true });
    const [a, b, d, e] = await addTeachers(t.ctx.db, ids.institution.Solsikkeskolen, 'plads', 4);
    const [ca, cb, cd, ce] = await signInAll(t, [a.email, b.email, d.email, e.email]);
    expect((await enrol(ca, p.id)).json().my.enrolment).toBe('enrolled');
    expect((await enrol(cb, p.id)).json().my.enrolment).toBe('enrolled');
    const third = (await enrol(cd, p.id)).json();
    expect(third.my).toEqual({ requester: false, enrolment: 'waiting', waitingPosition: 1 });
    expect((await enrol(ce, p.id)).json().my.waitingPosition).toBe(2);
    expect(mine(await notificationsOf(t.ctx.db, d.id, 'training.waitlisted'), p.id)).toHaveLength(1);
    expect(mine(await notificationsOf(t.ctx.db, d.id, 'training.enrolled'), p.id)).toHaveLength(0);
    // The double click: nothing changes, nobody is told twice.
    expect((await enrol(cd, p.id)).json().my.waitingPosition).toBe(1);
    expect(mine(await notificationsOf(t.ctx.db, d.id, 'training.waitlisted'), p.id)).toHaveLength(1);

    // Participants: enrolled first, then the waiting list in order, then the invited requesters.
    const list = (await c.ressourceperson.get(url(p.id, '/participants'))).json();
    expect(list.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [a.id, 'enrolled'],
      [b.id, 'enrolled'],
      [d.id, 'waiting'],
      [e.id, 'waiting'],
      ...[ids.user.medarbejder, ids.user.laerer8].sort().map((id) => [id, 'invited']),
    ]);
    expect(list.find((x: { id: string }) => x.id === ids.user.medarbejder).requester).toBe(true);
    expect(err(await c.medarbejder.get(url(p.id, '/participants')))).toEqual([403, 'policy.forbidden']);

    // b cancels: d moves up and is told; e is first in line now.
    expect((await cancel(cb, p.id)).json().my.enrolment).toBe('cancelled');
    expect(err(await cancel(cb, p.id))).toEqual([409, 'training.not_enrolled']);
    expect((await cd.get(url(p.id))).json().my.enrolment).toBe('enrolled');
    expect(mine(await notificationsOf(t.ctx.db, d.id, 'training.moved_up'), p.id)).toHaveLength(1);
    expect((await ce.get(url(p.id))).json().my.waitingPosition).toBe(1);
    // Cancelling a place on the waiting list frees no seat.
    expect((await cancel(ce, p.id)).statusCode).toBe(200);
    const counts = (await c.ressourceperson.get(url(p.id))).json().counts;
    expect(counts).toMatchObject({ enrolled: 2, waiting: 0 });
    // b enrols again: at the end of the queue (no seat is free).
    expect((await enrol(cb, p.id)).json().my).toMatchObject({ enrolment: 'waiting', waitingPosition: 1 });
  });

  it('seats cannot go below the enrolled; more seats move the waiting list up', async () => {
    const p = await proposal('Flere pladser');
    await plan(p.id, { capacity: 1, open: true });
    const people = await signInTeachers(t, ids.institution.Solsikkeskolen, 'flere', 3);
    const clients = people.map((x) => x.client);
    for (const cl of clients) await enrol(cl, p.id);
    const fields = (capacity: number) => ({
      title: 'Træningsforløb',
      description: '',
      capacity,
      trainerIds: [ids.user.ressourceperson],
      institutionIds: [],
    });
    const more = await c.ressourceperson.put(url(p.id), fields(2));
    expect(more.json().counts).toMatchObject({ enrolled: 2, waiting: 1 });
    expect(mine(await notificationsOf(t.ctx.db, people[1].id, 'training.moved_up'), p.id)).toHaveLength(1);
    expect(mine(await notificationsOf(t.ctx.db, people[2].id, 'training.moved_up'), p.id)).toHaveLength(0);
    expect(err(await c.ressourceperson.put(url(p.id), fields(1)))).toEqual([
      409,
      'training.capacity_below_enrolled',
    ]);
    expect((await c.ressourceperson.put(url(p.id), fields(5))).json().counts).toMatchObject({
      enrolled: 3,
      waiting: 0,
    });
  });
});

describe('parallel requests', () => {
  it('N people enrol at once for K seats: exactly K enrolled, N − K waiting in order, no duplicates', async () => {
    const N = 10;
    const K = 4;
    const p = await proposal('Parallelt');
    await plan(p.id, { capacity: K, open: true });
    const people = await signInTeachers(t, ids.institution.Solsikkeskolen, 'par', N);
    const clients = people.map((x) => x.client);
    const answers = await Promise.all(clients.map((cl) => enrol(cl, p.id)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(N).fill(200));
    const rows = (await rowsOf(p.id)).filter((r) => r.status !== 'invited');
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(N);
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(K);
    const waiting = rows.filter((r) => r.status === 'waiting').sort((x, y) => +x.queuedAt - +y.queuedAt);
    expect(waiting).toHaveLength(N - K);
    // Everyone enrolled came before everyone waiting, and the queue positions are 1 … N − K.
    const lastEnrolled = Math.max(...rows.filter((r) => r.status === 'enrolled').map((r) => +r.queuedAt));
    expect(waiting.every((w) => +w.queuedAt >= lastEnrolled)).toBe(true);
    const positions = await Promise.all(
      waiting.map(async (w) => {
        const cl = clients[people.findIndex((x) => x.id === w.userId)];
        return (await cl.get(url(p.id))).json().my.waitingPosition;
      }),
    );
    expect(positions).toEqual(Array.from({ length: N - K }, (_, i) => i + 1));
    // One notification each: enrolled or waitlisted, never both.
    for (const x of people) {
      const kinds = mine(await notificationsOf(t.ctx.db, x.id), p.id).map((n) => n.kind);
      expect(kinds, x.email).toHaveLength(1);
    }

    // Two enrolled people cancel at once: exactly the first two waiting move up.
    const enrolledIds = rows
      .filter((r) => r.status === 'enrolled')
      .map((r) => r.userId)
      .slice(0, 2);
    const leaving = enrolledIds.map((id) => clients[people.findIndex((x) => x.id === id)]);
    const res = await Promise.all(leaving.map((cl) => cancel(cl, p.id)));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200]);
    const after = await rowsOf(p.id);
    const enrolledNow = after.filter((r) => r.status === 'enrolled').map((r) => r.userId);
    expect(enrolledNow).toHaveLength(K);
    expect(enrolledNow).toEqual(expect.arrayContaining(waiting.slice(0, 2).map((w) => w.userId)));
    const moved = (
      await Promise.all(
        people.map(async (x) => mine(await notificationsOf(t.ctx.db, x.id, 'training.moved_up'), p.id)),
      )
    ).flat();
    expect(moved).toHaveLength(2);
  });

  it('one person clicking many times at once gets one enrolment and one notification', async () => {
    const p = await proposal('Dobbeltklik');
    await plan(p.id, { capacity: 3, open: true });
    const res = await Promise.all(Array.from({ length: 5 }, () => enrol(c.laerer1, p.id)));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const rows = await t.ctx.db
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.courseId, p.id), eq(trainingEnrolments.userId, ids.user.laerer1)));
    expect(rows.map((r) => r.status)).toEqual(['enrolled']);
    expect(mine(await notificationsOf(t.ctx.db, ids.user.laerer1, 'training.enrolled'), p.id)).toHaveLength(
      1,
    );
  });
});
