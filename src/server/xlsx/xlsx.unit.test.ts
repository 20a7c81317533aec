import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, sheetNames, xlsx } from './index.js';

/** The XLSX writer: the package's parts, cells (numbers as numbers, text inline), the bold header, sheet names. */
const open = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

describe('xlsx', () => {
  it('writes a workbook with one sheet per table, numbers as numbers and a bold header', () => {
    const files = open(
      xlsx([
        {
          name: 'Resultater',
          rows: [
            ['Afdeling', 'Svar', 'Tillid'],
            ['Børnehaven – Æblehøj', 12, 71.25],
            ['Vuggestuen', null, null],
          ],
        },
        {
          name: 'Fritekst',
          rows: [
            ['Spørgsmål', 'Svar'],
            ['Hvad <virker>?', 'Tid & ro "sammen"'],
          ],
        },
      ]),
    );
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(files['xl/workbook.xml']).toContain('<sheet name="Resultater" sheetId="1" r:id="rId1"/>');
    expect(files['xl/workbook.xml']).toContain('<sheet name="Fritekst" sheetId="2" r:id="rId2"/>');
    const s1 = files['xl/worksheets/sheet1.xml'];
    expect(s1).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Afdeling</t></is></c>');
    expect(s1).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">Børnehaven – Æblehøj</t></is></c>',
    );
    expect(s1).toContain('<c r="B2"><v>12</v></c>');
    expect(s1).toContain('<c r="C2"><v>71.25</v></c>');
    // Empty cells are left out.
    expect(s1).toContain(
      '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">Vuggestuen</t></is></c></row>',
    );
    expect(files['xl/worksheets/sheet2.xml']).toContain('Hvad &lt;virker&gt;?');
    expect(files['xl/worksheets/sheet2.xml']).toContain('Tid &amp; ro &quot;sammen&quot;');
    expect(files['xl/styles.xml']).toContain('<font><b/>');
    expect(files['[Content_Types].xml']).toContain('/xl/worksheets/sheet2.xml');
    expect(files['xl/_rels/workbook.xml.rels']).toContain('Target="styles.xml"');
  });

  it('drops characters XML cannot hold and writes no NaN', () => {
    const s = open(xlsx([{ name: 'A', rows: [['x'], ['a\u0000b\u0007c\uD800'], [Number.NaN]] }]))[
      'xl/worksheets/sheet1.xml'
    ];
    expect(s).toContain('>abc</t>');
    expect(s).not.toContain('NaN');
  });

  it('is the same bytes for the same workbook', () => {
    const book = [{ name: 'A', rows: [['x', 1]] }];
    expect(Buffer.from(xlsx(book)).equals(Buffer.from(xlsx(book)))).toBe(true);
  });

  it('names columns and sheets as Excel wants them', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetNames(['Svar/afdeling', 'x'.repeat(40), 'x'.repeat(40), '', 'a', 'A'])).toEqual([
      'Svar afdeling',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'Ark 4',
      'a',
      'A (2)',
    ]);
  });
});
