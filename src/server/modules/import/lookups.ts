import type { DbOrTx } from '../../db/index.js';
import type { ParsedFile } from './csv.js';
import { type ExistingPerson, emailKey, type Lookups, type ManagedInstitution } from './plan.js';
import * as repo from './repo.js';

/**
 * Loads what a staff file's rows refer to in a handful of bulk queries: the institutions' teams, the people with
 * the file's e-mail addresses, their grants and team memberships. Shared by the manual import and the staff sync
 * (one way to read and plan a staff CSV).
 */

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = map.get(k);
    if (group) group.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export type InstitutionRow = { id: string; name: string; kommuneId: string; kommuneName: string };
export type Grant = {
  role: ExistingPerson['grants'][number]['role'];
  institutionId: string | null;
  kommuneId: string | null;
};

export async function loadStaffLookups(
  q: DbOrTx,
  institutions: InstitutionRow[],
  file: Pick<ParsedFile, 'rows'>,
  opts: {
    /** May the actor see this existing person (policy person.read)? */
    visible: (userId: string, grants: Grant[]) => boolean;
    mayGrant: Lookups['mayGrant'];
  },
): Promise<Lookups> {
  const teams = await repo.teamsOfInstitutions(
    q,
    institutions.map((i) => i.id),
  );
  const teamsByInstitution = groupBy(teams, (t) => t.institutionId);
  const managed: ManagedInstitution[] = institutions.map((i) => ({
    id: i.id,
    name: i.name,
    kommuneId: i.kommuneId,
    kommuneName: i.kommuneName,
    teams: (teamsByInstitution.get(i.id) ?? []).map((t) => ({ id: t.id, name: t.name })),
  }));

  const emails = [...new Set(file.rows.map((r) => emailKey(r.values.email)).filter(Boolean))];
  const found = await repo.usersByEmails(q, emails);
  const ids = found.map((u) => u.id);
  const [grants, memberships] = await Promise.all([
    repo.grantsOfUsers(q, ids),
    repo.teamMembershipsOfUsers(q, ids),
  ]);
  const grantsByUser = groupBy(grants, (g) => g.userId);
  const teamsByUser = groupBy(memberships, (m) => m.userId);
  const existing = new Map<string, ExistingPerson>();
  for (const u of found) {
    const own = grantsByUser.get(u.id) ?? [];
    existing.set(u.email, {
      id: u.id,
      visible: opts.visible(u.id, own),
      grants: own.map((g) => ({ role: g.role, institutionId: g.institutionId })),
      teamIds: new Set((teamsByUser.get(u.id) ?? []).map((m) => m.teamId)),
    });
  }
  return { institutions: managed, existing, mayGrant: opts.mayGrant };
}
