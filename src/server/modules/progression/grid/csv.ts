import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/progression.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import { csvDocument } from '../../../csv/write.js';

/**
 * A group's grid as a CSV file for Danish Excel: UTF-8 with BOM, `;` between fields, decimal comma, a Danish header
 * row, one row per child: code (and full name when the reader may see names), in/out of the group, then per area
 * and period the status (Grøn/Gul/Rød), score and note. A cell that a spreadsheet would read as a formula is
 * neutralised with a leading apostrophe. Pure.
 */

type Grid = z.output<typeof c.Grid>;

const LABEL = { groen: 'Grøn', gul: 'Gul', roed: 'Rød' } as const;

const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function gridCsv(grid: Grid): string {
  const place = wordKind(grid.institution.type as never) === 'skole' ? 'klassen' : 'gruppen';
  const names = grid.can.seeNames;
  const header = ['Kode', ...(names ? ['Navn'] : []), `I ${place} fra`, `I ${place} til`];
  for (const a of grid.areas)
    for (const p of grid.periods)
      header.push(`${a.name} ${p.name}`, `${a.name} ${p.name} score`, `${a.name} ${p.name} note`);
  const lines = [header];
  for (const child of grid.children) {
    const line = [child.code, ...(names ? [child.fullName ?? ''] : []), child.fromOn, child.toOn ?? ''];
    for (const a of grid.areas)
      for (const p of grid.periods) {
        const cell = child.cells.find((x) => x.areaId === a.id && x.periodId === p.id);
        line.push(cell ? LABEL[cell.status] : '', decimal(cell?.score ?? null), cell?.note ?? '');
      }
    lines.push(line);
  }
  return csvDocument(lines);
}

/** progression-<group>-<date>.csv in plain ASCII. */
export function gridFilename(groupName: string, date: string): string {
  const slug = groupName
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `progression-${slug || 'gruppe'}-${date}.csv`;
}
