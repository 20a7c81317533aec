import type { z } from 'zod';
import type * as c from '../../../shared/contracts/evaluation.js';
import {
  EVALUATION_KINDS,
  KINDS_BY_WORDS,
  kindConcerns,
  type PlanScope,
  schoolYearBounds,
  schoolYearOf,
} from '../../../shared/evaluation.js';
import type { AppContext } from '../../context.js';
import { type Actor, authorize, can } from '../../policy/index.js';
import { visibleEvaluationPlans } from '../../policy/sql-evaluation.js';
import { meetingLinks } from './meetings.js';
import { type PlanInfo, presentItem } from './present.js';
import * as repo from './repo.js';
import { danishToday, loadOwner, type Owner, planResource } from './resource.js';
import { byStart, surveyRoundItems } from './survey-rounds.js';

type WheelOut = z.output<typeof c.Wheel>;
type PlanOut = z.output<typeof c.PlanSummary>;

/**
 * The year wheel's data (issue 17 part 1): an institution's (the kommune's published plan, the institution's own
 * and the plans of the teams the actor may read) or a kommune's own plan. Everything the actor may not read is
 * left out by the policy's SQL twin; what they may edit is said per plan and item.
 */
export function createWheelService(ctx: Pick<AppContext, 'db'>) {
  const { db } = ctx;

  /** One plan's summary (the plan row may be missing: an empty year). */
  async function summary(
    actor: Actor,
    owner: Owner,
    plan: repo.PlanRow | undefined,
    items: number,
    lastYearItems: number,
  ): Promise<PlanOut> {
    const res = planResource(owner, !!plan?.publishedAt);
    const canEdit = can(actor, 'evaluation.edit', res);
    return {
      id: plan?.id ?? null,
      scope: owner.scope,
      ownerId: owner.id,
      name: owner.name,
      published: !!plan?.publishedAt,
      canEdit,
      canPublish: can(actor, 'evaluation.publish', res),
      canCopy: canEdit && plan?.copiedFromYear == null && lastYearItems > 0,
      copiedFromYear: plan?.copiedFromYear ?? null,
      itemCount: items,
    };
  }

  /** The items of these plans, each with the meeting records it is analysed in that the actor may open. */
  async function itemsFor(actor: Actor, plans: { plan: PlanOut }[], institutionId: string | null) {
    const info = new Map<string, PlanInfo>();
    for (const { plan } of plans)
      if (plan.id)
        info.set(plan.id, {
          scope: plan.scope,
          ownerId: plan.ownerId,
          ownerName: plan.name,
          canEdit: plan.canEdit,
        });
    const found = await repo.itemsOf(db, [...info.keys()]);
    const items = found.map((r) => presentItem(r, info.get(r.item.planId) as PlanInfo));
    const links = await meetingLinks(db, actor, items, institutionId);
    return items.map((x) => ({ ...x, meetings: links.get(x.id) ?? [] }));
  }

  const yearOr = (year: number | undefined) => year ?? schoolYearOf(danishToday());

  return {
    async institution(actor: Actor, institutionId: string, year?: number): Promise<WheelOut> {
      const inst = await loadOwner(db, 'institution', institutionId);
      authorize(actor, 'evaluation.read', planResource(inst, false));
      const y = yearOr(year);
      const found = await repo.wheelPlans(
        db,
        { kommuneId: inst.kommuneId, institutionId: inst.id, year: y },
        visibleEvaluationPlans(actor),
      );
      const teams = await repo.institutionTeams(db, inst.id);
      const teamName = new Map(teams.map((t) => [t.id, t.name]));
      const plans: { plan: PlanOut }[] = [];
      const byScope = (s: PlanScope) => found.filter((f) => f.plan.scope === s);

      // From the kommune: only once published, and never editable here.
      for (const f of byScope('kommune'))
        if (f.plan.publishedAt) {
          const k = await loadOwner(db, 'kommune', inst.kommuneId);
          const s = await summary(actor, k, f.plan, f.items, 0);
          plans.push({ plan: { ...s, canEdit: false, canPublish: false, canCopy: false } });
        }

      const own = byScope('institution')[0];
      const ownLast = await repo.itemCountsOfYear(db, 'institution', [inst.id], y - 1);
      plans.push({ plan: await summary(actor, inst, own?.plan, own?.items ?? 0, ownLast.get(inst.id) ?? 0) });

      // Teams: the plans the actor may read, and an empty one for each team of theirs that has none yet.
      const teamPlans = byScope('team');
      const mine = await repo.memberTeamIds(db, inst.id, actor.id);
      const teamIds = [...new Set([...teamPlans.map((f) => f.plan.teamId as string), ...mine])];
      const teamLast = await repo.itemCountsOfYear(db, 'team', teamIds, y - 1);
      for (const tid of teamIds.sort((a, b) =>
        (teamName.get(a) ?? '').localeCompare(teamName.get(b) ?? '', 'da'),
      )) {
        const f = teamPlans.find((x) => x.plan.teamId === tid);
        const owner: Owner = {
          scope: 'team',
          id: tid,
          name: teamName.get(tid) ?? '',
          kommuneId: inst.kommuneId,
          institutionId: inst.id,
          teamId: tid,
          words: inst.words,
        };
        if (!f && !can(actor, 'evaluation.edit', planResource(owner, false))) continue;
        plans.push({ plan: await summary(actor, owner, f?.plan, f?.items ?? 0, teamLast.get(tid) ?? 0) });
      }

      // From the kommune: what concerns this kind of institution (a dagtilbud is not given the national tests).
      const items = (await itemsFor(actor, plans, inst.id)).filter(
        (x) => x.scope !== 'kommune' || kindConcerns(x.kind, inst.words ?? 'skole'),
      );
      for (const p of plans)
        if (p.plan.scope === 'kommune') p.plan.itemCount = items.filter((x) => x.scope === 'kommune').length;
      const editsAny = plans.some((p) => p.plan.canEdit);
      const bounds = schoolYearBounds(y);
      // The kommune's staff survey rounds that ask this institution.
      const rounds = await surveyRoundItems(
        db,
        { kommuneId: inst.kommuneId, institutionId: inst.id },
        bounds,
      );
      return {
        schoolYear: y,
        ...bounds,
        today: danishToday(),
        owner: { scope: 'institution', id: inst.id, name: inst.name, words: inst.words },
        kinds: [...KINDS_BY_WORDS[inst.words ?? 'skole']],
        plans: plans.map((p) => p.plan),
        items: [...items, ...rounds].sort(byStart),
        teams,
        people: editsAny ? await repo.peopleHere(db, { institutionId: inst.id }) : [],
      };
    },

    async kommune(actor: Actor, kommuneId: string, year?: number): Promise<WheelOut> {
      const k = await loadOwner(db, 'kommune', kommuneId);
      const y = yearOr(year);
      const plan = await repo.findPlan(db, 'kommune', k.id, y);
      authorize(actor, 'evaluation.read', planResource(k, !!plan?.publishedAt));
      const last = await repo.itemCountsOfYear(db, 'kommune', [k.id], y - 1);
      const s = await summary(
        actor,
        k,
        plan,
        plan ? await repo.countItems(db, plan.id) : 0,
        last.get(k.id) ?? 0,
      );
      const plans = [{ plan: s }];
      const bounds = schoolYearBounds(y);
      const rounds = await surveyRoundItems(db, { kommuneId: k.id }, bounds);
      return {
        schoolYear: y,
        ...bounds,
        today: danishToday(),
        owner: { scope: 'kommune', id: k.id, name: k.name, words: null },
        kinds: [...EVALUATION_KINDS],
        plans: [s],
        items: [...(await itemsFor(actor, plans, null)), ...rounds].sort(byStart),
        teams: [],
        people: s.canEdit ? await repo.peopleHere(db, { kommuneId: k.id }) : [],
      };
    },

    /** A plan's summary after a change (copy, publish). */
    async planSummary(actor: Actor, owner: Owner, year: number): Promise<PlanOut> {
      const plan = await repo.findPlan(db, owner.scope, owner.id, year);
      const last = await repo.itemCountsOfYear(db, owner.scope, [owner.id], year - 1);
      return summary(
        actor,
        owner,
        plan,
        plan ? await repo.countItems(db, plan.id) : 0,
        last.get(owner.id) ?? 0,
      );
    },
  };
}
