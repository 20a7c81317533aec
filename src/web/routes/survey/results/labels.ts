import type { TFunction } from 'i18next';
import { blankDepartment, type RoleGroup } from '../../../../shared/survey';

type Line = {
  institutionId?: string | null;
  institutionName: string | null;
  department: string | null;
  roleGroup: RoleGroup | null;
};

/** How a results line is named: "Solsikkeskolen · Indskolingen · Medarbejdere"; the whole when nothing is set. */
export function groupLabel(
  t: TFunction,
  g: Line,
  opts: { showInstitution: boolean; whole: 'kommune' | 'institution'; lines?: readonly Line[] },
): string {
  const parts: string[] = [];
  if (g.institutionName && (opts.showInstitution || (g.department === null && g.roleGroup === null)))
    parts.push(g.institutionName);
  if (g.department !== null)
    parts.push(departmentLabel(t, g.department, g.roleGroup, opts.lines ?? [], g.institutionId ?? null));
  if (g.roleGroup) parts.push(t(`survey.roleGroups.${g.roleGroup}`));
  return parts.length ? parts.join(' · ') : t(`survey.results.whole.${opts.whole}`);
}

/**
 * A department's name; '' (no afdeling) is "Ledelsen" for the leaders (one group per institution), "Uden afdeling"
 * for staff in none, or both — by the line's role group, else the institution's '' lines (shared blankDepartment).
 */
export const departmentLabel = (
  t: TFunction,
  department: string,
  roleGroup: RoleGroup | null = null,
  lines: readonly Line[] = [],
  institutionId: string | null = null,
) =>
  department === ''
    ? t(`survey.results.blankDepartment.${blankDepartment(roleGroup, lines, institutionId)}`)
    : department;
