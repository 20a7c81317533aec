import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { GroupSummary, SummaryCell, SummaryTable } from '../../../../shared/contracts/progression.js';
import { PROGRESSION_MIN_GROUP, schoolYearOf } from '../../../../shared/progression.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import { loadGroup, loadKommune } from '../resource.js';
import * as repo from './repo.js';
import { type Counts, decidePopulation, kommuneTotal, ZERO } from './suppress.js';

/**
 * Progression summaries (issue 17 part 2): a group's, an institution's (a row per group and the total) and a
 * kommune's (a row per institution and the total), read from progression_totals only and shown through
 * suppress.ts — a group with fewer than the institution's minimum children in a figure shows `counts: null`, with
 * complementary suppression so no two answers subtract to a small group. The same figures for every reader: the
 * learning conversations' data package shows what the institution's staff see.
 */

export type SummaryTableOut = z.infer<typeof SummaryTable>;
export type GroupSummaryOut = z.infer<typeof GroupSummary>;
type Cell = z.infer<typeof SummaryCell>;
/** A group's decided figure: null when withheld, zeros when it has no row in the figure at all. */
const shownOf = (groups: Map<string, Counts | null>, id: string) =>
  groups.has(id) ? (groups.get(id) ?? null) : ZERO;

export type SummaryFilter = { schoolYear?: number; areaId?: string; periodId?: string };

/** Today's school year (Danish date). */
export const currentSchoolYear = (now = new Date()) =>
  schoolYearOf(now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }));

/** The school year asked for, else the newest one with periods up to the current one, else the current one. */
export const pickYear = (years: number[], asked: number | undefined, now?: Date) =>
  asked ?? years.find((y) => y <= currentSchoolYear(now)) ?? currentSchoolYear(now);

/** One population's key: institution, area, period. */
const popKey = (institutionId: string, areaId: string, periodId: string) =>
  `${institutionId}\u0001${areaId}\u0001${periodId}`;

/** The totals rows grouped into populations (institution × area × period → group → counts). */
export function populations(rows: repo.TotalRow[]): Map<string, Map<string, Counts>> {
  const out = new Map<string, Map<string, Counts>>();
  for (const r of rows) {
    const key = popKey(r.institutionId, r.areaId, r.periodId);
    let pop = out.get(key);
    if (!pop) {
      pop = new Map();
      out.set(key, pop);
    }
    pop.set(r.groupId, {
      groen: r.groen,
      gul: r.gul,
      roed: r.roed,
      movedUp: r.movedUp,
      movedDown: r.movedDown,
    });
  }
  return out;
}

/** Narrows a list to the one asked for (404 with `code` when it is not there). */
function only<T extends { id: string }>(list: T[], id: string | undefined, code: 'area' | 'period'): T[] {
  if (!id) return list;
  const hit = list.filter((x) => x.id === id);
  if (!hit.length)
    throw new AppError(code === 'area' ? 'progression.area_not_found' : 'progression.period_not_found');
  return hit;
}

/**
 * An institution's summary for `actor` (progression.summary.institution: its staff and its kommune's
 * forvaltning; anyone else: institution.not_found). The front door for the learning conversations' data package.
 */
