import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressionDelegations } from '../../../db/progression-schema.js';
import { auditLog } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import {
  addArea,
  addChild,
  addGroup,
  addPeriod,
  addStatus,
  counts,
  place,
  setTotals,
} from '../summary/figures.testing.js';

/*
 * Læringssamtaler per group (issue 17 part 2): the snapshot of the overview at that moment (codes and statuses
 * entered in the group, and the counts), the resource person (a ressourceperson or leder of the institution), the
 * previous one's decisions shown at the next, the version check, who may read and write (the group's circle; every
 * one else 404, forged ids too) and the audit log of every read of per-child data.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/progression';
const FORGED = '00000000-0000-4000-8000-000000000000';
const f: Record<string, string> = {};
const children: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of [
    'medarbejder',
    'ressourceperson',
    'leder',
    'leder2',
    'laerer1',
    'forvaltning',
    'medarbejder3',
  ])
    c[who] = await t.as(who);
  const db = t.ctx.db;
  const S = ids.institution.Solsikkeskolen;
  f.read = await addArea(db, S, 'Læsning', 0);
  f.well = await addArea(db, S, 'Trivsel', 1);
  f.p1 = await addPeriod(db, S, 'Efterår 2026', 2026);
  f.p2 = await addPeriod(db, S, 'Forår 2027', 2026, ['2027-01-10', '2027-06-20']);
  f.a = await addGroup(db, S, '3.A', 2026, ids.team['3. årgang']);
  f.b = await addGroup(db, S, '3.B', 2026, ids.team['3. årgang']);
  f.archived = await addGroup(db, S, '3.X', 2026, ids.team['3. årgang']);
  await db.execute(sql`update progression_groups set archived_at = now() where id = ${f.archived}`);
  for (let i = 1; i <= 6; i++) {
    const id = await addChild(db, S, `3A-0${i}`, f.a, '2026-08-10', i === 6 ? '2027-01-05' : null);
    children.push(id);
    await addStatus(db, {
      childId: id,
      areaId: f.read,
      periodId: f.p1,
      groupId: f.a,
      status: i <= 3 ? 'groen' : i <= 5 ? 'gul' : 'roed',
    });
  }
  // 3A-06 moved to 3.B: its spring status was entered there, and stays out of 3.A's snapshot.
  await place(db, children[5], f.b, '2027-01-05');
  await addStatus(db, { childId: children[5], areaId: f.read, periodId: f.p2, groupId: f.b, status: 'gul' });
  await setTotals(db, f.a, f.read, f.p1, counts(3, 2, 1));
});
afterAll(() => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  version: 0,
  heldOn: '2026-11-20',
  focus: 'Læsning: flere elever skal læse sikkert',
  why: 'Tre elever er gule i læsning',
  resourcePersonId: ids.user.ressourceperson,
  participants: 'Klasseteamet og læsevejlederen',
  decisions: 'Læsebånd hver morgen i 20 minutter',
  followUp: 'Vi ser på læsningen igen i februar',
  ...over,
});
const audits = (action: string) =>
  t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, f.a)));

describe('a læringssamtale', () => {
  let first: { id: string; version: number };

  it('the class team records one: the snapshot holds the codes, the statuses entered in the group, the counts', async () => {
    const res = await c.medarbejder.post(`${API}/groups/${f.a}/conferences`, body());
    expect(res.statusCode).toBe(201);
    const conf = res.json();
    first = conf;
    expect(conf).toMatchObject({
      groupId: f.a,
      heldOn: '2026-11-20',
      focus: 'Læsning: flere elever skal læse sikkert',
      resourcePerson: { id: ids.user.ressourceperson, name: 'Rasmus Kjær' },
      createdBy: { id: ids.user.medarbejder },
      version: 1,
    });
    const snap = conf.snapshot;
    expect(snap.areas.map((a: { name: string }) => a.name)).toEqual(['Læsning', 'Trivsel']);
    expect(snap.periods.map((p: { name: string }) => p.name)).toEqual(['Efterår 2026', 'Forår 2027']);
    expect(snap.children.map((x: { code: string }) => x.code)).toEqual([
      '3A-01',
      '3A-02',
      '3A-03',
      '3A-04',
      '3A-05',
      '3A-06',
    ]);
    expect(snap.children[5].cells).toEqual([{ areaId: f.read, periodId: f.p1, status: 'roed' }]);
    expect(JSON.stringify(snap)).not.toContain(children[0]);
    expect(snap.summary).toEqual([{ areaId: f.read, periodId: f.p1, counts: counts(3, 2, 1) }]);
    expect(await audits('progression.conference_create')).toHaveLength(1);
  });

  it('the snapshot stays as it was when a status changes later', async () => {
    await t.ctx.db.execute(
      sql`update progression_statuses set status = 'groen' where child_id = ${children[5]} and period_id = ${f.p1}`,
    );
    const again = (await c.medarbejder.get(`${API}/conferences/${first.id}`)).json();
    expect(again.snapshot.children[5].cells[0].status).toBe('roed');
  });

  it('every read of it is audit-logged (it carries per-child data)', async () => {
    const before = (await audits('progression.conference_read')).length;
    expect((await c.leder.get(`${API}/conferences/${first.id}`)).statusCode).toBe(200);
    expect((await c.medarbejder.get(`${API}/conferences/${first.id}`)).statusCode).toBe(200);
    const after = await audits('progression.conference_read');
    expect(after).toHaveLength(before + 2);
    expect(after.at(-1)?.details).toMatchObject({ conferenceId: first.id, children: 6 });
  });

  it('the next one sees the previous one’s decisions and follow-up', async () => {
    const res = await c.leder.post(
      `${API}/groups/${f.a}/conferences`,
      body({
        heldOn: '2027-02-10',
        focus: 'Opfølgning',
        previousOutcome: 'Læsebåndet er i gang',
        resourcePersonId: ids.user.leder,
      }),
    );
    expect(res.statusCode).toBe(201);
    const list = (await c.medarbejder.get(`${API}/groups/${f.a}/conferences`)).json();
    expect(list.group).toEqual({ id: f.a, name: '3.A', schoolYear: 2026 });
    expect(list.institution).toMatchObject({ id: ids.institution.Solsikkeskolen, type: 'skole' });
    const rp = list.resourcePersons.map((p: { id: string }) => p.id);
    expect(rp).toContain(ids.user.ressourceperson);
    expect(rp).toContain(ids.user.leder);
    expect(rp).not.toContain(ids.user.laerer1);
    expect(list.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2027-02-10', '2026-11-20']);
    expect(list.previous).toMatchObject({ heldOn: '2027-02-10', focus: 'Opfølgning' });
    expect(JSON.stringify(list)).not.toContain('3A-01');
  });

  it('two edit at once: the second gets 409 with the current version, nothing is lost silently', async () => {
    const one = await c.medarbejder.put(
      `${API}/conferences/${first.id}`,
      body({ version: 1, decisions: 'A' }),
    );
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ version: 2, decisions: 'A' });
    const two = await c.leder.put(`${API}/conferences/${first.id}`, body({ version: 1, decisions: 'B' }));
    expect(err(two)).toEqual([409, 'progression.stale']);
    expect(two.json().error.details).toContainEqual({ path: 'version', message: '2' });
    const now = (await c.leder.get(`${API}/conferences/${first.id}`)).json();
    expect(now.decisions).toBe('A');
    expect(now.snapshot.children).toHaveLength(6);
  });

  it('the resource person must be a ressourceperson or leder of the institution', async () => {
    for (const who of [ids.user.laerer1, ids.user.leder2, ids.user.medarbejder3, FORGED]) {
      const res = await c.medarbejder.post(
        `${API}/groups/${f.a}/conferences`,
        body({ resourcePersonId: who }),
      );
      expect(err(res), who).toEqual([400, 'progression.resource_person_invalid']);
      const edit = await c.medarbejder.put(
        `${API}/conferences/${first.id}`,
        body({ version: 2, resourcePersonId: who }),
      );
      expect(err(edit)).toEqual([400, 'progression.resource_person_invalid']);
    }
    const none = await c.medarbejder.post(
      `${API}/groups/${f.b}/conferences`,
      body({ resourcePersonId: null }),
    );
    expect(none.statusCode).toBe(201);
    expect(none.json().resourcePerson).toBeNull();
    // 3.B's snapshot: 3A-06 is placed there now, with the spring status entered in 3.B only.
    const snap = none.json().snapshot;
    expect(snap.children).toEqual([
      { code: '3A-06', cells: [{ areaId: f.read, periodId: f.p2, status: 'gul' }] },
    ]);
  });

  it('an archived group takes no new one; a bad body is 400', async () => {
    expect(err(await c.medarbejder.post(`${API}/groups/${f.archived}/conferences`, body()))).toEqual([
      409,
      'progression.group_archived',
    ]);
    expect(
      (await c.medarbejder.post(`${API}/groups/${f.a}/conferences`, body({ heldOn: '2026-02-30' })))
        .statusCode,
    ).toBe(400);
    expect(
      (await c.medarbejder.post(`${API}/groups/${f.a}/conferences`, body({ focus: 'x'.repeat(9000) })))
        .statusCode,
    ).toBe(400);
  });

  it('outside the circle — staff not in the team, forvaltning, another institution, forged ids: 404, no audit', async () => {
    const before = (await audits('progression.conference_read')).length;
    for (const who of ['laerer1', 'ressourceperson', 'forvaltning', 'leder2', 'medarbejder3']) {
      expect(err(await c[who].get(`${API}/groups/${f.a}/conferences`)), who).toEqual([
        404,
        'progression.group_not_found',
      ]);
      expect(err(await c[who].post(`${API}/groups/${f.a}/conferences`, body())), who).toEqual([
        404,
        'progression.group_not_found',
      ]);
      expect(err(await c[who].get(`${API}/conferences/${first.id}`)), who).toEqual([
        404,
        'progression.conference_not_found',
      ]);
      expect(err(await c[who].put(`${API}/conferences/${first.id}`, body({ version: 2 }))), who).toEqual([
        404,
        'progression.conference_not_found',
      ]);
    }
    expect(err(await c.leder.get(`${API}/conferences/${FORGED}`))).toEqual([
      404,
      'progression.conference_not_found',
    ]);
    expect(err(await c.leder.get(`${API}/groups/${FORGED}/conferences`))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    expect(await audits('progression.conference_read')).toHaveLength(before);
  });

  it('a resource person delegated to the group reads and writes its conferences; undelegated, 404 again', async () => {
    await t.ctx.db.insert(progressionDelegations).values({ groupId: f.a, userId: ids.user.ressourceperson });
    expect((await c.ressourceperson.get(`${API}/conferences/${first.id}`)).statusCode).toBe(200);
    await t.ctx.db.execute(sql`delete from progression_delegations where group_id = ${f.a}`);
    expect(err(await c.ressourceperson.get(`${API}/conferences/${first.id}`))).toEqual([
      404,
      'progression.conference_not_found',
    ]);
  });
});
