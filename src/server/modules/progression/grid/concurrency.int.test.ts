import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressionStatus } from '../../../../shared/progression.js';
import { progressionTotals } from '../../../db/progression-schema.js';
import { teamMemberships, teams } from '../../../db/schema.js';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';

/*
 * Two (or more) people writing different children of one group at the same moment never lose a count: every status
 * write locks the groups whose figures it changes and recomputes them from the statuses. On PostgreSQL the writes
 * really run at once (a pool of connections); on PGlite they queue. Also across groups: a child moved to another
 * group, with its earlier period written in the old group while its later period is written in the new one.
 */
let t: TestApp;
const c: TestClient[] = [];
const API = '/api/v1/progression';
const f: Record<string, string> = {};
const kids: string[] = [];
const N = 24;

beforeAll(async () => {
  t = await createTestApp();
  const ids = await demoIds(t.ctx.db);
  const S = ids.institution.Solsikkeskolen;
  const [team] = await t.ctx.db
    .insert(teams)
    .values({ name: 'Klasseteam 7.A', type: 'aargangsteam', institutionId: S })
    .returning();
  await t.ctx.db.insert(teamMemberships).values({ teamId: team.id, userId: ids.user.medarbejder });
  const leder = await t.as('leder');
  f.area = (await leder.post(`${API}/institutions/${S}/areas`, { name: 'Læsning (samtidig)' })).json().id;
  const period = async (name: string, startsOn: string, endsOn: string) =>
    (await leder.post(`${API}/institutions/${S}/periods`, { name, startsOn, endsOn })).json().id;
  f.p1 = await period('P1 samtidig', '2026-08-15', '2026-12-20');
  f.p2 = await period('P2 samtidig', '2027-01-04', '2027-03-20');
  f.p3 = await period('P3 samtidig', '2027-04-01', '2027-06-20');
  const group = async (name: string, teamId: string | null) =>
    (await leder.post(`${API}/institutions/${S}/groups`, { name, schoolYear: 2026, teamId })).json().id;
  f.a = await group('7.A (samtidig)', team.id);
  f.b = await group('7.B (samtidig)', null);
  for (let i = 0; i < N; i++) {
    const r = await leder.post(`${API}/groups/${f.a}/children`, { code: `7A-${i}`, fromOn: '2026-08-12' });
    kids.push(r.json().id);
  }
  // Three writers: two in the class team's circle (the teacher, a leder) and a second session of the teacher.
  c.push(await t.as('medarbejder'), leder, await t.as('medarbejder'));
});
afterAll(() => t?.close());

const STATUSES: ProgressionStatus[] = ['groen', 'gul', 'roed'];
const at = (i: number, shift = 0) => STATUSES[(i + shift) % 3];

async function totals(groupId: string, periodId: string) {
  const [r] = await t.ctx.db
    .select()
    .from(progressionTotals)
    .where(
      and(
        eq(progressionTotals.groupId, groupId),
        eq(progressionTotals.areaId, f.area),
        eq(progressionTotals.periodId, periodId),
      ),
    );
  return r && { groen: r.groen, gul: r.gul, roed: r.roed, movedUp: r.movedUp, movedDown: r.movedDown };
}

const put = (i: number, periodId: string, status: ProgressionStatus, version: number) =>
  c[i % c.length].put(`${API}/statuses`, {
    childId: kids[i],
    areaId: f.area,
    periodId,
    status,
    score: null,
    note: '',
    version,
  });

describe('concurrent status writes', () => {
  it('every child of a group written at once: the counts are exact', async () => {
    const answers = await Promise.all(kids.map((_, i) => put(i, f.p1, at(i), 0)));
    expect(answers.map((r) => r.statusCode)).toEqual(kids.map(() => 200));
    expect(await totals(f.a, f.p1)).toEqual({ groen: 8, gul: 8, roed: 8, movedUp: 0, movedDown: 0 });
  });

  it('the next period written at once while the first is rewritten: counts and movement exact', async () => {
    // P2: every child one step "later" in the cycle groen→gul→roed→groen; meanwhile P1 is rewritten unchanged
    // (version 1 → 2), so P2's movement is recomputed by writers of both periods at the same time.
    const answers = await Promise.all([
      ...kids.map((_, i) => put(i, f.p2, at(i, 1), 0)),
      ...kids.map((_, i) => put(i, f.p1, at(i), 1)),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([...kids, ...kids].map(() => 200));
    // groen→gul (down) 8, gul→roed (down) 8, roed→groen (up) 8.
    expect(await totals(f.a, f.p2)).toEqual({ groen: 8, gul: 8, roed: 8, movedUp: 8, movedDown: 16 });
    expect(await totals(f.a, f.p1)).toEqual({ groen: 8, gul: 8, roed: 8, movedUp: 0, movedDown: 0 });
  });

  it('across groups: half the class moves; their earlier cells (in 7.A) rewritten while their next (in 7.B) is written', async () => {
    const leder = c[1];
    const leder2 = await t.as('leder');
    for (let i = 0; i < N / 2; i++)
      expect(
        (await leder.post(`${API}/children/${kids[i]}/move`, { groupId: f.b, on: '2027-04-01' })).statusCode,
      ).toBe(200);
    const moved = kids.slice(0, N / 2);
    const body = (childId: string, periodId: string, status: ProgressionStatus, version: number) => ({
      childId,
      areaId: f.area,
      periodId,
      status,
      score: null,
      note: '',
      version,
    });
    // At once: P3 (in 7.B) groen for the moved children, and their P2 (in 7.A) rewritten to roed.
    const answers = await Promise.all([
      ...moved.map((id) => leder.put(`${API}/statuses`, body(id, f.p3, 'groen', 0))),
      ...moved.map((id) => leder2.put(`${API}/statuses`, body(id, f.p2, 'roed', 1))),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([...moved, ...moved].map(() => 200));
    // 7.B's P3 compares with P2 entered in 7.A: every moved child went roed → groen.
    expect(await totals(f.b, f.p3)).toEqual({ groen: N / 2, gul: 0, roed: 0, movedUp: N / 2, movedDown: 0 });
    const expected = { groen: 0, gul: 0, roed: 0, movedUp: 0, movedDown: 0 };
    const rank = { roed: 0, gul: 1, groen: 2 } as const;
    kids.forEach((_, i) => {
      const s1 = at(i);
      const s2: ProgressionStatus = i < N / 2 ? 'roed' : at(i, 1);
      expected[s2]++;
      if (rank[s2] > rank[s1]) expected.movedUp++;
      if (rank[s2] < rank[s1]) expected.movedDown++;
    });
    expect(await totals(f.a, f.p2)).toEqual(expected);
    expect(await totals(f.a, f.p3)).toBeUndefined();
  });
});
