import { describe, expect, it } from 'vitest';
import { byDay, monthRange, monthWeeks, shiftMonth, weekdayNames } from './month';

describe('planning month', () => {
  it('shifts across years', () => {
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-03', 0)).toBe('2027-03');
  });

  it('knows the last day, leap years included', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('lays out Monday-first weeks', () => {
    // 1 March 2027 is a Monday; 1 August 2027 a Sunday.
    const march = monthWeeks('2027-03');
    expect(march[0][0]).toBe('2027-03-01');
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    const august = monthWeeks('2027-08');
    expect(august[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(august[0][6]).toBe('2027-08-01');
    for (const w of august) expect(w).toHaveLength(7);
  });

  it('groups by day in order', () => {
    const g = byDay([
      { plannedFor: '2027-03-05' },
      { plannedFor: '2027-03-02' },
      { plannedFor: '2027-03-05' },
    ]);
    expect(g.map(([d, xs]) => [d, xs.length])).toEqual([
      ['2027-03-02', 1],
      ['2027-03-05', 2],
    ]);
  });
});

describe('weekday names (issue 15: "tir." and "tor." in one browser, "tirs." in another)', () => {
  it('Danish short names are Dansk Sprognævn’s, whatever the browser’s data say', () => {
    expect(weekdayNames('short', 'da')).toEqual(['man.', 'tirs.', 'ons.', 'tors.', 'fre.', 'lør.', 'søn.']);
  });
  it('long names and English come from the browser, Monday first', () => {
    expect(weekdayNames('long', 'da')[0]).toBe('mandag');
    expect(weekdayNames('long', 'en')[6]).toBe('Sunday');
    expect(weekdayNames('short', 'en')[1]).toBe('Tue');
  });
});
