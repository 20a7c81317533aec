import type { RoleGroup } from '../../../../shared/survey.js';
import type { XlsxCell } from '../../../xlsx/index.js';
import { BLANK_DEPARTMENT, ROLE_LABEL, type Table, withheldNote } from '../results/export.js';
import type { AnalysisOut } from './service.js';

/**
 * The analysis as tables (issue 18, S2): the points (CSV, and XLSX's first sheet), the lines per role group with the
 * Aarhus reference, and year over year. Numbers as numbers; a withheld figure empty with the reason. Pure.
 */

/** Every point and trend line has its role group: '' is "Ledelsen" for leaders, "Uden afdeling" for staff. */
const department = (d: string, role: RoleGroup) =>
  d === '' ? BLANK_DEPARTMENT[role === 'leder' ? 'leaders' : 'none'] : d;
const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function analysisTables(a: AnalysisOut): Table[] {
  const note = withheldNote(a.round.minGroup);
  const points: XlsxCell[][] = [
    ['Institution', 'Afdeling', 'Rollegruppe', 'Besvarelser', 'Social kapital (0–100)', 'PLF (0–100)'],
    ...a.points.map((p) => [
      p.institutionName,
      department(p.department, p.roleGroup),
      ROLE_LABEL[p.roleGroup],
      p.answered,
      p.socialCapital,
      p.plf,
    ]),
  ];
  const lines: XlsxCell[][] = [
    ['Linje', 'Rollegruppe', 'Punkter', 'Hældning', 'Skæring', 'R²', 'Bemærkning'],
    ...(['medarbejder', 'leder'] as const).map((role) => {
      const fit = a.fits[role];
      return [
        a.round.name,
        ROLE_LABEL[role],
        fit?.n ?? a.points.filter((p) => p.roleGroup === role).length,
        fit ? round4(fit.slope) : null,
        fit ? round4(fit.intercept) : null,
        fit ? round4(fit.r2) : null,
        fit ? '' : 'færre end 3 afdelinger',
      ];
    }),
    ...(['medarbejder', 'leder'] as const).map((role) => [
      'Aarhus (reference)',
      ROLE_LABEL[role],
      null,
      a.reference[role].slope,
      null,
      a.reference[role].r2,
      a.reference.source,
    ]),
    ['Skjulte afdelinger', '', a.withheldDepartments, null, null, null, a.withheldDepartments ? note : ''],
  ];
  const trend: XlsxCell[][] = [
    [
      'Institution',
      'Afdeling',
      'Rollegruppe',
      'Runde',
      'Åbnede',
      'Social kapital (0–100)',
      'PLF (0–100)',
      'Bemærkning',
    ],
    ...a.trend.flatMap((e) =>
      e.rounds.map((r) => [
        e.institutionName,
        department(e.department, e.roleGroup),
        ROLE_LABEL[e.roleGroup],
        r.name,
        r.opensOn,
        r.socialCapital,
        r.plf,
        r.socialCapital === null && r.plf === null ? note : '',
      ]),
    ),
  ];
  return [
    { name: 'Afdelinger', rows: points },
    { name: 'Linjer', rows: lines },
    { name: 'Udvikling', rows: trend },
  ];
}
