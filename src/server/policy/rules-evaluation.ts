import { decide, institutionIdsWithRole, isForvaltningOf, isLederOf, isMemberOf } from './predicates.js';
import { inTeam } from './rules-inquiry.js';
import type { Action, Actor, Decision, EvaluationPlanResource } from './types.js';

/**
 * Rules for evaluation plans / dataårshjul (issue 17 part 1, P1). A plan belongs to a kommune, an institution or
 * a team:
 * - a kommune plan is written and published by the kommune's forvaltning; once published, everyone holding a role
 *   at one of the kommune's institutions reads it (it is part of their wheel, "Fra kommunen");
 * - an institution plan is read by everyone at the institution and by the kommune's forvaltning, and written by
 *   its leders and ressourcepersoner (the reading and maths guides who run the tests);
 * - a team plan is read and written by the team's members; the institution's leders read it.
 * Administrators have no special place here. Pure like the rest of the policy; sql-evaluation.ts has the list
 * form (visibleEvaluationPlans), agreed with this in sql-evaluation.int.test.ts.
 */

const inKommuneInstitution = (a: Actor, kommuneId: string) =>
  a.grants.some((g) => g.institutionId && g.kommuneId === kommuneId);

/** May the actor read this plan? Same rule as sql-evaluation.visibleEvaluationPlans. */
export function seesEvaluationPlan(a: Actor, p: Omit<EvaluationPlanResource, 'type'>): boolean {
  if (!a.id) return false;
  switch (p.scope) {
    case 'kommune':
      return isForvaltningOf(a, p.kommuneId) || (p.published && inKommuneInstitution(a, p.kommuneId));
    case 'institution':
      return !!p.institutionId && (isMemberOf(a, p.institutionId) || isForvaltningOf(a, p.kommuneId));
    case 'team':
      return (!!p.teamId && inTeam(a, p.teamId)) || (!!p.institutionId && isLederOf(a, p.institutionId));
  }
}

/** May the actor write this plan's items (and copy last year's into it)? */
export function editsEvaluationPlan(a: Actor, p: Omit<EvaluationPlanResource, 'type'>): boolean {
  if (!a.id) return false;
  switch (p.scope) {
    case 'kommune':
      return isForvaltningOf(a, p.kommuneId);
    case 'institution':
      return (
        !!p.institutionId &&
        (isLederOf(a, p.institutionId) ||
          institutionIdsWithRole(a, 'ressourceperson').includes(p.institutionId))
      );
    case 'team':
      return !!p.teamId && inTeam(a, p.teamId);
  }
}

export function decideEvaluation(a: Actor, action: Action, r: EvaluationPlanResource): Decision {
  const visible = seesEvaluationPlan(a, r);
  switch (action) {
    case 'evaluation.read':
      return decide(visible, true);
    case 'evaluation.edit':
      return decide(visible, editsEvaluationPlan(a, r));
    case 'evaluation.publish':
      return decide(visible, r.scope === 'kommune' && isForvaltningOf(a, r.kommuneId));
    default:
      return decide(visible, false);
  }
}
