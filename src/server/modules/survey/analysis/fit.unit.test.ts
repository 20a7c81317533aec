import { describe, expect, it } from 'vitest';
import { leastSquares } from './fit.js';

/*
 * The least-squares line against values worked out by hand (not by the function under test):
 * 1. Five points (40, 50), (50, 58), (60, 70), (70, 74), (80, 88):
 *    x̄ = 60, ȳ = 68; dx = −20, −10, 0, 10, 20; dy = −18, −10, 2, 6, 20;
 *    Sxx = 400 + 100 + 0 + 100 + 400 = 1000; Sxy = 360 + 100 + 0 + 60 + 400 = 920;
 *    Syy = 324 + 100 + 4 + 36 + 400 = 864.
 *    slope = 920 / 1000 = 0.92; intercept = 68 − 0.92 · 60 = 12.8; R² = 920² / (1000 · 864) = 846400 / 864000.
 * 2. Points on the exact line y = 0.8x + 10: slope 0.8, intercept 10, R² 1.
 */
describe('leastSquares', () => {
  it('matches the hand-worked line through five points', () => {
    const fit = leastSquares([
      { x: 40, y: 50 },
      { x: 50, y: 58 },
      { x: 60, y: 70 },
      { x: 70, y: 74 },
      { x: 80, y: 88 },
    ]);
    expect(fit?.n).toBe(5);
    expect(fit?.slope).toBeCloseTo(0.92, 12);
    expect(fit?.intercept).toBeCloseTo(12.8, 10);
    expect(fit?.r2).toBeCloseTo(846400 / 864000, 12);
  });

  it('finds an exact line exactly, in any order', () => {
    const xs = [72.5, 31, 55, 90, 12.25, 64];
    const fit = leastSquares(xs.map((x) => ({ x, y: 0.8 * x + 10 })));
    expect(fit?.slope).toBeCloseTo(0.8, 12);
    expect(fit?.intercept).toBeCloseTo(10, 10);
    expect(fit?.r2).toBeCloseTo(1, 12);
  });

  it('gives no line below three points or when every x is the same; R² 0 for a flat cloud', () => {
    expect(leastSquares([])).toBeNull();
    expect(
      leastSquares([
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ]),
    ).toBeNull();
    expect(
      leastSquares([
        { x: 50, y: 2 },
        { x: 50, y: 4 },
        { x: 50, y: 9 },
      ]),
    ).toBeNull();
    expect(
      leastSquares([
        { x: 10, y: 60 },
        { x: 20, y: 60 },
        { x: 30, y: 60 },
      ]),
    ).toEqual({ n: 3, slope: 0, intercept: 60, r2: 0 });
  });
});
