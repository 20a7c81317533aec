import { describe, expect, it } from 'vitest';
import { type Counts, decidePopulation, kommuneTotal, people, ZERO } from './suppress.js';

/*
 * The suppression of progression figures (ADR 0009): in every population every shown group has at least `min`
 * children, and the total minus the shown groups is 0 or at least `min` children — so no difference of two
 * answers isolates a small group. Checked on fixed cases and on 3,000 random institutions.
 */

const c = (groen: number, gul = 0, roed = 0, movedUp = 0, movedDown = 0): Counts => ({
  groen,
  gul,
  roed,
  movedUp,
  movedDown,
});
const pop = (entries: [string, Counts][]) => new Map(entries);

describe('decidePopulation', () => {
  it('shows every group of at least min, and the total', () => {
    const d = decidePopulation(
      pop([
        ['a', c(10, 5, 2)],
        ['b', c(5)],
      ]),
      5,
    );
    expect(d.groups.get('a')).toEqual(c(10, 5, 2));
    expect(d.groups.get('b')).toEqual(c(5));
    expect(d.total).toEqual(c(15, 5, 2));
  });

  it('withholds a small group and the smallest shown one with it, so the total minus the rest is ≥ min', () => {
    const d = decidePopulation(
      pop([
        ['a', c(20, 2)],
        ['b', c(12, 11)],
        ['small', c(1, 1, 1, 1, 0)],
      ]),
      5,
    );
    expect(d.groups.get('small')).toBeNull();
    expect(d.groups.get('a')).toBeNull();
    expect(d.groups.get('b')).toEqual(c(12, 11));
    expect(d.total).toEqual(c(33, 14, 1, 1, 0));
  });

  it('two small groups that together reach min are withheld alone', () => {
    const d = decidePopulation(
      pop([
        ['a', c(20)],
        ['s1', c(3)],
        ['s2', c(2)],
      ]),
      5,
    );
    expect([d.groups.get('s1'), d.groups.get('s2')]).toEqual([null, null]);
    expect(d.groups.get('a')).toEqual(c(20));
    expect(d.total).toEqual(c(25));
  });

  it('withholds the whole population when it is smaller than min', () => {
    const d = decidePopulation(
      pop([
        ['a', c(2)],
        ['b', c(1, 1)],
      ]),
      5,
    );
    expect(d.total).toBeNull();
    expect([...d.groups.values()]).toEqual([null, null]);
  });

  it('an empty group shows zeros (no figures, not withheld) and changes nothing; so does an empty population', () => {
    const d = decidePopulation(
      pop([
        ['a', c(7)],
        ['empty', ZERO],
      ]),
      5,
    );
    expect(d.groups.get('empty')).toEqual(ZERO);
    expect(d.groups.get('a')).toEqual(c(7));
    expect(d.total).toEqual(c(7));
    expect(decidePopulation(new Map(), 5).total).toEqual(ZERO);
  });

  it('follows a larger minimum', () => {
    const d = decidePopulation(
      pop([
        ['a', c(7)],
        ['b', c(9)],
      ]),
      8,
    );
    expect(d.groups.get('a')).toBeNull();
    expect(d.groups.get('b')).toBeNull();
    expect(d.total).toEqual(c(16));
  });

  it('3,000 random institutions: no shown figure below min, and total − shown groups is 0 or ≥ min', () => {
    let seed = 17;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const min = 5 + rnd(4);
      const groups = pop(
        Array.from({ length: 1 + rnd(8) }, (_, g) => {
          const size = rnd(4) === 0 ? rnd(min) : rnd(30);
          const groen = rnd(size + 1);
          const gul = rnd(size - groen + 1);
          return [`g${g}`, c(groen, gul, size - groen - gul, rnd(3), rnd(3))] as [string, Counts];
        }),
      );
      const d = decidePopulation(groups, min);
      const all = [...groups.values()].reduce((s, x) => s + people(x), 0);
      const shown = [...d.groups.values()].filter((x): x is Counts => x !== null);
      // Zeros (a group with no children in the figure) hide nothing; every other shown figure has ≥ min.
      for (const s of shown) if (people(s) > 0) expect(people(s)).toBeGreaterThanOrEqual(min);
      if (d.total === null) {
        expect(all < min || shown.length === 0).toBe(true);
        expect(all < min).toBe(true);
        continue;
      }
      expect(people(d.total)).toBe(all);
      // The kommune view reads only the sum: one class of it answers the same total.
      const sum = [...groups.values()].reduce((a, b) => ({
        groen: a.groen + b.groen,
        gul: a.gul + b.gul,
        roed: a.roed + b.roed,
        movedUp: a.movedUp + b.movedUp,
        movedDown: a.movedDown + b.movedDown,
      }));
      expect(decidePopulation(new Map([['all', sum]]), min).total).toEqual(d.total);
      const rest = all - shown.reduce((s, x) => s + people(x), 0);
      expect(rest === 0 || rest >= min).toBe(true);
      // The same answer in any order of the groups.
      const reversed = decidePopulation(new Map([...groups].reverse()), min);
      expect([...reversed.groups].sort()).toEqual([...d.groups].sort());
    }
  });
});

describe('kommuneTotal', () => {
  it('sums the shown institutions only: a withheld one is counted nowhere', () => {
    expect(kommuneTotal([c(10), null, c(6, 1)])).toEqual(c(16, 1));
    expect(kommuneTotal([null, null])).toBeNull();
    expect(kommuneTotal([null, ZERO])).toBeNull();
    // No institution has figures: zeros ("no figures"), not withheld.
    expect(kommuneTotal([ZERO, ZERO])).toEqual(ZERO);
    expect(kommuneTotal([])).toEqual(ZERO);
  });
});
