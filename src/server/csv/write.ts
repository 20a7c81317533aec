/*
 * Writing CSV for Danish Excel (infrastructure: no module imports). Used by every CSV export: the observation
 * data, the progression grid, the reflection statistics and the staff survey's results and analysis.
 */

/**
 * One field: quoted when it holds `"`, `;` or a line break, and never read as a formula by a spreadsheet — a value
 * starting with = + - @, a tab or a carriage return gets a leading apostrophe (names, titles and free texts are
 * user text; OWASP "CSV injection").
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Rows as a file for Danish Excel: UTF-8 with BOM, `;` between fields, CRLF. Each value through `field` (by default
 * `csvField`; a caller with numbers formats them and guards its strings with `csvField`).
 */
export function csvDocument<T = string | number>(
  rows: T[][],
  field: (v: T) => string = csvField as (v: T) => string,
): string {
  return `\uFEFF${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}
