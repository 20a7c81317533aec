import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE_STATES, type CourseState, type EnrolmentStatus } from '../../shared/training.js';
import type { Db } from '../db/index.js';
import {
  trainingCourseInstitutions,
  trainingCourses,
  trainingCourseTrainers,
  trainingEnrolments,
  trainingRequests,
} from '../db/training-schema.js';
import { loadCourseResource } from '../modules/training/courses/resource.js';
import { termId } from '../testing/catalogue.js';
import { AGREEMENT_ACTORS, actorFor, agreementWorld, sorted } from './agreement.testing.js';
import { type Actor, ANONYMOUS, seesCourse } from './index.js';
import { visibleCourses } from './sql-training.js';

/*
 * Course lists filter with sql-training.visibleCourses; a single course is decided by rules-training.seesCourse
 * over training/resource.loadCourseResource. For every actor and every course the two must agree.
 */
let db: Db;
let drop: () => Promise<void>;
let userId: Record<string, string> = {};
let inst: Record<string, string> = {};

beforeAll(async () => {
  // cross: roles in two kommuner (resource person in Bakkedal).
  ({ db, drop, userId, inst } = await agreementWorld({
    medarbejder: 'Klub Lynet',
    ressourceperson: 'Bakkeskolen',
  }));
  // Courses: every state × who asked × which institutions take part × who plans/trains × who enrolled.
  const asks = [['medarbejder'], ['karin.thomsen'], ['laerer8', 'karin.thomsen'], []];
  const places = [[], ['Solsikkeskolen'], ['Bakkeskolen'], ['Børnehuset Mælkebøtten', 'Kildeskolen']];
  const planners = [null, 'ressourceperson', 'leder2', 'nobody'];
  const trainers = [[], ['medarbejder2'], ['cross'], []];
  const enrolled: [string, EnrolmentStatus][][] = [
    [],
    [['medarbejder2', 'waiting']],
    [['leder', 'cancelled']],
    [['nobody', 'enrolled']],
  ];
  let n = 0;
  for (const state of COURSE_STATES)
    for (let v = 0; v < 8; v++) {
      n++;
      const pick = <T>(xs: T[], k: number) => xs[(v + k) % xs.length];
      await addCourse(
        state,
        n,
        pick(asks, 0),
        pick(places, v >> 2),
        pick(planners, 1),
        pick(trainers, 2),
        pick(enrolled, 3),
      );
    }
});
afterAll(() => drop?.());

async function addCourse(
  state: CourseState,
  n: number,
  askers: string[],
  placeNames: string[],
  planner: string | null,
  trainerKeys: string[],
  enrolments: [string, EnrolmentStatus][],
) {
  const methodId = await termId(db, 'method', `Metode ${n}`);
  const [c] = await db
    .insert(trainingCourses)
    .values({
      methodId,
      state,
      title: `Forløb ${n}`,
      plannerId: planner ? userId[planner] : null,
      calendarToken: randomBytes(24).toString('base64url'),
    })
    .returning({ id: trainingCourses.id });
  const homeOf: Record<string, string> = {
    medarbejder: inst.Solsikkeskolen,
    'karin.thomsen': inst.Bakkeskolen,
    laerer8: inst.Kildeskolen,
  };
  for (const a of askers)
    await db.insert(trainingRequests).values({
      methodId,
      userId: userId[a],
      institutionId: homeOf[a],
      courseId: c.id,
      requestedBy: userId[a],
    });
  for (const p of placeNames)
    await db.insert(trainingCourseInstitutions).values({ courseId: c.id, institutionId: inst[p] });
  for (const t of trainerKeys)
    await db.insert(trainingCourseTrainers).values({ courseId: c.id, userId: userId[t] });
  for (const [who, status] of enrolments)
    await db.insert(trainingEnrolments).values({ courseId: c.id, userId: userId[who], status });
}

const actorOf = (key: string) => actorFor(db, userId[key]);

async function bothWays(actor: Actor) {
  const all = await db.select({ id: trainingCourses.id, state: trainingCourses.state }).from(trainingCourses);
  const pure: string[] = [];
  for (const c of all) if (seesCourse(actor, await loadCourseResource(db, actor, c.id))) pure.push(c.id);
  const viaSql = (
    await db.select({ id: trainingCourses.id }).from(trainingCourses).where(visibleCourses(actor))
  ).map((r) => r.id);
  return { pure: sorted(pure), viaSql: sorted(viaSql), all };
}

const ACTORS = [...AGREEMENT_ACTORS, 'laerer8'];

describe('visibleCourses agrees with seesCourse', () => {
  it.each(ACTORS)('%s sees the same courses both ways', async (key) => {
    const { pure, viaSql } = await bothWays(await actorOf(key));
    expect(viaSql).toEqual(pure);
  });

  it('anonymous sees none, both ways', async () => {
    const { pure, viaSql } = await bothWays(ANONYMOUS);
    expect(pure).toEqual([]);
    expect(viaSql).toEqual([]);
  });

  it('the comparison is not vacuous: people see some courses and not others', async () => {
    const counts: Record<string, number> = {};
    let total = 0;
    for (const key of ACTORS) {
      const { viaSql, all } = await bothWays(await actorOf(key));
      counts[key] = viaSql.length;
      total = all.length;
    }
    expect(total).toBe(48);
    expect(counts.administrator).toBe(48);
    expect(counts.redaktoer).toBe(48);
    for (const key of [
      'forvaltning',
      'leder',
      'medarbejder',
      'medarbejder2',
      'karin.thomsen',
      'cross',
      'nobody',
    ]) {
      expect(counts[key], key).toBeGreaterThan(0);
      expect(counts[key], key).toBeLessThan(48);
    }
    // A requester sees their proposals; a colleague who did not ask does not.
    const med = await actorOf('medarbejder');
    const leder = await actorOf('leder');
    const { all } = await bothWays(med);
    const proposals = all.filter((c) => c.state === 'proposed').map((c) => c.id);
    const medSees = (await bothWays(med)).viaSql.filter((id) => proposals.includes(id));
    const lederSees = (await bothWays(leder)).viaSql.filter((id) => proposals.includes(id));
    expect(medSees.length).toBeGreaterThan(0);
    expect(lederSees.filter((id) => medSees.includes(id)).length).toBeLessThan(medSees.length);
  });
});
