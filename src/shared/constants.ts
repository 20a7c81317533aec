export const INSTITUTION_TYPES = ['skole', 'dagtilbud', 'klub', 'faellesfunktion'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Team kinds: a school's fagteam, årgangsteam, afdeling, ledelsesteam; in dagtilbud also a stue or a gruppe. */
export const TEAM_TYPES = ['fagteam', 'aargangsteam', 'afdeling', 'ledelsesteam', 'stue', 'gruppe'] as const;
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

/** Who may watch a video, narrowest first (V5). */
export const VISIBILITIES = ['private', 'team', 'institution', 'kommune', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const widerThan = (a: Visibility, b: Visibility) => VISIBILITIES.indexOf(a) > VISIBILITIES.indexOf(b);

export const VIDEO_STATUSES = ['uploading', 'processing', 'ready', 'failed'] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

/**
 * The owner's walk-through after an upload ("Gør videoen klar"): open until they finish or dismiss it; null for
 * videos that never had one (from before it existed, the demo, imports).
 */
export const SETUP_STATES = ['open', 'finished', 'dismissed'] as const;
export type SetupState = (typeof SETUP_STATES)[number];

/** Share links (V5): how long a new link lives; `never` only for public videos. */
export const SHARE_DURATIONS = ['1d', '7d', '30d', 'never'] as const;
export type ShareDuration = (typeof SHARE_DURATIONS)[number];

/** The shortest password accepted (OWASP ASVS 2.1.1: at least 12 characters), checked by server and web alike. */
export const MIN_PASSWORD_LENGTH = 12;
