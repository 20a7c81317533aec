import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVideo, termId } from '../../../testing/catalogue.js';
import { demoIds, err, rows } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { signInTeachers } from '../../../testing/teachers.js';
import {
  ask,
  coursesOf,
  demandOf,
  notificationsAbout,
  recipients,
  requestsOf,
  useThreshold,
} from './demand.testing.js';

/** Merging and deleting method terms (catalogue/taxonomy) keeps the training demand whole (V7). */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
let p: { id: string; client: TestClient }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['redaktoer', 'ressourceperson', 'administrator']) c[who] = await t.as(who);
  p = await signInTeachers(t, ids.institution.Solsikkeskolen, 'mrg', 6);
});
afterAll(() => t?.close());

const merge = (from: string, into: string) =>
  c.redaktoer.post(`/api/v1/taxonomy/${from}/merge`, { intoId: into });

describe('merging two methods', () => {
  it('moves requests and coverage to the kept method; who asked for both counts once; due → proposal', async () => {
    await useThreshold(c.administrator, 3);
    const from = await termId(t.ctx.db, 'method', 'Fletning A');
    const into = await termId(t.ctx.db, 'method', 'Fletning B');
    const video = await insertVideo(t.ctx.db, {
      ownerId: ids.user.ressourceperson,
      institutionId: ids.institution.Solsikkeskolen,
      methods: ['Fletning A'],
    });
    await ask(p[0].client, { methodId: from, videoId: video });
    await ask(p[0].client, { methodId: into });
    await ask(p[1].client, { methodId: from });
    await ask(p[2].client, { methodId: into });
    expect((await c.ressourceperson.put('/api/v1/training/coverage', { methodIds: [from] })).statusCode).toBe(
      200,
    );

    const res = await merge(from, into);
    expect(res.statusCode, res.body).toBe(200);
    const reqs = await requestsOf(t.ctx.db, into);
    expect(reqs.map((r) => r.user_id).sort()).toEqual([p[0].id, p[1].id, p[2].id].sort());
    expect(await requestsOf(t.ctx.db, from)).toHaveLength(0);
    // Three now: the threshold is reached by the merge, so the proposal is made, to those who cover it.
    const [course] = await coursesOf(t.ctx.db, into);
    expect(course.state).toBe('proposed');
    expect(reqs.every((r) => r.course_id === course.id)).toBe(true);
    const videos = await rows(
      t.ctx.db,
      sql`select 1 from training_course_videos where course_id = ${course.id}`,
    );
    expect(videos).toHaveLength(1);
    const notes = await notificationsAbout(t.ctx.db, into);
    expect(recipients(notes, 'training.request_counted')).toEqual([p[0].id, p[1].id, p[2].id].sort());
    expect(recipients(notes, 'training.proposed')).toEqual(
      [ids.user.ressourceperson, ids.user.redaktoer, ids.user.forvaltning].sort(),
    );
    const coverage = (await c.ressourceperson.get('/api/v1/training/coverage')).json().methods as {
      id: string;
      covered: boolean;
    }[];
    expect(coverage.filter((x) => x.covered).map((x) => x.id)).toEqual([into]);
  });

  it('an active course moves with its method, and the kept method’s waiting requests join it', async () => {
    await useThreshold(c.administrator, 2);
    const from = await termId(t.ctx.db, 'method', 'Aktiv fra');
    const into = await termId(t.ctx.db, 'method', 'Venter');
    await ask(p[3].client, { methodId: from });
    await ask(p[4].client, { methodId: from });
    await useThreshold(c.administrator, 10);
    await ask(p[5].client, { methodId: into });
    await ask(p[3].client, { methodId: into });
    const [active] = await coursesOf(t.ctx.db, from);

    expect((await merge(from, into)).statusCode).toBe(200);
    expect(await coursesOf(t.ctx.db, into)).toEqual([{ id: active.id, state: 'proposed' }]);
    const reqs = await requestsOf(t.ctx.db, into);
    expect(reqs).toHaveLength(3);
    expect(reqs.every((r) => r.course_id === active.id)).toBe(true);
    expect(await demandOf(p[5].client, into)).toMatchObject({ count: 3, course: { id: active.id } });
    // The one who joined by the merge is told; the one who asked for both is not told twice.
    const joined = (await notificationsAbout(t.ctx.db, into)).filter(
      (n) => n.kind === 'training.request_counted',
    );
    expect(joined.map((n) => [n.user_id, n.payload.count])).toEqual([[p[5].id, 3]]);
  });

  it('is refused while both methods have an active course, and nothing changes', async () => {
    await useThreshold(c.administrator, 1);
    const a = await termId(t.ctx.db, 'method', 'Begge aktive A');
    const b = await termId(t.ctx.db, 'method', 'Begge aktive B');
    await ask(p[0].client, { methodId: a });
    await ask(p[1].client, { methodId: b });
    expect(err(await merge(a, b))).toEqual([409, 'training.merge_active_courses']);
    expect(await coursesOf(t.ctx.db, a)).toHaveLength(1);
    expect(await requestsOf(t.ctx.db, a)).toHaveLength(1);
    expect((await demandOf(p[0].client, a)).count).toBe(1);
  });
});

describe('deleting a method', () => {
  it('is refused while anyone asked for it or it had a course; allowed when only covered', async () => {
    await useThreshold(c.administrator, 10);
    const asked = await termId(t.ctx.db, 'method', 'Ønsket');
    await ask(p[0].client, { methodId: asked });
    expect(err(await c.redaktoer.delete(`/api/v1/taxonomy/${asked}`))).toEqual([409, 'taxonomy.in_use']);

    await useThreshold(c.administrator, 1);
    const hadCourse = await termId(t.ctx.db, 'method', 'Havde forløb');
    await ask(p[0].client, { methodId: hadCourse });
    await p[0].client.delete(`/api/v1/training/requests/${hadCourse}`);
    expect(await requestsOf(t.ctx.db, hadCourse)).toHaveLength(0);
    expect(err(await c.redaktoer.delete(`/api/v1/taxonomy/${hadCourse}`))).toEqual([409, 'taxonomy.in_use']);
    expect(await coursesOf(t.ctx.db, hadCourse)).toHaveLength(1);

    const covered = await termId(t.ctx.db, 'method', 'Kun dækket');
    await c.ressourceperson.put('/api/v1/training/coverage', { methodIds: [covered] });
    expect((await c.redaktoer.delete(`/api/v1/taxonomy/${covered}`)).statusCode).toBe(200);
    expect(err(await p[0].client.post('/api/v1/training/requests', { methodId: covered }))).toEqual([
      404,
      'training.method_not_found',
    ]);
  });
});
