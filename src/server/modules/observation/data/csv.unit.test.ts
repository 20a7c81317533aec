import { describe, expect, it } from 'vitest';
import { csvField } from '../../../csv/write.js';
import { csvFilename, dataCsv } from './csv.js';
import type { DataCell, ObservationData } from '../types.js';

const shown = (teachers: number, value: number | null): DataCell => ({
  teachers,
  visits: teachers * 2,
  value,
  answers: teachers * 2,
  suppressed: false,
});
const hidden: DataCell = { teachers: null, visits: null, value: null, answers: null, suppressed: true };

const data: ObservationData = {
  scope: { kind: 'institution', id: 'x', name: 'Solsikkeskolen', words: 'skole' },
  minGroupSize: 5,
  filters: { term: null, subject: null, grade: null, focusArea: null },
  by: 'subject',
  groups: [
    { key: 'Dansk', label: 'Dansk', total: shown(6, null) },
    { key: 'Tysk', label: 'Tysk', total: hidden },
  ],
  total: shown(8, null),
  areas: [
    {
      key: 'a',
      title: '=HYPERLINK("http://x")',
      indicators: [
        {
          key: 'i',
          text: 'Målet er tydeligt; "synligt"',
          type: 'yesno',
          scale: null,
          total: shown(8, 0.625),
          cells: [shown(6, 2 / 3), hidden],
        },
      ],
    },
  ],
  options: { terms: [], subjects: [], grades: [] },
  breakdowns: [],
  summary: {
    visits: 16,
    teachers: 8,
    strongest: [],
    weakest: [],
    terms: null,
    changes: [],
    withheld: 0,
  },
};

describe('observation data as CSV', () => {
  const csv = dataCsv(data);
  const lines = csv.slice(1).split('\r\n');

  it('is UTF-8 with BOM, semicolon-separated, with a Danish header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('Fokusområde;Spørgsmål;Type;Fag;Lærere;Besøg;Værdi;Svar;Bemærkning');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per question × group and the totals, with decimal comma', () => {
    expect(lines[1]).toBe('Alle besøg;;;I alt;8;16;;16;');
    expect(lines[2]).toBe('Alle besøg;;;Dansk;6;12;;12;');
    expect(lines[4]).toContain(';I alt;8;16;0,63;16;');
    expect(lines[5]).toContain(';Dansk;6;12;0,67;12;');
    expect(lines.filter((l) => l !== '')).toHaveLength(7);
  });

  it('writes hidden figures as empty, saying why', () => {
    expect(lines[3]).toBe('Alle besøg;;;Tysk;;;;;skjult (færre end 5 lærere)');
    expect(lines[6]).toMatch(/;Tysk;;;;;skjult \(færre end 5 lærere\)$/);
  });

  it('never lets a spreadsheet read user text as a formula, and quotes what needs quoting', () => {
    expect(lines[4].startsWith(`"'=HYPERLINK(""http://x"")";"Målet er tydeligt; ""synligt"""`)).toBe(true);
    for (const start of ['=', '+', '-', '@']) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvField('plain')).toBe('plain');
  });

  it('speaks a dagtilbud\'s words: læreplanstema and pædagoger, not fag and lærere', () => {
    const dag = dataCsv({ ...data, scope: { ...data.scope, name: 'Børnehuset Mælkebøtten', words: 'dagtilbud' } });
    const rows = dag.slice(1).split('\r\n');
    expect(rows[0]).toBe('Fokusområde;Spørgsmål;Type;Læreplanstema;Pædagoger;Besøg;Værdi;Svar;Bemærkning');
    expect(rows[3]).toBe('Alle besøg;;;Tysk;;;;;skjult (færre end 5 pædagoger)');
    expect(dag).not.toMatch(/lærer|Fag;/i);
    const klub = dataCsv({ ...data, by: 'grade', scope: { ...data.scope, words: 'klub' } });
    expect(klub.slice(1).split('\r\n')[0]).toBe(
      'Fokusområde;Spørgsmål;Type;Aldersgruppe;Pædagoger;Besøg;Værdi;Svar;Bemærkning',
    );
  });

  it('names the file in plain ASCII', () => {
    expect(csvFilename('Børnehuset Mælkebøtten', '2026-12-02')).toBe(
      'observationsdata-boernehuset-maelkeboetten-2026-12-02.csv',
    );
    expect(csvFilename('Café "Ådalen"/Øst', '2026-12-02')).toBe(
      'observationsdata-cafe-aadalen-oest-2026-12-02.csv',
    );
    expect(csvFilename('"";', '2026-12-02')).toBe('observationsdata-data-2026-12-02.csv');
  });
});
