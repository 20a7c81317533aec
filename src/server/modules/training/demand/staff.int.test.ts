import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '../../../db/schema.js';
import { termId } from '../../../testing/catalogue.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { signInTeachers } from '../../../testing/teachers.js';
import { ask, useThreshold } from './demand.testing.js';

/** Issue 15: a leder sees their own staff's training demand (by method, with who asked) — and nobody else's. */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const m = { high: '', low: '', bakke: '' };
let sol: Awaited<ReturnType<typeof signInTeachers>>;
let bak: Awaited<ReturnType<typeof signInTeachers>>;

type Staff = {
  institution: { id: string; name: string };
  threshold: number;
  methods: {
    method: { id: string; label: string };
    count: number;
    total: number;
    missing: number;
    course: { id: string; state: string; title: string } | null;
    requesters: { id: string; name: string; viaTeam: { id: string; name: string } | null; askedAt: string }[];
  }[];
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of ['medarbejder', 'leder', 'leder2', 'forvaltning', 'administrator', 'ressourceperson'])
    c[who] = await t.as(who);
  sol = await signInTeachers(t, ids.institution.Solsikkeskolen, 'stf', 3);
  bak = await signInTeachers(t, ids.institution.Bakkeskolen, 'stfb', 2);
  // Bakkeskolen's leder: one of its teachers made leder there.
  await t.ctx.db.update(roleGrants).set({ role: 'leder' }).where(eq(roleGrants.userId, bak[1].id));
  [c.bakkeLeder] = [await t.as(bak[1].email)];

  await useThreshold(c.administrator, 5);
  const db = t.ctx.db;
  m.high = await termId(db, 'method', 'Personalemetode A');
  m.low = await termId(db, 'method', 'Personalemetode B');
  m.bakke = await termId(db, 'method', 'Personalemetode C');
  // Højt: two Solsikkeskolen teachers, one from Bakkeskolen (3 in all, 2 of them Solsikkeskolen's).
  for (const p of [sol[0], sol[1], bak[0]]) await ask(p.client, { methodId: m.high });
  // Lavt: Mette asks for Matematikteamet (herself and Rasmus, via the team).
  await ask(c.medarbejder, { methodId: m.low, teamId: ids.team.Matematikteamet });
  // Only Bakkeskolen asks for C.
  await ask(bak[0].client, { methodId: m.bakke });
});
afterAll(() => t?.close());

