import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesProblem,
  formatCode,
  formatRate,
  groupResponse,
  lineKind,
  movedPosition,
  todayInCopenhagen,
  toggleType,
} from './helpers';

describe('the survey administration’s helpers', () => {
  it('takes today’s day in Copenhagen, not in UTC, and counts days across months and years', () => {
    // 23:30 UTC on 31 December is already 1 January in Copenhagen (UTC+1 in winter).
    expect(todayInCopenhagen(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInCopenhagen(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInCopenhagen(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses a round that opens in the past or closes before it opens; one day is a round', () => {
    const today = '2026-12-07';
    expect(datesProblem({ opensOn: today, closesOn: today }, today)).toEqual({});
    expect(datesProblem({ opensOn: '2026-12-06', closesOn: '2026-12-20' }, today)).toEqual({
      opensOn: 'opensPast',
    });
    expect(datesProblem({ opensOn: '2026-12-10', closesOn: '2026-12-09' }, today)).toEqual({
      closesOn: 'closesBeforeOpens',
    });
    expect(datesProblem({ opensOn: '', closesOn: '2026-12-09' }, today)).toEqual({
      closesOn: 'datesMissing',
    });
  });

  it('selects every institution of a type, and unselects them when all already were, leaving the others', () => {
    const list = [
      { id: 's1', type: 'skole' },
      { id: 's2', type: 'skole' },
      { id: 'd1', type: 'dagtilbud' },
    ];
    const some = toggleType(new Set(['s1', 'd1']), list, 'skole');
    expect([...some].sort()).toEqual(['d1', 's1', 's2']);
    expect([...toggleType(some, list, 'skole')]).toEqual(['d1']);
    expect([...toggleType(new Set(['d1']), list, 'klub')]).toEqual(['d1']);
  });

  it('shows a code in groups of four whatever way it was typed', () => {
    expect(formatCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
    expect(formatCode('abcd efgh-jklm')).toBe('ABCD-EFGH-JKLM');
    expect(formatCode('SHORT')).toBe('SHORT');
  });

  it('orders the response: the total, each department followed by its role groups, then the role groups', () => {
    const l = (institutionId: string, department: string | null, roleGroup: string | null) => ({
      institutionId,
      department,
      roleGroup,
    });
    const lines = [
      l('a', null, 'leder'),
      l('a', 'Udskoling', null),
      l('a', 'Indskoling', 'medarbejder'),
      l('a', null, null),
      l('a', 'Indskoling', null),
      l('b', '', null),
      l('a', null, 'medarbejder'),
    ];
    const [a, b, c] = groupResponse(
      [
        { id: 'a', name: 'Skolen' },
        { id: 'b', name: 'Børnehuset' },
        { id: 'c', name: 'Klubben' },
      ],
      lines,
    );
    expect(a.total).toEqual(l('a', null, null));
    expect(a.lines).toEqual([
      l('a', 'Indskoling', null),
      l('a', 'Indskoling', 'medarbejder'),
      l('a', 'Udskoling', null),
      l('a', null, 'leder'),
      l('a', null, 'medarbejder'),
    ]);
    expect(b.total).toBeNull();
    expect(b.lines).toEqual([l('b', '', null)]);
    expect(c.lines).toEqual([]);
    expect(lines.map(lineKind)).toEqual([
      'role',
      'department',
      'both',
      'total',
      'department',
      'department',
      'role',
    ]);
  });

  it('moves an item one place by taking its neighbour’s position, not past either end', () => {
    const items = [
      { id: 'c', position: 20 },
      { id: 'a', position: 0 },
      { id: 'b', position: 10 },
    ];
    expect(movedPosition(items, 'b', -1)).toBe(0);
    expect(movedPosition(items, 'b', 1)).toBe(20);
    expect(movedPosition(items, 'a', -1)).toBeNull();
    expect(movedPosition(items, 'c', 1)).toBeNull();
    expect(movedPosition(items, 'x', 1)).toBeNull();
  });

  it('writes a rate as a whole percentage, and nothing for a withheld one', () => {
    expect(formatRate(0.4321, 'da')).toBe('43 %');
    expect(formatRate(1, 'en')).toBe('100 %');
    expect(formatRate(null, 'da')).toBe('');
  });
});
