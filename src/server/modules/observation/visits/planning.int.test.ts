import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termOf } from '../../../../shared/observation.js';
import { observationVisits } from '../../../db/observation-schema.js';
import { type demoIds, err } from '../../../testing/fixtures.js';
import type { TestApp, TestClient } from '../../../testing/harness.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { K, makeSchema, observationWorld, syncOf } from '../observation.testing.js';
import type { VisitSummary } from '../types.js';

/*
 * Planning visits (O2): who may plan for whom, every refusal, the calendar list, "not visited this term",
 * changing and cancelling, and what other institutions' leaders see (nothing). Sync: record.int.test.ts.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let schemaId: string;
const c: Record<string, TestClient> = {};
const VISITS = '/api/v1/observation/visits';

beforeAll(async () => {
  const w = await observationWorld([
    'leder',
    'ressourceperson',
    'medarbejder',
    'laerer1',
    'laerer2',
    'leder2',
    'administrator',
    'forvaltning',
  ]);
  ({ t, ids, sol, schemaId: schemaId } = w);
  Object.assign(c, w.c);
});
afterAll(() => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  institutionId: sol,
  teacherId: ids.user.medarbejder,
  observerId: ids.user.ressourceperson,
  plannedFor: '2026-03-10',
  classLabel: '4.B',
  subject: 'Dansk',
  grade: 4,
  focusAreaKeys: [K.areaA],
  ...over,
});
const plan = async (who: string, over: Record<string, unknown> = {}) => {
  const res = await c[who].post(VISITS, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as VisitSummary;
};

describe('planning a visit', () => {
  it('a leader plans a visit with a delegated guide as observer; the teacher is told', async () => {
    const v = await plan('leder');
    expect(v).toMatchObject({
      kind: 'visit',
      status: 'planned',
      institution: { id: sol, name: 'Solsikkeskolen' },
      teacher: { id: ids.user.medarbejder, name: 'Mette Nørgaard' },
      observer: { id: ids.user.ressourceperson },
      plannedFor: '2026-03-10',
      term: '2026-1',
      classLabel: '4.B',
      subject: 'Dansk',
      grade: 4,
      focusAreaKeys: [K.areaA],
      flag: null,
      nextStepAgreed: false,
    });
    const [row] = await t.ctx.db.select().from(observationVisits).where(eq(observationVisits.id, v.id));
    expect(row.schemaId).toBe(schemaId);
    expect(row.plannedBy).toBe(ids.user.leder);
    const got = await notificationsOf(t.ctx.db, ids.user.medarbejder, 'observation.visit_planned');
    const mine = got.filter((n) => (n.payload as { visitId: string }).visitId === v.id);
    expect(mine).toHaveLength(1);
    // Names, date, the link and the institution's words only: nothing about the lesson.
    expect(Object.keys(mine[0].payload as object).sort()).toEqual([
      'authorName',
      'plannedFor',
      'visitId',
      'words',
    ]);
    expect((mine[0].payload as { words: string }).words).toBe('skole');
  });

  it('a delegated guide plans too; an autumn date lands in the autumn term; no focus areas means all', async () => {
    const v = await plan('ressourceperson', { plannedFor: '2026-09-02', focusAreaKeys: [], grade: null });
    expect(v.term).toBe('2026-2');
    expect(v.focusAreaKeys).toEqual([]);
    expect(v.grade).toBeNull();
  });

  it('refuses every wrong plan with its own code, and stores nothing', async () => {
    const before = (await t.ctx.db.select().from(observationVisits)).length;
    const refused = async (over: Record<string, unknown>, who = 'leder') =>
      err(await c[who].post(VISITS, body(over)));
    expect(await refused({ observerId: ids.user.medarbejder, teacherId: ids.user.laerer1 })).toEqual([
      400,
      'observation.not_an_observer',
    ]);
    expect(await refused({ teacherId: ids.user.laerer8 })).toEqual([
      400,
      'observation.teacher_not_in_institution',
    ]);
    expect(await refused({ teacherId: ids.user.leder, observerId: ids.user.leder })).toEqual([
      400,
      'observation.self_visit',
    ]);
    expect(await refused({ focusAreaKeys: [K.unknown] })).toEqual([400, 'observation.focus_area_unknown']);
    expect(await refused({ plannedFor: '2026-02-30' })).toEqual([400, 'observation.invalid_date']);
    expect(await refused({ plannedFor: 'i morgen' })).toEqual([400, 'observation.invalid_date']);
    expect(await refused({ classLabel: 'x'.repeat(41) })).toEqual([400, 'request.invalid']);
    expect(await refused({ grade: 11 })).toEqual([400, 'request.invalid']);
    // Who may not plan: a teacher (403), another institution's leader (404), an administrator (403).
    expect(await refused({}, 'medarbejder')).toEqual([403, 'policy.forbidden']);
    expect(await refused({}, 'leder2')).toEqual([404, 'institution.not_found']);
    expect(await refused({}, 'forvaltning')).toEqual([403, 'policy.forbidden']);
    // No schema yet at Børnehuset Mælkebøtten.
    const mb = ids.institution['Børnehuset Mælkebøtten'];
    expect(
      await refused(
        {
          institutionId: mb,
          teacherId: ids.user.medarbejder2,
          observerId: ids.user.leder2,
          focusAreaKeys: [],
        },
        'leder2',
      ),
    ).toEqual([409, 'observation.no_schema']);
    expect((await t.ctx.db.select().from(observationVisits)).length).toBe(before);
  });
});

describe('words of the place', () => {
  it('a visit in a dagtilbud tells the pædagog in a dagtilbud’s words (the notification names its kind)', async () => {
    const mb = ids.institution['Børnehuset Mælkebøtten'];
    await makeSchema(t.ctx.db, mb);
    const v = await plan('leder2', {
      institutionId: mb,
      teacherId: ids.user.medarbejder2,
      observerId: ids.user.leder2,
      classLabel: 'Vuggestuen',
      subject: 'Krop, sanser og bevægelse',
      grade: null,
      focusAreaKeys: [],
    });
    const got = await notificationsOf(t.ctx.db, ids.user.medarbejder2, 'observation.visit_planned');
    const mine = got.filter((n) => (n.payload as { visitId: string }).visitId === v.id);
    expect(mine.map((n) => (n.payload as { words: string }).words)).toEqual(['dagtilbud']);
  });
});

describe('the calendar list', () => {
  it('pages by date then id within a range; filters by role and status', async () => {
    const made: VisitSummary[] = [];
    for (const day of ['2026-04-06', '2026-04-07', '2026-04-07', '2026-04-08', '2026-04-20'])
      made.push(await plan('leder', { plannedFor: day, teacherId: ids.user.laerer2 }));
    const range = `from=2026-04-06&to=2026-04-08&institutionId=${sol}`;
    const p1 = (await c.leder.get(`${VISITS}?${range}&limit=2`)).json();
    expect(p1.items.map((v: VisitSummary) => v.plannedFor)).toEqual(['2026-04-06', '2026-04-07']);
    const p2 = (await c.leder.get(`${VISITS}?${range}&limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((v: VisitSummary) => v.plannedFor)).toEqual(['2026-04-07', '2026-04-08']);
    expect(p2.nextCursor).toBeNull();
    const ids4 = [...p1.items, ...p2.items].map((v: VisitSummary) => v.id);
    expect(new Set(ids4).size).toBe(4);
    expect(ids4).not.toContain(made[4].id);

    // The teacher sees their visits; as observer, none of them.
    const asTeacher = (await c.laerer2.get(`${VISITS}?role=teacher&from=2026-04-01&to=2026-04-30`)).json();
    expect(asTeacher.items).toHaveLength(5);
    const asObserver = (await c.laerer2.get(`${VISITS}?role=observer`)).json();
    expect(asObserver.items).toHaveLength(0);
    // A colleague sees none of them; another institution's leader neither.
    const colleague = (await c.laerer1.get(`${VISITS}?from=2026-04-01&to=2026-04-30`)).json();
    expect(colleague.items).toHaveLength(0);
    expect((await c.leder2.get(`${VISITS}?institutionId=${sol}`)).json().items).toHaveLength(0);
    expect((await c.administrator.get(VISITS)).json().items).toHaveLength(0);
    const cancelled = (await c.leder.get(`${VISITS}?status=cancelled&from=2026-04-01&to=2026-04-30`)).json();
    expect(cancelled.items).toHaveLength(0);
    expect(err(await c.leder.get(`${VISITS}?limit=201`))).toEqual([400, 'request.invalid']);
    expect(err(await c.leder.get(`${VISITS}?cursor=nonsense`))).toEqual([400, 'request.invalid']);
    expect(err(await c.leder.get(`${VISITS}?from=2026-13-01`))).toEqual([400, 'observation.invalid_date']);
  });
});

describe('not visited this term', () => {
  it('lists staff with no visit in the term, with their last completed visit', async () => {
    const url = (term: string) => `/api/v1/observation/institutions/${sol}/not-visited?term=${term}`;
    const names = (res: { json: () => { people: { id: string }[] } }) => res.json().people.map((p) => p.id);
    const spring = names(await c.leder.get(url('2026-1')));
    // Mette and laerer2 have visits planned in spring 2026; laerer1 has none; the leader is not listed.
    expect(spring).not.toContain(ids.user.medarbejder);
    expect(spring).not.toContain(ids.user.laerer2);
    expect(spring).toContain(ids.user.laerer1);
    expect(spring).not.toContain(ids.user.leder);
    // A completed spring visit to laerer3 shows as the last visit in the autumn list.
    const v = await plan('leder', { teacherId: ids.user.laerer3, plannedFor: '2026-05-05' });
    const sync = await c.ressourceperson.put(
      `${VISITS}/${v.id}/record`,
      syncOf(schemaId, [], { complete: true }),
    );
    expect(sync.statusCode, sync.body).toBe(200);
    const autumn = (await c.ressourceperson.get(url('2026-2'))).json();
    expect(autumn.term).toBe('2026-2');
    expect(autumn.people.find((p: { id: string }) => p.id === ids.user.laerer3).lastVisit).toBe('2026-05-05');
    // A cancelled visit does not count as visited.
    const x = await plan('leder', { teacherId: ids.user.laerer4, plannedFor: '2026-10-01' });
    expect(names(await c.leder.get(url('2026-2')))).not.toContain(ids.user.laerer4);
    expect((await c.leder.post(`${VISITS}/${x.id}/cancel`)).statusCode).toBe(200);
    expect(names(await c.leder.get(url('2026-2')))).toContain(ids.user.laerer4);
    // Default: the current term.
    expect((await c.leder.get(`/api/v1/observation/institutions/${sol}/not-visited`)).json().term).toBe(
      termOf(new Date()),
    );
    expect(err(await c.leder.get(url('2026-3')))).toEqual([400, 'request.invalid']);
    expect(err(await c.medarbejder.get(url('2026-1')))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.leder2.get(url('2026-1')))).toEqual([404, 'institution.not_found']);
  });
});

describe('one visit', () => {
  it('teacher, observer and leader read it; colleagues and other leaders get 404', async () => {
    const v = await plan('leder', { teacherId: ids.user.laerer1 });
    for (const who of ['leder', 'ressourceperson', 'laerer1'])
      expect((await c[who].get(`${VISITS}/${v.id}`)).statusCode, who).toBe(200);
    for (const who of ['laerer2', 'leder2', 'administrator', 'forvaltning'])
      expect(err(await c[who].get(`${VISITS}/${v.id}`)), who).toEqual([404, 'observation.visit_not_found']);
    expect(err(await c.leder.get(`${VISITS}/${randomUUID()}`))).toEqual([404, 'observation.visit_not_found']);
    const d = (await c.laerer1.get(`${VISITS}/${v.id}`)).json();
    expect(d.schema.id).toBe(schemaId);
    expect(d.can).toEqual({
      record: false,
      reflect: false,
      converse: false,
      manage: false,
      resolveFlag: false,
    });
    const o = (await c.ressourceperson.get(`${VISITS}/${v.id}`)).json();
    expect(o.can).toMatchObject({ record: true, manage: true, reflect: false });
  });

  it('is changed only while planned, by its observer or a leader', async () => {
    const v = await plan('leder', { teacherId: ids.user.laerer1, plannedFor: '2026-06-01' });
    const url = `${VISITS}/${v.id}`;
    const changed = await c.ressourceperson.patch(url, {
      plannedFor: '2026-08-20',
      subject: 'Matematik',
      focusAreaKeys: [K.areaB],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ plannedFor: '2026-08-20', term: '2026-2', subject: 'Matematik' });
    expect(changed.json().focusAreaKeys).toEqual([K.areaB]);
    expect(err(await c.laerer1.patch(url, { subject: 'Historie' }))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.leder2.patch(url, { subject: 'Historie' }))).toEqual([
      404,
      'observation.visit_not_found',
    ]);
    expect(err(await c.leder.patch(url, { observerId: ids.user.laerer2 }))).toEqual([
      400,
      'observation.not_an_observer',
    ]);
    expect(err(await c.leder.patch(url, { observerId: ids.user.laerer1 }))).toEqual([
      400,
      'observation.self_visit',
    ]);
    expect(err(await c.leder.patch(url, { teacherId: ids.user.laerer2 }))).toEqual([400, 'request.invalid']);
    // Once started it can no longer be changed, only cancelled.
    expect((await c.ressourceperson.put(`${url}/record`, syncOf(schemaId, []))).statusCode).toBe(200);
    expect(err(await c.leder.patch(url, { subject: 'Historie' }))).toEqual([
      409,
      'observation.invalid_state',
    ]);
    const cancelled = await c.leder.post(`${url}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect(err(await c.leder.post(`${url}/cancel`))).toEqual([409, 'observation.invalid_state']);
  });

  it('a completed visit cannot be cancelled', async () => {
    const v = await plan('leder', { teacherId: ids.user.laerer1, plannedFor: '2026-06-02' });
    const url = `${VISITS}/${v.id}`;
    await c.ressourceperson.put(`${url}/record`, syncOf(schemaId, [], { complete: true }));
    expect(err(await c.leder.post(`${url}/cancel`))).toEqual([409, 'observation.invalid_state']);
    expect(err(await c.laerer1.post(`${url}/cancel`))).toEqual([403, 'policy.forbidden']);
    expect((await c.leder.get(url)).json().status).toBe('completed');
  });
});
