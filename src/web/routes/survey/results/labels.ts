import type { TFunction } from 'i18next';
import type { RoleGroup } from '../../../../shared/survey';

/** How a results line is named: "Solsikkeskolen · Indskolingen · Medarbejdere"; the whole when nothing is set. */
export function groupLabel(
  t: TFunction,
  g: {
    institutionName: string | null;
    department: string | null;
    roleGroup: RoleGroup | null;
  },
  opts: { showInstitution: boolean; whole: 'kommune' | 'institution' },
): string {
  const parts: string[] = [];
  if (g.institutionName && (opts.showInstitution || (g.department === null && g.roleGroup === null)))
    parts.push(g.institutionName);
  if (g.department !== null) parts.push(departmentLabel(t, g.department));
  if (g.roleGroup) parts.push(t(`survey.roleGroups.${g.roleGroup}`));
  return parts.length ? parts.join(' · ') : t(`survey.results.whole.${opts.whole}`);
}

/** A department's name, or "Uden afdeling" for people in none. */
export const departmentLabel = (t: TFunction, department: string) =>
  department === '' ? t('survey.results.noDepartment') : department;
