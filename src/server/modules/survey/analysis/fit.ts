/**
 * Ordinary least squares of y on x (issue 18, S2: PLF score on social capital, one point per department × role
 * group, each point counted once). Pure.
 */

export type Point = { x: number; y: number };
export type Fit = { n: number; slope: number; intercept: number; r2: number };

/** The minimum number of points for a line. */
export const MIN_POINTS = 3;

/**
 * The fitted line y = intercept + slope·x and its R² (the share of y's variance the line explains:
 * Sxy² / (Sxx·Syy)). Null with fewer than three points or when every x is the same (no line through them); R² is 0
 * when every y is the same (there is no variance to explain). Sums are taken about the means, which keeps them exact
 * enough for scores on 0–100.
 */
export function leastSquares(points: Point[]): Fit | null {
  const n = points.length;
  if (n < MIN_POINTS) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { n, slope, intercept: my - slope * mx, r2: syy === 0 ? 0 : Math.min(1, (sxy * sxy) / (sxx * syy)) };
}
