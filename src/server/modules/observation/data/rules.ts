import { sql } from 'drizzle-orm';
import type { DataBreakdown } from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import { observationVisits } from '../../../db/observation-schema.js';
import { rows } from '../../../db/rows.js';
import { type Coarsening, coarsenRemembered, shows } from '../../../privacy/suppression.js';
import { arrayLiteral, countedVisits, type DataFilters, type ScopeInstitution } from './repo.js';

/**
 * What observation data may show, per institution (ADR 0009): the shared coarsening over term × subject × grade,
 * decided from the institution's counted visits alone (never from the request or the neighbours), and per
 * question and per chosen focus area whether its answers follow that coarsening (every counted visit answered
 * it, so its teachers per class are the class's teachers), may show only where no term, subject or grade is
 * fixed (its own teachers are enough), or not at all. Both the institution view (answers) and the kommune view
 * (data cells) apply the same rules, so every figure either view shows is a sum over whole classes.
 */

/** Dimensions in order of importance: the least important is withheld first. */
export const DIMENSIONS = ['term', 'subject', 'grade'] as const;
const DIM_INDEX = { term: 0, subject: 1, grade: 2 } as const;

/** same: follows the coarsening; whole: only where nothing is fixed; none: never shown. */
export type Status = 'same' | 'whole' | 'none';
export type InstitutionRules = { coarsening: Coarsening; items: Map<number, Status>; totals: Status };
export type DataRules = Map<string, InstitutionRules>;

type AtomRow = { institution: string; term: string; subject: string; grade: string; person: string };
type CellRow = {
  institution: string;
  item_key: string | null;
  area_key: string | null;
  teachers: number;
  visits: number;
};

/** The atoms (term × subject × grade with their teachers) and the whole-institution cells of the institutions. */
async function inputs(db: DbOrTx, ids: string[]) {
  const v = observationVisits;
  const none: DataFilters = { term: null, subject: null, grade: null };
  // Distinct rows, grouped here (an array_agg(distinct) per group sorts each group: slower).
  const atoms = await rows<AtomRow>(
    db,
    sql`
    select distinct ${v.institutionId}::text as institution, ${v.term} as term, ${v.subject} as subject,
      coalesce(${v.grade}::text, '') as grade, ${v.teacherId}::text as person
    from ${v} where ${countedVisits(ids, none)}`,
  );
  const cells = await rows<CellRow>(
    db,
    sql`
    select institution_id::text as institution, item_key, area_key, teachers, visits
    from observation_data_cells
    where institution_id = any(${arrayLiteral(ids)}::uuid[]) and dims = 0`,
  );
  return {
    atoms: atoms,
    cells: cells,
  };
}

/**
 * The rules of every institution in view. `items` maps item keys to the items shown, `areaKeys` is the chosen
 * focus area's keys (null: none chosen), `shared` the institutions where two keys are shown as one item or area
 * (items.ts: institutionsWithSharedUnits: a visit may count twice there, so no question follows the coarsening).
 */
export async function loadRules(
  db: DbOrTx,
  institutions: ScopeInstitution[],
  items: Map<string, number>,
  areaKeys: string[] | null,
  shared: string[],
): Promise<DataRules> {
  const ids = institutions.map((i) => i.id);
  const out: DataRules = new Map();
  if (ids.length === 0) return out;
  const { atoms, cells } = await inputs(db, ids);
  // Per institution: its atoms (term × subject × grade → teachers) and its whole-institution cells.
  const atomsOf = new Map<string, Map<string, { values: string[]; people: string[] }>>();
  for (const a of atoms) {
    const own = atomsOf.get(a.institution) ?? new Map();
    atomsOf.set(a.institution, own);
    const key = `${a.term}\u0001${a.subject}\u0001${a.grade}`;
    const atom = own.get(key) ?? { values: [a.term, a.subject, a.grade], people: [] };
    own.set(key, atom);
    atom.people.push(a.person);
  }
  const cellsOf = new Map<string, CellRow[]>();
  for (const c of cells) cellsOf.set(c.institution, [...(cellsOf.get(c.institution) ?? []), c]);
  for (const inst of institutions) {
    const min = inst.minGroupSize;
    const coarsening = coarsenRemembered([...(atomsOf.get(inst.id)?.values() ?? [])], DIMENSIONS.length, min);
    const mine = cellsOf.get(inst.id) ?? [];
    const all = mine.find((c) => c.item_key === null && c.area_key === null);
    const isShared = shared.includes(inst.id);
    /** A family's status from its whole-institution rows (visits summed over its keys, teachers at least the most). */
    const status = (rows: CellRow[]): Status => {
      if (coarsening.withheld || !all || rows.length === 0) return 'none';
      const visits = rows.reduce((s, r) => s + r.visits, 0);
      // Outside the shared institutions an item or area has one row here, and a visit stands behind it once.
      if (!isShared && rows.length === 1 && visits === all.visits) return 'same';
      return Math.max(...rows.map((r) => r.teachers)) >= min ? 'whole' : 'none';
    };
    const byItem = new Map<number, CellRow[]>();
    for (const c of mine) {
      if (c.item_key === null) continue;
      const index = items.get(c.item_key);
      if (index !== undefined) byItem.set(index, [...(byItem.get(index) ?? []), c]);
    }
    const itemStatus = new Map<number, Status>();
    for (const [index, rows] of byItem) itemStatus.set(index, status(rows));
    const totals: Status = coarsening.withheld
      ? 'none'
      : areaKeys === null
        ? 'same'
        : status(
            mine.filter((c) => c.item_key === null && c.area_key !== null && areaKeys.includes(c.area_key)),
          );
    out.set(inst.id, { coarsening, items: itemStatus, totals });
  }
  return out;
}

