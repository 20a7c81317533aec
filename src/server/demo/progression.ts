import { and, eq, inArray } from 'drizzle-orm';
import type { ConferenceSnapshot } from '../../shared/contracts/progression.js';
import { DEFAULT_AREAS, type ProgressionStatus } from '../../shared/progression.js';
import type { Db, DbOrTx } from '../db/index.js';
import {
  progressionAreas,
  progressionChildren,
  progressionConferences,
  progressionDelegations,
  progressionGroups,
  progressionPeriods,
  progressionPlacements,
  progressionStatuses,
  progressionTotals,
} from '../db/progression-schema.js';
import { instanceSettings, institutions, teams, users } from '../db/schema.js';
import { recomputeTotals } from '../modules/progression/index.js';
import { DEMO_DOMAIN } from './constants.js';

/**
 * Demo progression overview (issue 17 part 2 "Demo"): Solsikkeskolen's 3. årgang — 3.A (23 pupils) and 3.B (22),
 * codes only, the "3. årgang" team as class team — in Læsning and Trivsel over three periods of one school year
 * (Matematik is set up but not yet used), with visible movement: reading improves in 3.A after the læringssamtale
 * on the yellow readers, one pupil moves from 3.B to 3.A after the first period (its history follows it), and a few
 * slip in well-being. The leader delegated 3.A to Rasmus (ressourceperson), who took part in the læringssamtale
 * after the second period. Børnehuset Mælkebøtten's stue Mariehønsene (12 children) follows Sprog and Trivsel over
 * two periods. The school year is the latest whose three autumn periods have passed: the current one from December,
 * else the one before. Deterministic; seeded once (its own flag); the totals are computed as a status write does.
 */

const DEMO_PROGRESSION_SETTING = 'demo_progression_seeded';
const MOVED = '3B-22';

/** The school year the demo fills: its three periods (15 Aug – 28 Nov) are over by 1 December. */
export function demoProgressionYear(now: Date): number {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  return m >= 12 ? y : y - 1;
}

/** A pupil's status from a level 0–2 (rød, gul, grøn). */
const STATUS: ProgressionStatus[] = ['roed', 'gul', 'groen'];

/** A small deterministic number 0..n−1 from a code (no randomness: the demo is the same everywhere). */
function pick(code: string, salt: number, n: number): number {
  let h = 2166136261 ^ salt;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % n;
}

/**
 * A pupil's levels over the three periods in one area. Reading: about a quarter start yellow, a few red; in 3.A the
 * yellow readers move up after the conference (period 3), in 3.B fewer do. Well-being: mostly green, a few dip.
 */
function levels(code: string, area: 'read' | 'well', inA: boolean): [number, number, number] {
  const r = pick(code, area === 'read' ? 1 : 2, 100);
  if (area === 'read') {
    const start = r < 8 ? 0 : r < 32 ? 1 : 2;
    const mid = start === 0 && r % 2 === 0 ? 1 : start;
    const lift = inA ? r % 3 !== 0 : r % 3 === 0;
    const end = mid < 2 && lift ? mid + 1 : mid === 2 && r > 96 ? 1 : mid;
    return [start, mid, end];
  }
  const start = r < 6 ? 1 : 2;
  const mid = r >= 90 && r < 96 ? 1 : start;
  const end = r >= 90 && r < 93 ? 2 : r < 3 ? 2 : mid;
  return [start, mid, end];
}

type Row = {
  childId: string;
  code: string;
  groupId: string;
  areaId: string;
  periodId: string;
  level: number;
};

async function ids(tx: DbOrTx) {
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        ['leder', 'medarbejder', 'ressourceperson', 'leder2', 'medarbejder2'].map(
          (l) => `${l}@${DEMO_DOMAIN}`,
        ),
      ),
    );
  const who = new Map(people.map((p) => [p.email.split('@')[0], p.id]));
  const inst = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(inArray(institutions.name, ['Solsikkeskolen', 'Børnehuset Mælkebøtten']));
  const place = new Map(inst.map((i) => [i.name, i.id]));
  const teamRows = await tx
    .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
    .from(teams)
    .where(inArray(teams.name, ['3. årgang', 'Mariehønsene']));
  return { who, place, team: new Map(teamRows.map((t) => [t.name, t.id])) };
}

