import { type Atom, coarsen, nextToHide } from '../../../privacy/suppression.js';

/**
 * Which progression figures may be shown outside a group's own circle (ADR 0009, through privacy/suppression.ts).
 *
 * The figures are counts of children per group, area and period (progression_totals). A child has one status per
 * area and period, entered in one group, so the children behind one area and period of an institution fall apart
 * into its groups: that is the **population** (institution × area × period), and the group is its one dimension.
 * Layer 1 (`coarsen`): a group with fewer than `min` children in the figure is withheld; when the withheld groups
 * together hold 1..min−1 children, the smallest shown group is withheld with them; when everything is one class
 * and still too small, the whole population is withheld (its total too, and it is counted in no kommune figure).
 * So every figure shown — a group's, the institution's total, a kommune's total of institution totals — is a sum
 * over whole classes of at least `min` children, and so is every difference of them (total minus the shown
 * groups, kommune total minus the shown institutions). Movement counts are shown only with their group's counts.
 * Layer 2 (`nextToHide`) runs on top as the second line of defence; with layer 1 it never hides more.
 * Decided from the population's own data only, never from the request. Pure.
 */

export type Counts = { groen: number; gul: number; roed: number; movedUp: number; movedDown: number };
export const ZERO: Counts = { groen: 0, gul: 0, roed: 0, movedUp: 0, movedDown: 0 };

/** How many children stand behind a group's figure. */
export const people = (c: Counts) => c.groen + c.gul + c.roed;

export const addCounts = (a: Counts, b: Counts): Counts => ({
  groen: a.groen + b.groen,
  gul: a.gul + b.gul,
  roed: a.roed + b.roed,
  movedUp: a.movedUp + b.movedUp,
  movedDown: a.movedDown + b.movedDown,
});

export type Decided = {
  /** Per group: its counts (zeros when it has no children in the figure), or null when withheld. */
  groups: Map<string, Counts | null>;
  /** The population's total (every group, withheld ones too; zeros when empty), or null when withheld. */
  total: Counts | null;
};

/**
 * The shown figures of one population (one institution, area and period): `groups` maps each group with a totals
 * row to its counts. Deterministic: the same counts give the same answer in any order.
 */
export function decidePopulation(groups: Map<string, Counts>, min: number): Decided {
  const ids = [...groups.keys()].sort();
  const n = new Map(ids.map((id) => [id, people(groups.get(id) as Counts)]));
  const withData = ids.filter((id) => (n.get(id) ?? 0) > 0);
  let shown: Set<string>;
  let withheldWhole = false;
  if (withData.every((id) => (n.get(id) ?? 0) >= min)) {
    // Every group is a class of its own of at least `min`: what coarsen answers, without building the people.
    shown = new Set(withData);
  } else {
    // The children of different groups are different children (one status per child, area and period), so a
    // group's n stand-ins are faithful people for the coarsening.
    const atoms: Atom[] = withData.map((id) => ({
      values: [id],
      people: Array.from({ length: n.get(id) ?? 0 }, (_, i) => `${id}#${i}`),
    }));
    const c = coarsen(atoms, 1, min);
    shown = c.kept[0];
    withheldWhole = c.withheld;
  }
  const sum = withData.reduce((acc, id) => addCounts(acc, groups.get(id) as Counts), ZERO);
  const hidden = ids.map((id) => !shown.has(id));
  let totalHidden = withheldWhole || people(sum) === 0;
  // Layer 2: no line (the groups and their total) may have exactly one hidden group with children beside a total.
  const cells = ids.map((id) => ({ people: n.get(id) ?? 0, size: n.get(id) ?? 0 }));
  for (;;) {
    const next = nextToHide(cells, hidden, totalHidden);
    if (next === null) break;
    if (next === 'total') totalHidden = true;
    else hidden[next] = true;
  }
  // A group (or a population) with no children in the figure shows zeros: there is nothing to hide, and "no
  // figures" must not read as "withheld".
  const empty = (id: string) => (n.get(id) ?? 0) === 0;
  return {
    groups: new Map(
      ids.map((id, i) => [id, empty(id) ? ZERO : hidden[i] ? null : (groups.get(id) as Counts)]),
    ),
    total: people(sum) === 0 ? ZERO : totalHidden ? null : sum,
  };
}

/**
 * A kommune's figure from its institutions' totals (each decided in its own population: zeros when it has no
 * figures, null when withheld): the sum of the shown ones. A withheld institution is counted nowhere, so the
 * kommune total minus the shown institutions is zero. Null when no institution shows a figure and one is
 * withheld; zeros when none has figures.
 */
export function kommuneTotal(institutionTotals: (Counts | null)[]): Counts | null {
  const shown = institutionTotals.filter((c): c is Counts => c !== null && people(c) > 0);
  if (!shown.length) return institutionTotals.includes(null) ? null : ZERO;
  return shown.reduce(addCounts, ZERO);
}
