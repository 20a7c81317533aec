import { CsvError, parse } from 'csv-parse/sync';
import { isSafeText } from '../../shared/text.js';
import { type Delimiter, decodeBytes, detectDelimiter, type Encoding } from './decode.js';

/**
 * Reads an uploaded CSV file (a spreadsheet export): bytes → text → the header line and the rows, each with the
 * line of the file where it starts (the header is usually line 1; a quoted line break makes a row span lines).
 * Blank lines and lines of only separators are skipped. Pure; what the columns mean is the caller's business,
 * and so are the messages: a file that cannot be used as a whole throws a CsvReadError with a stable code.
 */

export type CsvRecord = {
  /** 1-based line in the file where the record starts. */
  line: number;
  cells: string[];
};

export type CsvTable = {
  header: CsvRecord;
  rows: CsvRecord[];
  encoding: Encoding;
  delimiter: Delimiter;
};

export type CsvReadCode =
  /** Larger than maxBytes. */
  | 'too_large'
  /** A NUL character or (from broken UTF-16) a lone surrogate: text PostgreSQL cannot store. */
  | 'invalid_text'
  /** Nothing but blank lines (a header without rows is not an error here: the caller checks its columns first). */
  | 'empty'
  | 'unclosed_quote'
  | 'unreadable'
  /** More than maxRows rows; `line` is the first row too many, `count` how many rows there are. */
  | 'too_many_rows';

export class CsvReadError extends Error {
  constructor(
    readonly code: CsvReadCode,
    readonly line: number,
    readonly count = 0,
  ) {
    super(`csv: ${code} at line ${line}`);
    this.name = 'CsvReadError';
  }
}

export type CsvLimits = { maxRows: number; maxBytes: number };

function parseRecords(text: string, delimiter: string) {
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
    throw new CsvReadError(err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed_quote' : 'unreadable', line);
  }
}

export function readCsv(bytes: Uint8Array, limits: CsvLimits): CsvTable {
  if (bytes.byteLength > limits.maxBytes) throw new CsvReadError('too_large', 1);
  const { text: decoded, encoding } = decodeBytes(bytes);
  if (!isSafeText(decoded)) throw new CsvReadError('invalid_text', 1);
  // One kind of line break, so that csv-parse's line count matches the lines a spreadsheet user sees.
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new CsvReadError('empty', 1);
  const delimiter = detectDelimiter(text.trimStart());

  let previousEnd = 0;
  let header: CsvRecord | undefined;
  const rows: CsvRecord[] = [];
  for (const { record, info } of parseRecords(text, delimiter)) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((f) => !f.trim())) continue;
    if (!header) header = { line, cells: record };
    else rows.push({ line, cells: record });
  }
  if (!header) throw new CsvReadError('empty', 1);
  if (rows.length > limits.maxRows)
    throw new CsvReadError('too_many_rows', rows[limits.maxRows].line, rows.length);
  return { header, rows, encoding, delimiter };
}

/** A header cell as compared with known names: no BOM, one space between words, trimmed, lower case. */
export const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
