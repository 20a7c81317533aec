import { describe, expect, it } from 'vitest';
import { type Atom, coarsen, hideLine, shows } from './suppression.js';

const atom = (values: string[], people: string[]): Atom => ({ values, people });
const sorted = (s: Set<string>) => [...s].sort();

/** The classes of a coarsening and their people, to check the rule: 0 or at least min in each. */
function classSizes(atoms: Atom[], kept: Set<string>[]) {
  const out = new Map<string, Set<string>>();
  for (const a of atoms) {
    const key = a.values.map((v, d) => (kept[d].has(v) ? v : '*')).join('|');
    out.set(key, new Set([...(out.get(key) ?? []), ...a.people]));
  }
  return [...out.values()].map((s) => s.size);
}

describe('coarsening: every class has no one or at least the minimum', () => {
  it('five Dansk teachers and one Tysk teacher: the term stays, subject and grade are withheld', () => {
    const atoms = [
      atom(['2026-1', 'Dansk', '3'], ['a', 'b', 'c', 'd', 'e']),
      atom(['2026-1', 'Tysk', '5'], ['f']),
    ];
    const c = coarsen(atoms, 3, 5);
    expect(c.withheld).toBe(false);
    expect(c.kept.map(sorted)).toEqual([['2026-1'], [], []]);
    expect(shows(c, [[0, '2026-1']])).toBe(true);
    expect(shows(c, [[1, 'Dansk']])).toBe(false);
    // A value with no data is a zero: nothing to hide.
    expect(shows(c, [[1, 'Fransk']])).toBe(true);
  });

  it('keeps what is safe, in any order of the atoms, and withholds a population below the minimum', () => {
    const atoms = [
      atom(['T1', 'Dansk', '3'], ['a', 'b', 'c']),
      atom(['T1', 'Matematik', '3'], ['d', 'e', 'f']),
      atom(['T2', 'Dansk', '4'], ['a', 'g']),
      atom(['T2', 'Musik', '4'], ['h']),
    ];
    const c = coarsen(atoms, 3, 3);
    expect(classSizes(atoms, c.kept).every((n) => n >= 3)).toBe(true);
    expect(c.kept[1].has('Matematik')).toBe(true);
    expect(coarsen([...atoms].reverse(), 3, 3).kept.map(sorted)).toEqual(c.kept.map(sorted));
    const tiny = coarsen([atom(['T1', 'Dansk', '3'], ['a']), atom(['T2', 'Tysk', '4'], ['b'])], 3, 3);
    expect(tiny.withheld).toBe(true);
    expect(shows(tiny, [])).toBe(false);
  });

  it('on random populations every class of the result has 0 or at least min people', () => {
    let s = 3;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    for (let run = 0; run < 200; run++) {
      const atoms: Atom[] = [];
      for (let p = 0; p < 5 + Math.floor(next() * 30); p++)
        for (let k = 0; k < 1 + Math.floor(next() * 3); k++)
          atoms.push(
            atom(
              [`t${Math.floor(next() * 3)}`, `s${Math.floor(next() * 5)}`, `g${Math.floor(next() * 6)}`],
              [`p${p}`],
            ),
          );
      const min = 3 + Math.floor(next() * 4);
      const c = coarsen(atoms, 3, min);
      if (c.withheld) expect(new Set(atoms.flatMap((a) => [...a.people])).size).toBeLessThan(min);
      else for (const n of classSizes(atoms, c.kept)) expect(n).toBeGreaterThanOrEqual(min);
    }
  });
});

describe('suppression within a response', () => {
  it('one hidden cell beside a shown total takes the smallest other one with it', () => {
    const line = [
      { people: 2, size: 2 },
      { people: 7, size: 7 },
      { people: 4, size: 4 },
      { people: 0, size: 0 },
    ];
    expect(hideLine(line, false, 3)).toEqual([true, false, true, false]);
    expect(hideLine(line, true, 3)).toEqual([true, false, false, false]);
  });
});
