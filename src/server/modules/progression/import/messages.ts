import type { Locale } from '../../../../shared/constants.js';
import type { ProgressionStatus } from '../../../../shared/progression.js';
import { type WordKind, words } from '../../../../shared/vocabulary.js';

/**
 * The progression import's row messages and file warnings, Danish and English, in the words of the institution's
 * kind (elev/klasse, barn/gruppe, ung/gruppe). The codes are stable; the web shows `message`.
 */

type Params = { value?: string; line?: number; max?: number; group?: string; period?: string };
type Ctx = { child: string; group: string; aChild: string; noChild: string };
type Template = (p: Params, w: Ctx) => string;

/** Shortens a value from the file before it is quoted in a message. */
const q = (v = '') => (v.length > 40 ? `${v.slice(0, 37)}…` : v);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "en elev" / "et barn" / "en ung", and "ingen elev" / "intet barn" / "ingen ung" (Danish gender). */
const A_CHILD: Record<Locale, Record<WordKind, [string, string]>> = {
  da: {
    skole: ['en elev', 'Ingen elev'],
    dagtilbud: ['et barn', 'Intet barn'],
    klub: ['en ung', 'Ingen ung'],
  },
  en: {
    skole: ['a pupil', 'No pupil'],
    dagtilbud: ['a child', 'No child'],
    klub: ['a young person', 'No young person'],
  },
};

const GROUP_WORD: Record<Locale, Record<WordKind, string>> = {
  da: { skole: 'klasse', dagtilbud: 'gruppe', klub: 'gruppe' },
  en: { skole: 'class', dagtilbud: 'group', klub: 'group' },
};

