/* Reading uploaded CSV files (infrastructure: no module imports). Used by the staff import, the progression
 * import and the learning conversations' uploaded figures. */
export { type Delimiter, decodeBytes, detectDelimiter, type Encoding } from './decode.js';
export {
  type CsvLimits,
  type CsvReadCode,
  CsvReadError,
  type CsvRecord,
  type CsvTable,
  normalizeHeader,
  readCsv,
} from './read.js';
export { excelSerialDay, isFormulaLike, parseDay, parseDecimal } from './values.js';
