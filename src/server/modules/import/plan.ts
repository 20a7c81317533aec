import type { InstitutionRole, Locale, Role } from '../../../shared/constants.js';
import { INSTITUTION_ROLES } from '../../../shared/constants.js';
import { email as emailSchema } from '../../../shared/contracts/common.js';
import type { RawRow } from './csv.js';
import { columnLabel, type ErrorColumn, message, type RowErrorCode } from './messages.js';

/** Pure planning of an import: checks each row against what the actor may manage and what already exists. */

export const MAX_NAME_LENGTH = 200;

/** An institution the actor may import into, with its teams. */
export type ManagedInstitution = {
  id: string;
  name: string;
  kommuneId: string;
  kommuneName: string;
  teams: { id: string; name: string }[];
};

/** A person whose e-mail is already in the database. `visible`: the actor may see them (policy person.read). */
export type ExistingPerson = {
  id: string;
  visible: boolean;
  grants: { role: Role; institutionId: string | null }[];
  teamIds: Set<string>;
};

export type Lookups = {
  institutions: ManagedInstitution[];
  /** Keyed by lower-case e-mail. */
  existing: Map<string, ExistingPerson>;
  /** The policy's answer to "may the actor grant this role here?" (role.grant). */
  mayGrant: (role: InstitutionRole, institution: ManagedInstitution) => boolean;
};

export type Action = 'create' | 'update' | 'unchanged';
/** `column` is the column's label in the request's language ('' for the line as a whole). */
export type RowError = { column: string; code: RowErrorCode; message: string };

export type PlannedRow = {
  line: number;
  name: string;
  email: string;
  institution: string;
  team: string;
  role: string;
  action: Action;
  errors: RowError[];
};

/** What a valid row will do when committed. */
export type RowTarget = {
  row: PlannedRow;
  institution: ManagedInstitution;
  role: InstitutionRole;
  teamIds: string[];
  /** The existing account, when there is one (visible or not). */
  existing?: ExistingPerson;
  addGrant: boolean;
  addTeamIds: string[];
};

export type Plan = { rows: PlannedRow[]; targets: RowTarget[]; summary: Summary };
export type Summary = {
  total: number;
  valid: number;
  invalid: number;
  create: number;
  update: number;
  unchanged: number;
};

/** Trims, turns control characters and runs of whitespace (also line breaks inside quotes) into one space. */
export const clean = (v: string) => v.replace(/[\p{Cc}\s]+/gu, ' ').trim();
const lower = (v: string) => v.toLocaleLowerCase('da');
/** How e-mail addresses are compared (the database's unique key is lower(email); valid addresses are ASCII). */
export const emailKey = (v: string) => clean(v).toLowerCase();

/** Institution lookup by name, or by "name (kommune)" when two managed institutions share a name. */
function institutionIndex(list: ManagedInstitution[]) {
  const byName = new Map<string, ManagedInstitution[]>();
  for (const i of list) {
    for (const key of [lower(clean(i.name)), lower(clean(`${i.name} (${i.kommuneName})`))]) {
      byName.set(key, [...(byName.get(key) ?? []), i]);
    }
  }
  return (name: string) => byName.get(lower(name)) ?? [];
}

export function planImport(raw: RawRow[], lookups: Lookups, locale: Locale): Plan {
  const findInstitution = institutionIndex(lookups.institutions);
  const firstLineOfEmail = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const targets: RowTarget[] = [];

  for (const r of raw) {
    const errors: RowError[] = [];
    const fail = (column: ErrorColumn, code: RowErrorCode, params: Parameters<typeof message>[2] = {}) =>
      errors.push({ column: columnLabel(locale, column), code, message: message(locale, code, params) });

    if (r.extraFields) fail('row', 'import.too_many_fields');

    const name = clean(r.values.name);
    if (!name) fail('name', 'import.name_required');
    else if (name.length > MAX_NAME_LENGTH) fail('name', 'import.name_too_long', { max: MAX_NAME_LENGTH });

    const email = clean(r.values.email);
    const key = emailKey(email);
    let emailOk = false;
    if (!email) fail('email', 'import.email_required');
    else if (!emailSchema.safeParse(email).success) fail('email', 'import.email_invalid', { value: email });
    else {
      const first = firstLineOfEmail.get(key);
      if (first !== undefined) fail('email', 'import.email_duplicate', { line: first });
      else {
        firstLineOfEmail.set(key, r.line);
        emailOk = true;
      }
    }

    const institutionText = clean(r.values.institution);
    let institution: ManagedInstitution | undefined;
    if (!institutionText) fail('institution', 'import.institution_required');
    else {
      const found = findInstitution(institutionText);
      if (found.length === 1) institution = found[0];
      else if (found.length === 0)
        fail('institution', 'import.institution_unknown', { value: institutionText });
      else
        fail('institution', 'import.institution_ambiguous', {
          value: institutionText,
          institution: found[0].kommuneName,
        });
    }

    const teamNames = [
      ...new Map(
        r.values.team
          .split('|')
          .map(clean)
          .filter(Boolean)
          .map((t) => [lower(t), t]),
      ).values(),
    ];
    const teams: { id: string; name: string }[] = [];
    if (institution) {
      for (const t of teamNames) {
        const team = institution.teams.find((x) => lower(clean(x.name)) === lower(t));
        if (team) teams.push(team);
        else fail('team', 'import.team_unknown', { value: t, institution: institution.name });
      }
    }

    const roleText = clean(r.values.role);
    const role = INSTITUTION_ROLES.find((x) => x === lower(roleText));
    if (!roleText) fail('role', 'import.role_required');
    else if (!role) fail('role', 'import.role_invalid', { value: roleText });
    else if (institution && !lookups.mayGrant(role, institution))
      fail('role', 'import.role_forbidden', { value: role, institution: institution.name });

    const existing = emailOk ? lookups.existing.get(key) : undefined;
    const addGrant =
      !!institution && !existing?.grants.some((g) => g.role === role && g.institutionId === institution.id);
    const addTeamIds = teams.map((t) => t.id).filter((id) => !existing?.teamIds.has(id));
    // A person the actor may not see is reported as 'create' (from the importer's side a new member), so that a
    // dry run cannot be used to learn which e-mail addresses have accounts elsewhere.
    const action: Action = !existing?.visible
      ? 'create'
      : addGrant || addTeamIds.length
        ? 'update'
        : 'unchanged';

    const row: PlannedRow = {
      line: r.line,
      name,
      email,
      institution: institution?.name ?? institutionText,
      team: (teams.length === teamNames.length ? teams.map((t) => t.name) : teamNames).join('|'),
      role: role ?? roleText,
      action,
      errors,
    };
    rows.push(row);
    if (!errors.length && institution && role)
      targets.push({
        row,
        institution,
        role,
        teamIds: teams.map((t) => t.id),
        existing,
        addGrant,
        addTeamIds,
      });
  }
  return { rows, targets, summary: summarize(rows) };
}

/** create/update/unchanged count valid rows only, so that create + update + unchanged = valid. */
export function summarize(rows: PlannedRow[]): Summary {
  const valid = rows.filter((r) => !r.errors.length);
  const count = (a: Action) => valid.filter((r) => r.action === a).length;
  return {
    total: rows.length,
    valid: valid.length,
    invalid: rows.length - valid.length,
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
  };
}
