/**
 * Aggregates about people (observation data, reflection statistics, and every future survey or progression
 * aggregate) go through this module. Two layers (ADR 0009):
 *
 * 1. **Coarsening, decided once per population** (`coarsen`): the values a figure may be filtered or broken down
 *    by (term, subject, grade; subject, age band) are kept or withheld per population (an institution, an
 *    instance), from its data alone — never from the request. Every record falls in one class: its values where
 *    kept, "withheld" where not. The kept values are chosen so that every class holds no one or at least `min`
 *    distinct people (and a population smaller than that is withheld whole). A view then shows a figure only for
 *    kept values, so every figure it can show is a sum over whole classes, and so is every difference, sum or
 *    other combination of figures from any number of requests: no subtraction isolates fewer than `min` people.
 * 2. **Suppression within a response** (`suppressGrid`, `hideLine`): a figure with fewer than `min` people is
 *    hidden, and when a line (a breakdown and its total) would have exactly one hidden figure with data, the
 *    smallest other one is hidden with it. With layer 1 in place this only ever hides empty figures; it stays as
 *    the rule for aggregates not (yet) coarsened and as a second line of defence.
 *
 * Pure: no database, no request.
 */

/** A combination of values (one per dimension, most important dimension first) and the people behind it. */
export type Atom = { values: readonly string[]; people: Iterable<string> };

export type Coarsening = {
  /** Per dimension, the values a figure may be shown for. */
  kept: Set<string>[];
  /** Per dimension, every value with people behind it (a value never seen has nothing to hide: its figure is 0). */
  seen: Set<string>[];
  /** The whole population has fewer than `min` people: nothing of it may be shown or counted anywhere. */
  withheld: boolean;
};

type Class = { key: string; pattern: (string | null)[]; people: Set<string> };

/** A class's key: its values, withheld ones as \u0000 (values are ids, terms, names: never that character). */
const keyOf = (pattern: (string | null)[]) => pattern.map((v) => v ?? '\u0000').join('\u0001');

function classesOf(atoms: { values: readonly string[]; people: Set<string> }[], kept: Set<string>[]) {
  const out = new Map<string, Class>();
  for (const a of atoms) {
    const pattern = a.values.map((v, d) => (kept[d].has(v) ? v : null));
    const key = keyOf(pattern);
    let c = out.get(key);
    if (!c) {
      c = { key, pattern, people: new Set() };
      out.set(key, c);
    }
    for (const p of a.people) c.people.add(p);
  }
  return [...out.values()];
}

/**
 * Which values of each dimension to keep so that every class has 0 or at least `min` people. Greedy and
 * deterministic (the same atoms give the same answer in any order): while a class is too small, take the smallest
 * (then the first by key) and merge it — with the class that agrees with it on its kept values and needs the
 * fewest values withheld to fall into it (then the one with fewest people, then by key), or, when no class
 * agrees, by withholding its value in the least important dimension still kept. Each step withholds at least one
 * value, so it ends; when everything is one class and that is still too small, the population is withheld.
 */
export function coarsen(atoms: Atom[], dimensions: number, min: number): Coarsening {
  const data = atoms
    .map((a) => ({ values: a.values, people: new Set(a.people) }))
    .filter((a) => a.people.size > 0);
  const kept = Array.from({ length: dimensions }, (_, d) => new Set(data.map((a) => a.values[d])));
  const seen = kept.map((k) => new Set(k));
  // A value with fewer than `min` people in all is withheld at once: every class keeping it is a part of it.
  for (let d = 0; d < dimensions; d++) {
    const people = new Map<string, Set<string>>();
    for (const a of data) {
      const set = people.get(a.values[d]) ?? new Set();
      for (const p of a.people) set.add(p);
      people.set(a.values[d], set);
    }
    for (const [v, set] of people) if (set.size < min) kept[d].delete(v);
  }
  for (;;) {
    const classes = classesOf(data, kept).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const small = classes
      .filter((c) => c.people.size < min)
      .sort((a, b) => a.people.size - b.people.size || (a.key < b.key ? -1 : 1));
    const b = small[0];
    if (!b) return { kept, seen, withheld: false };
    if (classes.length === 1) return { kept: kept.map(() => new Set()), seen, withheld: true };
    const agreeing = classes
      .filter((c) => c !== b && b.pattern.every((v, d) => v === null || c.pattern[d] === v))
      .map((c) => ({
        c,
        cost: c.pattern.flatMap((v, d) => (b.pattern[d] === null && v !== null ? [[d, v] as const] : [])),
      }))
      .sort(
        (x, y) =>
          x.cost.length - y.cost.length || x.c.people.size - y.c.people.size || (x.c.key < y.c.key ? -1 : 1),
      );
    if (agreeing[0]) {
      for (const [d, v] of agreeing[0].cost) kept[d].delete(v);
      continue;
    }
    const d = b.pattern.findLastIndex((v) => v !== null);
    kept[d].delete(b.pattern[d] as string);
  }
}