export async function institutionSummary(
  db: DbOrTx,
  actor: Actor,
  institutionId: string,
  filter: SummaryFilter = {},
  now?: Date,
): Promise<SummaryTableOut> {
  const inst = await repo.institution(db, institutionId);
  if (!inst) throw new AppError('institution.not_found');
  authorize(actor, 'progression.summary.institution', {
    type: 'institution',
    id: inst.id,
    kommuneId: inst.kommuneId,
  });
  const years = await repo.schoolYears(db, [inst.id]);
  const schoolYear = pickYear(years, filter.schoolYear, now);
  const [allAreas, allPeriods, groups, totals] = await Promise.all([
    repo.areas(db, [inst.id], schoolYear),
    repo.periods(db, [inst.id], schoolYear),
    repo.groups(db, inst.id, schoolYear),
    repo.totals(db, [inst.id], schoolYear),
  ]);
  const areas = only(allAreas, filter.areaId, 'area');
  const periods = only(allPeriods, filter.periodId, 'period');
  const pops = populations(totals);
  const rowCells = new Map<string, Cell[]>(groups.map((g) => [g.id, []]));
  const total: Cell[] = [];
  for (const a of areas)
    for (const p of periods) {
      const decided = decidePopulation(pops.get(popKey(inst.id, a.id, p.id)) ?? new Map(), inst.minGroup);
      for (const g of groups)
        rowCells.get(g.id)?.push({ areaId: a.id, periodId: p.id, counts: shownOf(decided.groups, g.id) });
      total.push({ areaId: a.id, periodId: p.id, counts: decided.total });
    }
  return {
    scope: { kind: 'institution', id: inst.id, name: inst.name },
    schoolYear,
    schoolYears: years,
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    periods: periods.map((p) => ({ id: p.id, name: p.name, schoolYear: p.schoolYear })),
    rows: groups.map((g) => ({ id: g.id, name: g.name, cells: rowCells.get(g.id) ?? [] })),
    total,
    minGroup: inst.minGroup,
  };
}

