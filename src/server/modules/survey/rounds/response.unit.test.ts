import { describe, expect, it } from 'vitest';
import type { GroupCount } from './repo.js';
import { responseLines, roundAnswered } from './response.js';

const group = (
  institution: string,
  department: string,
  roleGroup: 'medarbejder' | 'leder',
  invited: number,
  answered: number,
): GroupCount => ({
  round_id: 'r',
  group_id: `${institution}/${department}/${roleGroup}`,
  institution_id: institution,
  institution_name: institution,
  department_name: department,
  role_group: roleGroup,
  invited,
  answered,
});

describe('response counts under suppression', () => {
  it('a department of 4 is revealed neither directly nor by difference with the institution total', () => {
    const lines = responseLines(
      [
        group('A', 'Indskoling', 'medarbejder', 12, 9),
        group('A', 'Mellemtrin', 'medarbejder', 10, 7),
        group('A', 'Udskoling', 'medarbejder', 5, 4),
      ],
      5,
    );
    const shown = lines.filter((l) => l.answered !== null);
    const total = lines.find((l) => l.department === null && l.roleGroup === null);
    const udskoling = lines.find((l) => l.department === 'Udskoling' && l.roleGroup === null);
    expect(udskoling?.answered).toBeNull();
    expect(udskoling?.invited).toBe(5);
    // Whatever is shown, no sum of shown department lines differs from a shown total by fewer than 5.
    const depts = shown.filter((l) => l.department !== null && l.roleGroup === null);
    if (total?.answered != null) {
      const rest = total.answered - depts.reduce((n, l) => n + (l.answered ?? 0), 0);
      expect(rest === 0 || rest >= 5).toBe(true);
    }
    // The smallest shown department is merged with Udskoling: Mellemtrin is withheld too.
    expect(lines.find((l) => l.department === 'Mellemtrin' && l.roleGroup === null)?.answered).toBeNull();
    expect(lines.find((l) => l.department === 'Indskoling' && l.roleGroup === null)?.answered).toBe(9);
    expect(total?.answered).toBe(20);
  });
  it('an institution with fewer than the minimum answers is withheld whole; the round count leaves it out', () => {
    const counts = [group('A', '', 'medarbejder', 20, 12), group('B', '', 'medarbejder', 6, 3)];
    const lines = responseLines(counts, 5);
    expect(
      lines.filter((l) => l.institutionId === 'B').every((l) => l.answered === null && l.rate === null),
    ).toBe(true);
    expect(roundAnswered(counts, 5)).toBe(12);
    // Two small institutions together hold at least the minimum: still counted nowhere (the results' kommune line
    // adds up shown institutions only, so the round count minus it would be theirs).
    expect(roundAnswered([...counts, group('C', '', 'medarbejder', 6, 2)], 5)).toBe(12);
  });
  it('a role group of 2 leders is withheld, and then so is its department line beside them', () => {
    const lines = responseLines(
      [
        group('A', 'Vuggestue', 'medarbejder', 9, 8),
        group('A', 'Vuggestue', 'leder', 2, 2),
        group('A', 'Børnehave', 'medarbejder', 10, 6),
      ],
      5,
    );
    expect(lines.find((l) => l.roleGroup === 'leder' && l.department === null)?.answered).toBeNull();
    const vMed = lines.find((l) => l.department === 'Vuggestue' && l.roleGroup === 'medarbejder');
    const vAll = lines.find((l) => l.department === 'Vuggestue' && l.roleGroup === null);
    expect(vMed?.answered === null || vAll?.answered === null).toBe(true);
  });
});
