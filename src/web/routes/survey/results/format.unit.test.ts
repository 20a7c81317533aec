import { describe, expect, it } from 'vitest';
import { fitParts, formatDay, formatNumber, formatScore, formatShare, lineAt, throughMean } from './format';

describe('survey formatting', () => {
  it('writes days as calendar days in each language', () => {
    expect(formatDay('2026-12-21', 'da')).toBe('21. december 2026');
    expect(formatDay('2026-01-01', 'en')).toBe('1 January 2026');
    expect(formatDay('nonsense', 'da')).toBe('nonsense');
  });

  it('writes scores, shares and numbers the Danish way', () => {
    expect(formatScore(62.4, 'da')).toBe('62');
    expect(formatScore(null, 'da')).toBe('–');
    expect(formatShare(0.643, 'da')).toMatch(/^64\s%$/);
    expect(formatShare(0.643, 'en')).toBe('64%');
    expect(formatNumber(8.66, 'da')).toBe('8,7');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
  });

  it('says a fit in words: per +10 social capital, R² with two decimals', () => {
    expect(fitParts({ slope: 0.866, r2: 0.7891 }, 'da')).toEqual({ plf: '+8,7', r2: '0,79' });
    expect(fitParts({ slope: -0.4, r2: 0.1 }, 'en')).toEqual({ plf: '−4.0', r2: '0.10' });
    expect(fitParts({ slope: 0.001, r2: 0 }, 'da').plf).toBe('±0,0');
  });

  it('draws the reference through the mean point', () => {
    const line = throughMean(0.9, [
      { x: 40, y: 50 },
      { x: 60, y: 70 },
    ]);
    expect(line).not.toBeNull();
    expect(lineAt(line as NonNullable<typeof line>, 50)).toBeCloseTo(60, 10);
    expect(lineAt(line as NonNullable<typeof line>, 60)).toBeCloseTo(69, 10);
    expect(throughMean(0.9, [])).toBeNull();
  });
});
