import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { MAX_ROWS, parseStaffCsv } from './csv.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const header = 'navn;e-mail;institution;team;rolle\n';

function fileError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

// Decoding and the separator are the shared reader's (src/server/csv/read.unit.test.ts).
describe('parseStaffCsv', () => {
  it('reads a semicolon file with line numbers (header = line 1), skipping blank lines', () => {
    const f = parseStaffCsv(
      utf8(
        `${header}Anna Berg;anna@x.dk;Solsikkeskolen;Matematikteamet;Medarbejder\n\n;;;;\nBo;bo@x.dk;Skolen;;leder\n`,
      ),
    );
    expect(f.delimiter).toBe(';');
    expect(f.hasTeamColumn).toBe(true);
    expect(f.rows).toEqual([
      {
        line: 2,
        values: {
          name: 'Anna Berg',
          email: 'anna@x.dk',
          institution: 'Solsikkeskolen',
          team: 'Matematikteamet',
          role: 'Medarbejder',
        },
        extraFields: false,
      },
      {
        line: 5,
        values: { name: 'Bo', email: 'bo@x.dk', institution: 'Skolen', team: '', role: 'leder' },
        extraFields: false,
      },
    ]);
  });

  it('reads a comma file with quoted fields holding the separator, quotes and line breaks', () => {
    const f = parseStaffCsv(
      utf8(
        'Name,Email,Institution,Role\r\n"Berg, Anna",anna@x.dk,Solsikkeskolen,leder\r\n"Bo ""B"" \r\nHansen",bo@x.dk,"Skole, A",leder\r\nC,c@x.dk,S,leder',
      ),
    );
    expect(f.delimiter).toBe(',');
    expect(f.hasTeamColumn).toBe(false);
    expect(f.rows.map((r) => [r.line, r.values.name, r.values.institution])).toEqual([
      [2, 'Berg, Anna', 'Solsikkeskolen'],
      [3, 'Bo "B" \nHansen', 'Skole, A'],
      [5, 'C', 'S'],
    ]);
  });

  it('matches headers case-insensitively in Danish or English, in any order, ignoring blank header cells', () => {
    const f = parseStaffCsv(utf8('ROLLE;Mail; Navn ;INSTITUTION;;\nleder;a@x.dk;A;S;;\n'));
    expect(f.rows[0].values).toEqual({
      name: 'A',
      email: 'a@x.dk',
      institution: 'S',
      team: '',
      role: 'leder',
    });
  });

  it('reads Windows-1252 bytes with æøå', () => {
    const f = parseStaffCsv(
      iconv.encode(
        `${header}Søren Ærø;s@x.dk;Børnehuset Mælkebøtten;Vuggestuen;Medarbejder\r\n`,
        'windows-1252',
      ),
    );
    expect(f.encoding).toBe('windows-1252');
    expect(f.rows[0].values.name).toBe('Søren Ærø');
    expect(f.rows[0].values.institution).toBe('Børnehuset Mælkebøtten');
  });

  it('marks a line with more non-empty fields than the header', () => {
    const f = parseStaffCsv(
      utf8('navn;e-mail;institution;rolle\nBerg; Anna;a@x.dk;S;leder\nB;b@x.dk;S;leder;;\n'),
    );
    expect(f.rows.map((r) => r.extraFields)).toEqual([true, false]);
  });

  it('names the missing required columns', () => {
    const err = fileError(() => parseStaffCsv(utf8('navn;team\nA;B\n')));
    expect(err.code).toBe('import.missing_columns');
    expect(err.details).toEqual([
      { path: 'linje 1', message: 'Kolonnen »e-mail« mangler.' },
      { path: 'linje 1', message: 'Kolonnen »institution« mangler.' },
      { path: 'linje 1', message: 'Kolonnen »rolle« mangler.' },
    ]);
    expect(fileError(() => parseStaffCsv(utf8('navn;team\nA;B\n'), 'en')).details?.[0]).toEqual({
      path: 'line 1',
      message: 'The column “email” is missing.',
    });
  });

  it('refuses unknown and repeated columns', () => {
    const unknown = fileError(() => parseStaffCsv(utf8('navn;e-mail;institution;rolle;telefon\n')));
    expect(unknown.code).toBe('import.unknown_columns');
    expect(unknown.details).toEqual([{ path: 'linje 1', message: 'Kolonnen »telefon« kendes ikke.' }]);
    const twice = fileError(() => parseStaffCsv(utf8('navn;e-mail;institution;rolle;Name\n')));
    expect(twice.code).toBe('import.invalid_file');
  });

  it('refuses an empty file, a blank file and a header-only file', () => {
    for (const text of ['', '  \r\n\r\n', `${header}`, `${header};;;;\n`])
      expect(fileError(() => parseStaffCsv(utf8(text))).code).toBe('import.empty_file');
    expect(fileError(() => parseStaffCsv(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('import.empty_file');
  });

  it('reports an unclosed quote with its line', () => {
    const err = fileError(() => parseStaffCsv(utf8(`${header}A;a@x.dk;S;;leder\n"B;b@x.dk;S;;leder\n`)));
    expect(err.code).toBe('import.invalid_file');
    expect(err.details?.[0].message).toBe('Et anførselstegn lukkes aldrig.');
  });

  it(`accepts ${MAX_ROWS} rows and refuses one more`, () => {
    const line = 'A;a@x.dk;S;;leder\n';
    expect(parseStaffCsv(utf8(header + line.repeat(MAX_ROWS))).rows).toHaveLength(MAX_ROWS);
    const err = fileError(() => parseStaffCsv(utf8(header + line.repeat(MAX_ROWS + 1))));
    expect(err.code).toBe('import.too_many_rows');
    expect(err.details?.[0].path).toBe(`linje ${MAX_ROWS + 2}`);
  });
});
