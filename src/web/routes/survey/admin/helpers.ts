import { CODE_LENGTH } from '../../../../shared/survey';

/** Pure helpers of the survey's administration pages (unit-tested in helpers.unit.test.ts). */

/** Today as a calendar day in Copenhagen (the server's days are Europe/Copenhagen days). */
export function todayInCopenhagen(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/** A calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

type RoundDates = { opensOn: string; closesOn: string };

/** What is wrong with a new round's dates (keys under surveyAdmin.new.errors), or nothing. */
export function datesProblem(
  { opensOn, closesOn }: RoundDates,
  today: string,
): { opensOn?: 'opensPast'; closesOn?: 'closesBeforeOpens' | 'datesMissing' } {
  if (!opensOn || !closesOn) return { closesOn: 'datesMissing' };
  return {
    ...(opensOn < today && { opensOn: 'opensPast' as const }),
    ...(closesOn < opensOn && { closesOn: 'closesBeforeOpens' as const }),
  };
}

/** Institutions that can be asked, by type, in the order given. */
export function idsOfType<T extends { id: string; type: string }>(list: T[], type: string): string[] {
  return list.filter((i) => i.type === type).map((i) => i.id);
}

/**
 * "Vælg alle skoler": every institution of the type chosen, or (when all of them already are) none of them; the
 * others stay as they were.
 */
export function toggleType<T extends { id: string; type: string }>(
  selected: ReadonlySet<string>,
  list: T[],
  type: string,
): Set<string> {
  const ids = idsOfType(list, type);
  const next = new Set(selected);
  const all = ids.length > 0 && ids.every((id) => next.has(id));
  for (const id of ids) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** A printed code in groups of four, as the answer page accepts it typed: "ABCD-EFGH-JKLM". */
export function formatCode(code: string): string {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  if (plain.length !== CODE_LENGTH) return plain;
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}

type Line = { institutionId: string; department: string | null; roleGroup: string | null };

/** The kinds of line in a round's response: the institution's total, a department, a role group, or both. */
export function lineKind(
  l: Pick<Line, 'department' | 'roleGroup'>,
): 'total' | 'department' | 'role' | 'both' {
  if (l.department === null) return l.roleGroup === null ? 'total' : 'role';
  return l.roleGroup === null ? 'department' : 'both';
}

/**
 * The response lines per institution, in the order of the round's institutions: the institution's total first,
 * then its departments (each followed by its role groups) by name, then the role groups across the institution.
 */
export function groupResponse<L extends Line>(
  institutions: { id: string; name: string }[],
  lines: L[],
): { id: string; name: string; total: L | null; lines: L[] }[] {
  const order = (l: L) => ({ total: 0, department: 1, both: 1, role: 2 })[lineKind(l)];
  return institutions.map((inst) => {
    const own = lines.filter((l) => l.institutionId === inst.id);
    const total = own.find((l) => lineKind(l) === 'total') ?? null;
    const rest = own
      .filter((l) => l !== total)
      .sort(
        (a, b) =>
          order(a) - order(b) ||
          (a.department ?? '').localeCompare(b.department ?? '', 'da') ||
          (a.roleGroup === null ? -1 : 0) - (b.roleGroup === null ? -1 : 0) ||
          (a.roleGroup ?? '').localeCompare(b.roleGroup ?? ''),
      );
    return { id: inst.id, name: inst.name, total, lines: rest };
  });
}

/**
 * The position an item moves to one step up (-1) or down (+1), or null at the end of the list. Positions are the
 * items' own (they need not be 0, 1, 2 …); the server puts the item there and shifts the others.
 */
export function movedPosition(items: { id: string; position: number }[], id: string, step: -1 | 1) {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const at = sorted.findIndex((i) => i.id === id);
  const to = at + step;
  if (at < 0 || to < 0 || to >= sorted.length) return null;
  return sorted[to].position;
}

/** A share 0–1 as a whole percentage ("43 %"), or '' when there is none. */
export function formatRate(rate: number | null, locale: 'da' | 'en'): string {
  if (rate === null) return '';
  const n = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 });
  return `${n.format(rate * 100)} %`;
}

/** A calendar day ("2026-12-07") as "7. dec. 2026" (no time zone shifts it). */
export function formatDay(day: string | null | undefined, locale: 'da' | 'en'): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
