import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceSnapshot } from '../../../../shared/contracts/progression.js';
import {
  progressionChildren,
  progressionConferences,
  progressionPlacements,
  progressionStatuses,
  progressionTotals,
} from '../../../db/progression-schema.js';
import { auditLog } from '../../../db/schema.js';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../../testing/harness.js';
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
import { purgeExpiredProgression } from './service.js';

/*
 * Retention (issue 17 part 2): per-child rows go a set number of months after their school year ends (31 July),
 * by the Danish calendar; the totals stay (marked purged) and the conference snapshots keep their counts. With
 * fixed dates: the day before, the day itself (also 00:30 Danish time, still 31 July in UTC), an institution with a
 * shorter setting, a child whose later year is still kept, and the purge run twice — and at once from two callers.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const f: Record<string, string> = {};
const snap = (code: string, areaId: string, periodId: string): ConferenceSnapshot => ({
  takenAt: '2025-03-01T10:00:00.000Z',
  areas: [{ id: areaId, name: 'Læsning' }],
  periods: [{ id: periodId, name: 'P' }],
  children: [{ code, cells: [{ areaId, periodId, status: 'gul' }] }],
  summary: [{ areaId, periodId, counts: counts(0, 1) }],
});

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  const db = t.ctx.db;
  const S = ids.institution.Solsikkeskolen;
  const K = ids.institution.Kildeskolen;
  // Solsikkeskolen keeps the default 12 months; Kildeskolen 1 month.
  await db.execute(sql`insert into progression_settings (institution_id, retention_months) values (${K}, 1)`);
  f.read = await addArea(db, S, 'Læsning');
  f.p24 = await addPeriod(db, S, 'Forår 2025', 2024, ['2025-01-10', '2025-06-20']);
  f.p25 = await addPeriod(db, S, 'Efterår 2025', 2025);
  f.g24 = await addGroup(db, S, '2.A', 2024);
  f.g25 = await addGroup(db, S, '3.A', 2025);
  // Only in 2024/25: gone with it. Moved on to 3.A in 2025/26: stays, with its 2025 rows.
  f.gone = await addChild(db, S, 'A-01', f.g24, '2024-08-12', '2025-07-31');
  f.stays = await addChild(db, S, 'A-02', f.g24, '2024-08-12', '2025-07-31');
  await place(db, f.stays, f.g25, '2025-08-11');
  for (const child of [f.gone, f.stays])
    await addStatus(db, { childId: child, areaId: f.read, periodId: f.p24, groupId: f.g24, status: 'gul' });
  await addStatus(db, { childId: f.stays, areaId: f.read, periodId: f.p25, groupId: f.g25, status: 'groen' });
  await setTotals(db, f.g24, f.read, f.p24, counts(0, 2));
  await setTotals(db, f.g25, f.read, f.p25, counts(1));
  const [c24] = await db
    .insert(progressionConferences)
    .values({ groupId: f.g24, heldOn: '2025-03-01', snapshot: snap('A-01', f.read, f.p24) })
    .returning();
  f.c24 = c24.id;
  const [c25] = await db
    .insert(progressionConferences)
    .values({ groupId: f.g25, heldOn: '2025-11-01', snapshot: snap('A-02', f.read, f.p25) })
    .returning();
  f.c25 = c25.id;
  // Kildeskolen, 2025/26 with a 1-month setting: due 1 September 2026.
  f.kRead = await addArea(db, K, 'Læsning');
  f.kp25 = await addPeriod(db, K, 'Efterår 2025', 2025);
  f.kg25 = await addGroup(db, K, '1.A', 2025);
  f.kChild = await addChild(db, K, 'K-01', f.kg25, '2025-08-11');
  await addStatus(db, {
    childId: f.kChild,
    areaId: f.kRead,
    periodId: f.kp25,
    groupId: f.kg25,
    status: 'roed',
  });
  await setTotals(db, f.kg25, f.kRead, f.kp25, counts(0, 0, 1));
});
afterAll(() => t?.close());

async function state() {
  const db = t.ctx.db;
  const children = (await db.select({ code: progressionChildren.code }).from(progressionChildren)).map(
    (r) => r.code,
  );
  const statuses = await db
    .select({ childId: progressionStatuses.childId, periodId: progressionStatuses.periodId })
    .from(progressionStatuses);
  const placements = await db
    .select({ childId: progressionPlacements.childId, groupId: progressionPlacements.groupId })
    .from(progressionPlacements);
  const totals = await db
    .select({
      periodId: progressionTotals.periodId,
      gul: progressionTotals.gul,
      purged: sql<boolean>`${progressionTotals.purgedAt} is not null`,
    })
    .from(progressionTotals);
  const conferences = await db
    .select({ id: progressionConferences.id, snapshot: progressionConferences.snapshot })
    .from(progressionConferences);
  const conf = (id: string) => conferences.find((x) => x.id === id)?.snapshot as ConferenceSnapshot;
  return {
    children: children.sort(),
    statuses: statuses.length,
    placements: placements.length,
    totals: Object.fromEntries(totals.map((x) => [x.periodId, x.purged])),
    c24: conf(f.c24),
    c25: conf(f.c25),
  };
}

describe('the retention purge', () => {
  it('nothing before the day: 31 July 2026 at 23:59 Danish time keeps 2024/25', async () => {
    const r = await purgeExpiredProgression(t.ctx, new Date('2026-07-31T21:59:00Z'));
    expect(r).toEqual({ statuses: 0, placements: 0, children: 0, conferences: 0, totals: 0 });
    const s = await state();
    expect(s.children).toEqual(['A-01', 'A-02', 'K-01']);
    expect(s.statuses).toBe(4);
    expect(s.c24.children).toHaveLength(1);
  });

  it('on 1 August 2026 (00:30 Danish time) 2024/25 goes: statuses, placements, a child with nothing left, snapshot lines', async () => {
    const r = await purgeExpiredProgression(t.ctx, new Date('2026-07-31T22:30:00Z'));
    expect(r).toEqual({ statuses: 2, placements: 2, children: 1, conferences: 1, totals: 1 });
    const s = await state();
    expect(s.children).toEqual(['A-02', 'K-01']);
    expect(s.statuses).toBe(2);
    // A-02's 3.A placement and 2025 status stay, and so does 3.A's conference.
    expect(s.placements).toBe(2);
    expect(s.c25.children).toHaveLength(1);
    // The 2024/25 conference keeps its record and counts; the totals stay, marked final.
    expect(s.c24.children).toEqual([]);
    expect(s.c24.summary).toEqual([{ areaId: f.read, periodId: f.p24, counts: counts(0, 1) }]);
    expect(s.totals).toEqual({ [f.p24]: true, [f.p25]: false, [f.kp25]: false });
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'progression.retention_purge'));
    expect(entry.details).toMatchObject({ statuses: 2, children: 1, today: '2026-08-01' });
  });

  it('run twice: the same state, no error, nothing counted', async () => {
    const before = await state();
    const r = await purgeExpiredProgression(t.ctx, new Date('2026-08-01T10:00:00Z'));
    expect(r).toEqual({ statuses: 0, placements: 0, children: 0, conferences: 0, totals: 0 });
    expect(await state()).toEqual(before);
  });

  it("an institution's shorter setting: Kildeskolen's 2025/26 goes on 1 September 2026, Solsikkeskolen's a year later", async () => {
    expect((await purgeExpiredProgression(t.ctx, new Date('2026-08-31T12:00:00Z'))).statuses).toBe(0);
    const r = await purgeExpiredProgression(t.ctx, new Date('2026-09-01T12:00:00Z'));
    expect(r).toEqual({ statuses: 1, placements: 1, children: 1, conferences: 0, totals: 1 });
    expect((await state()).children).toEqual(['A-02']);
    const later = await purgeExpiredProgression(t.ctx, new Date('2027-08-01T12:00:00Z'));
    expect(later).toEqual({ statuses: 1, placements: 1, children: 1, conferences: 1, totals: 1 });
    const s = await state();
    expect(s.children).toEqual([]);
    expect(s.statuses + s.placements).toBe(0);
    expect(Object.values(s.totals)).toEqual([true, true, true]);
  });

  it('two at once: both end without error and the work is done once', async () => {
    const db = t.ctx.db;
    const S = ids.institution.Solsikkeskolen;
    const g = await addGroup(db, S, '9.Z', 2023);
    const p = await addPeriod(db, S, 'Forår 2024', 2023, ['2024-01-10', '2024-06-20']);
    for (let i = 0; i < 5; i++) {
      const child = await addChild(db, S, `Z-0${i}`, g, '2023-08-14');
      await addStatus(db, { childId: child, areaId: f.read, periodId: p, groupId: g, status: 'groen' });
    }
    const at = new Date('2027-09-01T12:00:00Z');
    const [a, b] = await Promise.all([
      purgeExpiredProgression(t.ctx, at),
      purgeExpiredProgression(t.ctx, at),
    ]);
    expect(a.statuses + b.statuses).toBe(5);
    expect(a.children + b.children).toBe(5);
    expect((await state()).children).toEqual([]);
  });
});
