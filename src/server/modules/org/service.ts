import type { Pillar } from '../../../shared/catalogue.js';
import type { InstitutionType, TeamType } from '../../../shared/constants.js';
import type { ErrorCode } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/rows.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, can, teamResource } from '../../policy/index.js';
import { audit } from '../audit.js';
import { teamFilesPrefix } from '../inquiry/index.js';
import { createDirectory } from './directory.js';
import * as repo from './repo.js';

/** Runs a write and turns a unique violation into the given conflict code. */
async function unique<T>(code: ErrorCode, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(code);
    throw err;
  }
}

export function createOrgService(ctx: AppContext) {
  const { db } = ctx;

  const directory = createDirectory(
    async () => ({
      kommuner: await repo.listKommuner(db),
      institutions: await repo.listInstitutions(db),
    }),
    undefined,
    ctx.events,
  );

  /** A write that changes the directory (names, counts): every process reloads it. */
  async function changed<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    ctx.events.publish({ type: 'directory.changed' });
    return result;
  }

  /** Every session carries place and team names and roles: after a rename or removal, reload them all. */
  async function renamedOrRemoved<T>(work: Promise<T>): Promise<T> {
    const result = await changed(work);
    ctx.events.publish({ type: 'directory.renamed' });
    return result;
  }

  /** Removes the stored files of the teams' inquiry cycles (evidence files: one folder per team). */
  async function removeTeamFiles(teamIds: string[]) {
    for (const teamId of teamIds) await ctx.storage.deletePrefix(teamFilesPrefix(teamId)).catch(() => 0);
  }

  async function kommune(actor: Actor, id: string) {
    const k = await repo.getKommune(db, id);
    if (!k) throw new AppError('kommune.not_found');
    authorize(actor, 'kommune.read', { type: 'kommune', id });
    return k;
  }

  async function institution(actor: Actor, id: string) {
    const i = await repo.getInstitution(db, id);
    if (!i) throw new AppError('institution.not_found');
    authorize(actor, 'institution.read', { type: 'institution', id, kommuneId: i.kommuneId });
    return i;
  }

  async function team(actor: Actor, id: string) {
    const t = await repo.getTeam(db, id);
    if (!t) throw new AppError('team.not_found');
    authorize(actor, 'team.read', teamResource(t));
    return t;
  }

  /** A kommune's names for the PLF pillars (null: the defaults) and whether this person may change them. */
  async function pillarsOf(actor: Actor, id: string) {
    const k = await kommune(actor, id);
    return {
      kommune: { id: k.id, name: k.name },
      labels: k.pillarLabels ?? null,
      mayEdit: can(actor, 'kommune.pillars', { type: 'kommune', id }),
    };
  }

  return {
    kommune,
    institution,
    team,

    /**
     * The PLF pillars' names as this person should read them: the words of the kommune they work in (the first
     * one they hold a role in), or null for the defaults (no kommune: administrators, editors, anonymous).
     */
    async pillarLabels(actor: Actor) {
      const kommuneId = actor.grants.find((g) => g.kommuneId)?.kommuneId;
      if (!kommuneId) return { kommune: null, labels: null, mayEdit: false };
      return pillarsOf(actor, kommuneId);
    },
    kommunePillars: pillarsOf,
    async setKommunePillars(actor: Actor, id: string, labels: Record<Pillar, string> | null) {
      await kommune(actor, id);
      authorize(actor, 'kommune.pillars', { type: 'kommune', id });
      await db.transaction(async (tx) => {
        await repo.setPillarLabels(tx, id, labels);
        await audit(tx, actor, 'kommune.pillars', 'kommune', id, { labels });
      });
      return pillarsOf(actor, id);
    },

    async listKommuner(actor: Actor) {
      const { kommuner } = await directory.get();
      return kommuner.filter((k) => can(actor, 'kommune.read', { type: 'kommune', id: k.id }));
    },

    async createKommune(actor: Actor, v: { name: string; code: string | null }) {
      authorize(actor, 'kommune.create', { type: 'instance' });
      return changed(
        db.transaction(async (tx) => {
          const k = await unique('kommune.name_taken', () => repo.insertKommune(tx, v));
          await audit(tx, actor, 'kommune.create', 'kommune', k.id, v);
          return k;
        }),
      );
    },

    async updateKommune(actor: Actor, id: string, v: { name?: string; code?: string | null }) {
      await kommune(actor, id);
      authorize(actor, 'kommune.update', { type: 'kommune', id });
      return renamedOrRemoved(
        db.transaction(async (tx) => {
          const k = await unique('kommune.name_taken', () => repo.updateKommune(tx, id, v));
          await audit(tx, actor, 'kommune.update', 'kommune', id, v);
          return k;
        }),
      );
    },

    async deleteKommune(actor: Actor, id: string) {
      await kommune(actor, id);
      authorize(actor, 'kommune.delete', { type: 'kommune', id });
      await renamedOrRemoved(
        db.transaction(async (tx) => {
          if ((await repo.countInstitutionsInKommune(tx, id)) > 0) throw new AppError('kommune.not_empty');
          await repo.deleteKommune(tx, id);
          await audit(tx, actor, 'kommune.delete', 'kommune', id);
        }),
      );
    },

    async listInstitutions(actor: Actor, kommuneId?: string) {
      const { institutions } = await directory.get();
      return institutions.filter(
        (i) =>
          (!kommuneId || i.kommuneId === kommuneId) &&
          can(actor, 'institution.read', { type: 'institution', id: i.id, kommuneId: i.kommuneId }),
      );
    },

    async createInstitution(actor: Actor, v: { kommuneId: string; name: string; type: InstitutionType }) {
      await kommune(actor, v.kommuneId);
      authorize(actor, 'institution.create', { type: 'kommune', id: v.kommuneId });
      return changed(
        db.transaction(async (tx) => {
          const i = await unique('institution.name_taken', () => repo.insertInstitution(tx, v));
          await audit(tx, actor, 'institution.create', 'institution', i.id, v);
          return repo.getInstitution(tx, i.id);
        }),
      );
    },

    async updateInstitution(actor: Actor, id: string, v: { name?: string; type?: InstitutionType }) {
      const i = await institution(actor, id);
      authorize(actor, 'institution.update', { type: 'institution', id, kommuneId: i.kommuneId });
      return renamedOrRemoved(
        db.transaction(async (tx) => {
          await unique('institution.name_taken', () => repo.updateInstitution(tx, id, v));
          await audit(tx, actor, 'institution.update', 'institution', id, v);
          return repo.getInstitution(tx, id);
        }),
      );
    },

    async deleteInstitution(actor: Actor, id: string) {
      const i = await institution(actor, id);
      authorize(actor, 'institution.delete', { type: 'institution', id, kommuneId: i.kommuneId });
      const teamIds = await renamedOrRemoved(
        db.transaction(async (tx) => {
          const teams = await repo.listTeams(tx, id);
          await repo.deleteInstitution(tx, id);
          await audit(tx, actor, 'institution.delete', 'institution', id, { name: i.name });
          return teams.map((t) => t.id);
        }),
      );
      // The files of its teams' inquiry cycles go with them (their rows went with the teams).
      await removeTeamFiles(teamIds);
    },

    async listTeams(actor: Actor, institutionId: string) {
      const i = await institution(actor, institutionId);
      authorize(actor, 'team.read', { type: 'institution', id: i.id, kommuneId: i.kommuneId });
      return repo.listTeams(db, institutionId);
    },

    async createTeam(actor: Actor, v: { institutionId: string; name: string; type: TeamType }) {
      const i = await institution(actor, v.institutionId);
      authorize(actor, 'team.create', { type: 'institution', id: i.id, kommuneId: i.kommuneId });
      return changed(
        db.transaction(async (tx) => {
          const t = await unique('team.name_taken', () => repo.insertTeam(tx, v));
          await audit(tx, actor, 'team.create', 'team', t.id, v);
          return repo.getTeam(tx, t.id);
        }),
      );
    },

    async updateTeam(actor: Actor, id: string, v: { name?: string; type?: TeamType }) {
      const t = await team(actor, id);
      authorize(actor, 'team.update', teamResource(t));
      return renamedOrRemoved(
        db.transaction(async (tx) => {
          await unique('team.name_taken', () => repo.updateTeam(tx, id, v));
          await audit(tx, actor, 'team.update', 'team', id, v);
          return repo.getTeam(tx, id);
        }),
      );
    },

    async deleteTeam(actor: Actor, id: string) {
      const t = await team(actor, id);
      authorize(actor, 'team.delete', teamResource(t));
      await renamedOrRemoved(
        db.transaction(async (tx) => {
          await repo.deleteTeam(tx, id);
          await audit(tx, actor, 'team.delete', 'team', id, { name: t.name });
        }),
      );
      // The files of the team's inquiry cycles go with it (their rows went with the team).
      await removeTeamFiles([id]);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
