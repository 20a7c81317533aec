import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '../../../db/training-schema.js';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { signInTeachers } from '../../../testing/teachers.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { makeProposal, planCourse } from './course.testing.js';
import { sendDueReminders } from './reminders.js';

/*
 * Session reminders: the Danish day before, from 08:00 Danish time, once per session, to the enrolled only.
 * "Now" is passed in, so the sessions live in 2031 (the API refuses the past) and daylight saving can be tried:
 * in 2031 summer time starts Sunday 30 March and ends Sunday 26 October.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let rp: TestClient;
let course: string;
let people: { id: string; email: string; client: TestClient }[];
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  rp = await t.as('ressourceperson');
  const p = await makeProposal(t.ctx.db, 'Påmindelser', [{ userId: ids.user.medarbejder }]);
  course = p.id;
  await planCourse(rp, course, { trainerId: ids.user.ressourceperson, capacity: 2, open: true });
  // Two enrolled, one waiting, one who cancelled; Mette (requester) stays only invited.
  people = await signInTeachers(t, ids.institution.Solsikkeskolen, 'rem', 4);
  const clients = people.map((x) => x.client);
  for (const cl of clients) await cl.post(`/api/v1/training/courses/${course}/enrolment`);
  await clients[3].delete(`/api/v1/training/courses/${course}/enrolment`);
});
afterAll(() => t?.close());

/** Adds a session through the API; returns its id. */
async function addSession(courseId: string, startsAt: string, place = 'Aulaen') {
  const endsAt = new Date(at(startsAt).getTime() + 3600_000).toISOString();
  const res = await rp.post(`/api/v1/training/courses/${courseId}/sessions`, { startsAt, endsAt, place });
  if (res.statusCode !== 201) throw new Error(res.body);
  const list: { id: string; startsAt: string }[] = res.json().sessions;
  return list.find((s) => s.startsAt === startsAt)?.id as string;
}
const remindedAt = async (id: string) =>
  (await t.ctx.db.select().from(trainingSessions).where(eq(trainingSessions.id, id)))[0].remindedAt;
const remindersFor = async (userId: string, sessionId: string) =>
  (await notificationsOf(t.ctx.db, userId, 'training.session_reminder')).filter(
    (n) => n.payload.sessionId === sessionId,
  );

