import { describe, expect, it } from 'vitest';
import { csvField } from '../../csv/write.js';
import { danishMidnight } from './statistics-period.js';
import type { RawFigures } from './statistics-repo.js';
import { presentRow, primarySuppressed, suppressBreakdown } from './suppression.js';

const raw = (p: Partial<RawFigures>): RawFigures => ({
  videos: 1,
  views: 0,
  viewers: 0,
  completed: 0,
  tried: 0,
  triers: 0,
  worked: 0,
  workers: 0,
  ...p,
});

describe('suppression of small groups', () => {
  it('hides a figure with 1 or 2 people behind it, never one with 0 or 3+', () => {
    expect([...primarySuppressed(raw({ tried: 2, triers: 1 }))]).toEqual(['tried']);
    expect([...primarySuppressed(raw({ views: 40, viewers: 2 }))]).toEqual(['views']);
    expect([...primarySuppressed(raw({ tried: 3, triers: 3, worked: 0 }))]).toEqual([]);
    expect([...primarySuppressed(raw({}))]).toEqual([]);
  });

  it('hides the rates that would give a hidden count away', () => {
    const r = presentRow(
      raw({ views: 10, viewers: 2, completed: 5, tried: 4, triers: 4, worked: 1, workers: 1 }),
      new Set(['views', 'worked']),
    );
    expect(r).toEqual({
      videos: 1,
      views: null,
      completionRate: null,
      tried: 4,
      worked: null,
      workedShare: null,
      suppressed: ['views', 'worked'],
    });
  });

  it('secondary suppression: one hidden cell in a breakdown takes the next smallest with it', () => {
    const rows = [
      raw({ tried: 2, triers: 2 }),
      raw({ tried: 7, triers: 7 }),
      raw({ tried: 4, triers: 4 }),
      raw({ tried: 0, triers: 0 }),
    ];
    const hidden = suppressBreakdown(rows, new Set());
    expect(hidden.map((h) => [...h])).toEqual([['tried'], [], ['tried'], []]);
    // Two cells hidden already: nothing more to hide. Total hidden: the breakdown cannot give it away.
    const two = suppressBreakdown(
      [raw({ tried: 1, triers: 1 }), raw({ tried: 2, triers: 2 }), raw({ tried: 9, triers: 9 })],
      new Set(),
    );
    expect(two.map((h) => [...h])).toEqual([['tried'], ['tried'], []]);
    const totalHidden = suppressBreakdown(
      [raw({ tried: 1, triers: 1 }), raw({ tried: 9, triers: 9 })],
      new Set(['tried']),
    );
    expect(totalHidden.map((h) => [...h])).toEqual([['tried'], []]);
  });
});

describe('statistics helpers', () => {
  it('a Danish day starts at midnight in Copenhagen, summer and winter', () => {
    expect(danishMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(danishMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(danishMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('CSV fields are quoted when needed and never start a formula', () => {
    expect(csvField('Dansk')).toBe('Dansk');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('sagde "hej"')).toBe('"sagde ""hej"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(12)).toBe('12');
  });
});
