import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvReadError, decodeBytes, detectDelimiter, readCsv } from './index.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const limits = { maxRows: 100, maxBytes: 1024 * 1024 };

function readError(bytes: Uint8Array, l = limits): CsvReadError {
  try {
    readCsv(bytes, l);
  } catch (err) {
    if (err instanceof CsvReadError) return err;
    throw err;
  }
  throw new Error('expected a CsvReadError');
}

describe('decodeBytes', () => {
  const text = 'Søren Ærø;Åse Ødegård';
  it('reads UTF-8 with and without a BOM, Windows-1252 and UTF-16 (both byte orders)', () => {
    expect(decodeBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    expect(decodeBytes(iconv.encode(`${text} – €`, 'windows-1252'))).toEqual({
      text: `${text} – €`,
      encoding: 'windows-1252',
    });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])).text).toBe(
      text,
    );
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]))).toEqual({
      text,
      encoding: 'utf-16be',
    });
  });
});

describe('detectDelimiter', () => {
  it('counts separators in the header line outside quotes', () => {
    expect(detectDelimiter('kode;score;note\n1,5;2,5;x')).toBe(';');
    expect(detectDelimiter('kode,score\n1;2')).toBe(',');
    expect(detectDelimiter('"kode;x",score')).toBe(',');
    expect(detectDelimiter('kode\tscore\tnote')).toBe('\t');
  });
});

describe('readCsv', () => {
  it('reads the header and rows with their lines, skipping blank lines and lines of separators', () => {
    const t = readCsv(utf8('\n\nKode;Score\n3A-01;32\n\n;;\n3A-02;18\n'), limits);
    expect(t.header).toEqual({ line: 3, cells: ['Kode', 'Score'] });
    expect(t.rows).toEqual([
      { line: 4, cells: ['3A-01', '32'] },
      { line: 7, cells: ['3A-02', '18'] },
    ]);
    expect(t.delimiter).toBe(';');
    expect(t.encoding).toBe('utf-8');
  });

  it('drops a UTF-8 BOM before the header and reads a comma file', () => {
    const t = readCsv(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('kode,score\r\nA,"1,5"\r\n')]),
      limits,
    );
    expect(t.header.cells).toEqual(['kode', 'score']);
    expect(t.rows).toEqual([{ line: 2, cells: ['A', '1,5'] }]);
  });

  it('keeps quoted separators, doubled quotes and line breaks inside a field; the next row has the right line', () => {
    const t = readCsv(utf8('kode;note\r\nA;"læser ""godt"";\r\nmen langsomt"\r\nB;x\r\n'), limits);
    expect(t.rows).toEqual([
      { line: 2, cells: ['A', 'læser "godt";\nmen langsomt'] },
      { line: 4, cells: ['B', 'x'] },
    ]);
  });

  it('reads a Windows-1252 file (Danish Excel) and a tab-separated UTF-16 file (Excel "Unicode text")', () => {
    const w = readCsv(iconv.encode('kode;note\nØ-1;Går frem\n', 'windows-1252'), limits);
    expect(w.encoding).toBe('windows-1252');
    expect(w.rows[0].cells).toEqual(['Ø-1', 'Går frem']);
    const u = readCsv(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('kode\tnote\nÆ\tå\n', 'utf-16le')]),
      limits,
    );
    expect(u.delimiter).toBe('\t');
    expect(u.rows[0].cells).toEqual(['Æ', 'å']);
  });

  it('gives a header without rows back (the caller checks its columns), and refuses a file with nothing', () => {
    expect(readCsv(utf8('kode;score\n'), limits).rows).toEqual([]);
    for (const s of ['', '  \n\n', ';;\n']) expect(readError(utf8(s)).code).toBe('empty');
    expect(readError(Buffer.from([0xef, 0xbb, 0xbf])).code).toBe('empty');
  });

  it('refuses NUL characters, an unclosed quote (with its line), too many bytes and too many rows', () => {
    expect(readError(utf8('kode\nA\u0000\n')).code).toBe('invalid_text');
    const quote = readError(utf8('kode;note\nA;x\nB;"y\nC;z\n'));
    expect(quote.code).toBe('unclosed_quote');
    expect(readError(utf8('kode\nA\n'), { maxRows: 10, maxBytes: 4 }).code).toBe('too_large');
    const many = readError(utf8(`kode\n${'A\n'.repeat(11)}`), { maxRows: 10, maxBytes: 1000 });
    expect([many.code, many.line, many.count]).toEqual(['too_many_rows', 12, 11]);
    expect(readCsv(utf8(`kode\n${'A\n'.repeat(10)}`), { maxRows: 10, maxBytes: 1000 }).rows).toHaveLength(10);
  });

  it('reads random bytes without throwing anything but a CsvReadError', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.from(Array.from({ length: 2000 }, rnd));
      try {
        readCsv(bytes, limits);
      } catch (err) {
        expect(err).toBeInstanceOf(CsvReadError);
      }
    }
  });
});
