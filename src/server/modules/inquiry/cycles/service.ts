import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/inquiry.js';
import type { CycleState } from '../../../../shared/inquiry.js';
import { missingRequired } from '../../../../shared/inquiry-required.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, type CycleResource, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { listCycleEvidence } from '../evidence/service.js';
import { type CycleRow, loadCycle, loadTeam } from '../resource.js';
import { teamMembers } from '../space/repo.js';
import { staleError } from '../space/service.js';
import { listCycleTasks } from '../tasks/service.js';
import { findTemplate } from '../templates/repo.js';
import { checkContent, mergeContent } from './content.js';
import * as repo from './repo.js';

type CycleDetail = z.output<typeof c.CycleDetail>;
type CycleUpdate = z.output<typeof c.CycleUpdate>;

/**
 * The current values of a cycle in a stale write's answer (409 inquiry.stale, see space/service.staleError):
 * `version`, `title`, `question`, `state`, `sharedWithLeaders` ('true'/'false'), `updatedAt` (ISO), and one
 * `content.<phase>.<field>` entry per answer — so the editor shows the other's change and nothing is lost.
 */
function staleCycle(cycle: CycleRow) {
  const current: Record<string, string> = {
    version: String(cycle.version),
    title: cycle.title,
    question: cycle.question,
    state: cycle.state,
    sharedWithLeaders: String(cycle.sharedWithLeaders),
    updatedAt: cycle.updatedAt.toISOString(),
  };
  for (const [phase, fields] of Object.entries(cycle.content))
    for (const [field, value] of Object.entries(fields)) current[`content.${phase}.${field}`] = value;
  return staleError(current);
}

/**
 * Inquiry cycles (T2): started from a template (its phases are kept with the cycle), written by the team's
 * members with a version check, read by the institution's leaders when the team shares it, finished and
 * carried into the next loop of the series.
 */
