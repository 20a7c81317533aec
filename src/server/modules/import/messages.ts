import type { Locale } from '../../../shared/constants.js';

/** The columns of a staff file; 'row' stands for the line as a whole. */
export const COLUMNS = ['name', 'email', 'institution', 'team', 'role'] as const;
export type Column = (typeof COLUMNS)[number];
export type ErrorColumn = Column | 'row';

/**
 * Column labels in the request's language: the API's rows[].errors[].column (the web shows it before the message;
 * '' for the line as a whole) and the 422 details' path ("linje 3: e-mail"). The stable key is the error's code.
 */
const LABELS: Record<Locale, Record<ErrorColumn, string>> = {
  da: { name: 'navn', email: 'e-mail', institution: 'institution', team: 'team', role: 'rolle', row: '' },
  en: { name: 'name', email: 'email', institution: 'institution', team: 'team', role: 'role', row: '' },
};

export const columnLabel = (locale: Locale, column: ErrorColumn) => LABELS[locale][column];

/** "linje 3: e-mail" / "line 3: email"; just "linje 3" without a column label. */
export function linePath(locale: Locale, line: number, label = '') {
  return `${locale === 'da' ? 'linje' : 'line'} ${line}${label ? `: ${label}` : ''}`;
}

type Params = { value?: string; line?: number; institution?: string; max?: number };
type Template = (p: Params) => string;

/** Shortens a value from the file before it is quoted in a message. */
const q = (v = '') => (v.length > 60 ? `${v.slice(0, 57)}…` : v);

/** Row-level and file-detail messages, Danish and English. The codes are stable; the web may show `message`. */
const MESSAGES = {
  'import.name_required': { da: () => 'Navn mangler.', en: () => 'The name is missing.' },
  'import.name_too_long': {
    da: (p) => `Navnet er for langt (højst ${p.max} tegn).`,
    en: (p) => `The name is too long (at most ${p.max} characters).`,
  },
  'import.email_required': { da: () => 'E-mail mangler.', en: () => 'The e-mail address is missing.' },
  'import.email_invalid': {
    da: (p) => `»${q(p.value)}« er ikke en gyldig e-mailadresse.`,
    en: (p) => `“${q(p.value)}” is not a valid e-mail address.`,
  },
  'import.email_duplicate': {
    da: (p) => `E-mailadressen står allerede i linje ${p.line}.`,
    en: (p) => `The e-mail address already appears on line ${p.line}.`,
  },
  'import.institution_required': {
    da: () => 'Institution mangler.',
    en: () => 'The institution is missing.',
  },
  'import.institution_unknown': {
    da: (p) => `Ukendt institution »${q(p.value)}«.`,
    en: (p) => `Unknown institution “${q(p.value)}”.`,
  },
  'import.institution_ambiguous': {
    da: (p) =>
      `Flere institutioner hedder »${q(p.value)}«. Skriv kommunen i parentes, fx »${q(p.value)} (${p.institution})«.`,
    en: (p) =>
      `Several institutions are called “${q(p.value)}”. Add the municipality in brackets, e.g. “${q(p.value)} (${p.institution})”.`,
  },
  'import.team_unknown': {
    da: (p) => `Teamet »${q(p.value)}« findes ikke på ${p.institution}.`,
    en: (p) => `The team “${q(p.value)}” does not exist at ${p.institution}.`,
  },
  'import.role_required': { da: () => 'Rolle mangler.', en: () => 'The role is missing.' },
  'import.role_invalid': {
    da: (p) => `Ukendt rolle »${q(p.value)}«. Brug Leder, Ressourceperson eller Medarbejder.`,
    en: (p) => `Unknown role “${q(p.value)}”. Use Leder, Ressourceperson or Medarbejder.`,
  },
  'import.role_forbidden': {
    da: (p) => `Du må ikke give rollen ${p.value} på ${p.institution}.`,
    en: (p) => `You may not grant the role ${p.value} at ${p.institution}.`,
  },
  'import.too_many_fields': {
    da: () =>
      'Linjen har flere felter end overskriften. Står der et skilletegn i et felt uden anførselstegn?',
    en: () => 'The line has more fields than the header. Is there a separator in a field without quotes?',
  },
  // File-level details (the error's code is in shared/errors.ts; these name what exactly is wrong).
  'file.missing_column': {
    da: (p) => `Kolonnen »${p.value}« mangler.`,
    en: (p) => `The column “${p.value}” is missing.`,
  },
  'file.unknown_column': {
    da: (p) => `Kolonnen »${q(p.value)}« kendes ikke.`,
    en: (p) => `The column “${q(p.value)}” is not known.`,
  },
  'file.duplicate_column': {
    da: (p) => `Kolonnen »${q(p.value)}« står flere gange.`,
    en: (p) => `The column “${q(p.value)}” appears more than once.`,
  },
  'file.unclosed_quote': {
    da: () => 'Et anførselstegn lukkes aldrig.',
    en: () => 'A quotation mark is never closed.',
  },
  'file.unreadable': { da: () => 'Linjen kan ikke læses.', en: () => 'The line cannot be read.' },
  'file.no_rows': {
    da: () => 'Der er ingen linjer med medarbejdere.',
    en: () => 'There are no lines with people.',
  },
  'file.too_many_rows': {
    da: (p) => `Filen har ${p.line} linjer med medarbejdere; højst ${p.max} er tilladt.`,
    en: (p) => `The file has ${p.line} lines with people; at most ${p.max} are allowed.`,
  },
} satisfies Record<string, Record<Locale, Template>>;

export type MessageCode = keyof typeof MESSAGES;
export type RowErrorCode = Extract<MessageCode, `import.${string}`>;

export function message(locale: Locale, code: MessageCode, params: Params = {}): string {
  return (MESSAGES[code][locale] as Template)(params);
}
