import type { z } from 'zod';
import type * as c from '../../../shared/contracts/evaluation.js';
import type { PlanScope } from '../../../shared/evaluation.js';
import type * as repo from './repo.js';

export type ItemOut = z.output<typeof c.EvaluationItem>;

/** What the web needs to know of an item's plan. */
export type PlanInfo = { scope: PlanScope; ownerId: string; ownerName: string; canEdit: boolean };

export function presentItem(
  r: { item: repo.ItemRow; responsibleName: string | null; meetingTeamName: string | null },
  plan: PlanInfo,
): ItemOut {
  const x = r.item;
  return {
    id: x.id,
    planId: x.planId,
    scope: plan.scope,
    ownerId: plan.ownerId,
    ownerName: plan.ownerName,
    title: x.title,
    kind: x.kind,
    groups: x.groups,
    responsible:
      x.responsibleId && r.responsibleName !== null ? { id: x.responsibleId, name: r.responsibleName } : null,
    responsibleText: x.responsibleText,
    collectFrom: x.collectFrom,
    collectTo: x.collectTo,
    analyseOn: x.analyseOn,
    meetingKind: x.meetingKind,
    meetingTeam:
      x.meetingTeamId && r.meetingTeamName !== null ? { id: x.meetingTeamId, name: r.meetingTeamName } : null,
    note: x.note,
    remindCollectDays: x.remindCollectDays,
    remindAnalysisDays: x.remindAnalysisDays,
    version: x.version,
    updatedAt: x.updatedAt,
    canEdit: plan.canEdit,
  };
}