/** The values a request fixes: its filters, and the group's value when it breaks down by term, subject or grade. */
function fixedValues(filters: DataFilters, by: DataBreakdown, group: string | null): [number, string][] {
  const out: [number, string][] = [];
  if (filters.term !== null) out.push([DIM_INDEX.term, filters.term]);
  if (filters.subject !== null) out.push([DIM_INDEX.subject, filters.subject]);
  if (filters.grade !== null) out.push([DIM_INDEX.grade, String(filters.grade)]);
  if (group !== null && by !== 'institution') out.push([DIM_INDEX[by], group]);
  return out;
}

/** Whether an institution's figure (an item's, or the totals' when item is null) may count toward a shown figure. */
export function allows(
  rules: InstitutionRules | undefined,
  filters: DataFilters,
  by: DataBreakdown,
  item: number | null,
  group: string | null,
): boolean {
  if (!rules) return false;
  const status = item === null ? rules.totals : (rules.items.get(item) ?? 'none');
  const fixed = fixedValues(filters, by, group);
  if (status === 'none') return false;
  if (status === 'whole') return fixed.length === 0 && !rules.coarsening.withheld;
  return shows(rules.coarsening, fixed);
}

/** The rules as lists for the kommune's cell statement (cells-repo.ts: CellRules). */
export function cellRules(rules: DataRules, filters: DataFilters, by: DataBreakdown, itemCount: number) {
  const itemTotals: string[] = [];
  const itemGroups: string[] = [];
  const totals: string[] = [];
  const groupTotals: string[] = [];
  const groupValues: string[] = [];
  for (const [id, r] of rules) {
    for (let i = 0; i < itemCount; i++) {
      if (allows(r, filters, by, i, null)) itemTotals.push(`${id}|${i}`);
      // Whether the item may show for some group value; the value itself is checked with groupValues.
      const same = by === 'institution' || r.items.get(i) === 'same';
      if (same && allows(r, filters, by, i, null)) itemGroups.push(`${id}|${i}`);
    }
    if (allows(r, filters, by, null, null)) totals.push(id);
    const same = by === 'institution' || r.totals === 'same';
    if (same && allows(r, filters, by, null, null)) groupTotals.push(id);
    if (by !== 'institution' && !r.coarsening.withheld)
      for (const value of r.coarsening.kept[DIM_INDEX[by]]) groupValues.push(`${id}|${value}`);
  }
  return {
    itemTotals,
    itemGroups,
    totals,
    groupTotals,
    groupValues: by === 'institution' ? null : groupValues,
  };
}

/** The filter values to offer: those kept at some institution in view (never one a class would hide). */
export function keptOptions(rules: DataRules) {
  const terms = new Set<string>();
  const subjects = new Set<string>();
  const grades = new Set<string>();
  for (const r of rules.values()) {
    if (r.coarsening.withheld) continue;
    for (const t of r.coarsening.kept[DIM_INDEX.term]) terms.add(t);
    for (const s of r.coarsening.kept[DIM_INDEX.subject]) if (s !== '') subjects.add(s);
    for (const g of r.coarsening.kept[DIM_INDEX.grade]) if (g !== '') grades.add(g);
  }
  return { terms: [...terms], subjects: [...subjects], grades: [...grades] };
}

/**
 * Which breakdowns can show anything for the institutions in view (issue 15): per breakdown, how many of its
 * groups (values with counted visits) the coarsening keeps, and whether that is worth offering — at least two
 * groups to compare, and no more than three in four of them withheld. Read from the rules alone (never from the
 * request), so it says nothing the figures themselves would not.
 */
export function breakdownsOf(rules: DataRules, kommune: boolean) {
  // Institutions with counted visits that may be shown (one without visits has nothing to show).
  const live = [...rules.values()].filter((r) => !r.coarsening.withheld && r.coarsening.seen[0].size > 0);
  const count = (pick: (r: InstitutionRules) => Set<string>, of: InstitutionRules[]) =>
    new Set(of.flatMap((r) => [...pick(r)])).size;
  const all = [...rules.values()];
  const dims = DIMENSIONS.map((by) => ({
    by,
    shown: count((r) => r.coarsening.kept[DIM_INDEX[by]], live),
    groups: count((r) => r.coarsening.seen[DIM_INDEX[by]], all),
  }));
  const institutions = {
    by: 'institution' as const,
    shown: live.filter((r) => r.totals !== 'none').length,
    groups: all.filter((r) => r.coarsening.seen[0].size > 0).length,
  };
  return [...(kommune ? [institutions] : []), ...dims].map((b) => ({
    ...b,
    available: b.shown >= 2 && b.shown * 4 >= b.groups,
  }));
}
