/**
 * The year wheel's geometry (issue 17 part 1): a school year (1 August – 31 July) as a circle, August at the top,
 * clockwise. Pure functions of days (YYYY-MM-DD) and radii, so they can be tested without a browser.
 */

const DAY_MS = 86_400_000;
const TAU = Math.PI * 2;
/** The narrowest arc drawn (a one-day window still shows): about 1.5 days. */
const MIN_ARC = TAU / 240;

const utc = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

/** Days from `from` to `day` (negative before). */
export const daysBetween = (from: string, day: string) => Math.round((utc(day) - utc(from)) / DAY_MS);

export type YearSpan = { from: string; to: string };

/** The angle (radians, 0 at the top, clockwise) where `day` begins; days outside the year are held at its ends. */
export function angleOf(day: string, year: YearSpan): number {
  const length = daysBetween(year.from, year.to) + 1;
  const n = Math.min(Math.max(daysBetween(year.from, day), 0), length);
  return (n / length) * TAU;
}

/** The angles of a window of days, its last day included; at least MIN_ARC wide, never a full circle. */
export function windowAngles(from: string, to: string, year: YearSpan): [number, number] {
  const length = daysBetween(year.from, year.to) + 1;
  const a0 = angleOf(from, year);
  const end = Math.min(Math.max(daysBetween(year.from, to) + 1, 0), length);
  let a1 = Math.max((end / length) * TAU, a0 + MIN_ARC);
  if (a1 - a0 >= TAU) a1 = a0 + TAU - 0.0001;
  return [a0, a1];
}

/** The point at angle `a` on a circle of radius `r` around (c, c). */
export function point(c: number, r: number, a: number): { x: number; y: number } {
  return { x: round(c + r * Math.sin(a)), y: round(c - r * Math.cos(a)) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The SVG path of a ring's sector between angles a0 and a1, from radius r0 (inner) to r1 (outer). */
export function sectorPath(c: number, r0: number, r1: number, a0: number, a1: number): string {
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const o0 = point(c, r1, a0);
  const o1 = point(c, r1, a1);
  const i1 = point(c, r0, a1);
  const i0 = point(c, r0, a0);
  return [
    `M ${o0.x} ${o0.y}`,
    `A ${r1} ${r1} 0 ${large} 1 ${o1.x} ${o1.y}`,
    `L ${i1.x} ${i1.y}`,
    `A ${r0} ${r0} 0 ${large} 0 ${i0.x} ${i0.y}`,
    'Z',
  ].join(' ');
}

/** The twelve months of a school year from August: their first day, and the angle where each begins. */
export function monthsOf(year: YearSpan): { day: string; month: number; angle: number }[] {
  const [y] = year.from.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((7 + i) % 12) + 1;
    const yy = month >= 8 ? y : y + 1;
    const day = `${yy}-${String(month).padStart(2, '0')}-01`;
    return { day, month, angle: angleOf(day, year) };
  });
}

/** Spreads overlapping windows in one ring over lanes (first fit), so no two arcs in a lane overlap. */
export function lanes<T extends { collectFrom: string; collectTo: string }>(items: T[]): Map<T, number> {
  const ends: string[] = [];
  const out = new Map<T, number>();
  for (const it of [...items].sort((a, b) => a.collectFrom.localeCompare(b.collectFrom))) {
    let lane = ends.findIndex((end) => end < it.collectFrom);
    if (lane === -1) {
      lane = ends.length;
      ends.push(it.collectTo);
    } else ends[lane] = it.collectTo;
    out.set(it, lane);
  }
  return out;
}
