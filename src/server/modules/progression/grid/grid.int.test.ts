import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressionChildren, progressionTotals } from '../../../db/progression-schema.js';
import { auditLog, roleGrants, teamMemberships, teams } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';

/*
 * The progression overview's setup, children, grid, status writes and export (issue 17 part 2), through the API:
 * who may do what (the group's circle; 404 for everyone else, forged and foreign ids too), the version check, the
 * figures kept exact under concurrent writes, a move keeping the history and the old group's figures, names for the
 * class team only, and every per-child read and export in the audit log.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/progression';
const FORGED = '00000000-0000-4000-8000-000000000000';
const f: Record<string, string> = {};
const kids: Record<string, string> = {};
const ACCOUNTS = [
  'medarbejder',
  'ressourceperson',
  'leder',
  'leder2',
  'laerer1',
  'forvaltning',
  'medarbejder3',
  'administrator',
];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  const S = ids.institution.Solsikkeskolen;
  // Two class teams of our own: medarbejder teaches 5.A, laerer1 teaches 5.C.
  const [ta, tc] = await t.ctx.db
    .insert(teams)
    .values([
      { name: 'Klasseteam 5.A', type: 'aargangsteam', institutionId: S },
      { name: 'Klasseteam 5.C', type: 'aargangsteam', institutionId: S },
    ])
    .returning();
  f.teamA = ta.id;
  await t.ctx.db.insert(teamMemberships).values([
    { teamId: ta.id, userId: ids.user.medarbejder },
    { teamId: tc.id, userId: ids.user.laerer1 },
  ]);
  f.teamC = tc.id;
  for (const who of ACCOUNTS) c[who] = await t.as(who);
});
afterAll(() => t?.close());

const json = (r: { json: () => unknown }) => r.json() as Record<string, any>;

describe('setup (leders of the institution)', () => {
  it('the setup: default areas on the first read, the ressourcepersoner one may delegate to', async () => {
    const S = ids.institution.Solsikkeskolen;
    const res = await c.leder.get(`${API}/institutions/${S}/setup`);
    expect(res.statusCode).toBe(200);
    const s = json(res);
    expect(s.areas.length).toBeGreaterThan(0);
    expect(s.settings).toEqual({ showFullNames: false, retentionMonths: 12 });
    expect(s.resourcePersons.map((p: { id: string }) => p.id)).toContain(ids.user.ressourceperson);
    // A dagtilbud speaks of sprog, not læsning.
    const M = ids.institution['Børnehuset Mælkebøtten'];
    const dagtilbud = json(await c.leder2.get(`${API}/institutions/${M}/setup`));
    expect(dagtilbud.institution.type).toBe('dagtilbud');
    expect(dagtilbud.areas.map((a: { name: string }) => a.name)).toContain('Sprog');
    expect(dagtilbud.areas.map((a: { name: string }) => a.name)).not.toContain('Læsning');
    expect(err(await c.medarbejder.get(`${API}/institutions/${S}/setup`))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.forvaltning.get(`${API}/institutions/${S}/setup`))).toEqual([403, 'policy.forbidden']);
    expect(err(await c.leder2.get(`${API}/institutions/${S}/setup`))).toEqual([404, 'institution.not_found']);
    expect(err(await c.leder.get(`${API}/institutions/${FORGED}/setup`))).toEqual([
      404,
      'institution.not_found',
    ]);
  });

  it('areas, periods and groups; bad dates, taken names and foreign teams refused', async () => {
    const S = ids.institution.Solsikkeskolen;
    const area = await c.leder.post(`${API}/institutions/${S}/areas`, { name: 'Læsning (test)' });
    expect(area.statusCode).toBe(201);
    f.read = json(area).id;
    expect(err(await c.leder.post(`${API}/institutions/${S}/areas`, { name: 'læsning (TEST)' }))).toEqual([
      409,
      'progression.name_taken',
    ]);
    f.well = json(await c.leder.post(`${API}/institutions/${S}/areas`, { name: 'Trivsel (test)' })).id;
    const period = (name: string, startsOn: string, endsOn: string) =>
      c.leder.post(`${API}/institutions/${S}/periods`, { name, startsOn, endsOn });
    f.p1 = json(await period('Efterår T', '2026-08-15', '2026-12-20')).id;
    f.p2 = json(await period('Vinter T', '2027-01-04', '2027-03-31')).id;
    f.p3 = json(await period('Forår T', '2027-04-01', '2027-06-25')).id;
    expect(json(await c.leder.get(`${API}/institutions/${S}/setup`)).periods).toContainEqual({
      id: f.p1,
      name: 'Efterår T',
      schoolYear: 2026,
      startsOn: '2026-08-15',
      endsOn: '2026-12-20',
    });
    expect(err(await period('Hen over', '2027-06-01', '2027-08-10'))).toEqual([
      400,
      'progression.period_dates',
    ]);
    expect(err(await period('Baglæns', '2026-10-01', '2026-09-01'))).toEqual([
      400,
      'progression.period_dates',
    ]);
    const group = (name: string, teamId: string | null) =>
      c.leder.post(`${API}/institutions/${S}/groups`, { name, schoolYear: 2026, teamId, grade: 5 });
    const a = await group('5.A (test)', f.teamA);
    expect(a.statusCode).toBe(201);
    expect(json(a)).toMatchObject({ name: '5.A (test)', team: { id: f.teamA }, children: 0, delegates: [] });
    f.a = json(a).id;
    f.b = json(await group('5.B (test)', null)).id;
    f.c = json(await group('5.C (test)', f.teamC)).id;
    expect(err(await group('5.X', ids.team.Naturfagsteamet))).toEqual([404, 'progression.team_elsewhere']);
    expect(err(await group('5.a (TEST)', null))).toEqual([409, 'progression.name_taken']);
    // Another institution's leder cannot touch them; a forged id looks the same.
    expect(err(await c.leder2.patch(`${API}/areas/${f.read}`, { name: 'X' }))).toEqual([
      404,
      'progression.area_not_found',
    ]);
    expect(err(await c.medarbejder.patch(`${API}/groups/${f.a}`, { name: 'X' }))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    expect(err(await c.leder.patch(`${API}/periods/${FORGED}`, { name: 'X' }))).toEqual([
      404,
      'progression.period_not_found',
    ]);
  });

  it('delegations: only the institution’s ressourcepersoner', async () => {
    expect(
      err(await c.leder.put(`${API}/groups/${f.a}/delegations`, { userIds: [ids.user.medarbejder] })),
    ).toEqual([400, 'progression.not_delegable']);
    expect(err(await c.leder2.put(`${API}/groups/${f.a}/delegations`, { userIds: [] }))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    const res = await c.leder.put(`${API}/groups/${f.a}/delegations`, {
      userIds: [ids.user.ressourceperson],
    });
    expect(res.statusCode).toBe(200);
    expect(json(res).delegates.map((d: { id: string }) => d.id)).toEqual([ids.user.ressourceperson]);
  });
});

describe('children and names', () => {
  it('the class team adds children by code; a code in use, a name while names are off, a foreign group refused', async () => {
    for (let i = 1; i <= 6; i++) {
      const res = await c.medarbejder.post(`${API}/groups/${f.a}/children`, {
        code: `5A-0${i}`,
        fromOn: '2026-08-12',
      });
      expect(res.statusCode).toBe(201);
      kids[i] = json(res).id;
    }
    expect(
      err(await c.medarbejder.post(`${API}/groups/${f.a}/children`, { code: '5a-01', fromOn: '2026-08-12' })),
    ).toEqual([409, 'progression.code_taken']);
    expect(
      err(
        await c.medarbejder.post(`${API}/groups/${f.a}/children`, { code: '5A-99', fullName: 'Anna Hansen' }),
      ),
    ).toEqual([400, 'progression.names_off']);
    expect(
      err(await c.medarbejder.post(`${API}/groups/${f.a}/children`, { code: '5A-99', fromOn: '2025-08-12' })),
    ).toEqual([400, 'progression.date_outside_year']);
    expect(err(await c.laerer1.post(`${API}/groups/${f.a}/children`, { code: '5A-98' }))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    expect(err(await c.laerer1.patch(`${API}/children/${kids[1]}`, { code: 'X' }))).toEqual([
      404,
      'progression.child_not_found',
    ]);
  });

  it('full names: only when kept, seen and written by the class team only; turning names off erases them', async () => {
    const S = ids.institution.Solsikkeskolen;
    await c.leder.put(`${API}/institutions/${S}/settings`, { showFullNames: true, retentionMonths: 12 });
    const named = await c.medarbejder.patch(`${API}/children/${kids[1]}`, { fullName: 'Anna Hansen' });
    expect(json(named)).toMatchObject({ code: '5A-01', fullName: 'Anna Hansen', groupId: f.a, toOn: null });
    expect(err(await c.leder.patch(`${API}/children/${kids[2]}`, { fullName: 'Bo Berg' }))).toEqual([
      403,
      'progression.names_team_only',
    ]);
    const mine = json(await c.medarbejder.get(`${API}/groups/${f.a}/grid`));
    expect(mine.can.seeNames).toBe(true);
    expect(mine.children.find((x: { id: string }) => x.id === kids[1]).fullName).toBe('Anna Hansen');
    const leaders = json(await c.leder.get(`${API}/groups/${f.a}/grid`));
    expect(leaders.can.seeNames).toBe(false);
    expect(JSON.stringify(leaders)).not.toContain('Anna Hansen');
    const delegated = json(await c.ressourceperson.get(`${API}/groups/${f.a}/grid`));
    expect(JSON.stringify(delegated)).not.toContain('Anna Hansen');
    const off = await c.leder.put(`${API}/institutions/${S}/settings`, {
      showFullNames: false,
      retentionMonths: 24,
    });
    expect(json(off).settings).toEqual({ showFullNames: false, retentionMonths: 24 });
    const [row] = await t.ctx.db
      .select()
      .from(progressionChildren)
      .where(eq(progressionChildren.id, kids[1]));
    expect(row.fullName).toBeNull();
  });
});

const write = (who: string, body: Record<string, unknown>) =>
  c[who].put(`${API}/statuses`, { score: null, note: '', ...body });
const totals = async (groupId: string, areaId: string, periodId: string) => {
  const [r] = await t.ctx.db
    .select()
    .from(progressionTotals)
    .where(
      and(
        eq(progressionTotals.groupId, groupId),
        eq(progressionTotals.areaId, areaId),
        eq(progressionTotals.periodId, periodId),
      ),
    );
  return r ? [r.groen, r.gul, r.roed, r.movedUp, r.movedDown] : null;
};

describe('the grid: who may read it', () => {
  it('the class team, the leders and the delegated ressourceperson; everyone else 404', async () => {
    for (const who of ['medarbejder', 'leder', 'ressourceperson'])
      expect([who, (await c[who].get(`${API}/groups/${f.a}/grid`)).statusCode]).toEqual([who, 200]);
    for (const who of ['laerer1', 'forvaltning', 'leder2', 'medarbejder3', 'administrator'])
      expect([who, ...err(await c[who].get(`${API}/groups/${f.a}/grid`))]).toEqual([
        who,
        404,
        'progression.group_not_found',
      ]);
    expect(err(await c.leder.get(`${API}/groups/${FORGED}/grid`))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    expect(err(await c.ressourceperson.get(`${API}/groups/${f.c}/grid`))).toEqual([
      404,
      'progression.group_not_found',
    ]);
  });

  it('every read of the grid is in the audit log', async () => {
    const before = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'progression.grid_read'), eq(auditLog.subjectId, f.a)));
    await c.ressourceperson.get(`${API}/groups/${f.a}/grid`);
    const after = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'progression.grid_read'), eq(auditLog.subjectId, f.a)));
    expect(after.length).toBe(before.length + 1);
    expect(after.some((a) => a.actorId === ids.user.ressourceperson)).toBe(true);
  });
});

describe('status writes', () => {
  it('a new cell, a stale write (409 with the current cell), an update, a clear', async () => {
    const cell = { childId: kids[1], areaId: f.read, periodId: f.p1 };
    const first = await write('medarbejder', {
      ...cell,
      status: 'gul',
      score: 21.5,
      note: 'Læser langsomt',
      version: 0,
    });
    expect(first.statusCode).toBe(200);
    expect(json(first)).toMatchObject({ status: 'gul', score: 21.5, version: 1, groupId: f.a });
    const stale = await write('leder', { ...cell, status: 'roed', version: 0 });
    expect(err(stale)).toEqual([409, 'progression.stale']);
    expect(json(stale).error.details).toContainEqual({ path: 'status', message: 'gul' });
    expect(json(stale).error.details).toContainEqual({ path: 'version', message: '1' });
    const second = await write('leder', { ...cell, status: 'groen', version: 1 });
    expect(json(second)).toMatchObject({ status: 'groen', version: 2, updatedBy: { id: ids.user.leder } });
    const cleared = await write('medarbejder', { ...cell, status: null, version: 2 });
    expect(cleared.statusCode).toBe(204);
    expect(await totals(f.a, f.read, f.p1)).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses foreign and forged ids and people outside the circle', async () => {
    const M = ids.institution['Børnehuset Mælkebøtten'];
    const foreignArea = json(
      await c.leder2.post(`${API}/institutions/${M}/areas`, { name: 'Sprog (test)' }),
    ).id;
    const foreignPeriod = json(
      await c.leder2.post(`${API}/institutions/${M}/periods`, {
        name: 'Efterår M',
        startsOn: '2026-08-15',
        endsOn: '2026-12-20',
      }),
    ).id;
    const mg = json(
      await c.leder2.post(`${API}/institutions/${M}/groups`, {
        name: 'Stue (test)',
        schoolYear: 2026,
        teamId: null,
      }),
    ).id;
    const foreignChild = json(await c.leder2.post(`${API}/groups/${mg}/children`, { code: 'M-1' })).id;
    const base = { childId: kids[2], areaId: f.read, periodId: f.p1, status: 'gul', version: 0 };
    expect(err(await write('medarbejder', { ...base, areaId: foreignArea }))).toEqual([
      404,
      'progression.area_not_found',
    ]);
    expect(err(await write('medarbejder', { ...base, periodId: foreignPeriod }))).toEqual([
      404,
      'progression.period_not_found',
    ]);
    expect(err(await write('medarbejder', { ...base, childId: foreignChild }))).toEqual([
      404,
      'progression.child_not_found',
    ]);
    expect(err(await write('medarbejder', { ...base, childId: FORGED }))).toEqual([
      404,
      'progression.child_not_found',
    ]);
    for (const who of ['laerer1', 'forvaltning', 'leder2', 'administrator'])
      expect([who, ...err(await write(who, base))]).toEqual([who, 404, 'progression.child_not_found']);
    // A child code is unique per institution only: Mælkebøtten may use a Solsikkeskolen code.
    expect((await c.leder2.post(`${API}/groups/${mg}/children`, { code: '5A-01' })).statusCode).toBe(201);
  });

  it('the figures follow the statuses: counts, and movement against each child’s previous status', async () => {
    const p1 = ['groen', 'groen', 'gul', 'gul', 'roed', 'roed'];
    const p2 = ['groen', 'gul', 'groen', 'roed', 'gul', 'roed'];
    for (let i = 1; i <= 6; i++) {
      const r = await write('medarbejder', {
        childId: kids[i],
        areaId: f.read,
        periodId: f.p2,
        status: p2[i - 1],
        version: 0,
      });
      expect(r.statusCode).toBe(200);
    }
    // P2 was entered first: no movement until P1 exists; entering P1 recomputes P2's movement.
    expect(await totals(f.a, f.read, f.p2)).toEqual([2, 2, 2, 0, 0]);
    for (let i = 1; i <= 6; i++)
      await write('ressourceperson', {
        childId: kids[i],
        areaId: f.read,
        periodId: f.p1,
        status: p1[i - 1],
        version: 0,
      });
    expect(await totals(f.a, f.read, f.p1)).toEqual([2, 2, 2, 0, 0]);
    // Up: 3 (gul→grøn), 5 (rød→gul). Down: 2 (grøn→gul), 4 (gul→rød).
    expect(await totals(f.a, f.read, f.p2)).toEqual([2, 2, 2, 2, 2]);
    const grid = json(await c.medarbejder.get(`${API}/groups/${f.a}/grid`));
    expect(grid.summary).toContainEqual({
      areaId: f.read,
      periodId: f.p2,
      counts: { groen: 2, gul: 2, roed: 2, movedUp: 2, movedDown: 2 },
    });
    expect(grid.children).toHaveLength(6);
    expect(grid.children[0].cells).toHaveLength(2);
    expect(grid.can).toEqual({ write: true, manageChildren: true, export: true, seeNames: false });
  });
});

describe('moving and leaving', () => {
  it('a leder moves a child: history kept, the old group’s figures kept, its earlier cells shown in the new group', async () => {
    // The class team sees the child but moving is the leders' (403); someone outside the circle: 404.
    expect(
      err(await c.medarbejder.post(`${API}/children/${kids[6]}/move`, { groupId: f.b, on: '2027-04-02' })),
    ).toEqual([403, 'policy.forbidden']);
    for (const who of ['leder2', 'laerer1'])
      expect(
        err(await c[who].post(`${API}/children/${kids[6]}/move`, { groupId: f.b, on: '2027-04-02' })),
      ).toEqual([404, 'progression.child_not_found']);
    expect(
      err(await c.leder.post(`${API}/children/${kids[6]}/move`, { groupId: f.a, on: '2027-04-02' })),
    ).toEqual([400, 'progression.move_invalid']);
    const moved = await c.leder.post(`${API}/children/${kids[6]}/move`, { groupId: f.b, on: '2027-04-02' });
    expect(json(moved)).toMatchObject({ groupId: f.b, fromOn: '2027-04-02', toOn: null });
    expect(await totals(f.a, f.read, f.p2)).toEqual([2, 2, 2, 2, 2]);
    // The old class still lists the child with its span; the new group shows its earlier cells (entered in 5.A).
    const a = json(await c.medarbejder.get(`${API}/groups/${f.a}/grid`));
    expect(a.children.find((x: { id: string }) => x.id === kids[6])).toMatchObject({
      fromOn: '2026-08-12',
      toOn: '2027-04-02',
    });
    const b = json(await c.leder.get(`${API}/groups/${f.b}/grid`));
    expect(b.children.map((x: { code: string }) => x.code)).toEqual(['5A-06']);
    expect(b.children[0].cells.map((x: { groupId: string }) => x.groupId)).toEqual([f.a, f.a]);
    // Its new status goes in with 5.B, and movement compares with the one entered in 5.A.
    const p3 = await write('leder', {
      childId: kids[6],
      areaId: f.read,
      periodId: f.p3,
      status: 'groen',
      version: 0,
    });
    expect(json(p3).groupId).toBe(f.b);
    expect(await totals(f.b, f.read, f.p3)).toEqual([1, 0, 0, 1, 0]);
    // The old class team no longer writes the child.
    expect(
      err(
        await write('medarbejder', {
          childId: kids[6],
          areaId: f.read,
          periodId: f.p3,
          status: 'gul',
          version: 1,
        }),
      ),
    ).toEqual([404, 'progression.child_not_found']);
  });

  it('a child leaves; leaving twice is refused', async () => {
    const left = await c.medarbejder.post(`${API}/children/${kids[5]}/leave`, { on: '2027-05-01' });
    expect(json(left)).toMatchObject({ groupId: f.a, toOn: '2027-05-01' });
    expect(err(await c.medarbejder.post(`${API}/children/${kids[5]}/leave`, { on: '2027-05-02' }))).toEqual([
      409,
      'progression.not_placed',
    ]);
  });
});

describe('export', () => {
  it('needs a reason; a CSV for Excel with formula-looking cells neutralised; audit-logged', async () => {
    await write('medarbejder', {
      childId: kids[1],
      areaId: f.well,
      periodId: f.p1,
      status: 'gul',
      note: '=HYPERLINK("http://x")',
      version: 0,
    });
    expect(err(await c.medarbejder.post(`${API}/groups/${f.a}/export`, {}))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(err(await c.medarbejder.post(`${API}/groups/${f.a}/export`, { reason: 'kort' }))).toEqual([
      400,
      'request.invalid',
    ]);
    expect(
      err(await c.laerer1.post(`${API}/groups/${f.a}/export`, { reason: 'Til skolens læsevejleder' })),
    ).toEqual([404, 'progression.group_not_found']);
    const res = await c.medarbejder.post(`${API}/groups/${f.a}/export`, {
      reason: 'Til skolens læsevejleder',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="progression-5-a-test-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const csv = res.body;
    expect(csv.startsWith('\uFEFFKode;I klassen fra;I klassen til;')).toBe(true);
    expect(csv).toContain('5A-01;2026-08-12;;');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('Grøn');
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'progression.export'), eq(auditLog.subjectId, f.a)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actorId: ids.user.medarbejder,
      details: { reason: 'Til skolens læsevejleder' },
    });
  });
});

describe('/progression/me', () => {
  it('my groups and why; the summaries I may read', async () => {
    const mine = json(await c.medarbejder.get(`${API}/me`));
    expect(mine.groups.filter((g: { id: string }) => [f.a, f.b, f.c].includes(g.id))).toEqual([
      expect.objectContaining({ id: f.a, why: 'team' }),
    ]);
    const rp = json(await c.ressourceperson.get(`${API}/me`));
    expect(rp.groups.find((g: { id: string }) => g.id === f.a)?.why).toBe('delegated');
    const lead = json(await c.leder.get(`${API}/me`));
    expect(lead.groups.filter((g: { id: string }) => [f.a, f.b, f.c].includes(g.id))).toHaveLength(3);
    expect(lead.institutions).toContainEqual(
      expect.objectContaining({ name: 'Solsikkeskolen', canSetUp: true }),
    );
    const forv = json(await c.forvaltning.get(`${API}/me`));
    expect(forv.groups).toEqual([]);
    expect(forv.kommuner.map((k: { name: string }) => k.name)).toEqual(['Fjordby Kommune']);
  });
});

describe('archiving and deleting', () => {
  it('what holds data is archived, not deleted; archived areas and groups take no new statuses', async () => {
    const S = ids.institution.Solsikkeskolen;
    expect(err(await c.leder.delete(`${API}/periods/${f.p1}`))).toEqual([409, 'progression.in_use']);
    expect(err(await c.leder.delete(`${API}/areas/${f.read}`))).toEqual([409, 'progression.in_use']);
    expect(err(await c.leder.delete(`${API}/groups/${f.a}`))).toEqual([409, 'progression.in_use']);
    // A period with statuses keeps its school year (new dates within it are fine).
    expect(
      err(await c.leder.patch(`${API}/periods/${f.p1}`, { startsOn: '2027-08-15', endsOn: '2027-12-20' })),
    ).toEqual([409, 'progression.in_use']);
    expect(json(await c.leder.patch(`${API}/periods/${f.p1}`, { endsOn: '2026-12-21' }))).toMatchObject({
      endsOn: '2026-12-21',
      schoolYear: 2026,
    });
    // A leder cannot move a child into another institution's group.
    const foreign = json(await c.leder2.get(`${API}/me`)).groups[0]?.id;
    expect(foreign).toBeTruthy();
    expect(
      err(await c.leder.post(`${API}/children/${kids[2]}/move`, { groupId: foreign, on: '2027-04-02' })),
    ).toEqual([404, 'progression.group_not_found']);
    const spare = (await c.leder.post(`${API}/institutions/${S}/areas`, { name: 'Ubrugt (test)' })).json().id;
    expect((await c.leder.delete(`${API}/areas/${spare}`)).statusCode).toBe(204);
    expect(err(await c.medarbejder.delete(`${API}/areas/${f.well}`))).toEqual([
      404,
      'progression.area_not_found',
    ]);

    const archived = await c.leder.patch(`${API}/areas/${f.well}`, { archived: true });
    expect(json(archived)).toMatchObject({ id: f.well, archived: true });
    expect(
      err(
        await write('medarbejder', {
          childId: kids[2],
          areaId: f.well,
          periodId: f.p1,
          status: 'gul',
          version: 0,
        }),
      ),
    ).toEqual([409, 'progression.area_archived']);
    // An archived area with data stays in the grid.
    expect(
      json(await c.medarbejder.get(`${API}/groups/${f.a}/grid`)).areas.map((a: { id: string }) => a.id),
    ).toContain(f.well);
    await c.leder.patch(`${API}/areas/${f.well}`, { archived: false });

    await c.leder.patch(`${API}/groups/${f.a}`, { archived: true });
    const grid = json(await c.medarbejder.get(`${API}/groups/${f.a}/grid`));
    expect(grid.group.archived).toBe(true);
    expect(grid.can.write).toBe(false);
    expect(
      err(
        await write('medarbejder', {
          childId: kids[2],
          areaId: f.read,
          periodId: f.p3,
          status: 'gul',
          version: 0,
        }),
      ),
    ).toEqual([409, 'progression.group_archived']);
    await c.leder.patch(`${API}/groups/${f.a}`, { archived: false });
  });

  it('a delegation taken back: the ressourceperson loses the group at once', async () => {
    await c.leder.put(`${API}/groups/${f.c}/delegations`, { userIds: [ids.user.ressourceperson] });
    expect((await c.ressourceperson.get(`${API}/groups/${f.c}/grid`)).statusCode).toBe(200);
    await c.leder.put(`${API}/groups/${f.c}/delegations`, { userIds: [] });
    expect(err(await c.ressourceperson.get(`${API}/groups/${f.c}/grid`))).toEqual([
      404,
      'progression.group_not_found',
    ]);
  });
});

describe('losing access', () => {
  it('a delegated ressourceperson whose role is removed, and a member who leaves the team, lose the group at once', async () => {
    await t.ctx.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, ids.user.ressourceperson), eq(roleGrants.role, 'ressourceperson')));
    t.ctx.events.publish({ type: 'person.changed', userId: ids.user.ressourceperson });
    expect(err(await c.ressourceperson.get(`${API}/groups/${f.a}/grid`))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    await t.ctx.db
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, f.teamA), eq(teamMemberships.userId, ids.user.medarbejder)));
    t.ctx.events.publish({ type: 'person.changed', userId: ids.user.medarbejder });
    expect(err(await c.medarbejder.get(`${API}/groups/${f.a}/grid`))).toEqual([
      404,
      'progression.group_not_found',
    ]);
    expect(json(await c.medarbejder.get(`${API}/me`)).groups.map((g: { id: string }) => g.id)).not.toContain(
      f.a,
    );
  });
});
