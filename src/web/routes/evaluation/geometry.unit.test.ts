import { describe, expect, it } from 'vitest';
import { angleOf, daysBetween, lanes, monthsOf, point, sectorPath, windowAngles } from './geometry';

const Y = { from: '2026-08-01', to: '2027-07-31' };
const LEAP = { from: '2027-08-01', to: '2028-07-31' };
const TAU = Math.PI * 2;

describe('the year wheel’s geometry', () => {
  it('puts 1 August at the top and goes round clockwise over the school year’s days', () => {
    expect(angleOf('2026-08-01', Y)).toBe(0);
    expect(angleOf('2027-02-01', Y)).toBeCloseTo((184 / 365) * TAU);
    expect(angleOf('2028-02-01', LEAP)).toBeCloseTo((184 / 366) * TAU);
    // Days outside the year are held at its ends.
    expect(angleOf('2026-07-01', Y)).toBe(0);
    expect(angleOf('2027-09-01', Y)).toBeCloseTo(TAU);
    expect(point(100, 50, 0)).toEqual({ x: 100, y: 50 });
    expect(point(100, 50, Math.PI / 2)).toEqual({ x: 150, y: 100 });
  });

  it('a window includes its last day, a one-day window still shows, a whole year is not a closed circle', () => {
    const [a0, a1] = windowAngles('2026-09-01', '2026-09-30', Y);
    expect(a1 - a0).toBeCloseTo((30 / 365) * TAU);
    const [b0, b1] = windowAngles('2026-09-01', '2026-09-01', Y);
    expect(b1 - b0).toBeCloseTo(TAU / 240);
    const [c0, c1] = windowAngles('2026-08-01', '2027-07-31', Y);
    expect(c1 - c0).toBeLessThan(TAU);
    expect(c1 - c0).toBeGreaterThan(TAU - 0.001);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('draws a sector as one closed path, with the large-arc flag past half a circle', () => {
    expect(sectorPath(100, 40, 60, 0, Math.PI / 2)).toBe(
      'M 100 40 A 60 60 0 0 1 160 100 L 140 100 A 40 40 0 0 0 100 60 Z',
    );
    expect(sectorPath(100, 40, 60, 0, Math.PI * 1.5)).toContain('A 60 60 0 1 1');
  });

  it('names the twelve months from August, each where it begins', () => {
    const months = monthsOf(Y);
    expect(months.map((m) => m.month)).toEqual([8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]);
    expect(months[5]).toMatchObject({ day: '2027-01-01' });
    expect(months[0].angle).toBe(0);
  });

  it('spreads overlapping windows over lanes', () => {
    const a = { collectFrom: '2026-09-01', collectTo: '2026-09-30' };
    const b = { collectFrom: '2026-09-15', collectTo: '2026-10-15' };
    const c = { collectFrom: '2026-10-01', collectTo: '2026-10-05' };
    const l = lanes([b, c, a]);
    expect([l.get(a), l.get(b), l.get(c)]).toEqual([0, 1, 0]);
  });
});
