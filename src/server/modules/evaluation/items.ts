import type { z } from 'zod';
import type * as c from '../../../shared/contracts/evaluation.js';
import {
  EVALUATION_LIMITS,
  KINDS_BY_WORDS,
  nextYearDay,
  type PlanScope,
  schoolYearBounds,
} from '../../../shared/evaluation.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, decideAccess } from '../../policy/index.js';
import { audit } from '../audit.js';
import { type ItemOut, presentItem } from './present.js';
import * as repo from './repo.js';
import { loadOwner, type Owner, planOwnerId, planResource } from './resource.js';
import { createWheelService } from './wheel.js';

type ItemFields = Omit<z.output<typeof c.ItemCreate>, 'plan'>;

/**
 * Writing a plan (issue 17 part 1): items (add, change with a version check, remove), copying last year's plan
 * once, and publishing a kommune plan. Every write authorizes through the policy first and runs in one
 * transaction; the plan row is made by its first item and locked while it is written.
 */
export function createItemService(ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;
  const wheel = createWheelService(ctx);

  /** Checks an item's fields against its plan: dates in the school year, kind, responsible person, team. */
  async function check(tx: DbOrTx, owner: Owner, year: number, v: ItemFields) {
    const { from, to } = schoolYearBounds(year);
    const inYear = (d: string | null) => d === null || (d >= from && d <= to);
    if (v.collectTo < v.collectFrom) throw new AppError('evaluation.window');
    if (v.analyseOn !== null && v.analyseOn < v.collectFrom)
      throw new AppError('evaluation.analysis_before_collection');
    if (!inYear(v.collectFrom) || !inYear(v.collectTo) || !inYear(v.analyseOn))
      throw new AppError('evaluation.outside_year');
    if (owner.words && !KINDS_BY_WORDS[owner.words].includes(v.kind))
      throw new AppError('evaluation.kind_not_for_type');
    if (v.responsibleId) {
      const where = owner.institutionId
        ? { institutionId: owner.institutionId }
        : { kommuneId: owner.kommuneId };
      if (!(await repo.peopleHere(tx, where, v.responsibleId)).length)
        throw new AppError('evaluation.responsible_not_here');
    }
    if (v.meetingTeamId) {
      const teams = owner.institutionId ? await repo.institutionTeams(tx, owner.institutionId) : [];
      if (!teams.some((t) => t.id === v.meetingTeamId)) throw new AppError('evaluation.team_not_here');
    }
  }

  const fields = (v: ItemFields) => ({
    title: v.title,
    kind: v.kind,
    groups: v.groups,
    responsibleId: v.responsibleId,
    responsibleText: v.responsibleText,
    collectFrom: v.collectFrom,
    collectTo: v.collectTo,
    analyseOn: v.analyseOn,
    meetingKind: v.analyseOn ? v.meetingKind : null,
    meetingTeamId: v.analyseOn ? v.meetingTeamId : null,
    note: v.note,
    remindCollectDays: v.remindCollectDays,
    remindAnalysisDays: v.analyseOn ? v.remindAnalysisDays : null,
  });

  /** The item after `action`, with its plan's owner; one the actor may not know of is item_not_found. */
  async function loadItem(tx: DbOrTx, actor: Actor, id: string, forUpdate: boolean) {
    const row = await repo.itemById(tx, id, { forUpdate });
    if (!row) throw new AppError('evaluation.item_not_found');
    const owner = await loadOwner(tx, row.plan.scope, planOwnerId(row.plan));
    const res = planResource(owner, !!row.plan.publishedAt);
    if (decideAccess(actor, 'evaluation.read', res) !== 'allow')
      throw new AppError('evaluation.item_not_found');
    authorize(actor, 'evaluation.edit', res);
    return { row, owner };
  }

  async function shown(tx: DbOrTx, id: string, owner: Owner): Promise<ItemOut> {
    const [r] = await repo
      .itemsOf(tx, [(await repo.itemById(tx, id))?.item.planId as string])
      .then((all) => all.filter((x) => x.item.id === id));
    return presentItem(r, { scope: owner.scope, ownerId: owner.id, ownerName: owner.name, canEdit: true });
  }

  /** 409 evaluation.stale with the current item in the details (one entry per field, the value as message). */
  function stale(x: repo.ItemRow): AppError {
    const current: Record<string, string> = {
      version: String(x.version),
      title: x.title,
      kind: x.kind,
      groups: x.groups,
      collectFrom: x.collectFrom,
      collectTo: x.collectTo,
      analyseOn: x.analyseOn ?? '',
      note: x.note,
      updatedAt: x.updatedAt.toISOString(),
    };
    return new AppError(
      'evaluation.stale',
      Object.entries(current).map(([path, message]) => ({ path, message })),
    );
  }

  return {
    async create(actor: Actor, input: z.output<typeof c.ItemCreate>): Promise<ItemOut> {
      const { plan: ref, ...v } = input;
      const owner = await loadOwner(db, ref.scope, ref.ownerId);
      const existing = await repo.findPlan(db, ref.scope, ref.ownerId, ref.schoolYear);
      authorize(actor, 'evaluation.edit', planResource(owner, !!existing?.publishedAt));
      return db.transaction(async (tx) => {
        await check(tx, owner, ref.schoolYear, v);
        const plan = await repo.ensurePlan(tx, ref.scope, owner.id, ref.schoolYear, actor.id);
        if ((await repo.countItems(tx, plan.id)) >= EVALUATION_LIMITS.items)
          throw new AppError('evaluation.too_many_items');
        const [row] = await repo.insertItems(tx, [
          { ...fields(v), planId: plan.id, createdBy: actor.id, updatedBy: actor.id },
        ]);
        await audit(tx, actor, 'evaluation.item_create', 'evaluation_plan', plan.id, { itemId: row.id });
        return shown(tx, row.id, owner);
      });
    },

    /**
     * Saves the whole item when `version` is the current one (else 409 evaluation.stale with the other's
     * version). A changed date or reminder lead sends that reminder again.
     */
    async update(actor: Actor, id: string, input: z.output<typeof c.ItemUpdate>): Promise<ItemOut> {
      const { version, ...v } = input;
      return db.transaction(async (tx) => {
        const { row, owner } = await loadItem(tx, actor, id, true);
        const before = row.item;
        if (before.version !== version) throw stale(before);
        await check(tx, owner, row.plan.schoolYear, v);
        const next = fields(v);
        const patch: Parameters<typeof repo.updateItem>[2] = { ...next, updatedBy: actor.id };
        if (next.collectFrom !== before.collectFrom || next.remindCollectDays !== before.remindCollectDays)
          patch.collectRemindedAt = null;
        if (next.analyseOn !== before.analyseOn || next.remindAnalysisDays !== before.remindAnalysisDays)
          patch.analysisRemindedAt = null;
        await repo.updateItem(tx, id, patch);
        await audit(tx, actor, 'evaluation.item_update', 'evaluation_plan', before.planId, { itemId: id });
        return shown(tx, id, owner);
      });
    },

    async remove(actor: Actor, id: string, version: number) {
      await db.transaction(async (tx) => {
        const { row } = await loadItem(tx, actor, id, true);
        if (row.item.version !== version) throw stale(row.item);
        await repo.deleteItem(tx, id);
        await audit(tx, actor, 'evaluation.item_delete', 'evaluation_plan', row.plan.id, {
          itemId: id,
          title: row.item.title,
        });
      });
      return { ok: true as const };
    },

    /**
     * Copies last school year's items into this year's plan, once (a second time: 409 evaluation.already_copied,
     * also when two ask at once — the plan row is locked). Dates move one year (29 February → 28 February),
     * reminders start afresh, a responsible person who left is dropped.
     */
    async copy(actor: Actor, ref: z.output<typeof c.PlanRef>) {
      const owner = await loadOwner(db, ref.scope, ref.ownerId);
      const existing = await repo.findPlan(db, ref.scope, ref.ownerId, ref.schoolYear);
      authorize(actor, 'evaluation.edit', planResource(owner, !!existing?.publishedAt));
      const copied = await db.transaction(async (tx) => {
        const plan = await repo.ensurePlan(tx, ref.scope, owner.id, ref.schoolYear, actor.id);
        if (plan.copiedFromYear !== null) throw new AppError('evaluation.already_copied');
        const source = await repo.findPlan(tx, ref.scope, owner.id, ref.schoolYear - 1);
        const items = source ? await repo.itemsOfPlan(tx, source.id) : [];
        if (!items.length) throw new AppError('evaluation.nothing_to_copy');
        if ((await repo.countItems(tx, plan.id)) + items.length > EVALUATION_LIMITS.items)
          throw new AppError('evaluation.too_many_items');
        const where = owner.institutionId
          ? { institutionId: owner.institutionId }
          : { kommuneId: owner.kommuneId };
        const here = new Set((await repo.peopleHere(tx, where)).map((x) => x.id));
        await repo.insertItems(
          tx,
          items.map((x) => ({
            planId: plan.id,
            title: x.title,
            kind: x.kind,
            groups: x.groups,
            responsibleId: x.responsibleId && here.has(x.responsibleId) ? x.responsibleId : null,
            responsibleText: x.responsibleText,
            collectFrom: nextYearDay(x.collectFrom),
            collectTo: nextYearDay(x.collectTo),
            analyseOn: x.analyseOn ? nextYearDay(x.analyseOn) : null,
            meetingKind: x.meetingKind,
            meetingTeamId: x.meetingTeamId,
            note: x.note,
            remindCollectDays: x.remindCollectDays,
            remindAnalysisDays: x.remindAnalysisDays,
            createdBy: actor.id,
            updatedBy: actor.id,
          })),
        );
        await repo.markCopied(tx, plan.id, ref.schoolYear - 1);
        await audit(tx, actor, 'evaluation.plan_copy', 'evaluation_plan', plan.id, { items: items.length });
        return items.length;
      });
      return { copied, plan: await wheel.planSummary(actor, owner, ref.schoolYear) };
    },

    /** Forvaltning publishes the kommune plan (its institutions see it at once) or takes it back. */
    async publish(actor: Actor, input: z.output<typeof c.PlanPublish>) {
      const owner = await loadOwner(db, 'kommune', input.kommuneId);
      const existing = await repo.findPlan(db, 'kommune', owner.id, input.schoolYear);
      authorize(actor, 'evaluation.publish', planResource(owner, !!existing?.publishedAt));
      await db.transaction(async (tx) => {
        const plan = await repo.ensurePlan(tx, 'kommune' as PlanScope, owner.id, input.schoolYear, actor.id);
        await repo.setPublished(tx, plan.id, input.published ? actor.id : null);
        await audit(
          tx,
          actor,
          input.published ? 'evaluation.publish' : 'evaluation.unpublish',
          'evaluation_plan',
          plan.id,
        );
      });
      return wheel.planSummary(actor, owner, input.schoolYear);
    },
  };
}