async function areasOf(tx: DbOrTx, institutionId: string, names: readonly string[]) {
  const rows = await tx
    .insert(progressionAreas)
    .values(names.map((name, position) => ({ institutionId, name, position })))
    .returning({ id: progressionAreas.id, name: progressionAreas.name });
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function periodsOf(
  tx: DbOrTx,
  institutionId: string,
  schoolYear: number,
  list: [string, string, string][],
) {
  const rows = await tx
    .insert(progressionPeriods)
    .values(list.map(([name, startsOn, endsOn]) => ({ institutionId, name, schoolYear, startsOn, endsOn })))
    .returning({ id: progressionPeriods.id });
  return rows.map((r) => r.id);
}

async function childrenOf(
  tx: DbOrTx,
  institutionId: string,
  groupId: string,
  codes: string[],
  fromOn: string,
) {
  const rows = await tx
    .insert(progressionChildren)
    .values(codes.map((code) => ({ institutionId, code })))
    .returning({ id: progressionChildren.id, code: progressionChildren.code });
  await tx.insert(progressionPlacements).values(rows.map((r) => ({ childId: r.id, groupId, fromOn })));
  return rows;
}

/** Inserts the statuses and computes every touched group's totals (period by period: movement needs the earlier). */
async function write(tx: DbOrTx, rows: Row[], by: string | undefined, at: Date) {
  if (!rows.length) return;
  await tx.insert(progressionStatuses).values(
    rows.map((r) => ({
      childId: r.childId,
      areaId: r.areaId,
      periodId: r.periodId,
      groupId: r.groupId,
      status: STATUS[r.level],
      updatedBy: by ?? null,
      updatedAt: at,
    })),
  );
  const cells = new Map(rows.map((r) => [`${r.groupId}/${r.areaId}/${r.periodId}`, r]));
  for (const r of cells.values()) await recomputeTotals(tx, r.groupId, r.areaId, r.periodId);
}

/** The overview of 3.A as it stood at the conference (periods 1–2), built from what was entered. */
async function snapshotOf(
  tx: DbOrTx,
  groupId: string,
  areas: { id: string; name: string }[],
  periods: { id: string; name: string }[],
  rows: Row[],
  takenAt: Date,
): Promise<ConferenceSnapshot> {
  const codes = [...new Set(rows.filter((r) => r.groupId === groupId).map((r) => r.code))].sort();
  const summary = await tx.select().from(progressionTotals).where(eq(progressionTotals.groupId, groupId));
  const inSnap = new Set(periods.map((p) => p.id));
  return {
    takenAt: takenAt.toISOString(),
    areas,
    periods,
    children: codes.map((code) => ({
      code,
      cells: rows
        .filter((r) => r.code === code && r.groupId === groupId && inSnap.has(r.periodId))
        .map((r) => ({ areaId: r.areaId, periodId: r.periodId, status: STATUS[r.level] })),
    })),
    summary: summary
      .filter((s) => inSnap.has(s.periodId))
      .map((s) => ({
        areaId: s.areaId,
        periodId: s.periodId,
        counts: { groen: s.groen, gul: s.gul, roed: s.roed, movedUp: s.movedUp, movedDown: s.movedDown },
      })),
  };
}

async function seedSchool(
  tx: DbOrTx,
  o: { institutionId: string; teamId: string | null; who: Map<string, string>; y: number },
) {
  const { institutionId, teamId, who, y } = o;
  const area = await areasOf(tx, institutionId, DEFAULT_AREAS.skole);
  const read = area.get('Læsning') as string;
  const well = area.get('Trivsel') as string;
  const dates: [string, string, string][] = [
    [`Skolestart ${y}`, `${y}-08-17`, `${y}-09-11`],
    [`Oktober ${y}`, `${y}-10-05`, `${y}-10-30`],
    [`November ${y}`, `${y}-11-09`, `${y}-11-27`],
  ];
  const periods = await periodsOf(tx, institutionId, y, dates);
  const groups = await tx
    .insert(progressionGroups)
    .values(['3.A', '3.B'].map((name) => ({ institutionId, name, schoolYear: y, grade: 3, teamId })))
    .returning({ id: progressionGroups.id, name: progressionGroups.name });
  const [a, b] = groups.map((g) => g.id);
  const start = `${y}-08-11`;
  const codesA = Array.from({ length: 23 }, (_, i) => `3A-${String(i + 1).padStart(2, '0')}`);
  const codesB = Array.from({ length: 22 }, (_, i) => `3B-${String(i + 1).padStart(2, '0')}`);
  const inA = await childrenOf(tx, institutionId, a, codesA, start);
  const inB = await childrenOf(tx, institutionId, b, codesB, start);
  // 3B-22 moves to 3.A after the first period: its later statuses are entered there.
  const moved = inB.find((c) => c.code === MOVED) as { id: string; code: string };
  const movedOn = `${y}-09-21`;
  await tx
    .update(progressionPlacements)
    .set({ toOn: movedOn })
    .where(and(eq(progressionPlacements.childId, moved.id), eq(progressionPlacements.groupId, b)));
  await tx.insert(progressionPlacements).values({ childId: moved.id, groupId: a, fromOn: movedOn });
  await tx.insert(progressionDelegations).values({
    groupId: a,
    userId: who.get('ressourceperson') as string,
    grantedBy: who.get('leder') ?? null,
  });

  const rows: Row[] = [];
  for (const [list, groupId, isA] of [
    [inA, a, true],
    [inB, b, false],
  ] as const)
    for (const c of list)
      for (const [key, areaId] of [
        ['read', read],
        ['well', well],
      ] as const) {
        const lv = levels(c.code, key, isA || c.code === MOVED);
        periods.forEach((periodId, i) => {
          const g = c.code === MOVED && i > 0 ? a : groupId;
          rows.push({ childId: c.id, code: c.code, groupId: g, areaId, periodId, level: lv[i] });
        });
      }
  const teacher = who.get('medarbejder');
  const at = (d: string) => new Date(`${d}T14:00:00Z`);
  for (let i = 0; i < periods.length; i++)
    await write(
      tx,
      rows.filter((r) => r.periodId === periods[i]),
      teacher,
      at(dates[i][2]),
    );

  // The læringssamtale on 3.A after the October period, with Rasmus as resource person.
  const heldOn = `${y}-11-03`;
  const snapshot = await snapshotOf(
    tx,
    a,
    [
      { id: read, name: 'Læsning' },
      { id: area.get('Matematik') as string, name: 'Matematik' },
      { id: well, name: 'Trivsel' },
    ],
    dates.slice(0, 2).map(([name], i) => ({ id: periods[i], name })),
    rows,
    at(heldOn),
  );
  // The snapshot's counts are the two first periods' as they stood then (nothing after was entered yet).
  await tx.insert(progressionConferences).values({
    groupId: a,
    heldOn,
    focus: 'Læsning: de gule læsere i 3.A',
    why: 'En del elever står stadig på gul i læsning efter oktober-målingen, og nogle af dem er ikke rykket siden skolestart. Vi vil have dem med, før de mister lysten til at læse.',
    resourcePersonId: who.get('ressourceperson') ?? null,
    participants:
      'Klasseteamet (Mette og dansklæreren), Rasmus Kjær (læsevejleder), Lene Dalgaard (skoleleder)',
    decisions:
      'Læsebånd hver morgen i 20 minutter med bøger på elevernes niveau. Rasmus observerer to læsebånd og giver feedback. De gule læsere læser højt for en voksen tre gange om ugen.',
    followUp:
      'Vi ser på læsningen igen efter november-målingen og tager det op på næste læringssamtale i januar.',
    previousOutcome: '',
    snapshot,
    createdBy: teacher ?? null,
    createdAt: at(heldOn),
    updatedAt: at(heldOn),
  });
}

async function seedStue(
  tx: DbOrTx,
  o: { institutionId: string; teamId: string | null; who: Map<string, string>; y: number },
) {
  const { institutionId, teamId, who, y } = o;
  const area = await areasOf(tx, institutionId, DEFAULT_AREAS.dagtilbud);
  const dates: [string, string, string][] = [
    [`Sprogvurdering efterår ${y}`, `${y}-09-01`, `${y}-09-30`],
    [`Opfølgning november ${y}`, `${y}-11-02`, `${y}-11-27`],
  ];
  const periods = await periodsOf(tx, institutionId, y, dates);
  const [stue] = await tx
    .insert(progressionGroups)
    .values({ institutionId, name: 'Mariehønsene', schoolYear: y, ageBand: '3-5', teamId })
    .returning({ id: progressionGroups.id });
  const codes = Array.from({ length: 12 }, (_, i) => `MH-${String(i + 1).padStart(2, '0')}`);
  const kids = await childrenOf(tx, institutionId, stue.id, codes, `${y}-08-03`);
  const rows: Row[] = [];
  for (const c of kids)
    for (const [key, name] of [
      ['read', 'Sprog'],
      ['well', 'Trivsel'],
    ] as const) {
      const lv = levels(c.code, key, true);
      for (const [i, periodId] of periods.entries())
        rows.push({
          childId: c.id,
          code: c.code,
          groupId: stue.id,
          areaId: area.get(name) as string,
          periodId,
          level: lv[i],
        });
    }
  for (let i = 0; i < periods.length; i++)
    await write(
      tx,
      rows.filter((r) => r.periodId === periods[i]),
      who.get('medarbejder2'),
      new Date(`${dates[i][2]}T14:00:00Z`),
    );
}

/** Seeds the demo progression once (see the header). True when it seeded. */
export async function seedDemoProgression(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_PROGRESSION_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const { who, place, team } = await ids(tx);
    const school = place.get('Solsikkeskolen');
    const house = place.get('Børnehuset Mælkebøtten');
    if (!school || !house)
      throw new Error('demo progression needs Solsikkeskolen and Børnehuset Mælkebøtten first');
    const y = demoProgressionYear(now);
    await seedSchool(tx, { institutionId: school, teamId: team.get('3. årgang') ?? null, who, y });
    await seedStue(tx, { institutionId: house, teamId: team.get('Mariehønsene') ?? null, who, y });
    return true;
  });
}
