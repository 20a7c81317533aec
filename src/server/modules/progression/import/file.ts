import type { Locale } from '../../../../shared/constants.js';
import { PROGRESSION_IMPORT } from '../../../../shared/contracts/progression.js';
import { CsvReadError, type CsvTable, readCsv } from '../../../csv/index.js';
import { AppError } from '../../../http/errors.js';
import { type Band, type ColumnMap, guessColumns, overlappingBands } from './columns.js';
import { speaker } from './messages.js';

/** The uploaded file → its table, and the columns and bands checked: a file that cannot be used is a 4xx. */

export function readFile(base64: string, locale: Locale): CsvTable {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength > PROGRESSION_IMPORT.maxBytes) throw new AppError('progression.import_too_large');
  try {
    return readCsv(bytes, { maxRows: PROGRESSION_IMPORT.maxRows, maxBytes: PROGRESSION_IMPORT.maxBytes });
  } catch (err) {
    if (!(err instanceof CsvReadError)) throw err;
    const say = speaker(locale, 'skole');
    const at = (code: 'file.too_many_rows' | 'file.unclosed_quote' | 'file.unreadable') => [
      {
        path: say('file.line', { line: err.line }),
        message: say(code, { line: err.count, max: PROGRESSION_IMPORT.maxRows }),
      },
    ];
    switch (err.code) {
      case 'too_large':
        throw new AppError('progression.import_too_large');
      case 'invalid_text':
        throw new AppError('request.invalid_text');
      case 'empty':
        throw new AppError('progression.import_empty');
      case 'too_many_rows':
        throw new AppError('progression.import_too_many_rows', at('file.too_many_rows'));
      case 'unclosed_quote':
        throw new AppError('progression.import_unreadable', at('file.unclosed_quote'));
      default:
        throw new AppError('progression.import_unreadable', at('file.unreadable'));
    }
  }
}

/** The columns given (or guessed from the header): a code column and a score or status column, inside the file. */
export function checkColumns(table: CsvTable, given: ColumnMap | undefined): ColumnMap {
  if (!table.rows.length) throw new AppError('progression.import_empty');
  const columns = given ?? guessColumns(table.header.cells);
  const width = Math.max(table.header.cells.length, ...table.rows.slice(0, 50).map((r) => r.cells.length));
  const outside = Object.values(columns).some((i) => i !== null && i >= width);
  if (columns.code === null || (columns.score === null && columns.status === null) || outside)
    throw new AppError('progression.import_columns');
  return columns;
}

export function checkBands(bands: Band[]): Band[] {
  if (overlappingBands(bands)) throw new AppError('progression.import_bands');
  return bands;
}
