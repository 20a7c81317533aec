import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationVisits } from '../../../db/observation-schema.js';
import { countsTowardData } from '../../../policy/sql-observation.js';
import { type demoIds, err } from '../../../testing/fixtures.js';
import type { TestApp, TestClient } from '../../../testing/harness.js';
import { notificationsOf } from '../../notifications/notify.testing.js';
import { fullAnswers, K, observationWorld, syncOf } from '../observation.testing.js';
import type { VisitDetail, VisitSummary } from '../types.js';

/*
 * Self-observation (O5): a teacher's own lesson, seen by them and the colleagues they invite only — every
 * leader and administrator endpoint answers 404 for it — and never counted toward institution data.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let schemaId: string;
const c: Record<string, TestClient> = {};
const VISITS = '/api/v1/observation/visits';
const SELF = '/api/v1/observation/self';

beforeAll(async () => {
  const w = await observationWorld([
    'leder',
    'ressourceperson',
    'medarbejder',
    'laerer1',
    'laerer2',
    'laerer3',
    'leder2',
    'medarbejder2',
    'administrator',
    'forvaltning',
  ]);
  ({ t, ids, sol, schemaId: schemaId } = w);
  Object.assign(c, w.c);
});
afterAll(() => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  institutionId: sol,
  plannedFor: '2026-03-17',
  classLabel: '6.A',
  subject: 'Natur/teknologi',
  grade: 6,
  focusAreaKeys: [K.areaA],
  guestIds: [ids.user.laerer1],
  ...over,
});
async function start(over: Record<string, unknown> = {}) {
  const res = await c.medarbejder.post(SELF, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as VisitSummary;
}
const url = (id: string, rest = '') => `${VISITS}/${id}${rest}`;

describe('starting a self-observation', () => {
  it('the teacher observes their own lesson and invites a colleague, who is told', async () => {
    const v = await start();
    expect(v).toMatchObject({
      kind: 'self',
      status: 'planned',
      teacher: { id: ids.user.medarbejder },
      observer: { id: ids.user.medarbejder },
      term: '2026-1',
    });
    const d = (await c.medarbejder.get(url(v.id))).json() as VisitDetail;
    expect(d.guests.map((g) => g.id)).toEqual([ids.user.laerer1]);
    expect(d.can).toMatchObject({
      record: true,
      manage: true,
      reflect: true,
      converse: false,
      resolveFlag: false,
    });
    const told = (await notificationsOf(t.ctx.db, ids.user.laerer1, 'observation.self_invited')).filter(
      (n) => (n.payload as { visitId: string }).visitId === v.id,
    );
    expect(told).toHaveLength(1);
    // "Invited to": the guest's list has it; the owner's and the leader's guest lists do not.
    const guestList = async (who: string) =>
      ((await c[who].get(`${VISITS}?role=guest`)).json() as { items: VisitSummary[] }).items.map((i) => i.id);
    expect(await guestList('laerer1')).toContain(v.id);
    expect(await guestList('medarbejder')).not.toContain(v.id);
    expect(await guestList('leder')).toEqual([]);
  });

  it('refuses guests from elsewhere, too many guests, no schema and bad dates', async () => {
    expect(err(await c.medarbejder.post(SELF, body({ guestIds: [ids.user.laerer8] })))).toEqual([
      400,
      'observation.guest_not_colleague',
    ]);
    const six = ['laerer1', 'laerer2', 'laerer3', 'laerer4', 'laerer5', 'laerer6'].map((k) => ids.user[k]);
    expect(err(await c.medarbejder.post(SELF, body({ guestIds: six })))).toEqual([400, 'request.invalid']);
    expect(err(await c.medarbejder.post(SELF, body({ plannedFor: '2026-02-29' })))).toEqual([
      400,
      'observation.invalid_date',
    ]);
    expect(err(await c.medarbejder.post(SELF, body({ focusAreaKeys: [K.unknown] })))).toEqual([
      400,
      'observation.focus_area_unknown',
    ]);
    const mb = ids.institution['Børnehuset Mælkebøtten'];
    expect(
      err(await c.medarbejder2.post(SELF, body({ institutionId: mb, guestIds: [], focusAreaKeys: [] }))),
    ).toEqual([409, 'observation.no_schema']);
    // Only at an institution where one works.
    expect(err(await c.leder2.post(SELF, body({ guestIds: [] })))).toEqual([404, 'institution.not_found']);
    expect(err(await c.forvaltning.post(SELF, body({ guestIds: [] })))).toEqual([403, 'policy.forbidden']);
  });
});

describe('who sees it', () => {
  it('owner and guests only: leaders, administrators and colleagues get 404 on every endpoint', async () => {
    const v = await start();
    expect((await c.medarbejder.get(url(v.id))).statusCode).toBe(200);
    expect((await c.laerer1.get(url(v.id))).statusCode).toBe(200);
    const hidden = [404, 'observation.visit_not_found'];
    for (const who of ['leder', 'administrator', 'laerer2', 'leder2', 'forvaltning', 'ressourceperson']) {
      expect(err(await c[who].get(url(v.id))), who).toEqual(hidden);
      expect(err(await c[who].put(url(v.id, '/record'), syncOf(schemaId, []))), who).toEqual(hidden);
      expect(err(await c[who].post(url(v.id, '/resolve'), { decision: 'exclude' })), who).toEqual(hidden);
      expect(err(await c[who].patch(url(v.id), { subject: 'Fysik' })), who).toEqual(hidden);
      expect(err(await c[who].post(url(v.id, '/cancel'))), who).toEqual(hidden);
      expect(err(await c[who].put(url(v.id, '/guests'), { guestIds: [] })), who).toEqual(hidden);
      expect(err(await c[who].put(url(v.id, '/reflection'), { reflection: 'x' })), who).toEqual(hidden);
      expect(err(await c[who].put(url(v.id, '/conversation'), { nextStep: 'x' })), who).toEqual(hidden);
    }
    for (const who of ['leder', 'administrator', 'laerer2']) {
      const listed = (await c[who].get(`${VISITS}?institutionId=${sol}`))
        .json()
        .items.map((x: VisitSummary) => x.id);
      expect(listed, who).not.toContain(v.id);
    }
    const own = (await c.medarbejder.get(`${VISITS}?role=teacher`))
      .json()
      .items.map((x: VisitSummary) => x.id);
    expect(own).toContain(v.id);
    const guest = (await c.laerer1.get(VISITS)).json().items.map((x: VisitSummary) => x.id);
    expect(guest).toContain(v.id);
  });

  it('owner and guest record it; completed it never counts and is not a visit in "not visited"', async () => {
    const v = await start({ plannedFor: '2026-09-09' });
    expect((await c.laerer1.put(url(v.id, '/record'), syncOf(schemaId, fullAnswers()))).statusCode).toBe(200);
    const done = await c.medarbejder.put(url(v.id, '/record'), syncOf(schemaId, [], { complete: true }));
    expect(done.json()).toMatchObject({ status: 'completed', flag: null });
    const counted = await t.ctx.db
      .select({ id: observationVisits.id })
      .from(observationVisits)
      .where(and(countsTowardData, eq(observationVisits.id, v.id)));
    expect(counted).toHaveLength(0);
    const people = (
      await c.leder.get(`/api/v1/observation/institutions/${sol}/not-visited?term=2026-2`)
    ).json().people as { id: string; lastVisit: string | null }[];
    expect(people.find((p) => p.id === ids.user.medarbejder)).toMatchObject({ lastVisit: null });
    // The owner reflects; there is no conversation with oneself.
    expect((await c.medarbejder.put(url(v.id, '/reflection'), { reflection: 'Roligt.' })).statusCode).toBe(
      200,
    );
    expect(err(await c.laerer1.put(url(v.id, '/reflection'), { reflection: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder.put(url(v.id, '/conversation'), { nextStep: 'x' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
  });
});

describe('guests', () => {
  it('the owner replaces them; a removed guest loses sight, a new one is told', async () => {
    const v = await start();
    const res = await c.medarbejder.put(url(v.id, '/guests'), {
      guestIds: [ids.user.laerer2, ids.user.laerer3],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as VisitDetail).guests.map((g) => g.id).sort()).toEqual(
      [ids.user.laerer2, ids.user.laerer3].sort(),
    );
    expect(err(await c.laerer1.get(url(v.id)))).toEqual([404, 'observation.visit_not_found']);
    expect((await c.laerer2.get(url(v.id))).statusCode).toBe(200);
    const told = (await notificationsOf(t.ctx.db, ids.user.laerer3, 'observation.self_invited')).filter(
      (n) => (n.payload as { visitId: string }).visitId === v.id,
    );
    expect(told).toHaveLength(1);
    expect(err(await c.laerer2.put(url(v.id, '/guests'), { guestIds: [] }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await c.medarbejder.put(url(v.id, '/guests'), { guestIds: [ids.user.laerer8] }))).toEqual([
      400,
      'observation.guest_not_colleague',
    ]);
  });

  it('a classroom visit has no guests', async () => {
    const planned = await c.leder.post(VISITS, {
      institutionId: sol,
      teacherId: ids.user.laerer2,
      observerId: ids.user.leder,
      plannedFor: '2026-03-20',
      focusAreaKeys: [],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(
      err(await c.leder.put(url(planned.json().id, '/guests'), { guestIds: [ids.user.laerer1] })),
    ).toEqual([409, 'observation.invalid_state']);
  });
});
