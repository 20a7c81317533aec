import { type BlankDepartment, blankDepartment, type RoleGroup } from '../../../../shared/survey.js';
import { csvDocument, csvField } from '../../../csv/write.js';
import type { XlsxCell } from '../../../xlsx/index.js';
import type { ResultsOut } from './service.js';

/**
 * The results as tables for Danish Excel (issue 18): the lines (CSV, and XLSX's first sheet), the questions per line
 * and the open answers (XLSX's further sheets). A withheld figure is an empty cell with the reason in the last
 * column. Numbers stay numbers (XLSX) or use a decimal comma (CSV). Pure.
 */

export type Table = { name: string; rows: XlsxCell[][] };

export const DIMENSION_LABEL = {
  tillid: 'Tillid og samarbejde',
  kerneopgave: 'Kerneopgaven',
  ledelse: 'Ledelse',
  involvering: 'Involvering',
  plf: 'PLF',
} as const;
export const ROLE_LABEL: Record<RoleGroup, string> = { medarbejder: 'Medarbejdere', leder: 'Ledere' };
export const ALL = 'I alt';
/** The department '' by what it holds (shared/survey.ts blankDepartment). */
export const BLANK_DEPARTMENT: Record<BlankDepartment, string> = {
  leaders: 'Ledelsen',
  none: 'Uden afdeling',
  leadersAndNone: 'Ledelsen og uden afdeling',
};

export const withheldNote = (min: number) =>
  `færre end ${min} svar (eller skjult, så en mindre gruppe ikke kan regnes ud)`;

const department = (g: ResultsOut['groups'][number], all: ResultsOut['groups']) =>
  g.department === null
    ? ALL
    : g.department === ''
      ? BLANK_DEPARTMENT[blankDepartment(g.roleGroup, all, g.institutionId)]
      : g.department;
const role = (r: RoleGroup | null) => (r === null ? ALL : ROLE_LABEL[r]);
const rate = (answered: number | null, invited: number | null) =>
  answered !== null && invited ? Math.round((answered / invited) * 1000) / 10 : null;

/** The lines: one row per line of the results (the whole first), its scores and its response. */
export function resultTables(res: ResultsOut, scopeName: string): Table[] {
  const note = withheldNote(res.round.minGroup);
  const dims = Object.keys(DIMENSION_LABEL) as (keyof typeof DIMENSION_LABEL)[];
  const lines: XlsxCell[][] = [
    [
      'Institution',
      'Afdeling',
      'Rollegruppe',
      'Besvarelser',
      'Inviterede',
      'Svarprocent',
      'Social kapital (0–100)',
      ...dims.map((d) => `${DIMENSION_LABEL[d]} (0–100)`),
      'Bemærkning',
    ],
    ...res.groups.map((g) => [
      g.institutionName ?? scopeName,
      department(g, res.groups),
      role(g.roleGroup),
      g.answered,
      g.invited,
      rate(g.answered, g.invited),
      g.socialCapital,
      ...dims.map((d) => g.scores[d] ?? null),
      g.withheld ? note : '',
    ]),
  ];
  const scale = res.items.filter((i) => i.kind === 'scale');
  const questions: XlsxCell[][] = [
    [
      'Institution',
      'Afdeling',
      'Rollegruppe',
      'Nr.',
      'Spørgsmål',
      'Dimension',
      'Gennemsnit (0–100)',
      'Ved ikke (andel)',
      'Bemærkning',
    ],
  ];
  for (const g of res.groups)
    scale.forEach((item, n) => {
      const figures = g.items.find((x) => x.itemId === item.id);
      questions.push([
        g.institutionName ?? scopeName,
        department(g, res.groups),
        role(g.roleGroup),
        n + 1,
        item.textDa,
        item.dimension ? DIMENSION_LABEL[item.dimension] : '',
        figures?.mean ?? null,
        figures?.dontKnow ?? null,
        g.withheld ? note : '',
      ]);
    });
  const textOf = new Map(res.items.map((i) => [i.id, i.textDa]));
  const texts: XlsxCell[][] = [
    ['Institution', 'Spørgsmål', 'Svar'],
    ...res.texts.flatMap((t) =>
      t.texts.map((x) => [t.institutionName ?? scopeName, textOf.get(t.itemId) ?? '', x]),
    ),
  ];
  return [
    { name: 'Resultater', rows: lines },
    { name: 'Spørgsmål', rows: questions },
    { name: 'Fritekst', rows: texts },
  ];
}

/** A number with a decimal comma (two decimals at most); empty for null. */
const csvNumber = (n: number) => (Math.round(n * 100) / 100).toString().replace('.', ',');

/** One table as CSV for Danish Excel (csv/write.ts), numbers with a decimal comma (a negative one not guarded). */
export const tableCsv = (rows: XlsxCell[][]): string =>
  csvDocument(rows, (v) => (v === null ? '' : typeof v === 'number' ? csvNumber(v) : csvField(v)));

/** <prefix>-<name>-<date>.<ext>, in plain ASCII (æ ø å spelled out, anything else a dash). */
export function exportFilename(prefix: string, name: string, date: string, ext: 'csv' | 'xlsx'): string {
  const slug = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${prefix}-${slug || 'data'}-${date}.${ext}`;
}
