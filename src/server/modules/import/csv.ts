import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Locale } from '../../../shared/constants.js';
import { isSafeText } from '../../../shared/text.js';
import { AppError } from '../../http/errors.js';
import { type Column, columnLabel, linePath, message } from './messages.js';

/** Pure reading of a staff CSV file: bytes → text → header mapping → rows with their line numbers. No I/O. */

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

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"); UTF-8 (BOM stripped) when the
 * bytes are valid UTF-8; otherwise Windows-1252, which is what Danish Excel writes for "CSV (semikolonsepareret)".
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf, 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf, 'utf-16be'), encoding: 'utf-16be' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The separator that occurs most often outside quotes in the header line: ';' (Danish Excel), ',' or tab. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

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

function parseRecords(text: string, delimiter: string, locale: Locale) {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 1;
    const code = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'file.unclosed_quote' : 'file.unreadable';
    throw fileError('import.invalid_file', [
      { path: linePath(locale, line), message: message(locale, code) },
    ]);
  }
}

/** Reads a staff file. Throws an AppError (400) with localized details when the file as a whole is unusable. */
export function parseStaffCsv(bytes: Uint8Array, locale: Locale = 'da'): ParsedFile {
  const { text: decoded, encoding } = decodeBytes(bytes);
  // A NUL (or, from broken UTF-16, a lone surrogate) cannot be stored: the file is refused, not a row.
  if (!isSafeText(decoded)) throw new AppError('request.invalid_text');
  // One kind of line break, so that csv-parse's line count matches the lines a spreadsheet user sees.
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const noRows = () =>
    fileError('import.empty_file', [{ path: linePath(locale, 1), message: message(locale, 'file.no_rows') }]);
  if (!text.trim()) throw noRows();
  const delimiter = detectDelimiter(text.trimStart());
  const records = parseRecords(text, delimiter, locale);

  let previousEnd = 0;
  let headerMap: Map<number, Column> | undefined;
  let headerWidth = 0;
  const rows: RawRow[] = [];
  for (const { record, info } of records) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((f) => !f.trim())) continue; // blank lines and lines of only separators
    if (!headerMap) {
      headerMap = mapHeader(record, locale);
      headerWidth = record.length;
      continue;
    }
    const values: Record<Column, string> = { name: '', email: '', institution: '', team: '', role: '' };
    for (const [i, col] of headerMap) values[col] = record[i] ?? '';
    rows.push({ line, values, extraFields: record.slice(headerWidth).some((f) => f.trim() !== '') });
  }
  if (!headerMap || rows.length === 0) throw noRows();
  if (rows.length > MAX_ROWS)
    throw fileError('import.too_many_rows', [
      {
        path: linePath(locale, rows[MAX_ROWS].line),
        message: message(locale, 'file.too_many_rows', { line: rows.length, max: MAX_ROWS }),
      },
    ]);
  return { rows, encoding, delimiter, hasTeamColumn: [...headerMap.values()].includes('team') };
}