describe('sendDueReminders', () => {
  it('reminds the enrolled once, from 08:00 Danish time the day before (winter time)', async () => {
    // Thursday 13 February 2031, 10:00 in Copenhagen (CET, UTC+1) = 09:00Z. Due Wednesday 08:00 CET = 07:00Z.
    const s = await addSession(course, '2031-02-13T09:00:00.000Z', 'Lokale 7, 1. sal; ved biblioteket');
    expect(await sendDueReminders(t.ctx, at('2031-02-12T06:59:59Z'))).toBe(0);
    expect(await remindedAt(s)).toBeNull();
    expect(await sendDueReminders(t.ctx, at('2031-02-12T07:00:00Z'))).toBe(2);
    expect(await remindedAt(s)).not.toBeNull();
    for (const p of people.slice(0, 2)) {
      const got = await remindersFor(p.id, s);
      expect(got).toHaveLength(1);
      expect(got[0].payload).toMatchObject({
        courseId: course,
        courseTitle: 'Træningsforløb',
        methodLabel: 'Påmindelser',
        startsAt: '2031-02-13T09:00:00.000Z',
        place: 'Lokale 7, 1. sal; ved biblioteket',
      });
      expect(typeof got[0].payload.methodId).toBe('string');
    }
    // Waiting, cancelled and merely invited people get nothing.
    for (const id of [people[2].id, people[3].id, ids.user.medarbejder])
      expect(await remindersFor(id, s)).toHaveLength(0);
    // Claimed: later ticks send nothing more.
    expect(await sendDueReminders(t.ctx, at('2031-02-12T12:00:00Z'))).toBe(0);
    expect(await remindersFor(people[0].id, s)).toHaveLength(1);
  });

  it('uses the Danish date and the Danish hour across daylight saving', async () => {
    const cases = [
      // Monday 31 March 10:00 CEST = 08:00Z; due Sunday 30 March 08:00 CEST (summer time began that night) = 06:00Z.
      { starts: '2031-03-31T08:00:00.000Z', notYet: '2031-03-30T05:59:59Z', due: '2031-03-30T06:00:00Z' },
      // Sunday 30 March 10:00 CEST = 08:00Z; due Saturday 29 March 08:00 CET = 07:00Z.
      { starts: '2031-03-30T08:00:00.000Z', notYet: '2031-03-29T06:59:59Z', due: '2031-03-29T07:00:00Z' },
      // Monday 27 October 09:00 CET = 08:00Z; due Sunday 26 October 08:00 CET (winter time again) = 07:00Z.
      { starts: '2031-10-27T08:00:00.000Z', notYet: '2031-10-26T06:59:59Z', due: '2031-10-26T07:00:00Z' },
      // Sunday 26 October 10:00 CET = 09:00Z; due Saturday 25 October 08:00 CEST = 06:00Z.
      { starts: '2031-10-26T09:00:00.000Z', notYet: '2031-10-25T05:59:59Z', due: '2031-10-25T06:00:00Z' },
      // Wednesday 5 November 00:30 CET is still Tuesday in UTC: due Tuesday 08:00 CET = 07:00Z, not Monday.
      { starts: '2031-11-04T23:30:00.000Z', notYet: '2031-11-04T06:59:59Z', due: '2031-11-04T07:00:00Z' },
    ];
    for (const c of cases) {
      const s = await addSession(course, c.starts);
      await sendDueReminders(t.ctx, at(c.notYet));
      expect(await remindedAt(s), `${c.starts} at ${c.notYet}`).toBeNull();
      await sendDueReminders(t.ctx, at(c.due));
      expect(await remindedAt(s), `${c.starts} at ${c.due}`).not.toBeNull();
      expect(await remindersFor(people[0].id, s)).toHaveLength(1);
    }
  });

  it('reminds at once for a session made after the moment, never for one that has begun', async () => {
    const soon = await addSession(course, '2031-05-06T12:00:00.000Z');
    // Created (as far as the clock says) the same morning: reminded at the next tick.
    expect(await sendDueReminders(t.ctx, at('2031-05-06T09:00:00Z'))).toBe(2);
    expect(await remindersFor(people[1].id, soon)).toHaveLength(1);
    const missed = await addSession(course, '2031-05-20T12:00:00.000Z');
    // The worker was down until after the session began: no reminder any more.
    await sendDueReminders(t.ctx, at('2031-05-20T12:00:00Z'));
    expect(await remindedAt(missed)).toBeNull();
  });

  it('a moved session is reminded again; proposals and completed courses are skipped', async () => {
    const s = await addSession(course, '2031-06-10T08:00:00.000Z');
    await sendDueReminders(t.ctx, at('2031-06-09T07:00:00Z'));
    expect(await remindersFor(people[0].id, s)).toHaveLength(1);
    const moved = await rp.put(`/api/v1/training/courses/${course}/sessions/${s}`, {
      startsAt: '2031-06-17T08:00:00.000Z',
      endsAt: '2031-06-17T09:00:00.000Z',
      place: 'Ny dag',
    });
    expect(moved.statusCode).toBe(200);
    expect(await remindedAt(s)).toBeNull();
    await sendDueReminders(t.ctx, at('2031-06-16T07:00:00Z'));
    const got = await remindersFor(people[0].id, s);
    expect(got.map((n) => [n.payload.startsAt, n.payload.place])).toEqual([
      ['2031-06-10T08:00:00.000Z', 'Aulaen'],
      ['2031-06-17T08:00:00.000Z', 'Ny dag'],
    ]);

    const proposal = await makeProposal(t.ctx.db, 'Kun et forslag', [{ userId: ids.user.medarbejder }]);
    const inProposal = await addSession(proposal.id, '2031-07-01T08:00:00.000Z');
    const done = await makeProposal(t.ctx.db, 'Færdigt forløb', [{ userId: ids.user.medarbejder }]);
    await planCourse(rp, done.id, { trainerId: ids.user.ressourceperson, open: true });
    const inDone = await addSession(done.id, '2031-07-01T08:00:00.000Z');
    for (const to of ['running', 'completed'])
      await rp.post(`/api/v1/training/courses/${done.id}/state`, { to });
    await sendDueReminders(t.ctx, at('2031-06-30T12:00:00Z'));
    expect(await remindedAt(inProposal)).toBeNull();
    expect(await remindedAt(inDone)).toBeNull();
  });

  it('several workers at once send each reminder once', async () => {
    const s = await addSession(course, '2031-09-02T08:00:00.000Z');
    const sent = await Promise.all(
      Array.from({ length: 4 }, () => sendDueReminders(t.ctx, at('2031-09-01T10:00:00Z'))),
    );
    expect(sent.reduce((a, b) => a + b, 0)).toBe(2);
    for (const p of people.slice(0, 2)) expect(await remindersFor(p.id, s)).toHaveLength(1);
  });
});
