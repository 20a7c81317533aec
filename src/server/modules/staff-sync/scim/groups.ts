import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { isUniqueViolation } from '../../../db/rows.js';
import type { DomainEvent } from '../../../events/types.js';
import { clean, insertInstitutionGrants, insertTeamMemberships } from '../../import/index.js';
import { scopeOfSource } from '../apply.js';
import * as repo from '../repo.js';
import { type Filter, ScimError } from './filter.js';
import { SCHEMA } from './resources.js';

/**
 * SCIM Groups are the teams of the source's institutions. New groups become teams in the source's default
 * institution. Members are people the source manages; a member without a role at the team's institution gets
 * 'medarbejder' there. Removing members (PATCH, PUT, DELETE) only ever removes people the source manages: members
 * added by hand stay, and DELETE leaves the team itself (its history belongs to the institution).
 */

type Team = { id: string; name: string; institutionId: string };
type Member = { teamId: string; userId: string; name: string };

function groupResource(base: string, t: Team, members: Member[]) {
  return {
    schemas: [SCHEMA.group],
    id: t.id,
    displayName: t.name,
    members: members
      .filter((m) => m.teamId === t.id)
      .map((m) => ({ value: m.userId, display: m.name, type: 'User' })),
    meta: { resourceType: 'Group', location: `${base}/Groups/${t.id}` },
  };
}

const memberIds = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) =>
    v && typeof v === 'object' ? String((v as { value?: unknown }).value ?? '') : String(v),
  );
};

