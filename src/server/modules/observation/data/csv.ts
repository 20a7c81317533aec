import type { DataBreakdown, IndicatorType } from '../../../../shared/observation.js';
import { type Words, words } from '../../../../shared/vocabulary.js';
import type { DataCell, ObservationData } from '../types.js';
import { csvDocument } from '../../../csv/write.js';

/**
 * Institution data as a CSV file for Danish Excel (O4): UTF-8 with BOM, `;` between fields, decimal comma, a
 * Danish header row, and one row per question × group (and the totals). A hidden figure is written as empty, with
 * the reason in the last column. Pure.
 */

/** The group column's header; subject and grade in the scope's words (Læreplanstema in a dagtilbud). */
const groupHeader = (by: DataBreakdown, w: Words): string =>
  ({ term: 'Termin', subject: w.subject, grade: w.grade, institution: 'Institution' })[by];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const TYPE_LABEL: Record<IndicatorType, string> = {
  scale: 'Skala (gennemsnit)',
  yesno: 'Ja/nej (andel ja, 0–1)',
  count: 'Antal (gennemsnit)',
  text: 'Fritekst (antal svar)',
};
const ALL = 'I alt';

const decimal = (n: number | null) =>
  n === null ? '' : (Math.round(n * 100) / 100).toString().replace('.', ',');
const whole = (n: number | null) => (n === null ? '' : String(n));

export function dataCsv(data: ObservationData): string {
  const w = words(data.scope.words);
  const hiddenNote = `skjult (færre end ${data.minGroupSize} ${w.staffPlural})`;
  const figures = (c: DataCell) => [
    whole(c.teachers),
    whole(c.visits),
    decimal(c.value),
    whole(c.answers),
    c.suppressed ? hiddenNote : '',
  ];
  const lines: string[][] = [
    [
      'Fokusområde',
      'Spørgsmål',
      'Type',
      groupHeader(data.by, w),
      capital(w.staffPlural),
      'Besøg',
      'Værdi',
      'Svar',
      'Bemærkning',
    ],
    ['Alle besøg', '', '', ALL, ...figures(data.total)],
    ...data.groups.map((g) => ['Alle besøg', '', '', g.label, ...figures(g.total)]),
  ];
  for (const area of data.areas)
    for (const i of area.indicators) {
      const type = TYPE_LABEL[i.type];
      lines.push([area.title, i.text, type, ALL, ...figures(i.total)]);
      data.groups.forEach((g, k) => {
        lines.push([area.title, i.text, type, g.label, ...figures(i.cells[k])]);
      });
    }
  return csvDocument(lines);
}

/** observationsdata-<scope>-<date>.csv, in plain ASCII (æ ø å spelled out, anything else a dash). */
export function csvFilename(scopeName: string, date: string): string {
  const slug = scopeName
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `observationsdata-${slug || 'data'}-${date}.csv`;
}
