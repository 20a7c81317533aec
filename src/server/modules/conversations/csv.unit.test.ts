import { describe, expect, it } from 'vitest';
import { parseFigureCsv, parseNumber } from './csv.js';

describe('parseNumber', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['12,5 %', 12.5],
    ['-3', -3],
    ['−3,0', -3],
    ['abc', null],
    ['1,2,3', 123],
    ['', null],
    ['=1+1', null],
  ])('%s → %s', (raw, value) => expect(parseNumber(raw)).toBe(value));
});

describe('parseFigureCsv', () => {
  it('reads Windows-1252 with a header, tabs, and reports an extra column and an empty label', () => {
    const bytes = Buffer.from('Måned\tFravær\n2026-08\t4,1\n2026-09\t3,9\tx\n\t5\n', 'latin1');
    const f = parseFigureCsv(bytes);
    expect(f.encoding).toBe('windows-1252');
    expect(f.figures).toEqual([{ label: '2026-08', value: 4.1 }]);
    expect(f.errors.map((e) => e.line)).toEqual([3, 4]);
  });
  it('a period column of Excel day numbers reads as days; a figure on the first line is not taken for a header', () => {
    expect(parseFigureCsv(Buffer.from('Dato;Fravær\n45505;4,1\n')).figures).toEqual([
      { label: '2024-08-01', value: 4.1 },
    ]);
    expect(parseFigureCsv(Buffer.from('0. klasse;4,5\n1. klasse;3\n')).figures).toHaveLength(2);
  });
  it('an empty file says so, in English too', () => {
    expect(parseFigureCsv(Buffer.from(''), 'en').errors).toEqual([
      { line: 1, message: 'The file has no figures.' },
    ]);
  });
});
