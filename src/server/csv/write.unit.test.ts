import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './write.js';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Solsikkeskolen æøå')).toBe('Solsikkeskolen æøå');
    expect(csvField(42)).toBe('42');
    expect(csvField('')).toBe('');
  });
  it('quotes a field with a semicolon, a quote or a line break, doubling quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('sagde "hej"')).toBe('"sagde ""hej"""');
    expect(csvField('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvField('to\r\nlinjer')).toBe('"to\r\nlinjer"');
  });
  it('never lets a spreadsheet read a field as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}SUM(A1:A9)`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+45 1234')).toBe("'+45 1234");
    expect(csvField('=Børnehaven; "tid"')).toBe('"\'=Børnehaven; ""tid"""');
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('csvDocument', () => {
  it('writes UTF-8 with BOM, semicolons and CRLF, each field guarded', () => {
    expect(
      csvDocument([
        ['Navn', 'Svar'],
        ['=x', 'a;b'],
      ]),
    ).toBe('\uFEFFNavn;Svar\r\n\'=x;"a;b"\r\n');
  });
});
