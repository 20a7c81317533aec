import type { PlanScope } from '../../../shared/evaluation.js';
import { TIME_ZONE } from '../../../shared/training.js';
import { type WordKind, wordKind } from '../../../shared/vocabulary.js';
import type { DbOrTx } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import type { EvaluationPlanResource } from '../../policy/index.js';
import * as repo from './repo.js';

/** Whose plan: a kommune, an institution or a team, with what the policy needs and the words it speaks. */
export type Owner = {
  scope: PlanScope;
  id: string;
  name: string;
  kommuneId: string;
  /** The institution (of an institution or team plan). */
  institutionId: string | null;
  teamId: string | null;
  /** The institution type's words; null for a kommune. */
  words: WordKind | null;
};

/** The owner of a plan; a missing one is evaluation.plan_not_found (like one the actor may not know of). */
export async function loadOwner(db: DbOrTx, scope: PlanScope, ownerId: string): Promise<Owner> {
  if (scope === 'kommune') {
    const k = await repo.kommuneOwner(db, ownerId);
    if (!k) throw new AppError('evaluation.plan_not_found');
    return { scope, id: k.id, name: k.name, kommuneId: k.id, institutionId: null, teamId: null, words: null };
  }
  if (scope === 'institution') {
    const inst = await repo.institutionOwner(db, ownerId);
    if (!inst) throw new AppError('evaluation.plan_not_found');
    return {
      scope,
      id: inst.id,
      name: inst.name,
      kommuneId: inst.kommuneId,
      institutionId: inst.id,
      teamId: null,
      words: wordKind(inst.type),
    };
  }
  const t = await repo.teamOwner(db, ownerId);
  if (!t) throw new AppError('evaluation.plan_not_found');
  return {
    scope,
    id: t.id,
    name: t.name,
    kommuneId: t.kommuneId,
    institutionId: t.institutionId,
    teamId: t.id,
    words: wordKind(t.institutionType),
  };
}

/** The owner id of a plan row. */
export const planOwnerId = (plan: repo.PlanRow): string =>
  (plan.scope === 'kommune'
    ? plan.kommuneId
    : plan.scope === 'institution'
      ? plan.institutionId
      : plan.teamId) as string;

export const planResource = (owner: Owner, published: boolean): EvaluationPlanResource => ({
  type: 'evaluation_plan',
  scope: owner.scope,
  kommuneId: owner.kommuneId,
  institutionId: owner.institutionId,
  teamId: owner.teamId,
  published: owner.scope === 'kommune' && published,
});

/** Today in Denmark, YYYY-MM-DD. */
export const danishToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
