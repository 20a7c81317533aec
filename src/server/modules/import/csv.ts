import type { Locale } from '../../../shared/constants.js';
import { CsvReadError, type CsvTable, type Encoding, normalizeHeader, readCsv } from '../../csv/index.js';
import { AppError } from '../../http/errors.js';
import { type Column, columnLabel, linePath, message } from './messages.js';

/**
 * Pure reading of a staff CSV file: the shared reader (src/server/csv: bytes → text → rows with their line numbers)
 * → header mapping → the staff columns. No I/O.
 */

export const MAX_ROWS = 5000;
export const MAX_BYTES = 2 * 1024 * 1024;

/** Accepted header names per column, lower-case (headers are compared case-insensitively). */
export const HEADER_ALIASES: Record<Column, readonly string[]> = {
  name: ['navn', 'name'],
  email: ['e-mail', 'email', 'mail', 'e-mailadresse'],
  institution: ['institution'],
  team: ['team', 'teams'],
  role: ['rolle', 'role'],
};
const REQUIRED: readonly Column[] = ['name', 'email', 'institution', 'role'];

function columnOf(header: string): Column | undefined {
  const h = normalizeHeader(header);
  return (Object.keys(HEADER_ALIASES) as Column[]).find((c) => HEADER_ALIASES[c].includes(h));
}

export type RawRow = {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  values: Record<Column, string>;
  /** The line had non-empty fields beyond the header's columns. */
  extraFields: boolean;
};

export type ParsedFile = { rows: RawRow[]; encoding: Encoding; delimiter: string; hasTeamColumn: boolean };

const fileError = (
  code: ConstructorParameters<typeof AppError>[0],
  details: { path: string; message: string }[],
) => new AppError(code, details);

/** Maps header cells to columns. Blank header cells (Excel's trailing separators) are ignored. */
function mapHeader(header: string[], locale: Locale): Map<number, Column> {
  const map = new Map<number, Column>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((cell, i) => {
    if (!normalizeHeader(cell)) return;
    const col = columnOf(cell);
    if (!col) unknown.push(cell.trim());
    else if ([...map.values()].includes(col)) duplicate.push(cell.trim());
    else map.set(i, col);
  });
  const path = linePath(locale, 1);
  if (unknown.length)
    throw fileError(
      'import.unknown_columns',
      unknown.map((value) => ({ path, message: message(locale, 'file.unknown_column', { value }) })),
    );
  if (duplicate.length)
    throw fileError(
      'import.invalid_file',
      duplicate.map((value) => ({ path, message: message(locale, 'file.duplicate_column', { value }) })),
    );
  const present = new Set(map.values());
  const missing = REQUIRED.filter((c) => !present.has(c));
  if (missing.length)
    throw fileError(
      'import.missing_columns',
      missing.map((c) => ({
        path,
        message: message(locale, 'file.missing_column', { value: columnLabel(locale, c) }),
      })),
    );
  return map;
}

/** The shared reader's file-level refusals as the staff import's errors (400, or 413 for too_large). */
function readError(err: CsvReadError, locale: Locale, maxRows: number): AppError {
  const path = linePath(locale, err.line);
  switch (err.code) {
    case 'too_large':
      return new AppError('request.too_large');
    case 'invalid_text':
      return new AppError('request.invalid_text');
    case 'empty':
      return fileError('import.empty_file', [{ path, message: message(locale, 'file.no_rows') }]);
    case 'too_many_rows':
      return fileError('import.too_many_rows', [
        { path, message: message(locale, 'file.too_many_rows', { line: err.count, max: maxRows }) },
      ]);
    case 'unclosed_quote':
      return fileError('import.invalid_file', [{ path, message: message(locale, 'file.unclosed_quote') }]);
    case 'unreadable':
      return fileError('import.invalid_file', [{ path, message: message(locale, 'file.unreadable') }]);
  }
}

/**
 * Reads a staff file. Throws an AppError (400) with localized details when the file as a whole is unusable.
 * `limits`: the manual import's by default; the staff sync reads larger complete lists.
 */
export function parseStaffCsv(
  bytes: Uint8Array,
  locale: Locale = 'da',
  limits: { maxRows: number; maxBytes: number } = { maxRows: MAX_ROWS, maxBytes: MAX_BYTES },
): ParsedFile {
  let table: CsvTable;
  try {
    table = readCsv(bytes, limits);
  } catch (err) {
    throw err instanceof CsvReadError ? readError(err, locale, limits.maxRows) : err;
  }
  // The columns are checked before the rows are counted: a header-only file with an unknown column names it.
  const headerMap = mapHeader(table.header.cells, locale);
  const headerWidth = table.header.cells.length;
  if (table.rows.length === 0)
    throw fileError('import.empty_file', [
      { path: linePath(locale, 1), message: message(locale, 'file.no_rows') },
    ]);
  const rows: RawRow[] = table.rows.map(({ line, cells }) => {
    const values: Record<Column, string> = { name: '', email: '', institution: '', team: '', role: '' };
    for (const [i, col] of headerMap) values[col] = cells[i] ?? '';
    return { line, values, extraFields: cells.slice(headerWidth).some((f) => f.trim() !== '') };
  });
  return {
    rows,
    encoding: table.encoding,
    delimiter: table.delimiter,
    hasTeamColumn: [...headerMap.values()].includes('team'),
  };
}
