import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type demoIds, err } from '../../../testing/fixtures.js';
import type { TestApp, TestClient } from '../../../testing/harness.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { answer, K, observationWorld, syncOf } from '../observation.testing.js';
import type { VisitDetail, VisitSummary } from '../types.js';

/*
 * The learning conversation (O3): the teacher's reflection, conversation notes, the next step both agree on
 * (a changed text takes back both agreements), and the earlier visits shown first at the next visit.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let schemaId: string;
const c: Record<string, TestClient> = {};
const VISITS = '/api/v1/observation/visits';

beforeAll(async () => {
  const w = await observationWorld(['leder', 'ressourceperson', 'medarbejder', 'laerer1', 'leder2']);
  ({ t, ids, sol, schemaId: schemaId } = w);
  Object.assign(c, w.c);
});
afterAll(() => t?.close());

async function visit(plannedFor: string, opts: { complete?: boolean; observer?: string } = {}) {
  const observer = opts.observer ?? 'ressourceperson';
  const res = await c.leder.post(VISITS, {
    institutionId: sol,
    teacherId: ids.user.medarbejder,
    observerId: ids.user[observer],
    plannedFor,
    classLabel: '2.C',
    subject: 'Dansk',
    grade: 2,
    focusAreaKeys: [],
  });
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json() as VisitSummary;
  if (opts.complete !== false) {
    const sync = await c[observer].put(
      `${VISITS}/${v.id}/record`,
      syncOf(schemaId, [answer(K.scale, 3)], { complete: true }),
    );
    expect(sync.statusCode, sync.body).toBe(200);
  }
  return v;
}
const url = (id: string, rest = '') => `${VISITS}/${id}${rest}`;

describe('the teacher’s reflection', () => {
  it('only the teacher writes it, only once the visit is completed', async () => {
    const open = await visit('2026-02-02', { complete: false });
    expect(err(await c.medarbejder.put(url(open.id, '/reflection'), { reflection: 'For tidligt' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const v = await visit('2026-02-03');
    const res = await c.medarbejder.put(url(v.id, '/reflection'), { reflection: 'Jeg tog for meget ordet.' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as VisitDetail).reflection).toBe('Jeg tog for meget ordet.');
    for (const who of ['ressourceperson', 'leder'])
      expect(err(await c[who].put(url(v.id, '/reflection'), { reflection: 'x' })), who).toEqual([
        403,
        'policy.forbidden',
      ]);
    expect(err(await c.laerer1.put(url(v.id, '/reflection'), { reflection: 'x' }))).toEqual([
      404,
      'observation.visit_not_found',
    ]);
    expect(err(await c.medarbejder.put(url(v.id, '/reflection'), { reflection: 'x'.repeat(5001) }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect((await c.leder.get(url(v.id))).json().reflection).toBe('Jeg tog for meget ordet.');
  });
});

describe('the next step', () => {
  it('is written, agreed by both, and a changed text takes back both agreements', async () => {
    const v = await visit('2026-02-10');
    expect(err(await c.medarbejder.post(url(v.id, '/next-step/agree')))).toEqual([
      400,
      'observation.next_step_empty',
    ]);
    const written = await c.ressourceperson.put(url(v.id, '/conversation'), {
      conversationNotes: 'Vi talte om elevernes spørgsmål.',
      nextStep: 'Prøv exit tickets i tre uger.',
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json()).toMatchObject({
      conversationNotes: 'Vi talte om elevernes spørgsmål.',
      nextStep: 'Prøv exit tickets i tre uger.',
      nextStepAgreed: false,
    });
    const toTeacher = async () =>
      (await notificationsOf(t.ctx.db, ids.user.medarbejder, 'observation.next_step')).filter(
        (n) => (n.payload as { visitId: string }).visitId === v.id,
      ).length;
    const toObserver = async () =>
      (await notificationsOf(t.ctx.db, ids.user.ressourceperson, 'observation.next_step')).filter(
        (n) => (n.payload as { visitId: string }).visitId === v.id,
      ).length;
    expect(await toTeacher()).toBe(1);

    const teacherAgrees = (await c.medarbejder.post(url(v.id, '/next-step/agree'))).json() as VisitDetail;
    expect(teacherAgrees.nextStepTeacherAgreedAt).not.toBeNull();
    expect(teacherAgrees.nextStepObserverAgreedAt).toBeNull();
    expect(teacherAgrees.nextStepAgreed).toBe(false);
    expect(await toObserver()).toBe(1);
    const both = (await c.ressourceperson.post(url(v.id, '/next-step/agree'))).json() as VisitDetail;
    expect(both.nextStepAgreed).toBe(true);
    expect(await toTeacher()).toBe(2);
    const inList = (await c.medarbejder.get(`${VISITS}?role=teacher`))
      .json()
      .items.find((x: VisitSummary) => x.id === v.id);
    expect(inList.nextStepAgreed).toBe(true);

    // Notes alone keep the agreement; the same text again too; a new text takes both back.
    const notes = await c.medarbejder.put(url(v.id, '/conversation'), { conversationNotes: 'Tilføjet.' });
    expect(notes.json().nextStepAgreed).toBe(true);
    const same = await c.medarbejder.put(url(v.id, '/conversation'), {
      nextStep: 'Prøv exit tickets i tre uger.',
    });
    expect(same.json().nextStepAgreed).toBe(true);
    const changed = (
      await c.medarbejder.put(url(v.id, '/conversation'), { nextStep: 'Prøv exit tickets i fire uger.' })
    ).json() as VisitDetail;
    expect(changed.nextStepAgreed).toBe(false);
    expect(changed.nextStepTeacherAgreedAt).toBeNull();
    expect(changed.nextStepObserverAgreedAt).toBeNull();
    expect(await toObserver()).toBe(2);
  });

  it('only teacher and observer of a completed visit take part in the conversation', async () => {
    const open = await visit('2026-02-11', { complete: false });
    expect(err(await c.ressourceperson.put(url(open.id, '/conversation'), { nextStep: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const v = await visit('2026-02-12');
    expect(err(await c.leder.put(url(v.id, '/conversation'), { nextStep: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.leder.post(url(v.id, '/next-step/agree')))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.leder2.put(url(v.id, '/conversation'), { nextStep: 'x' }))).toEqual([
      404,
      'observation.visit_not_found',
    ]);
    expect(err(await c.laerer1.post(url(v.id, '/next-step/agree')))).toEqual([
      404,
      'observation.visit_not_found',
    ]);
    expect((await c.leder.get(url(v.id))).json().nextStep).toBe('');
  });
});

describe('earlier visits', () => {
  it('the next visit to the teacher shows the earlier ones first, newest first, with their next steps', async () => {
    const first = await visit('2025-09-15');
    await c.ressourceperson.put(url(first.id, '/conversation'), {
      nextStep: 'Start timen med målet på tavlen.',
      conversationNotes: 'Godt samarbejde.',
    });
    const second = await visit('2025-11-20', { observer: 'leder' });
    await c.leder.put(url(second.id, '/conversation'), { nextStep: 'Brug makkerpar.' });
    const cancelled = await visit('2025-12-01', { complete: false });
    await c.leder.post(url(cancelled.id, '/cancel'));
    const next = await visit('2026-01-12', { complete: false });

    const seen = async (who: string) => ((await c[who].get(url(next.id))).json() as VisitDetail).earlier;
    const leader = await seen('leder');
    const order = leader.map((e) => e.id);
    expect(order.indexOf(second.id)).toBeLessThan(order.indexOf(first.id));
    expect(order).not.toContain(cancelled.id);
    expect(order).not.toContain(next.id);
    expect(leader.every((e) => e.plannedFor < '2026-01-12')).toBe(true);
    const f = leader.find((e) => e.id === first.id);
    expect(f).toMatchObject({
      nextStep: 'Start timen med målet på tavlen.',
      conversationNotes: 'Godt samarbejde.',
    });
    expect(leader.find((e) => e.id === second.id)?.nextStep).toBe('Brug makkerpar.');
    expect(leader.length).toBeLessThanOrEqual(10);
    // The delegated guide sees only the earlier visits they may see (their own), not the leader's.
    const guide = (await seen('ressourceperson')).map((e) => e.id);
    expect(guide).toContain(first.id);
    expect(guide).not.toContain(second.id);
    // The teacher sees them all.
    const teacher = (await seen('medarbejder')).map((e) => e.id);
    expect(teacher).toEqual(expect.arrayContaining([first.id, second.id]));
  });
});
