import type { Locale } from '../../../../shared/constants';

/** Formatting of the survey's numbers and days, pure so it can be tested (Danish decimal comma, en dash for none). */

const tag = (locale: Locale) => (locale === 'da' ? 'da-DK' : 'en-GB');

/** A day 'YYYY-MM-DD' as "21. december 2026" / "21 December 2026" (read as a calendar day, no time zone shift). */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(tag(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A number with a fixed count of decimals in the locale ("8,7"); a minus sign, not a hyphen. */
export function formatNumber(value: number, locale: Locale, decimals = 1): string {
  return new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A score 0–100 rounded to a whole point, or an en dash where there is none. */
export const formatScore = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined ? '–' : formatNumber(value, locale, 0);

/** A share 0–1 as a whole per cent ("64 %" in Danish, "64%" in English). */
export function formatShare(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/**
 * A fitted line in words' parts: the PLF points that go with +10 points of social capital (signed, one decimal),
 * and R² with two decimals — "+10 point social kapital ≈ +8,7 point PLF; R² = 0,79".
 */
export function fitParts(fit: { slope: number; r2: number }, locale: Locale) {
  const per10 = fit.slope * 10;
  const rounded = Math.round(per10 * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return { plf: `${sign}${formatNumber(Math.abs(rounded), locale, 1)}`, r2: formatNumber(fit.r2, locale, 2) };
}

/** The y of a line at x: the fitted line (intercept + slope·x) or the reference drawn through a mean point. */
export const lineAt = (line: { slope: number; intercept: number }, x: number) =>
  line.intercept + line.slope * x;

/** A line with `slope` through the mean point of the points (how the seed's reference is drawn). */
export function throughMean(slope: number, points: readonly { x: number; y: number }[]) {
  if (!points.length) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  return { slope, intercept: my - slope * mx };
}
