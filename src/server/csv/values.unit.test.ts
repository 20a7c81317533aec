import { describe, expect, it } from 'vitest';
import { excelSerialDay, isFormulaLike, parseDay, parseDecimal } from './values.js';

describe('parseDay', () => {
  it('reads ISO and Danish day-first dates with -, . or /', () => {
    expect(parseDay('2026-09-14')).toBe('2026-09-14');
    expect(parseDay('14-09-2026')).toBe('2026-09-14');
    expect(parseDay('14.09.2026')).toBe('2026-09-14');
    expect(parseDay(' 4.9.2026 ')).toBe('2026-09-04');
    expect(parseDay('14/09/2026')).toBe('2026-09-14');
  });

  it('reads Excel serial days (a time of day ignored)', () => {
    expect(parseDay('46279')).toBe('2026-09-14');
    expect(parseDay('46279,75')).toBe('2026-09-14');
    expect(excelSerialDay(61)).toBe('1900-03-01');
    expect(excelSerialDay(45658)).toBe('2025-01-01');
    expect(excelSerialDay(60)).toBeNull(); // Excel's 29 February 1900
    expect(excelSerialDay(3_000_000)).toBeNull();
  });

  it('refuses impossible and malformed dates', () => {
    for (const s of [
      '31-02-2026',
      '29.02.2025',
      '2026-13-01',
      '14-09-26',
      '14.09-2026',
      'i går',
      '',
      '0',
      '1e5',
    ])
      expect(parseDay(s), s).toBeNull();
    expect(parseDay('29.02.2028')).toBe('2028-02-29');
  });
});

describe('parseDecimal', () => {
  it('reads decimal commas and points, signs and thousands separators', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal(' -3 ')).toBe(-3);
    expect(parseDecimal('+2,25')).toBe(2.25);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('1 234,5')).toBe(1234.5);
    expect(parseDecimal('1\u00a0234')).toBe(1234);
    expect(parseDecimal('1,234.5')).toBe(1234.5);
    expect(parseDecimal('1.234.567')).toBe(1234567);
    expect(parseDecimal(',5')).toBe(0.5);
  });

  it('refuses what is not one number', () => {
    for (const s of ['', 'tolv', '12a', '1,2,3.4,5', '1-2', '--3', '1e3', 'NaN', 'Infinity', '.', ','])
      expect(parseDecimal(s), s).toBeNull();
  });
});

describe('isFormulaLike', () => {
  it('flags what a spreadsheet would run as a formula', () => {
    for (const s of ['=1+2', '=HYPERLINK("x")', '@SUM(A1)', '+A1', '-2+3', '- læser godt', '\t=1', ' =A1'])
      expect(isFormulaLike(s), s).toBe(true);
  });

  it('leaves numbers, plain text and single signs alone', () => {
    for (const s of ['-5', '+2,5', '-1.234,5', '32', 'Læser godt', 'a=b', '-', '', '3A-01'])
      expect(isFormulaLike(s), s).toBe(false);
  });
});
