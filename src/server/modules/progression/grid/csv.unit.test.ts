import { describe, expect, it } from 'vitest';
import { csvField } from '../../../csv/write.js';
import { gridCsv, gridFilename } from './csv.js';

const A = '00000000-0000-4000-8000-00000000000a';
const P = '00000000-0000-4000-8000-00000000000b';
const G = '00000000-0000-4000-8000-00000000000c';

const grid = (type: string, seeNames: boolean) =>
  ({
    group: { id: G, name: 'Sommerfugle', schoolYear: 2026 },
    institution: { id: G, name: 'Mælkebøtten', type },
    areas: [{ id: A, name: 'Sprog', position: 0, archived: false }],
    periods: [{ id: P, name: 'Efterår', schoolYear: 2026, startsOn: '2026-08-15', endsOn: '2026-12-20' }],
    children: [
      {
        id: G,
        code: '@B-1',
        fullName: 'Ida; "Lille" Jensen',
        fromOn: '2026-08-12',
        toOn: null,
        cells: [
          {
            areaId: A,
            periodId: P,
            status: 'roed',
            score: 12.5,
            note: '-dårlig dag',
            version: 1,
            groupId: G,
            updatedAt: new Date(),
            updatedBy: null,
          },
        ],
      },
      { id: A, code: 'B-2', fullName: null, fromOn: '2026-08-12', toOn: '2027-01-31', cells: [] },
    ],
    summary: [],
    can: { write: true, manageChildren: true, export: true, seeNames },
  }) as never;

describe('the grid as CSV for Danish Excel', () => {
  it('BOM, semicolons, the group word of a dagtilbud, decimal comma, formula-looking cells neutralised', () => {
    const csv = gridCsv(grid('dagtilbud', false));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFKode;I gruppen fra;I gruppen til;Sprog Efterår;Sprog Efterår score;Sprog Efterår note',
    );
    expect(lines[1]).toBe("'@B-1;2026-08-12;;Rød;12,5;'-dårlig dag");
    expect(lines[2]).toBe('B-2;2026-08-12;2027-01-31;;;');
    expect(csv).not.toContain('Ida');
  });

  it('names only when the reader may see them, quoted when they hold a separator or quotes', () => {
    const csv = gridCsv(grid('skole', true));
    expect(csv.split('\r\n')[0]).toContain('Kode;Navn;I klassen fra;I klassen til');
    expect(csv).toContain(`'@B-1;"Ida; ""Lille"" Jensen";2026-08-12`);
  });

  it('fields and file names', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+45 1234')).toBe("'+45 1234");
    expect(csvField('plain')).toBe('plain');
    expect(gridFilename('3.A – Læsø', '2027-01-02')).toBe('progression-3-a-laesoe-2027-01-02.csv');
  });
});
