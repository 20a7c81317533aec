import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationAnswers, observationSyncs, observationVisits } from '../../../db/observation-schema.js';
import { roleGrants } from '../../../db/schema.js';
import { countsTowardData } from '../../../policy/sql-observation.js';
import { type demoIds, err } from '../../../testing/fixtures.js';
import type { TestApp, TestClient } from '../../../testing/harness.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import {
  answer,
  fullAnswers,
  K,
  makeSchema,
  observationWorld,
  syncOf,
  undelegate,
} from '../observation.testing.js';
import type { RecordResult, VisitDetail, VisitSummary } from '../types.js';

/*
 * The offline sync (O2): answers checked against the visit's version (all or nothing), the version fixed by the
 * first answers, idempotent sync keys (one after the other and in parallel), two devices, and a visit synced
 * after its observer lost the role (kept, flagged, not counted until a leader decides).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let v1: string;
const c: Record<string, TestClient> = {};
const VISITS = '/api/v1/observation/visits';

beforeAll(async () => {
  const w = await observationWorld(
    ['leder', 'ressourceperson', 'medarbejder', 'laerer1', 'laerer6', 'laerer7', 'leder2'],
    ['ressourceperson', 'laerer6', 'laerer7'],
  );
  ({ t, ids, sol, schemaId: v1 } = w);
  Object.assign(c, w.c);
});
afterAll(() => t?.close());

const plan = async (over: Record<string, unknown> = {}) => {
  const res = await c.leder.post(VISITS, {
    institutionId: sol,
    teacherId: ids.user.medarbejder,
    observerId: ids.user.ressourceperson,
    plannedFor: '2026-03-10',
    classLabel: '5.A',
    subject: 'Matematik',
    grade: 5,
    focusAreaKeys: [],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as VisitSummary;
};
const record = (who: string, id: string, body: unknown) => c[who].put(`${VISITS}/${id}/record`, body);
const answersOf = (visitId: string) =>
  t.ctx.db.select().from(observationAnswers).where(eq(observationAnswers.visitId, visitId));
const visitRow = async (id: string) =>
  (await t.ctx.db.select().from(observationVisits).where(eq(observationVisits.id, id)))[0];
const syncCount = async (visitId: string) =>
  (
    await t.ctx.db.select({ n: count() }).from(observationSyncs).where(eq(observationSyncs.visitId, visitId))
  )[0].n;
const counts = async (id: string) =>
  (
    await t.ctx.db
      .select({ id: observationVisits.id })
      .from(observationVisits)
      .where(and(countsTowardData, eq(observationVisits.id, id)))
  ).length === 1;

describe('a sync', () => {
  it('stores every answer, notes, timer and pupils; the visit is in progress, then completed once', async () => {
    const v = await plan();
    const body = syncOf(v1, fullAnswers(), {
      startedAt: '2026-03-10T08:05:00+01:00',
      durationSeconds: 1500,
      notes: 'God start på timen.',
      classSize: 24,
      pupilNumbers: [3, 11, 19],
    });
    const res = await record('ressourceperson', v.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      visitId: v.id,
      status: 'in_progress',
      stored: 11,
      replay: false,
      flag: null,
    });
    const d: VisitDetail = (await c.medarbejder.get(`${VISITS}/${v.id}`)).json();
    expect(d).toMatchObject({ durationSeconds: 1500, notes: 'God start på timen.', classSize: 24 });
    expect(d.pupilNumbers).toEqual([3, 11, 19]);
    expect(d.startedAt).toBe('2026-03-10T07:05:00.000Z');
    expect(d.answers).toHaveLength(11);
    const byKey = (k: string, pupil = 0) =>
      d.answers.find((a) => a.itemKey === k && a.pupil === pupil)?.value;
    expect(byKey(K.yesno)).toBe(true);
    expect(byKey(K.pupilYesno, 2)).toBe(false);
    expect(byKey(K.scale)).toBe(3);
    expect(byKey(K.text)).toBe('Eleverne arbejdede i makkerpar.');
    const rows = await answersOf(v.id);
    expect(rows.find((r) => r.itemKey === K.bScale)?.focusAreaKey).toBe(K.areaB);
    expect(rows.find((r) => r.itemKey === K.yesno)?.valueNum).toBe(1);
    expect(await counts(v.id)).toBe(false);

    // Empty notes and nulls do not wipe what an earlier sync stored; completing happens once.
    const done = await record('ressourceperson', v.id, syncOf(v1, [], { complete: true }));
    expect(done.json()).toMatchObject({ status: 'completed', stored: 0 });
    const row = await visitRow(v.id);
    expect(row.notes).toBe('God start på timen.');
    expect(row.classSize).toBe(24);
    const completedAt = row.completedAt;
    expect(completedAt).not.toBeNull();
    await record('ressourceperson', v.id, syncOf(v1, [answer(K.scale, null)], { complete: true }));
    expect((await visitRow(v.id)).completedAt).toEqual(completedAt);
    expect((await answersOf(v.id)).find((r) => r.itemKey === K.scale)?.valueNum).toBeNull();
    expect(await counts(v.id)).toBe(true);
    const told = (await notificationsOf(t.ctx.db, ids.user.medarbejder, 'observation.visit_recorded')).filter(
      (n) => (n.payload as { visitId: string }).visitId === v.id,
    );
    expect(told).toHaveLength(1);
  });

  it('refuses the whole sync when one answer does not fit, and stores nothing', async () => {
    const v = await plan();
    const refused = async (bad: ReturnType<typeof answer>) =>
      err(await record('ressourceperson', v.id, syncOf(v1, [answer(K.count, 3), bad])));
    expect(await refused(answer(K.scale, 5))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.scale, 0))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.scale, 2.5))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.scale, '3'))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.yesno, 1))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.count, -1))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.count, 10_001))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.text, 4))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.pupilScale, 4, { pupil: 1 }))).toEqual([400, 'observation.invalid_answer']);
    expect(await refused(answer(K.unknown, 1))).toEqual([400, 'observation.unknown_item']);
    expect(await refused(answer(K.pupilScale, 2))).toEqual([400, 'observation.unknown_item']);
    expect(await refused(answer(K.scale, 2, { pupil: 1 }))).toEqual([400, 'observation.unknown_item']);
    expect(await refused(answer(K.pupilYesno, true, { pupil: 4 }))).toEqual([
      400,
      'observation.unknown_item',
    ]);
    expect(await refused(answer(K.text, 'x'.repeat(2001)))).toEqual([400, 'request.invalid']);
    expect(await answersOf(v.id)).toHaveLength(0);
    expect(await syncCount(v.id)).toBe(0);
    expect((await visitRow(v.id)).status).toBe('planned');
  });

  it('syncs against the version the device opened, also after a newer version is saved', async () => {
    const v = await plan();
    const other = await plan();
    expect((await record('ressourceperson', v.id, syncOf(v1, [answer(K.bScale, 6)]))).statusCode).toBe(200);
    const v2 = (await makeSchema(t.ctx.db, sol, { changed: true })).id;
    // Still recorded against version 1, where K.bScale exists.
    const late = await record('ressourceperson', v.id, syncOf(v1, [answer(K.bScale, 2)], { complete: true }));
    expect(late.statusCode, late.body).toBe(200);
    expect((await visitRow(v.id)).schemaId).toBe(v1);
    expect((await c.medarbejder.get(`${VISITS}/${v.id}`)).json().schema.id).toBe(v1);
    // Another version once answers are stored: refused, nothing changed.
    expect(err(await record('ressourceperson', v.id, syncOf(v2, [answer(K.bScaleNew, 2)])))).toEqual([
      409,
      'observation.schema_mismatch',
    ]);
    expect((await answersOf(v.id)).map((a) => a.itemKey)).toEqual([K.bScale]);
    // A visit without answers takes the version its device opened; the old item is then unknown.
    expect(err(await record('ressourceperson', other.id, syncOf(v2, [answer(K.bScale, 2)])))).toEqual([
      400,
      'observation.unknown_item',
    ]);
    expect((await record('ressourceperson', other.id, syncOf(v2, [answer(K.bScaleNew, 7)]))).statusCode).toBe(
      200,
    );
    expect((await visitRow(other.id)).schemaId).toBe(v2);
    // Another institution's version never.
    const mb = await makeSchema(t.ctx.db, ids.institution['Børnehuset Mælkebøtten']);
    const fresh = await plan();
    expect(err(await record('ressourceperson', fresh.id, syncOf(mb.id, [])))).toEqual([
      404,
      'observation.schema_not_found',
    ]);
  });

  it('the same sync twice, one after the other: applied once, the second is a replay', async () => {
    const v = await plan();
    const body = syncOf(v1, fullAnswers());
    const first = (await record('ressourceperson', v.id, body)).json() as RecordResult;
    const second = (await record('ressourceperson', v.id, body)).json() as RecordResult;
    expect(first).toMatchObject({ replay: false, stored: 11 });
    expect(second).toMatchObject({
      replay: true,
      stored: 0,
      status: 'in_progress',
      syncedAt: first.syncedAt,
    });
    expect(await answersOf(v.id)).toHaveLength(11);
    expect(await syncCount(v.id)).toBe(1);
  });

  it('the same sync twice in parallel: applied once', async () => {
    const v = await plan();
    const body = syncOf(v1, fullAnswers(), { complete: true });
    const results = await Promise.all([
      record('ressourceperson', v.id, body),
      record('ressourceperson', v.id, body),
      record('ressourceperson', v.id, body),
    ]);
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const replays = results.map((r) => (r.json() as RecordResult).replay).sort();
    expect(replays).toEqual([false, true, true]);
    expect(await answersOf(v.id)).toHaveLength(11);
    expect(await syncCount(v.id)).toBe(1);
    const told = (await notificationsOf(t.ctx.db, ids.user.medarbejder, 'observation.visit_recorded')).filter(
      (n) => (n.payload as { visitId: string }).visitId === v.id,
    );
    expect(told).toHaveLength(1);
  });

  it('two devices: per answer, the newest answeredAt wins, whichever syncs last', async () => {
    const v = await plan();
    const early = '2026-03-10T08:10:00Z';
    const late = '2026-03-10T08:20:00Z';
    const a = syncOf(v1, [answer(K.scale, 2, { at: late }), answer(K.count, 1, { at: early })]);
    const b = syncOf(v1, [answer(K.scale, 4, { at: early }), answer(K.count, 9, { at: late })]);
    expect((await record('ressourceperson', v.id, a)).json().stored).toBe(2);
    expect((await record('ressourceperson', v.id, b)).json().stored).toBe(1);
    const rows = await answersOf(v.id);
    expect(rows.find((r) => r.itemKey === K.scale)?.valueNum).toBe(2);
    expect(rows.find((r) => r.itemKey === K.count)?.valueNum).toBe(9);
    expect(rows).toHaveLength(2);
  });

  it('is refused on a cancelled visit, to those who may not record, and hidden from other leaders', async () => {
    const v = await plan();
    expect(err(await record('medarbejder', v.id, syncOf(v1, [])))).toEqual([403, 'policy.forbidden']);
    expect(err(await record('leder', v.id, syncOf(v1, [])))).toEqual([403, 'policy.forbidden']);
    expect(err(await record('leder2', v.id, syncOf(v1, [])))).toEqual([404, 'observation.visit_not_found']);
    expect(err(await record('laerer1', v.id, syncOf(v1, [])))).toEqual([404, 'observation.visit_not_found']);
    await c.leder.post(`${VISITS}/${v.id}/cancel`);
    expect(err(await record('ressourceperson', v.id, syncOf(v1, [answer(K.scale, 2)])))).toEqual([
      409,
      'observation.invalid_state',
    ]);
    expect(await answersOf(v.id)).toHaveLength(0);
  });
});

describe('a visit synced after the observer lost the role', () => {
  it('delegation taken back: kept, flagged, not counted; the leader keeps it and it counts', async () => {
    const v = await plan({ observerId: ids.user.laerer6 });
    await undelegate(t.ctx.db, sol, ids.user.laerer6);
    const res = await record('laerer6', v.id, syncOf(v1, fullAnswers(), { complete: true }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', flag: 'observer_lost_role', stored: 11 });
    expect(await answersOf(v.id)).toHaveLength(11);
    const row = await visitRow(v.id);
    expect(row.flaggedAt).not.toBeNull();
    expect(await counts(v.id)).toBe(false);
    // The leader finds it among the flagged ones.
    const flagged = (await c.leder.get(`${VISITS}?flagged=1`)).json().items.map((x: VisitSummary) => x.id);
    expect(flagged).toContain(v.id);
    expect((await c.leder.get(`${VISITS}/${v.id}`)).json().can.resolveFlag).toBe(true);
    // Only a leader of the institution decides.
    const resolve = (who: string, decision: string) => c[who].post(`${VISITS}/${v.id}/resolve`, { decision });
    expect(err(await resolve('medarbejder', 'keep'))).toEqual([403, 'policy.forbidden']);
    expect(err(await resolve('laerer6', 'keep'))).toEqual([403, 'policy.forbidden']);
    expect(err(await resolve('leder2', 'keep'))).toEqual([404, 'observation.visit_not_found']);
    expect(err(await resolve('leder', 'maybe'))).toEqual([400, 'request.invalid']);
    const kept = await resolve('leder', 'keep');
    expect(kept.json()).toMatchObject({ flag: null, status: 'completed' });
    expect(await counts(v.id)).toBe(true);
    expect(err(await resolve('leder', 'keep'))).toEqual([409, 'observation.not_flagged']);
  });

  it('role at the institution gone: kept, flagged; excluded by the leader it never counts but stays visible', async () => {
    const v = await plan({ observerId: ids.user.laerer7, teacherId: ids.user.laerer1 });
    await t.ctx.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, ids.user.laerer7), eq(roleGrants.institutionId, sol)));
    const res = await record('laerer7', v.id, syncOf(v1, [answer(K.scale, 4)], { complete: true }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().flag).toBe('observer_lost_role');
    expect(await counts(v.id)).toBe(false);
    const excluded = await c.leder.post(`${VISITS}/${v.id}/resolve`, { decision: 'exclude' });
    expect(excluded.json()).toMatchObject({ status: 'cancelled', flag: 'observer_lost_role' });
    expect(await counts(v.id)).toBe(false);
    expect((await c.laerer1.get(`${VISITS}/${v.id}`)).json().answers).toHaveLength(1);
    expect((await c.laerer7.get(`${VISITS}/${v.id}`)).statusCode).toBe(200);
    // The device's own retry still gets its answer; a new sync does not.
    expect((await record('laerer7', v.id, syncOf(v1, []))).statusCode).toBe(409);
    expect(err(await c.leder.post(`${VISITS}/${v.id}/resolve`, { decision: 'keep' }))).toEqual([
      409,
      'observation.invalid_state',
    ]);
  });

  it('a visit whose observer still may observe is not flagged', async () => {
    const v = await plan();
    const res = await record('ressourceperson', v.id, syncOf(v1, [answer(K.scale, 1)], { complete: true }));
    expect(res.json().flag).toBeNull();
    expect(await counts(v.id)).toBe(true);
    expect(err(await c.leder.post(`${VISITS}/${v.id}/resolve`, { decision: 'keep' }))).toEqual([
      409,
      'observation.not_flagged',
    ]);
  });
});
