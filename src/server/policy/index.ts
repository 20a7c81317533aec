import type { ErrorCode } from '../../shared/errors.js';
import { AppError } from '../http/errors.js';
import { decideAccess } from './rules.js';
import type { Action, Actor, Resource } from './types.js';

export * from './rules.js';
export { seesConversation } from './rules-conversations.js';
export { editsEvaluationPlan, seesEvaluationPlan } from './rules-evaluation.js';
export { curatesStories, inTeam, seesCycle, seesStory } from './rules-inquiry.js';
export { decideObservation, mayObserve, seesVisit } from './rules-observation.js';
export { decidePractice, seesPackage } from './rules-practice.js';
export { progressionCircle, readsProgressionSummary, seesProgressionGroup } from './rules-progression.js';
export { decideTraining, seesCourse } from './rules-training.js';
export * as policySql from './sql.js';
export type {
  Action,
  Actor,
  CommentResource,
  CommunityResource,
  ConversationResource,
  CourseResource,
  CycleResource,
  Decision,
  EvaluationPlanResource,
  Grant,
  ObservationResource,
  PackageResource,
  ProgressionGroupResource,
  Resource,
  StoryResource,
  VideoResource,
  VisitResource,
} from './types.js';

/** Someone not signed in (a public page, a share link): sees public videos only. */
export const ANONYMOUS: Actor = { id: '', grants: [], teamIds: [] };

/** The policy resource for a team row (institution and kommune ids decide access). */
export const teamResource = (t: { id: string; institutionId: string; kommuneId: string }): Resource => ({
  type: 'team',
  id: t.id,
  institutionId: t.institutionId,
  kommuneId: t.kommuneId,
});

/** The policy resource for a person, from their role grants (institution grants carry the institution's kommune). */
export function personResource(
  id: string,
  grants: { institutionId: string | null; kommuneId: string | null }[],
): Extract<Resource, { type: 'person' }> {
  const institutions = new Map<string, string>();
  for (const g of grants) if (g.institutionId && g.kommuneId) institutions.set(g.institutionId, g.kommuneId);
  return {
    type: 'person',
    id,
    institutions: [...institutions].map(([iid, kommuneId]) => ({ id: iid, kommuneId })),
    holdsWideRole: grants.some((g) => !g.institutionId),
  };
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return decideAccess(actor, action, resource) === 'allow';
}

const hiddenCode: Record<Resource['type'], ErrorCode> = {
  instance: 'policy.forbidden',
  kommune: 'kommune.not_found',
  institution: 'institution.not_found',
  team: 'team.not_found',
  person: 'person.not_found',
  grant: 'policy.forbidden',
  video: 'video.not_found',
  community: 'community.not_found',
  comment: 'comment.not_found',
  package: 'package.not_found',
  course: 'training.course_not_found',
  observation: 'institution.not_found',
  visit: 'observation.visit_not_found',
  cycle: 'inquiry.cycle_not_found',
  story: 'story.not_found',
  evaluation_plan: 'evaluation.plan_not_found',
  conversation: 'conversation.not_found',
  progression_group: 'progression.group_not_found',
};

/** Throws 404 (the thing's not_found code) when the actor may not know it exists, 403 when it may not act. */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const d = decideAccess(actor, action, resource);
  if (d === 'hidden') throw new AppError(hiddenCode[resource.type]);
  if (d === 'forbidden') throw new AppError('policy.forbidden');
}
