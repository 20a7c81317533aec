import { describe, expect, it } from 'vitest';
import type { Cell, GridChild, Period } from '../../api/progression';
import { countGrid, countsText, findCell, movement, type ProgressionStatus, STATUS_KEYS } from './counts';

const period = (id: string, startsOn: string): Period => ({
  id,
  name: id,
  schoolYear: 2026,
  startsOn,
  endsOn: startsOn,
});
const periods = [period('p1', '2026-09-01'), period('p2', '2027-01-01'), period('p3', '2027-05-01')];
const cell = (periodId: string, status: ProgressionStatus, groupId = 'g'): Cell => ({
  areaId: 'a',
  periodId,
  status,
  score: null,
  note: '',
  version: 1,
  groupId,
  updatedAt: '2026-12-07T08:00:00.000Z',
  updatedBy: null,
});
const child = (id: string, cells: Cell[]): GridChild => ({
  id,
  code: id,
  fullName: null,
  fromOn: '2026-08-01',
  toOn: null,
  cells,
});
const byCell = (c: GridChild, periodId: string) => findCell(c, 'a', periodId)?.status;

describe('progression grid arithmetic', () => {
  it('reads G/Y/R and 1/2/3 as grøn, gul, rød', () => {
    expect(['g', 'y', 'r', '1', '2', '3'].map((k) => STATUS_KEYS[k])).toEqual([
      'groen',
      'gul',
      'roed',
      'groen',
      'gul',
      'roed',
    ]);
    expect(STATUS_KEYS.x).toBeUndefined();
  });

  it('moves up from rød to gul and down from grøn to gul; nothing without both', () => {
    expect(movement('roed', 'gul')).toBe(1);
    expect(movement('groen', 'gul')).toBe(-1);
    expect(movement('gul', 'gul')).toBe(0);
    expect(movement(undefined, 'gul')).toBe(0);
  });

  it("counts a period's statuses entered in the group, with movement since the previous period", () => {
    const children = [
      child('c1', [cell('p1', 'roed'), cell('p2', 'gul')]),
      child('c2', [cell('p1', 'groen'), cell('p2', 'gul')]),
      child('c3', [cell('p2', 'groen')]),
      // Entered in another group before a move: not this group's figure.
      child('c4', [cell('p2', 'roed', 'other')]),
    ];
    expect(countGrid(children, 'g', 'a', periods, 'p2', byCell)).toEqual({
      groen: 1,
      gul: 2,
      roed: 0,
      movedUp: 1,
      movedDown: 1,
    });
    expect(countGrid(children, 'g', 'a', periods, 'p3', byCell)).toEqual({
      groen: 0,
      gul: 0,
      roed: 0,
      movedUp: 0,
      movedDown: 0,
    });
  });

  it('writes the summary line', () => {
    const t = (k: string, o?: Record<string, unknown>) =>
      ({
        'progression.count.groen': `${o?.count} grøn`,
        'progression.count.gul': `${o?.count} gul`,
        'progression.count.roed': `${o?.count} rød`,
        'progression.count.up': `${o?.count} rykket op`,
        'progression.count.down': `${o?.count} rykket ned`,
      })[k] ?? k;
    expect(countsText(t, { groen: 17, gul: 5, roed: 2, movedUp: 3, movedDown: 0 })).toBe(
      '17 grøn, 5 gul, 2 rød; 3 rykket op',
    );
    expect(countsText(t, { groen: 1, gul: 0, roed: 0, movedUp: 0, movedDown: 0 })).toBe(
      '1 grøn, 0 gul, 0 rød',
    );
  });
});
