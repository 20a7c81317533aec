/**
 * Reading single cells of a spreadsheet export the way a Danish user wrote them: dates (Danish order, ISO, or an
 * Excel serial number), numbers with a decimal comma, and cells that look like spreadsheet formulas. Pure.
 * Each reader answers null when the cell is not what it should be; the caller words the row error.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day 1 is 1 January 1900 and it counts a 29 February 1900 that never was (serial 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_MAX = 2_958_465; // 31 December 9999

/** An Excel serial day number (a date cell exported as its number; a time of day after the point is ignored). */
export function excelSerialDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > EXCEL_MAX) return null;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A day as YYYY-MM-DD from: 2026-09-14 (ISO), 14-09-2026, 14.09.2026, 14/09/2026, 14.9.2026 (Danish order: day
 * first), or an Excel serial number (46279 or 46279,5). Impossible dates (31-02-2026) → null.
 */
export function parseDay(cell: string): string | null {
  const s = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(s);
  if (m) return isoDay(Number(m[4]), Number(m[3]), Number(m[1]));
  if (/^\d{2,7}([.,]\d+)?$/.test(s)) return excelSerialDay(Number(s.replace(',', '.')));
  return null;
}

/**
 * A number as a Danish spreadsheet writes it: 12,5 or 12.5, -3, 1.234,5 or 1 234,5 (thousands), 1,234.5. With
 * both '.' and ',' the last one is the decimal mark; a lone ',' is a decimal comma; a lone '.' a decimal point;
 * several of one kind are thousands separators. Not a finite number → null.
 */
export function parseDecimal(cell: string): number | null {
  let s = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  if (commas && dots) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if (s.split(decimal).length - 1 > 1) return null;
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (commas) s = commas === 1 ? s.replace(',', '.') : s.split(',').join('');
  else if (dots > 1) s = s.split('.').join('');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A cell a spreadsheet would run as a formula when the data is opened again (CSV injection), or the formula text
 * of a cell whose value was never exported: it starts with '=', '@', a tab or a carriage return, or with '+' or
 * '-' followed by something that is not a number ("-5" and "+2,5" are numbers, "-2+3" and "+A1" are not).
 */
export function isFormulaLike(cell: string): boolean {
  const s = cell.trimStart();
  if (/^[\t\r]/.test(cell) && cell.trim() !== '') return true;
  if (s.length < 2) return false;
  if (s[0] === '=' || s[0] === '@') return true;
  if (s[0] === '+' || s[0] === '-') return parseDecimal(s) === null;
  return false;
}