const MESSAGES = {
  'import.code_required': {
    da: () => 'Koden mangler.',
    en: () => 'The code is missing.',
  },
  'import.code_too_long': {
    da: (p) => `Koden er for lang (højst ${p.max} tegn).`,
    en: (p) => `The code is too long (at most ${p.max} characters).`,
  },
  'import.code_unknown': {
    da: (p, w) =>
      `${w.noChild} har koden »${q(p.value)}« i ${p.group}. Ret koden i filen, eller vælg at oprette ukendte koder.`,
    en: (p, w) =>
      `${w.noChild} has the code “${q(p.value)}” in ${p.group}. Correct the code in the file, or choose to create unknown codes.`,
  },
  'import.code_elsewhere': {
    da: (p, w) => `Koden »${q(p.value)}« hører til ${w.aChild}, der ikke går i ${p.group} nu.`,
    en: (p, w) => `The code “${q(p.value)}” belongs to ${w.aChild} who is not in ${p.group} now.`,
  },
  'import.duplicate': {
    da: (p) => `Koden står allerede i linje ${p.line}. Hver kode må kun stå én gang.`,
    en: (p) => `The code already appears on line ${p.line}. Each code may appear only once.`,
  },
  'import.group_unknown': {
    da: (p, w) =>
      `${cap(w.group)}n »${q(p.value)}« findes ikke i dette skoleår, eller du har ikke adgang til den.`,
    en: (p, w) =>
      `The ${w.group} “${q(p.value)}” does not exist this school year, or you have no access to it.`,
  },
  'import.group_full': {
    da: (p) => `Der er ikke plads til flere i ${p.group} (højst ${p.max}), så koden kan ikke oprettes.`,
    en: (p, w) => `There is no room for another ${w.child} in ${p.group} (at most ${p.max}).`,
  },
  'import.status_invalid': {
    da: (p) => `»${q(p.value)}« er ikke en status. Skriv grøn, gul eller rød (eller G, Y, R).`,
    en: (p) => `“${q(p.value)}” is not a status. Write green, yellow or red (or G, Y, R).`,
  },
  'import.score_invalid': {
    da: (p) => `»${q(p.value)}« er ikke et tal.`,
    en: (p) => `“${q(p.value)}” is not a number.`,
  },
  'import.score_range': {
    da: (p) => `Scoren ${q(p.value)} er uden for det tilladte (højst ${p.max} i begge retninger).`,
    en: (p) => `The score ${q(p.value)} is out of range (at most ${p.max} either way).`,
  },
  'import.score_outside_bands': {
    da: (p) => `Scoren ${q(p.value)} ligger ikke i nogen af grænserne. Ret grænserne eller scoren.`,
    en: (p) => `The score ${q(p.value)} is outside every band. Correct the bands or the score.`,
  },
  'import.no_bands': {
    da: () => 'Rækken har kun en score. Angiv grænser for, hvilken farve en score giver, eller en status.',
    en: () => 'The row has only a score. Give bands that turn a score into a colour, or a status.',
  },
  'import.no_value': {
    da: () => 'Rækken har hverken en status eller en score.',
    en: () => 'The row has neither a status nor a score.',
  },
  'import.formula': {
    da: (p) =>
      `Cellen »${q(p.value)}« ligner en formel. Gem filen med værdierne (ikke formlerne), eller fjern tegnet foran.`,
    en: (p) => `The cell “${q(p.value)}” looks like a formula. Save the file with values, not formulas.`,
  },
  'import.date_invalid': {
    da: (p) => `»${q(p.value)}« er ikke en dato. Skriv fx 14-09-2026.`,
    en: (p) => `“${q(p.value)}” is not a date. Write e.g. 14-09-2026.`,
  },
  'import.date_outside': {
    da: (p) => `Datoen ${q(p.value)} ligger uden for perioden ${p.period}.`,
    en: (p) => `The date ${q(p.value)} is outside the period ${p.period}.`,
  },
  'import.note_too_long': {
    da: (p) => `Noten er for lang (højst ${p.max} tegn).`,
    en: (p) => `The note is too long (at most ${p.max} characters).`,
  },
  'import.name_too_long': {
    da: (p) => `Navnet er for langt (højst ${p.max} tegn).`,
    en: (p) => `The name is too long (at most ${p.max} characters).`,
  },
  // A commit's stale preview: what a cell holds now.
  'stale.changed': {
    da: (p) => `Nu ${p.value}${p.group ? `, gemt af ${p.group}` : ''} efter forhåndsvisningen.`,
    en: (p) => `Now ${p.value}${p.group ? `, saved by ${p.group}` : ''} after the preview.`,
  },
  'stale.plan': {
    da: () => 'Filen, kolonnerne eller grænserne er ikke de samme som i forhåndsvisningen.',
    en: () => 'The file, the columns or the bands are not the same as in the preview.',
  },
  // File details
  'file.line': { da: (p) => `linje ${p.line}`, en: (p) => `line ${p.line}` },
  'file.too_many_rows': {
    da: (p) => `Filen har ${p.line} rækker; højst ${p.max} er tilladt.`,
    en: (p) => `The file has ${p.line} rows; at most ${p.max} are allowed.`,
  },
  'file.unclosed_quote': {
    da: () => 'Et anførselstegn lukkes aldrig.',
    en: () => 'A quotation mark is never closed.',
  },
  'file.unreadable': { da: () => 'Linjen kan ikke læses.', en: () => 'The line cannot be read.' },
  // File warnings
  'warning.names_ignored': {
    da: () => 'Filen har en kolonne med navne. Navne gemmes ikke her; kun koderne bruges.',
    en: () => 'The file has a column of names. Names are not kept here; only the codes are used.',
  },
} satisfies Record<string, Record<Locale, Template>>;

export type MessageCode = keyof typeof MESSAGES;
export type RowErrorCode = Extract<MessageCode, `import.${string}`>;

export type Speaker = (code: MessageCode, params?: Params) => string;

const STATUS_LABEL: Record<Locale, Record<ProgressionStatus, string>> = {
  da: { groen: 'Grøn', gul: 'Gul', roed: 'Rød' },
  en: { groen: 'Green', gul: 'Yellow', roed: 'Red' },
};
export const statusLabel = (locale: Locale, s: ProgressionStatus) => STATUS_LABEL[locale][s];

/** Messages in one language and one institution kind's words. */
export function speaker(locale: Locale, kind: WordKind): Speaker {
  const [aChild, noChild] = A_CHILD[locale][kind];
  const ctx = { child: words(kind, locale).child, group: GROUP_WORD[locale][kind], aChild, noChild };
  return (code, params = {}) => (MESSAGES[code][locale] as Template)(params, ctx);
}
