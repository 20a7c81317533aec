import type { IndicatorType, Scale } from '../../../../shared/observation';

/**
 * The numbers and axes of the data page's charts (issue 15), pure so they can be tested: Danish number format
 * (decimal comma, no thousands dot below 10.000), and a value axis that starts at the scale's minimum (1 on a 1–7
 * scale, never 0) and ends at its maximum, so no bar or point is ever cut off.
 */

/** A number as Danish (or English) text with exactly `digits` decimals: 4,5 · 57 · 1.234,5. */
export function formatNumber(value: number, digits: number, locale: 'da' | 'en' = 'da'): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** An axis tick: whole numbers without decimals, others with one (Danish comma). */
export const tickText = (locale: 'da' | 'en' = 'da') => (value: number) =>
  formatNumber(value, Number.isInteger(value) ? 0 : 1, locale);

/** A count axis's end: the largest value rounded up to 1, 2 or 5 times a power of ten (at least 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max) as number;
  return step * power;
}

/**
 * The value axis of an indicator's chart: a scale's own ends (1–7), yes/no in per cent (0–100), a count from 0 to
 * a round number at or above the largest value. Values are as the chart draws them (yes/no already in per cent).
 */
export function valueDomain(type: IndicatorType, scale: Scale | null, values: number[]): [number, number] {
  if (type === 'scale' && scale) return [scale.min, scale.max];
  if (type === 'yesno') return [0, 100];
  return [0, niceMax(Math.max(0, ...values))];
}

/** Ends a sentence once: "Målet er tydeligt." stays, "Er målet tydeligt?" stays, "Målet er tydeligt" gets a ".". */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…:]$/.test(t) ? t : `${t}.`;
}