export function createCycleService(ctx: AppContext) {
  const { db } = ctx;

  async function detail(
    dbx: DbOrTx,
    actor: Actor,
    cycle: CycleRow,
    resource: CycleResource,
  ): Promise<CycleDetail> {
    const [members, tasks, evidence, reflections, loops, createdBy] = await Promise.all([
      teamMembers(dbx, cycle.teamId),
      listCycleTasks(dbx, cycle.id),
      listCycleEvidence(dbx, actor, cycle.id),
      repo.reflections(dbx, cycle.id),
      repo.loops(dbx, cycle.seriesId),
      repo.personName(dbx, cycle.createdBy),
    ]);
    return {
      id: cycle.id,
      teamId: cycle.teamId,
      title: cycle.title,
      question: cycle.question,
      templateName: cycle.templateName,
      state: cycle.state,
      loop: cycle.loop,
      seriesId: cycle.seriesId,
      sharedWithLeaders: cycle.sharedWithLeaders,
      updatedAt: cycle.updatedAt,
      finishedAt: cycle.finishedAt,
      team: { id: cycle.teamId, name: cycle.teamName, institutionId: cycle.institutionId },
      phases: cycle.phases,
      content: cycle.content,
      version: cycle.version,
      canWrite: can(actor, 'cycle.write', resource),
      members,
      tasks,
      evidence,
      reflections: reflections.map((r) => ({
        person: { id: r.userId, name: r.name },
        body: r.body,
        updatedAt: r.updatedAt,
      })),
      loops,
      createdBy,
      createdAt: cycle.createdAt,
    };
  }

  async function reload(actor: Actor, id: string) {
    const { cycle, resource } = await loadCycle(db, actor, id, 'cycle.read');
    return detail(db, actor, cycle, resource);
  }

  return {
    async get(actor: Actor, id: string): Promise<CycleDetail> {
      return reload(actor, id);
    },

    /**
     * Members start a cycle from a template offered to the team (built-in or the team's kommune's, for its kind,
     * not archived): its phases are copied into the cycle; the cycle is loop 1 of its own series.
     */
    async create(actor: Actor, teamId: string, input: z.output<typeof c.CycleCreate>): Promise<CycleDetail> {
      const team = await loadTeam(db, actor, teamId, 'team.work');
      const t = await findTemplate(db, input.templateId);
      const offered =
        t &&
        !t.archivedAt &&
        (t.kommuneId === null || t.kommuneId === team.kommuneId) &&
        t.kinds.includes(wordKind(team.institutionType));
      if (!offered) throw new AppError('inquiry.template_not_found');
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await repo.insertCycle(tx, {
          id,
          seriesId: id,
          loop: 1,
          teamId: team.id,
          templateId: t.id,
          templateName: t.name,
          phases: t.phases,
          title: input.title,
          question: input.question,
          createdBy: actor.id,
        });
        await audit(tx, actor, 'inquiry.cycle.create', 'cycle', id, { teamId: team.id, templateId: t.id });
      });
      return reload(actor, id);
    },

    /**
     * Changes what the patch names, when `version` is the cycle's current one (else 409 inquiry.stale with the
     * current values). `content` is merged answer by answer ('' clears one); its keys must be the cycle's phase
     * and field keys. A finished cycle is read-only (409 inquiry.finished) except for the sharing switch and
     * reopening it — the latter only while no next loop has started.
     */
    async update(actor: Actor, id: string, patch: CycleUpdate): Promise<CycleDetail> {
      await db.transaction(async (tx) => {
        const { cycle } = await loadCycle(tx, actor, id, 'cycle.write', { forUpdate: true });
        if (patch.version !== cycle.version) throw staleCycle(cycle);
        const writes =
          patch.title !== undefined || patch.question !== undefined || patch.content !== undefined;
        const nextState: CycleState = patch.state ?? cycle.state;
        if (cycle.state === 'afsluttet' && nextState !== 'afsluttet') {
          if ((await repo.lastLoop(tx, cycle.seriesId)) > cycle.loop) throw new AppError('inquiry.finished');
        } else if (cycle.state === 'afsluttet' && writes) throw new AppError('inquiry.finished');
        if (patch.content) checkContent(cycle.phases, patch.content);
        const merged = patch.content ? mergeContent(cycle.content, patch.content) : cycle.content;
        const missing = missingRequired(cycle.phases, merged, cycle.state, nextState);
        if (missing.length)
          throw new AppError(
            'inquiry.required_missing',
            missing.map((m) => ({ path: `content.${m.phase}.${m.field}`, message: m.label })),
          );
        const set: Partial<repo.CycleInsert> = {};
        if (patch.title !== undefined) set.title = patch.title;
        if (patch.question !== undefined) set.question = patch.question;
        if (patch.content) set.content = merged;
        if (patch.sharedWithLeaders !== undefined) set.sharedWithLeaders = patch.sharedWithLeaders;
        if (nextState !== cycle.state) {
          set.state = nextState;
          set.finishedAt = nextState === 'afsluttet' ? new Date() : null;
        }
        await repo.updateCycle(tx, cycle.id, set);
        await audit(tx, actor, 'inquiry.cycle.update', 'cycle', cycle.id, {
          version: cycle.version + 1,
          changed: Object.keys(set),
          ...(set.state ? { state: set.state } : {}),
          ...(set.sharedWithLeaders !== undefined ? { sharedWithLeaders: set.sharedWithLeaders } : {}),
        });
      });
      return reload(actor, id);
    },

    /**
     * Starts the next loop from the series' latest loop (an earlier one, or a second click: 409 inquiry.stale):
     * the latest loop is finished if it was not, and a new one begins in "før" with the same template phases,
     * title and question, its open data-plan lines carried over as new tasks. Not shared with leaders until the
     * team says so again. Answers the new loop.
     */
    async nextLoop(actor: Actor, id: string): Promise<CycleDetail> {
      const newId = randomUUID();
      await db.transaction(async (tx) => {
        const { cycle } = await loadCycle(tx, actor, id, 'cycle.write', { forUpdate: true });
        if ((await repo.lastLoop(tx, cycle.seriesId)) !== cycle.loop) throw staleCycle(cycle);
        if (cycle.state !== 'afsluttet')
          await repo.updateCycle(tx, cycle.id, { state: 'afsluttet', finishedAt: new Date() });
        await repo.insertCycle(tx, {
          id: newId,
          seriesId: cycle.seriesId,
          loop: cycle.loop + 1,
          teamId: cycle.teamId,
          templateId: cycle.templateId,
          templateName: cycle.templateName,
          phases: cycle.phases,
          title: cycle.title,
          question: cycle.question,
          createdBy: actor.id,
        });
        const carried = await repo.carryDataPlan(
          tx,
          { cycleId: cycle.id, teamId: cycle.teamId },
          newId,
          actor.id,
        );
        await audit(tx, actor, 'inquiry.cycle.next_loop', 'cycle', newId, {
          from: cycle.id,
          loop: cycle.loop + 1,
          carriedTasks: carried,
        });
      });
      return reload(actor, newId);
    },

    /** The member's own reflection on the cycle ('' removes it). Not on a finished cycle. */
    async reflect(actor: Actor, id: string, body: string): Promise<z.output<typeof c.Reflection>> {
      return db.transaction(async (tx) => {
        const { cycle } = await loadCycle(tx, actor, id, 'cycle.write', { forUpdate: true });
        if (cycle.state === 'afsluttet') throw new AppError('inquiry.finished');
        const me = await repo.personName(tx, actor.id);
        let updatedAt = new Date();
        if (body) updatedAt = await repo.saveReflection(tx, cycle.id, actor.id, body);
        else await repo.deleteReflection(tx, cycle.id, actor.id);
        await audit(tx, actor, 'inquiry.cycle.reflect', 'cycle', cycle.id, { length: body.length });
        return { person: { id: actor.id, name: me?.name ?? '' }, body, updatedAt };
      });
    },
  };
}