/**
 * Whether a figure fixing these values (dimension index → value) may be shown under the coarsening: every value
 * is kept, or one of them was never seen (then the figure is zero, a sum over no class).
 */
export function shows(c: Coarsening, fixed: [number, string][]): boolean {
  if (fixed.some(([d, v]) => !c.seen[d].has(v))) return true;
  return !c.withheld && fixed.every(([d, v]) => c.kept[d].has(v));
}

// ── Layer 2: within one response ──

/** One figure of a line: how many distinct people stand behind it and how big it is (to pick the smallest). */
export type LineCell = { people: number; size: number };

/**
 * Secondary suppression on one line (a breakdown and its total): `hidden` holds the flags of the cells, and the
 * total's flag is `totalHidden`. When exactly one cell with data is hidden while the total shows, the smallest
 * other cell with data is hidden too; with none left, the total. Returns which to hide next: a cell index,
 * 'total', or null when the line is safe. Empty cells tell nothing (their figures are zero either way).
 */
export function nextToHide(
  cells: LineCell[],
  hidden: boolean[],
  totalHidden: boolean,
): number | 'total' | null {
  if (totalHidden) return null;
  const withData = cells.map((c, i) => ({ ...c, i })).filter((c) => c.people > 0);
  if (withData.filter((c) => hidden[c.i]).length !== 1) return null;
  const next = withData.filter((c) => !hidden[c.i]).sort((a, b) => a.people - b.people || a.size - b.size)[0];
  return next ? next.i : 'total';
}

/** Primary and secondary suppression of one line whose total is decided elsewhere. */
export function hideLine(cells: LineCell[], totalHidden: boolean, min: number): boolean[] {
  const hidden = cells.map((c) => c.people > 0 && c.people < min);
  const next = nextToHide(cells, hidden, totalHidden);
  if (typeof next === 'number') hidden[next] = true;
  return hidden;
}

/**
 * The figures of one table: a row per measure with a cell per group and the row's total, the groups' totals and
 * the grand total. Each row is a line (cells and row total), and so are the group totals with the grand total.
 */
export type Grid<C> = { cells: C[][]; rowTotals: C[]; groupTotals: C[]; total: C };
export type Hidden = { cells: boolean[][]; rowTotals: boolean[]; groupTotals: boolean[]; total: boolean };

/**
 * Which figures of a table to hide: every figure with fewer than `min` people (empty ones too, so a filter down
 * to a few people shows nothing but hidden cells), then secondary suppression on every line until none has
 * exactly one hidden figure with data beside a shown total. Each pass hides one more figure, so it ends.
 */
export function suppressGrid<C>(grid: Grid<C>, min: number, measure: (c: C) => LineCell): Hidden {
  const few = (c: C) => measure(c).people < min;
  const h: Hidden = {
    cells: grid.cells.map((row) => row.map(few)),
    rowTotals: grid.rowTotals.map(few),
    groupTotals: grid.groupTotals.map(few),
    total: few(grid.total),
  };
  const lines = [
    ...grid.cells.map((row, r) => ({ cells: row, flags: h.cells[r], total: () => h.rowTotals[r], r })),
    { cells: grid.groupTotals, flags: h.groupTotals, total: () => h.total, r: -1 },
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const next = nextToHide(line.cells.map(measure), line.flags, line.total());
      if (next === null) continue;
      changed = true;
      if (next !== 'total') line.flags[next] = true;
      else if (line.r >= 0) h.rowTotals[line.r] = true;
      else h.total = true;
    }
  }
  return h;
}

/**
 * `coarsen`, remembered by its whole input: a pure function of the atoms and the minimum, so a process may reuse
 * an answer for the same data (a kommune view coarsens every school on each request; most have not changed). Only
 * speed depends on this memory, never what is shown. Bounded: the oldest answers are forgotten first.
 */
const remembered = new Map<string, Coarsening>();
const REMEMBER = 5000;
export function coarsenRemembered(atoms: Atom[], dimensions: number, min: number): Coarsening {
  const key = `${dimensions}\u0002${min}\u0002${atoms
    .map((a) => `${a.values.join('\u0001')}\u0003${[...a.people].sort().join(',')}`)
    .sort()
    .join('\u0002')}`;
  const known = remembered.get(key);
  if (known) return known;
  const made = coarsen(atoms, dimensions, min);
  if (remembered.size >= REMEMBER) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, made);
  return made;
}
