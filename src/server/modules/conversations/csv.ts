import type { Locale } from '../../../shared/constants.js';
import { CONVERSATION_LIMITS as L } from '../../../shared/conversations.js';
import {
  type CsvReadCode,
  CsvReadError,
  type CsvTable,
  excelSerialDay,
  isFormulaLike,
  normalizeHeader,
  parseDecimal,
  readCsv,
} from '../../csv/index.js';

/**
 * Figures forvaltning uploads for a data package (absence, test levels …): a CSV file of two columns, a label or
 * a period and a value — read by the shared reader (src/server/csv: `;` or `,` or tab, UTF-8 with or without BOM,
 * UTF-16 or Windows-1252 as Excel writes it), an optional header line, decimal comma or point ("12,5", "1.234,5",
 * "12,5 %"), a period column's Excel day numbers as days. Every line with a fault is reported with its line number
 * in the reader's language, and nothing is used while any line has one.
 */

export type FigureRow = { label: string; value: number };
export type FigureFile = {
  figures: FigureRow[];
  errors: { line: number; message: string }[];
  delimiter: string;
  encoding: string;
};

/** At most this many row errors are reported (a file of garbage names its first faults, not all of them). */
const ERRORS_MAX = 50;

const TEXT: Record<Locale, Record<string, (v: string) => string>> = {
  da: {
    empty: () => 'Filen har ingen tal.',
    unreadable: () => 'Filen kan ikke læses som CSV.',
    unclosed: () => 'Et anførselstegn lukkes aldrig.',
    noValue: () => 'Der mangler en værdi i anden kolonne.',
    noLabel: () => 'Der mangler en betegnelse eller periode i første kolonne.',
    notNumber: (v) => `»${v}« er ikke et tal.`,
    formula: (v) => `»${v}« ligner en formel og bruges ikke. Skriv teksten uden = + - @ forrest.`,
    extra: () => 'Linjen har mere end to kolonner.',
    duplicate: (v) => `»${v}« står allerede på en tidligere linje.`,
    tooLong: () => `Betegnelsen er længere end ${L.figureLabel} tegn.`,
    tooMany: () => `Filen har mere end ${L.figures} linjer med tal.`,
  },
  en: {
    empty: () => 'The file has no figures.',
    unreadable: () => 'The file cannot be read as CSV.',
    unclosed: () => 'A quotation mark is never closed.',
    noValue: () => 'The second column has no value.',
    noLabel: () => 'The first column has no label or period.',
    notNumber: (v) => `“${v}” is not a number.`,
    formula: (v) => `“${v}” looks like a formula and is not used. Write the text without = + - @ in front.`,
    extra: () => 'The line has more than two columns.',
    duplicate: (v) => `“${v}” is already on an earlier line.`,
    tooLong: () => `The label is longer than ${L.figureLabel} characters.`,
    tooMany: () => `The file has more than ${L.figures} lines of figures.`,
  },
};

const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);

/** A figure's value: a Danish or English number (the shared reader's rule), a trailing "%" and "−" allowed. */
export function parseNumber(raw: string): number | null {
  const n = parseDecimal(raw.trim().replace(/%$/, '').replace('−', '-'));
  return n !== null && Math.abs(n) < 1e12 ? n : null;
}

/** A label in a column named as a date or a period, written by Excel as a day number (45505): the day itself. */
const DATE_HEADER = /dato|date|dag|day|periode|period|måned|month/;
const labelOf = (cell: string, dateColumn: boolean) =>
  dateColumn && /^\d{5}$/.test(cell) ? (excelSerialDay(Number(cell)) ?? cell) : cell;

const FILE_ERRORS: Record<CsvReadCode, keyof (typeof TEXT)['da']> = {
  too_large: 'unreadable',
  invalid_text: 'unreadable',
  empty: 'empty',
  unclosed_quote: 'unclosed',
  unreadable: 'unreadable',
  too_many_rows: 'tooMany',
};

export function parseFigureCsv(bytes: Uint8Array, locale: Locale = 'da'): FigureFile {
  const t = TEXT[locale];
  let table: CsvTable;
  try {
    // One row more than allowed, for a first line that turns out to be a figure rather than a header.
    table = readCsv(bytes, { maxRows: L.figures + 1, maxBytes: L.csvBytes });
  } catch (err) {
    if (!(err instanceof CsvReadError)) throw err;
    return {
      figures: [],
      errors: [{ line: err.line, message: t[FILE_ERRORS[err.code]]('') }],
      delimiter: '',
      encoding: '',
    };
  }
  const out: FigureFile = { figures: [], errors: [], delimiter: table.delimiter, encoding: table.encoding };
  const fail = (line: number, message: string) => {
    if (out.errors.length < ERRORS_MAX) out.errors.push({ line, message });
  };
  // A first line whose value is not a number is the header ("Periode;Fravær %"); otherwise it is a figure too.
  const [h0 = '', h1 = '', ...hRest] = table.header.cells.map((c) => c.trim());
  const headerIsData = parseNumber(h1) !== null && !isFormulaLike(h0) && hRest.every((c) => c === '');
  const dateColumn = !headerIsData && DATE_HEADER.test(normalizeHeader(h0));
  const records = headerIsData ? [table.header, ...table.rows] : table.rows;
  const seen = new Set<string>();
  for (const { line, cells: raw } of records) {
    const cells = raw.map((c) => c.trim());
    const [cell = '', value = '', ...rest] = cells;
    if (rest.some((c) => c !== '')) {
      fail(line, t.extra(''));
      continue;
    }
    if (!cell) {
      fail(line, t.noLabel(''));
      continue;
    }
    if (isFormulaLike(cell)) {
      fail(line, t.formula(shown(cell)));
      continue;
    }
    if (cell.length > L.figureLabel) {
      fail(line, t.tooLong(''));
      continue;
    }
    if (!value) {
      fail(line, t.noValue(''));
      continue;
    }
    const n = parseNumber(value);
    if (n === null) {
      fail(line, isFormulaLike(value) ? t.formula(shown(value)) : t.notNumber(shown(value)));
      continue;
    }
    const label = labelOf(cell, dateColumn);
    const key = label.toLocaleLowerCase('da');
    if (seen.has(key)) {
      fail(line, t.duplicate(shown(label)));
      continue;
    }
    seen.add(key);
    if (out.figures.length >= L.figures) {
      fail(line, t.tooMany(''));
      break;
    }
    out.figures.push({ label, value: n });
  }
  if (!out.figures.length && !out.errors.length) fail(1, t.empty(''));
  return out;
}
