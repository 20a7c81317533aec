export const INSTITUTION_TYPES = ['skole', 'dagtilbud', 'klub', 'faellesfunktion'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const TEAM_TYPES = ['fagteam', 'aargangsteam', 'afdeling', 'ledelsesteam'] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/** Roles that belong to one institution. */
export const INSTITUTION_ROLES = ['leder', 'ressourceperson', 'medarbejder'] as const;
/** Roles that belong to one kommune. */
export const KOMMUNE_ROLES = ['forvaltning'] as const;
/** Roles for the whole instance. */
export const GLOBAL_ROLES = ['administrator', 'redaktoer'] as const;
export const ROLES = [...GLOBAL_ROLES, ...KOMMUNE_ROLES, ...INSTITUTION_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function roleScope(role: Role): 'global' | 'kommune' | 'institution' {
  if ((GLOBAL_ROLES as readonly string[]).includes(role)) return 'global';
  if ((KOMMUNE_ROLES as readonly string[]).includes(role)) return 'kommune';
  return 'institution';
}
