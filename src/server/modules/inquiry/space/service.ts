import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/inquiry.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, can, inTeam, teamResource } from '../../../policy/index.js';
import { institutionIdsWithRole } from '../../../policy/predicates.js';
import { audit } from '../../audit.js';
import { loadTeam } from '../resource.js';
import { listOpenTeamTasks } from '../tasks/service.js';
import * as repo from './repo.js';

type Agreement = z.output<typeof c.TeamSpace>['agreement'];

/**
 * A stale write's answer (409 inquiry.stale): the current values in `details`, one `{ path, message }` per field,
 * the value as the message — for the agreement `version`, `text`, `updatedBy` (a name, '' when none) and
 * `updatedAt` (ISO, '' when never saved). The web shows "the other's change" from them and saves again on top.
 */
export function staleError(current: Record<string, string>): AppError {
  return new AppError(
    'inquiry.stale',
    Object.entries(current).map(([path, message]) => ({ path, message })),
  );
}

/** The team space (T1): members, the agreement, cycles, open tasks and videos shared with the team. */
export function createSpaceService(ctx: AppContext) {
  const { db } = ctx;

  async function agreementOf(teamId: string): Promise<Agreement> {
    const a = await repo.agreement(db, teamId);
    return {
      text: a?.text ?? '',
      version: a?.version ?? 0,
      updatedBy:
        a?.updatedById && a.updatedByName !== null ? { id: a.updatedById, name: a.updatedByName } : null,
      updatedAt: a?.updatedAt ?? null,
    };
  }

  return {
    async get(actor: Actor, teamId: string): Promise<z.output<typeof c.TeamSpace>> {
      const team = await loadTeam(db, actor, teamId, 'team.space');
      const member = inTeam(actor, team.id);
      const [members, agreement, cycles, openTasks, videos] = await Promise.all([
        repo.teamMembers(db, team.id),
        agreementOf(team.id),
        repo.teamCycles(db, actor, team.id),
        // Tasks are the team's own work: a leader sees none.
        member ? listOpenTeamTasks(db, team.id, repo.SPACE_LIMITS.tasks) : Promise.resolve([]),
        repo.teamVideos(db, actor, team.id),
      ]);
      return {
        team: {
          id: team.id,
          name: team.name,
          type: team.type,
          institution: { id: team.institutionId, name: team.institutionName, type: team.institutionType },
        },
        member,
        members,
        agreement,
        cycles,
        openTasks,
        videos,
      };
    },

    /**
     * Saves the agreement when `version` is the one saved last; else 409 inquiry.stale with the current one
     * (staleError), so two members writing at once never lose a change.
     */
    async putAgreement(
      actor: Actor,
      teamId: string,
      input: { text: string; version: number },
    ): Promise<Agreement> {
      const team = await loadTeam(db, actor, teamId, 'team.work');
      await db.transaction(async (tx) => {
        const row = await repo.lockAgreement(tx, team.id);
        if (row.version !== input.version) {
          const now = await repo.agreement(tx, team.id);
          throw staleError({
            version: String(row.version),
            text: row.agreement,
            updatedBy: now?.updatedByName ?? '',
            updatedAt: row.updatedAt?.toISOString() ?? '',
          });
        }
        await repo.saveAgreement(tx, team.id, input.text, actor.id);
        await audit(tx, actor, 'team.agreement.update', 'team', team.id, {
          version: row.version + 1,
          length: input.text.length,
        });
      });
      return agreementOf(team.id);
    },

    async myTeams(actor: Actor): Promise<z.output<typeof c.MyTeams>> {
      const [rows, led] = await Promise.all([
        repo.myTeams(db, actor.id),
        repo.ledTeams(db, actor.id, institutionIdsWithRole(actor, 'leder')),
      ]);
      return {
        // A leader opens the space of every team of the house (team.space), through the policy like one by one.
        led: led
          .filter((r) => can(actor, 'team.space', teamResource(r)))
          .map((r) => ({
            id: r.id,
            name: r.name,
            type: r.type,
            institution: { id: r.institutionId, name: r.institutionName },
            sharedCycles: r.sharedCycles,
          })),
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          type: r.type,
          institution: { id: r.institutionId, name: r.institutionName },
          activeCycles: r.activeCycles,
          openTasks: r.openTasks,
        })),
      };
    },
  };
}
