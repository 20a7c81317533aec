import { describe, expect, it } from 'vitest';
import { decideInstitution } from './figures.js';

/**
 * An institution's decision (issue 18 item 3): a small leader group withholds the staff/leader split, yet a
 * department holding staff only stays a staff point — its cell is its own line, already shown.
 */
describe('decideInstitution', () => {
  const school = [
    { department: 'Indskolingen', roleGroup: 'medarbejder' as const, answered: 7 },
    { department: 'Mellemtrinnet', roleGroup: 'medarbejder' as const, answered: 6 },
    { department: '', roleGroup: 'medarbejder' as const, answered: 5 },
    { department: '', roleGroup: 'leder' as const, answered: 3 },
  ];

  it('three leaders: the role lines are withheld, the staff departments stay staff points', () => {
    const d = decideInstitution(school, 5);
    expect(d.withheld).toBe(false);
    expect(d.role('leder')).toBe(false);
    expect(d.role('medarbejder')).toBe(false);
    expect(d.kept('Indskolingen', 'medarbejder')).toBe(true);
    expect(d.kept('Mellemtrinnet', 'medarbejder')).toBe(true);
    // The leaders' own group, and the staff beside them without a department, stay hidden.
    expect(d.kept('', 'leder')).toBe(false);
    expect(d.cell('', 'leder')).toBe(false);
    expect(d.cell('', 'medarbejder')).toBe(false);
    // A staff department's leader cell is an empty sum: nothing to hide, and no point.
    expect(d.cell('Indskolingen', 'leder')).toBe(true);
    expect(d.kept('Indskolingen', 'leder')).toBe(false);
  });

  it('five leaders: everything is kept', () => {
    const d = decideInstitution(
      school.map((g) => (g.roleGroup === 'leder' ? { ...g, answered: 5 } : g)),
      5,
    );
    expect(d.role('leder')).toBe(true);
    expect(d.kept('', 'leder')).toBe(true);
    expect(d.kept('Indskolingen', 'medarbejder')).toBe(true);
  });

  it('a department of both roles is not a point of either while the split is withheld', () => {
    const d = decideInstitution(
      [
        { department: 'A', roleGroup: 'medarbejder', answered: 9 },
        { department: 'A', roleGroup: 'leder', answered: 1 },
        { department: 'B', roleGroup: 'medarbejder', answered: 8 },
      ],
      5,
    );
    expect(d.kept('A', 'medarbejder')).toBe(false);
    expect(d.cell('A', 'medarbejder')).toBe(false);
    expect(d.kept('B', 'medarbejder')).toBe(d.department('B'));
  });
});
