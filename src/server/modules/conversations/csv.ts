import { CsvError, parse } from 'csv-parse/sync';
import type { Locale } from '../../../shared/constants.js';
import { CONVERSATION_LIMITS as L } from '../../../shared/conversations.js';
import { decodeBytes, detectDelimiter } from '../import/index.js';

/**
 * Figures forvaltning uploads for a data package (absence, test levels …): a CSV file of two columns, a label or
 * a period and a value — `;` or `,` or tab, UTF-8 (with or without BOM), UTF-16 or Windows-1252 as Excel writes
 * it, an optional header line, decimal comma or point ("12,5", "1.234,5", "12,5 %"). Every line with a fault is
 * reported with its line number in the reader's language, and nothing is used while any line has one.
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

/**
 * A Danish or English number: "12,5", "12.5", "1.234,5", "1,234.5", "12,5 %", "-3". A point followed by exactly
 * three digits with no comma is read as thousands only when a comma also occurs (so "1.5" stays one and a half).
 */
export function parseNumber(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  if (!/^[-+−]?[\d.,]+$/.test(s)) return null;
  s = s.replace('−', '-');
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  if (comma >= 0 && point >= 0) {
    s = comma > point ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  } else if (comma >= 0) {
    if ((s.match(/,/g) ?? []).length > 1) return null;
    s = s.replace(',', '.');
  } else if ((s.match(/\./g) ?? []).length > 1) {
    if (!/^[-+]?\d{1,3}(\.\d{3})+$/.test(s)) return null;
    s = s.replaceAll('.', '');
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) < 1e12 ? n : null;
}

/** A text cell a spreadsheet would run as a formula (CSV injection): =, +, -, @ first (a plain number is fine). */
const looksLikeFormula = (v: string) => /^[=+\-@\t\r]/.test(v) && parseNumber(v) === null;

export function parseFigureCsv(bytes: Uint8Array, locale: Locale = 'da'): FigureFile {
  const t = TEXT[locale];
  const { text: decoded, encoding } = decodeBytes(bytes);
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const out: FigureFile = { figures: [], errors: [], delimiter, encoding };
  const fail = (line: number, message: string) => {
    if (out.errors.length < ERRORS_MAX) out.errors.push({ line, message });
  };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 1;
    fail(line, err.code === 'CSV_QUOTE_NOT_CLOSED' ? t.unclosed('') : t.unreadable(''));
    return out;
  }
  const seen = new Map<string, number>();
  let first = true;
  for (const { record, info } of records) {
    const line = info.lines;
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    const [label = '', value = '', ...rest] = cells;
    // A first line whose value is not a number is the header ("Periode;Fravær %").
    if (first) {
      first = false;
      if (parseNumber(value) === null && !looksLikeFormula(label) && rest.every((c) => c === '')) continue;
    }
    if (out.figures.length + out.errors.length >= L.figures + ERRORS_MAX) break;
    if (rest.some((c) => c !== '')) {
      fail(line, t.extra(''));
      continue;
    }
    if (!label) {
      fail(line, t.noLabel(''));
      continue;
    }
    if (looksLikeFormula(label)) {
      fail(line, t.formula(shown(label)));
      continue;
    }
    if (label.length > L.figureLabel) {
      fail(line, t.tooLong(''));
      continue;
    }
    if (!value) {
      fail(line, t.noValue(''));
      continue;
    }
    const n = parseNumber(value);
    if (n === null) {
      fail(line, looksLikeFormula(value) ? t.formula(shown(value)) : t.notNumber(shown(value)));
      continue;
    }
    const key = label.toLocaleLowerCase('da');
    if (seen.has(key)) {
      fail(line, t.duplicate(shown(label)));
      continue;
    }
    seen.set(key, line);
    if (out.figures.length >= L.figures) {
      fail(line, t.tooMany(''));
      break;
    }
    out.figures.push({ label, value: n });
  }
  if (!out.figures.length && !out.errors.length) fail(1, t.empty(''));
  return out;
}
