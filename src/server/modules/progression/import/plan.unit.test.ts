import { describe, expect, it } from 'vitest';
import { guessColumns, overlappingBands, parseStatus, statusOfScore } from './columns.js';
import { speaker } from './messages.js';
import { type ExistingCell, type PlanInput, planImport } from './plan.js';

const bands = [
  { status: 'groen', min: 30, max: null },
  { status: 'gul', min: 20, max: 29 },
  { status: 'roed', min: null, max: 19 },
] as const;

describe('columns', () => {
  it('guesses the columns from Danish and English headers, first one wins', () => {
    expect(
      guessColumns(['Elevkode', 'Klasse', 'Score (0-40)', 'Bemærkning', 'Dato', 'Navn', 'Kode']),
    ).toEqual({
      code: 0,
      group: 1,
      score: 2,
      note: 3,
      date: 4,
      name: 5,
      status: null,
    });
    expect(guessColumns(['Pupil code', 'Status', 'Comment'])).toMatchObject({
      code: 0,
      status: 1,
      note: 2,
      score: null,
    });
    expect(guessColumns(['x', 'y'])).toMatchObject({ code: null, score: null, status: null });
  });

  it('reads grøn/gul/rød, G/Y/R and green/yellow/red in any case', () => {
    expect(['Grøn', 'groen', 'G', 'green', 'GRØNT'].map(parseStatus)).toEqual(Array(5).fill('groen'));
    expect(['gul', 'Y', 'Yellow'].map(parseStatus)).toEqual(Array(3).fill('gul'));
    expect(['Rød', 'r', 'RED', 'roed'].map(parseStatus)).toEqual(Array(4).fill('roed'));
    expect(['blå', '1', '', 'grøn!'].map(parseStatus)).toEqual([null, null, null, null]);
  });

  it('maps a score by bands (both ends included), finds overlaps and gaps', () => {
    expect([35, 30, 29, 20, 19, -3].map((s) => statusOfScore(bands, s))).toEqual([
      'groen',
      'groen',
      'gul',
      'gul',
      'roed',
      'roed',
    ]);
    expect(statusOfScore(bands, 29.5)).toBeNull();
    expect(overlappingBands(bands)).toBeNull();
    expect(overlappingBands([...bands, { status: 'gul', min: 25, max: 31 }])).not.toBeNull();
    expect(
      overlappingBands([
        { status: 'groen', min: null, max: null },
        { status: 'roed', min: 0, max: 0 },
      ]),
    ).not.toBeNull();
  });
});

const A = { id: 'g-a', name: '3.A', children: 3 };
const B = { id: 'g-b', name: '3.B', children: 60 };
const cell = (c: Partial<ExistingCell>): ExistingCell => ({
  status: 'gul',
  score: 22,
  note: '',
  version: 1,
  groupId: A.id,
  updatedAt: new Date(0),
  updatedBy: null,
  ...c,
});

function input(rows: string[][], over: Partial<PlanInput> = {}): PlanInput {
  return {
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
    columns: { code: 0, score: 1, status: null, note: 2, date: null, name: null, group: null },
    bands: [...bands],
    period: { name: 'Efterår 2026', startsOn: '2026-08-15', endsOn: '2026-12-20' },
    group: A,
    groupsByName: new Map([
      ['3.a', A],
      ['3.b', B],
    ]),
    childrenByCode: new Map([
      ['3a-01', { id: 'c1', code: '3A-01', currentGroupId: A.id }],
      ['3a-02', { id: 'c2', code: '3A-02', currentGroupId: A.id }],
      ['3a-03', { id: 'c3', code: '3A-03', currentGroupId: A.id }],
      ['3b-01', { id: 'c9', code: '3B-01', currentGroupId: B.id }],
    ]),
    cells: new Map([
      ['c2', cell({ status: 'gul', score: 22, note: 'ok' })],
      ['c3', cell({ status: 'groen', score: 31, note: '' })],
    ]),
    createMissing: false,
    say: speaker('da', 'skole'),
    ...over,
  };
}

