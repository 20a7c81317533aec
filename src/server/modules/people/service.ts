import { type Role, roleScope } from '../../../shared/constants.js';
import { revokeSessionsOfUser } from '../../auth/session.js';
import type { SessionUser } from '../../auth/session-cache.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { isUniqueViolation } from '../../db/rows.js';
import { readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import {
  type Actor,
  authorize,
  can,
  institutionIdsWithRole,
  isAdmin,
  personResource,
  policySql,
  teamResource,
} from '../../policy/index.js';
import { audit } from '../audit.js';
import { type AuthService, findUserByEmail, findUserById } from '../auth/index.js';
import type { OrgService } from '../org/index.js';
import * as repo from './repo.js';

export type GrantInput = { role: Role; institutionId?: string | null; kommuneId?: string | null };

export function createPeopleService(ctx: AppContext, org: OrgService, auth: AuthService) {
  const { db } = ctx;

  /** Reads the person (one query) and checks the actor may see them: 404 otherwise. */
  async function visiblePerson(actor: Actor, id: string) {
    const user = await repo.personDetail(db, id);
    if (!user) throw new AppError('person.not_found');
    const resource = personResource(id, user.grants);
    authorize(actor, 'person.read', resource);
    return { user, resource };
  }

  /** Validates a grant's scope against its role, checks the ids are visible, and that the actor may grant it. */
  async function checkGrant(actor: Actor, g: GrantInput) {
    const scope = roleScope(g.role);
    const institutionId = scope === 'institution' ? (g.institutionId ?? null) : null;
    const kommuneId = scope === 'kommune' ? (g.kommuneId ?? null) : null;
    if ((scope === 'institution' && !institutionId) || (scope === 'kommune' && !kommuneId))
      throw new AppError('role.invalid_scope');
    if (institutionId) await org.institution(actor, institutionId);
    if (kommuneId) await org.kommune(actor, kommuneId);
    authorize(actor, 'role.grant', { type: 'grant', role: g.role, institutionId, kommuneId });
    return { role: g.role, institutionId, kommuneId };
  }

  async function guardLastAdministrator(tx: DbOrTx) {
    if ((await repo.countActiveAdministrators(tx)) < 1) throw new AppError('person.last_administrator');
  }

  const detail = (id: string) => repo.personDetail(db, id);

  return {
    /** The signed-in person (as loaded with the session), with what the navigation may offer. */
    me(actor: Actor, person: SessionUser) {
      return {
        ...person,
        capabilities: {
          administer: isAdmin(actor),
          readOutbox: can(actor, 'outbox.read', { type: 'instance' }),
          curate: can(actor, 'taxonomy.manage', { type: 'instance' }),
          manageInstitutionIds: isAdmin(actor) ? [] : institutionIdsWithRole(actor, 'leder'),
        },
      };
    },

    async list(actor: Actor, opts: { institutionId?: string; q?: string; cursor?: string; limit: number }) {
      if (opts.institutionId) await org.institution(actor, opts.institutionId);
      const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
      const rows = await repo.listPeople(db, policySql.visiblePeople(actor), { ...opts, after });
      const more = rows.length > opts.limit;
      const items = rows.slice(0, opts.limit);
      const last = items.at(-1);
      return { items, nextCursor: more && last ? encodeCursor(last) : null };
    },

    async get(actor: Actor, id: string) {
      return (await visiblePerson(actor, id)).user;
    },

    async invite(
      actor: Actor,
      v: { name: string; email: string; locale?: 'da' | 'en'; grant: GrantInput; teamIds?: string[] },
    ) {
      const grant = await checkGrant(actor, v.grant);
      const teams = await Promise.all((v.teamIds ?? []).map((t) => org.team(actor, t)));
      if (teams.some((t) => t.institutionId !== grant.institutionId))
        throw new AppError('team.member_not_in_institution');
      if (await findUserByEmail(db, v.email)) throw new AppError('person.email_taken');
      const inviter = await findUserById(db, actor.id);
      const institution = grant.institutionId ? await org.institution(actor, grant.institutionId) : undefined;
      const id = await db.transaction(async (tx) => {
        const user = await repo.insertUser(tx, v).catch((err) => {
          if (isUniqueViolation(err)) throw new AppError('person.email_taken'); // a parallel invitation won
          throw err;
        });
        await repo.insertGrant(tx, { userId: user.id, ...grant });
        for (const t of teams) await repo.addTeamMember(tx, t.id, user.id);
        await auth.sendInvitation(tx, user, inviter?.name ?? 'Amongi', institution?.name ?? null);
        await audit(tx, actor, 'person.invite', 'person', user.id, { email: user.email, ...grant });
        return user.id;
      });
      return detail(id);
    },

    async resendInvitation(actor: Actor, id: string) {
      const { user, resource } = await visiblePerson(actor, id);
      authorize(actor, 'person.manage', resource);
      if (user.status !== 'invited') throw new AppError('person.not_invited');
      const inviter = await findUserById(db, actor.id);
      await db.transaction(async (tx) => {
        await auth.sendInvitation(tx, user, inviter?.name ?? 'Amongi', null);
        await audit(tx, actor, 'person.reinvite', 'person', id);
      });
    },

    async update(
      actor: Actor,
      id: string,
      v: { name?: string; locale?: 'da' | 'en'; status?: 'active' | 'disabled' },
    ) {
      const { user, resource } = await visiblePerson(actor, id);
      authorize(actor, 'person.update', resource);
      if (v.status !== undefined && v.status !== user.status) {
        authorize(actor, 'person.manage', resource);
        if (v.status === 'active' && user.status === 'invited') throw new AppError('person.not_invited');
      }
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, v);
        if (v.status === 'disabled') {
          await revokeSessionsOfUser(ctx, tx, id);
          await guardLastAdministrator(tx);
        }
        await audit(tx, actor, 'person.update', 'person', id, v);
      });
      ctx.events.publish({ type: 'person.changed', userId: id }); // name, language or roles changed
      return detail(id);
    },

    async addGrant(actor: Actor, id: string, g: GrantInput) {
      await visiblePerson(actor, id);
      const grant = await checkGrant(actor, g);
      await db.transaction(async (tx) => {
        await repo.insertGrant(tx, { userId: id, ...grant });
        await audit(tx, actor, 'role.grant', 'person', id, grant);
      });
      ctx.events.publish({ type: 'person.changed', userId: id }); // name, language or roles changed
      return detail(id);
    },

    async removeGrant(actor: Actor, id: string, grantId: string) {
      await visiblePerson(actor, id);
      const g = await repo.getGrant(db, grantId);
      if (!g || g.userId !== id) throw new AppError('person.not_found');
      authorize(actor, 'role.grant', {
        type: 'grant',
        role: g.role,
        institutionId: g.institutionId,
        kommuneId: g.kommuneId,
      });
      await db.transaction(async (tx) => {
        await repo.deleteGrant(tx, grantId);
        if (g.role === 'administrator') await guardLastAdministrator(tx);
        await audit(tx, actor, 'role.revoke', 'person', id, {
          role: g.role,
          institutionId: g.institutionId,
          kommuneId: g.kommuneId,
        });
      });
      ctx.events.publish({ type: 'person.changed', userId: id }); // name, language or roles changed
      return detail(id);
    },

    async teamMembers(actor: Actor, teamId: string) {
      await org.team(actor, teamId);
      return repo.teamMembers(db, teamId);
    },

    async addTeamMember(actor: Actor, teamId: string, personId: string) {
      const team = await org.team(actor, teamId);
      authorize(actor, 'team.update', teamResource(team));
      const { resource } = await visiblePerson(actor, personId);
      if (!resource.institutions.some((i) => i.id === team.institutionId))
        throw new AppError('team.member_not_in_institution');
      await db.transaction(async (tx) => {
        await repo.addTeamMember(tx, teamId, personId);
        await audit(tx, actor, 'team.add_member', 'team', teamId, { personId });
      });
      ctx.events.publish({ type: 'person.changed', userId: personId });
    },

    async removeTeamMember(actor: Actor, teamId: string, personId: string) {
      const team = await org.team(actor, teamId);
      authorize(actor, 'team.update', teamResource(team));
      await db.transaction(async (tx) => {
        await repo.removeTeamMember(tx, teamId, personId);
        await audit(tx, actor, 'team.remove_member', 'team', teamId, { personId });
      });
      ctx.events.publish({ type: 'person.changed', userId: personId });
    },
  };
}

/** The people list's cursor: the last row's name and id (the sort key). */
const encodeCursor = (r: { name: string; id: string }) => writeCursor([r.name, r.id]);
function decodeCursor(c: string): { name: string; id: string } {
  const value = readCursor(c);
  const [name, id] = Array.isArray(value) ? value : [];
  if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { name, id };
  throw new AppError('request.invalid');
}

export type PeopleService = ReturnType<typeof createPeopleService>;