export function createScimGroups(ctx: AppContext) {
  const { db } = ctx;

  async function inScope(q: DbOrTx, source: repo.SourceRow) {
    const { institutions } = await scopeOfSource(q, source);
    return repo.teamsOf(
      q,
      institutions.map((i) => i.id),
    );
  }
  async function loadOne(q: DbOrTx, source: repo.SourceRow, id: string) {
    const t = (await inScope(q, source)).find((x) => x.id === id);
    if (!t) throw new ScimError(404, 'Gruppen findes ikke.');
    return t;
  }
  async function view(base: string, source: repo.SourceRow, id: string) {
    const t = await loadOne(db, source, id);
    return groupResource(base, t, await repo.membersOfTeams(db, [t.id]));
  }

  /** Sets membership changes on a team: only people the source manages are added or removed. */
  async function changeMembers(
    tx: DbOrTx,
    source: repo.SourceRow,
    team: Team,
    add: string[],
    remove: string[],
  ) {
    const valid = [...add, ...remove].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const managed = await repo.managedAmong(tx, source.id, valid);
    const unknown = add.filter((id) => !managed.has(id));
    if (unknown.length) throw new ScimError(400, `Ukendt medlem: ${unknown[0].slice(0, 64)}`, 'invalidValue');
    const grants = await repo.grantsOfUsers(tx, add);
    const missing = add.filter(
      (id) => !grants.some((g) => g.userId === id && g.institutionId === team.institutionId),
    );
    await insertInstitutionGrants(
      tx,
      missing.map((userId) => ({ userId, role: 'medarbejder' as const, institutionId: team.institutionId })),
    );
    await insertTeamMemberships(
      tx,
      add.map((userId) => ({ teamId: team.id, userId })),
    );
    const removing = remove.filter((id) => managed.has(id));
    await repo.removeTeamMembers(tx, team.id, removing);
    if (add.length || removing.length)
      await repo.insertAuditEntries(tx, [
        {
          action: 'staff_sync.team_members',
          subjectType: 'team',
          subjectId: team.id,
          details: { source: source.id, sourceName: source.name, via: 'scim', added: add, removed: removing },
        },
      ]);
    return [...add, ...removing].map((userId) => ({ type: 'person.changed', userId }) as DomainEvent);
  }

  async function commit(fn: (tx: DbOrTx) => Promise<DomainEvent[]>) {
    try {
      const events = await db.transaction(fn);
      for (const e of events) ctx.events.publish(e);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ScimError(409, 'Der findes allerede et team med det navn.', 'uniqueness');
      throw err;
    }
  }

  const nameOf = (body: unknown) => {
    const n = clean(String((body as { displayName?: unknown })?.displayName ?? ''));
    if (!n || n.length > 200)
      throw new ScimError(400, 'displayName mangler eller er for langt.', 'invalidValue');
    return n;
  };

  return {
    async list(base: string, source: repo.SourceRow, f: Filter, startIndex: number, count: number) {
      const teams = (await inScope(db, source)).filter(
        (t) =>
          !f ||
          (f.attribute === 'displayname'
            ? t.name.toLowerCase() === f.value.toLowerCase()
            : f.attribute === 'id' && t.id === f.value),
      );
      const page = teams.slice(startIndex - 1, startIndex - 1 + count);
      const members = await repo.membersOfTeams(
        db,
        page.map((t) => t.id),
      );
      return { items: page.map((t) => groupResource(base, t, members)), total: teams.length };
    },

    get: view,

    async create(base: string, source: repo.SourceRow, body: unknown) {
      const name = nameOf(body);
      if (!source.defaultInstitutionId)
        throw new ScimError(400, 'Kilden har ingen institution til nye teams.', 'invalidValue');
      const institutionId = source.defaultInstitutionId;
      let id = '';
      await commit(async (tx) => {
        const team = await repo.insertTeam(tx, { institutionId, name });
        id = team.id;
        await repo.insertAuditEntries(tx, [
          {
            action: 'staff_sync.team_create',
            subjectType: 'team',
            subjectId: team.id,
            details: { source: source.id, sourceName: source.name, name },
          },
        ]);
        return changeMembers(tx, source, team, memberIds((body as { members?: unknown }).members), []);
      });
      return view(base, source, id);
    },

    async replace(base: string, source: repo.SourceRow, id: string, body: unknown) {
      const name = nameOf(body);
      await commit(async (tx) => {
        const team = await loadOne(tx, source, id);
        if (name !== team.name) await repo.renameTeam(tx, id, name);
        const want = new Set(memberIds((body as { members?: unknown }).members));
        const now = (await repo.membersOfTeams(tx, [id])).map((m) => m.userId);
        return changeMembers(
          tx,
          source,
          team,
          [...want].filter((u) => !now.includes(u)),
          now.filter((u) => !want.has(u)),
        );
      });
      return view(base, source, id);
    },

    async patch(base: string, source: repo.SourceRow, id: string, body: unknown) {
      const ops = (body as { Operations?: unknown })?.Operations;
      if (!Array.isArray(ops)) throw new ScimError(400, 'Operations mangler.', 'invalidSyntax');
      await commit(async (tx) => {
        const team = await loadOne(tx, source, id);
        const add: string[] = [];
        const remove: string[] = [];
        for (const op of ops as Record<string, unknown>[]) {
          const kind = String(op?.op ?? '').toLowerCase();
          const path = typeof op.path === 'string' ? op.path : undefined;
          const filtered = path ? /^members\[value eq "([^"]+)"\]$/i.exec(path) : null;
          if (kind === 'add' && (path ?? 'members').toLowerCase() === 'members')
            add.push(...memberIds(op.value));
          else if (kind === 'remove' && filtered) remove.push(filtered[1]);
          else if (kind === 'remove' && path?.toLowerCase() === 'members') {
            if (op.value === undefined)
              remove.push(...(await repo.membersOfTeams(tx, [id])).map((m) => m.userId));
            else remove.push(...memberIds(op.value));
          } else if (
            kind === 'replace' &&
            (path?.toLowerCase() === 'displayname' || (!path && op.value && typeof op.value === 'object'))
          ) {
            const value = path ? { displayName: op.value } : (op.value as Record<string, unknown>);
            if (value.displayName !== undefined) await repo.renameTeam(tx, id, nameOf(value));
          } else if (kind === 'replace' && path?.toLowerCase() === 'members') {
            const want = new Set(memberIds(op.value));
            const now = (await repo.membersOfTeams(tx, [id])).map((m) => m.userId);
            add.push(...[...want].filter((u) => !now.includes(u)));
            remove.push(...now.filter((u) => !want.has(u)));
          } else throw new ScimError(400, 'Operationen understøttes ikke for grupper.', 'invalidPath');
        }
        return changeMembers(tx, source, team, add, remove);
      });
      return view(base, source, id);
    },

    async remove(source: repo.SourceRow, id: string) {
      await commit(async (tx) => {
        const team = await loadOne(tx, source, id);
        const now = (await repo.membersOfTeams(tx, [id])).map((m) => m.userId);
        return changeMembers(tx, source, team, [], now);
      });
    },
  };
}