describe('planImport', () => {
  it('plans new, changed and unchanged cells from scores and bands', () => {
    const rows = planImport(
      input([
        ['3A-01', '35', 'Læser flydende'],
        ['3a-02', '18,5', ''],
        ['3A-03', '31', ''],
      ]),
    );
    expect(rows.map((r) => [r.code, r.outcome, r.after?.status, r.after?.score])).toEqual([
      ['3A-01', 'new', 'groen', 35],
      ['3a-02', 'changed', 'roed', 18.5],
      ['3A-03', 'unchanged', 'groen', 31],
    ]);
    expect(rows[1].before).toMatchObject({ status: 'gul', score: 22, note: 'ok' });
  });

  it('takes an explicit status over the bands, and keeps what the file has no column for', () => {
    const rows = planImport(
      input([['3A-02', 'Grøn']], {
        columns: { code: 0, status: 1, score: null, note: null, date: null, name: null, group: null },
      }),
    );
    expect(rows[0].after).toEqual({ status: 'groen', score: 22, note: 'ok' });
  });

  it('words every row error in Danish with the column it is about', () => {
    const rows = planImport(
      input([
        ['3A-01', '=SUM(B1:B3)', ''],
        ['', '12', ''],
        ['3A-99', '12', ''],
        ['3A-02', '12', ''],
        ['3a-02', '13', ''],
        ['3A-03', 'tolv', ''],
        ['3B-01', '25', ''],
        ['3A-X', '29,5', ''],
      ]),
    );
    expect(rows.map((r) => [r.line, r.outcome, r.errors.map((e) => `${e.column}: ${e.message}`)])).toEqual([
      [
        2,
        'error',
        [
          'score: Cellen »=SUM(B1:B3)« ligner en formel. Gem filen med værdierne (ikke formlerne), eller fjern tegnet foran.',
        ],
      ],
      [3, 'error', ['code: Koden mangler.']],
      [
        4,
        'error',
        ['code: Ingen elev har koden »3A-99« i 3.A. Ret koden i filen, eller vælg at oprette ukendte koder.'],
      ],
      [5, 'changed', []],
      [6, 'error', ['code: Koden står allerede i linje 5. Hver kode må kun stå én gang.']],
      [7, 'error', ['score: »tolv« er ikke et tal.']],
      [8, 'error', ['code: Koden »3B-01« hører til en elev, der ikke går i 3.A nu.']],
      [
        9,
        'error',
        [
          'code: Ingen elev har koden »3A-X« i 3.A. Ret koden i filen, eller vælg at oprette ukendte koder.',
          'score: Scoren 29,5 ligger ikke i nogen af grænserne. Ret grænserne eller scoren.',
        ],
      ],
    ]);
    expect(rows.filter((r) => r.outcome === 'error').every((r) => r.after === null)).toBe(true);
  });

  it('speaks of børn and grupper in a dagtilbud', () => {
    const [r] = planImport(input([['X', '12', '']], { say: speaker('da', 'dagtilbud') }));
    expect(r.errors[0].message).toBe(
      'Intet barn har koden »X« i 3.A. Ret koden i filen, eller vælg at oprette ukendte koder.',
    );
  });

  it('creates unknown codes when asked, up to the group’s room', () => {
    const rows = planImport(
      input(
        [
          ['NY-1', '30', ''],
          ['NY-2', '10', ''],
          ['NY-3', '10', '3.B'],
        ],
        {
          createMissing: true,
          columns: { code: 0, score: 1, group: 2, status: null, note: null, date: null, name: null },
        },
      ),
    );
    expect(rows.map((r) => [r.outcome, r.createsChild, r.group?.name])).toEqual([
      ['new', true, '3.A'],
      ['new', true, '3.A'],
      ['error', false, '3.B'],
    ]);
    expect(rows[2].errors[0].message).toContain('Der er ikke plads til flere i 3.B');
  });

  it('sends rows to the group the file names, and refuses a group it does not know', () => {
    const cols = { code: 0, score: 1, group: 2, status: null, note: null, date: null, name: null };
    const rows = planImport(
      input(
        [
          ['3B-01', '25', '3.b'],
          ['3A-01', '25', '3.Z'],
        ],
        { columns: cols },
      ),
    );
    expect(rows[0]).toMatchObject({ outcome: 'new', group: B });
    expect(rows[1].errors.map((e) => e.message)).toEqual([
      'Klassen »3.Z« findes ikke i dette skoleår, eller du har ikke adgang til den.',
    ]);
  });

  it('checks dates: Danish, ISO or Excel serial, inside the period', () => {
    const cols = { code: 0, score: 1, date: 2, status: null, note: null, group: null, name: null };
    const rows = planImport(
      input(
        [
          ['3A-01', '30', '14.09.2026'],
          ['3A-02', '30', '46279'],
          ['3A-03', '30', '31-02-2026'],
          ['3a-01x', '', ''],
        ],
        { columns: cols },
      ),
    );
    expect(rows[0].outcome).toBe('new');
    expect(rows[1].outcome).toBe('changed');
    expect(rows[2].errors.map((e) => e.message)).toEqual([
      '»31-02-2026« er ikke en dato. Skriv fx 14-09-2026.',
    ]);
    const late = planImport(input([['3A-01', '30', '2027-01-05']], { columns: cols }));
    expect(late[0].errors[0].message).toBe(
      'Datoen 05-01-2027 ligger uden for perioden Efterår 2026 (15-08-2026 – 20-12-2026).',
    );
  });

  it('refuses a score without bands and a row without a value', () => {
    const rows = planImport(
      input(
        [
          ['3A-01', '12', ''],
          ['3A-02', '', ''],
        ],
        { bands: [] },
      ),
    );
    expect(rows.map((r) => r.errors.map((e) => e.code))).toEqual([['import.no_bands'], ['import.no_value']]);
  });
});