/** A stable uuid for a kommune-wide area (by name) or period (by order in the year): a hash, never a row id. */
export function kommuneKeyId(kommuneId: string, key: string): string {
  const h = createHash('sha256').update(`${kommuneId}\u0001${key}`).digest('hex');
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A kommune's summary (progression.summary.kommune: its forvaltning): a row per institution that follows
 * progression, with the institution's total per area and period, decided in the institution's own population
 * with its own minimum — a withheld institution total is null and counted in no kommune total. Areas are matched
 * by name (case-insensitive), periods by their order within the school year.
 */
export async function kommuneSummary(
  db: DbOrTx,
  actor: Actor,
  kommuneId: string,
  filter: SummaryFilter = {},
  now?: Date,
): Promise<SummaryTableOut> {
  const k = await loadKommune(db, actor, kommuneId, 'progression.summary.kommune');
  const insts = await repo.kommuneInstitutions(db, k.id);
  const ids = insts.map((i) => i.id);
  const years = await repo.schoolYears(db, ids);
  const schoolYear = pickYear(years, filter.schoolYear, now);
  const [areaRows, periodRows, totals] = await Promise.all([
    repo.areas(db, ids, schoolYear),
    repo.periods(db, ids, schoolYear),
    repo.institutionTotals(db, ids, schoolYear),
  ]);

  // Kommune areas: one per name; the institution's own area id per kommune area.
  const areaKey = (name: string) => name.trim().toLocaleLowerCase('da');
  const kAreas = new Map<string, { id: string; name: string; position: number }>();
  const areaOf = new Map<string, string>(); // institution \u0001 kommune area id → institution area id
  for (const a of areaRows) {
    const key = areaKey(a.name);
    const id = kommuneKeyId(k.id, `area:${key}`);
    const known = kAreas.get(key);
    if (!known || a.position < known.position) kAreas.set(key, { id, name: a.name, position: a.position });
    areaOf.set(`${a.institutionId}\u0001${id}`, a.id);
  }
  // Kommune periods: the 1st, 2nd … of the school year at each institution; named as they are everywhere, or "N. periode".
  const ordinal = new Map<string, number>();
  const names = new Map<number, Set<string>>();
  const periodOf = new Map<string, string>(); // institution \u0001 kommune period id → institution period id
  for (const p of periodRows) {
    const n = (ordinal.get(p.institutionId) ?? 0) + 1;
    ordinal.set(p.institutionId, n);
    names.set(n, (names.get(n) ?? new Set()).add(p.name));
    periodOf.set(`${p.institutionId}\u0001${kommuneKeyId(k.id, `period:${schoolYear}:${n}`)}`, p.id);
  }
  const allAreas = [...kAreas.values()].sort(
    (a, b) => a.position - b.position || a.name.localeCompare(b.name, 'da'),
  );
  const allPeriods = [...names.keys()]
    .sort((a, b) => a - b)
    .map((n) => {
      const seen = names.get(n) ?? new Set();
      return {
        id: kommuneKeyId(k.id, `period:${schoolYear}:${n}`),
        name: seen.size === 1 ? [...seen][0] : `${n}. periode`,
        schoolYear,
      };
    });
  const areas = only(allAreas, filter.areaId, 'area');
  const periods = only(allPeriods, filter.periodId, 'period');

  // An institution's total under its coarsening is its sum when that holds at least its minimum and withheld
  // whole otherwise (suppress.unit.test checks this), which is what a population of one class answers.
  const sums = new Map(
    totals.map(({ institutionId, areaId, periodId, ...c }) => [popKey(institutionId, areaId, periodId), c]),
  );
  const rowCells = new Map<string, Cell[]>(insts.map((i) => [i.id, []]));
  const total: Cell[] = [];
  for (const a of areas)
    for (const p of periods) {
      const line: (Counts | null)[] = [];
      for (const inst of insts) {
        const areaId = areaOf.get(`${inst.id}\u0001${a.id}`);
        const periodId = periodOf.get(`${inst.id}\u0001${p.id}`);
        const sum = areaId && periodId ? sums.get(popKey(inst.id, areaId, periodId)) : undefined;
        const figure = sum ? decidePopulation(new Map([[inst.id, sum]]), inst.minGroup).total : ZERO;
        line.push(figure);
        rowCells.get(inst.id)?.push({ areaId: a.id, periodId: p.id, counts: figure });
      }
      total.push({ areaId: a.id, periodId: p.id, counts: kommuneTotal(line) });
    }
  return {
    scope: { kind: 'kommune', id: k.id, name: k.name },
    schoolYear,
    schoolYears: years,
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    periods,
    rows: insts.map((i) => ({ id: i.id, name: i.name, cells: rowCells.get(i.id) ?? [] })),
    total,
    minGroup: Math.max(PROGRESSION_MIN_GROUP, ...insts.map((i) => i.minGroup)),
  };
}

/**
 * One group's summary for its school year. The group's circle (progression.group.read) sees its own counts as
 * they are (it sees the children anyway); the institution's other staff and forvaltning see the same figures as in
 * the institution's table (withheld: null); anyone else: progression.group_not_found.
 */
export async function groupSummary(
  db: DbOrTx,
  actor: Actor,
  groupId: string,
  filter: Omit<SummaryFilter, 'schoolYear'> = {},
): Promise<GroupSummaryOut> {
  const inCircle = await loadGroup(db, actor, groupId, 'progression.group.read').then(
    () => true,
    (err) => {
      if (err instanceof AppError && err.code === 'progression.group_not_found') return false;
      throw err;
    },
  );
  const g = await repo.group(db, groupId);
  if (!g) throw new AppError('progression.group_not_found');
  const inst = await repo.institution(db, g.institutionId);
  if (
    !inst ||
    (!inCircle &&
      !can(actor, 'progression.summary.institution', {
        type: 'institution',
        id: inst.id,
        kommuneId: inst.kommuneId,
      }))
  )
    throw new AppError('progression.group_not_found');
  const [allAreas, allPeriods, totals] = await Promise.all([
    repo.areas(db, [inst.id], g.schoolYear),
    repo.periods(db, [inst.id], g.schoolYear),
    repo.totals(db, [inst.id], g.schoolYear),
  ]);
  const areas = only(allAreas, filter.areaId, 'area');
  const periods = only(allPeriods, filter.periodId, 'period');
  const pops = populations(totals);
  const cells: Cell[] = [];
  for (const a of areas)
    for (const p of periods) {
      const pop = pops.get(popKey(inst.id, a.id, p.id)) ?? new Map<string, Counts>();
      const own = pop.get(g.id);
      const counts = inCircle ? (own ?? ZERO) : shownOf(decidePopulation(pop, inst.minGroup).groups, g.id);
      cells.push({ areaId: a.id, periodId: p.id, counts });
    }
  return {
    group: { id: g.id, name: g.name, schoolYear: g.schoolYear },
    areas: areas.map(({ id, name, position, archived }) => ({ id, name, position, archived })),
    periods: periods.map(({ id, name, schoolYear, startsOn, endsOn }) => ({
      id,
      name,
      schoolYear,
      startsOn,
      endsOn,
    })),
    cells,
  };
}
