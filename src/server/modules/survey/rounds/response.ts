import type { z } from 'zod';
import type { ResponseGroup } from '../../../../shared/contracts/survey.js';
import { type Atom, coarsenRemembered, shows } from '../../../privacy/suppression.js';
import type { GroupCount } from './repo.js';

type Line = z.infer<typeof ResponseGroup>;

/**
 * Response counts of a round under suppression (issue 18: the response rate per department under the results'
 * rule). Each institution is one population, coarsened once over (department, role group) by its answers: a
 * department or role group is shown only where every class behind it holds no answer or at least `min`, so no
 * line — nor any difference between lines, the institution's total, or another request's lines — isolates fewer
 * than `min` answers; an institution with fewer than `min` answers is withheld whole. Invited counts are shown
 * everywhere (who works where is no secret); `answered` and `rate` are null where withheld.
 */
export function responseLines(counts: GroupCount[], min: number): Line[] {
  const byInstitution = new Map<string, GroupCount[]>();
  for (const c of counts)
    byInstitution.set(c.institution_id, [...(byInstitution.get(c.institution_id) ?? []), c]);
  const out: Line[] = [];
  for (const groups of byInstitution.values()) {
    const atoms: Atom[] = groups.map((g) => ({
      values: [g.department_name, g.role_group],
      people: Array.from({ length: g.answered }, (_, i) => `${g.group_id}:${i}`),
    }));
    const c = coarsenRemembered(atoms, 2, min);
    const line = (
      department: string | null,
      roleGroup: Line['roleGroup'],
      of: GroupCount[],
      shown: boolean,
    ): Line => {
      const invited = of.reduce((n, g) => n + g.invited, 0);
      const answered = of.reduce((n, g) => n + g.answered, 0);
      return {
        institutionId: groups[0].institution_id,
        institutionName: groups[0].institution_name,
        department,
        roleGroup,
        invited,
        answered: shown ? answered : null,
        rate: shown && invited > 0 ? answered / invited : null,
      };
    };
    out.push(line(null, null, groups, !c.withheld));
    for (const roleGroup of ['medarbejder', 'leder'] as const) {
      const of = groups.filter((g) => g.role_group === roleGroup);
      if (of.length) out.push(line(null, roleGroup, of, shows(c, [[1, roleGroup]])));
    }
    const departments = [...new Set(groups.map((g) => g.department_name))].sort((a, b) =>
      a.localeCompare(b, 'da'),
    );
    for (const department of departments) {
      const of = groups.filter((g) => g.department_name === department);
      out.push(line(department, null, of, shows(c, [[0, department]])));
      // The '' department (the leaders, staff in no afdeling) always shows its role group, which names it.
      for (const g of of)
        if (of.length > 1 || department === '')
          out.push(
            line(
              department,
              g.role_group,
              [g],
              shows(c, [
                [0, department],
                [1, g.role_group],
              ]),
            ),
          );
    }
  }
  return out;
}

/**
 * A round's answers so far as one count for its summary: the answers of the institutions shown (at least `min`
 * answers each) only — the same as the kommune's line in the results, which adds up shown institutions only. A
 * withheld institution is counted nowhere, so no count shown anywhere minus the shown lines gives its answers (ADR
 * 0010, "Counts").
 */
export function roundAnswered(counts: { institution_id: string; answered: number }[], min: number): number {
  const perInstitution = new Map<string, number>();
  for (const c of counts)
    perInstitution.set(c.institution_id, (perInstitution.get(c.institution_id) ?? 0) + c.answered);
  let shown = 0;
  for (const n of perInstitution.values()) if (n >= min) shown += n;
  return shown;
}