const staffOf = async (who: TestClient, institutionId: string) => {
  const res = await who.get(`/api/v1/training/institutions/${institutionId}/demand`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Staff;
};

describe("a leder sees their own staff's training demand", () => {
  it('by method, most asked first, with who asked, via which team, and the total toward the threshold', async () => {
    const s = await staffOf(c.leder, ids.institution.Solsikkeskolen);
    expect(s.institution).toEqual({ id: ids.institution.Solsikkeskolen, name: 'Solsikkeskolen' });
    expect(s.threshold).toBe(5);
    expect(s.methods.map((x) => [x.method.label, x.count, x.total, x.missing])).toEqual([
      ['Personalemetode A', 2, 3, 2],
      ['Personalemetode B', 2, 2, 3],
    ]);
    const [high, low] = s.methods;
    expect(high.requesters.map((r) => r.name).sort()).toEqual([sol[0].name, sol[1].name].sort());
    expect(high.requesters.every((r) => r.viaTeam === null)).toBe(true);
    expect(low.requesters.map((r) => [r.name, r.viaTeam?.name]).sort()).toEqual([
      ['Mette Nørgaard', 'Matematikteamet'],
      ['Rasmus Kjær', 'Matematikteamet'],
    ]);
    expect(Number.isNaN(Date.parse(high.requesters[0].askedAt))).toBe(false);
    // Bakkeskolen's people and its own method are not in Solsikkeskolen's answer.
    const body = JSON.stringify(s);
    for (const p of bak) {
      expect(body).not.toContain(p.id);
      expect(body).not.toContain(p.name);
    }
    expect(body).not.toContain('Personalemetode C');
  });

  it('another leder sees their own institution, not this one', async () => {
    const b = await staffOf(c.bakkeLeder, ids.institution.Bakkeskolen);
    expect(b.methods.map((x) => [x.method.label, x.count, x.requesters.map((r) => r.name)])).toEqual([
      ['Personalemetode A', 1, [bak[0].name]],
      ['Personalemetode C', 1, [bak[0].name]],
    ]);
    // The leder of another institution — in another kommune, or in the same one — may not know it: 404.
    for (const who of ['bakkeLeder', 'leder2'])
      expect(
        err(await c[who].get(`/api/v1/training/institutions/${ids.institution.Solsikkeskolen}/demand`)),
        who,
      ).toEqual([404, 'institution.not_found']);
    expect(
      err(await c.leder.get(`/api/v1/training/institutions/${ids.institution.Bakkeskolen}/demand`)),
    ).toEqual([404, 'institution.not_found']);
  });

  it('a medarbejder or resource person of the same institution is refused (names are the leder’s)', async () => {
    for (const who of ['medarbejder', 'ressourceperson'])
      expect(
        err(await c[who].get(`/api/v1/training/institutions/${ids.institution.Solsikkeskolen}/demand`)),
        who,
      ).toEqual([403, 'policy.forbidden']);
    expect(
      err(await t.client().get(`/api/v1/training/institutions/${ids.institution.Solsikkeskolen}/demand`)),
    ).toEqual([401, 'auth.required']);
  });

  it('a forged or malformed institution id is not found / invalid, never someone else’s answer', async () => {
    const real = ids.institution.Solsikkeskolen;
    const forged = `${real.slice(0, -1)}${real.endsWith('0') ? '1' : '0'}`;
    expect(err(await c.leder.get(`/api/v1/training/institutions/${forged}/demand`))).toEqual([
      404,
      'institution.not_found',
    ]);
    expect(err(await c.leder.get('/api/v1/training/institutions/x/demand'))).toEqual([
      400,
      'request.invalid',
    ]);
  });

  it('forvaltning sees the institutions of its kommune; administrators every one', async () => {
    expect((await staffOf(c.forvaltning, ids.institution.Solsikkeskolen)).methods).toHaveLength(2);
    expect(
      err(await c.forvaltning.get(`/api/v1/training/institutions/${ids.institution.Bakkeskolen}/demand`)),
    ).toEqual([404, 'institution.not_found']);
    expect((await staffOf(c.administrator, ids.institution.Bakkeskolen)).methods).toHaveLength(2);
  });

  it('lists only people who still work there, and only requests that count now', async () => {
    // A teacher who left Solsikkeskolen is no longer listed (their request still counts in the total).
    await t.ctx.db
      .delete(roleGrants)
      .where(
        and(eq(roleGrants.userId, sol[1].id), eq(roleGrants.institutionId, ids.institution.Solsikkeskolen)),
      );
    const s = await staffOf(c.leder, ids.institution.Solsikkeskolen);
    const high = s.methods.find((x) => x.method.id === m.high);
    expect(high?.requesters.map((r) => r.name)).toEqual([sol[0].name]);
    expect(high?.total).toBe(3);
    // A withdrawn request is gone.
    await sol[0].client.delete(`/api/v1/training/requests/${m.high}`);
    const after = await staffOf(c.leder, ids.institution.Solsikkeskolen);
    expect(after.methods.map((x) => x.method.id)).toEqual([m.low]);
  });
});

describe('the overview says how many are asking (never just "0 af 0")', () => {
  it('asking counts the requests that count now, before any course has finished', async () => {
    const res = await c.forvaltning.get('/api/v1/training/overview');
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.ctx.db
      .execute(sql`select count(*)::int as n from training_requests`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(res.json().trained).toEqual({ requesters: 0, trained: 0, asking: row.n });
    expect(row.n).toBeGreaterThan(0);
  });
});
