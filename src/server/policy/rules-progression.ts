import {
  decide,
  institutionIdsWithRole,
  isForvaltningOf,
  isLederOf,
  isMemberOf,
  seesInstitution,
  seesKommune,
} from './predicates.js';
import type { Action, Actor, Decision, ProgressionGroupResource, Resource } from './types.js';

/**
 * Rules for the progression overview (issue 17 parts 2–3, P2): children's data, the most sensitive in Amongi.
 * A group's per-child data (grid, statuses, conferences, export) is seen by its circle only — members of the
 * group's class team, the institution's leders, and ressourcepersoner of the institution a leader delegated to the
 * group (the delegation row AND the role still held). Everyone else gets 404, never 403: a foreign or forged id
 * looks the same as a missing one. Full names only for the class team, and only when the institution keeps them.
 * Summaries (groups at or above the minimum size) for the institution's staff and its kommune's forvaltning.
 * Pure; sql-progression.ts has the list forms (progressionGroupsReadable, progressionSummaryInstitutions), agreed
 * with this in sql-progression.int.test.ts.
 */

const signedIn = (a: Actor) => a.id !== '';
const inTeam = (a: Actor, teamId: string | null) =>
  !!teamId && signedIn(a) && (a.teamIds ?? []).includes(teamId);

/** Why the actor is in a group's circle (null: not in it). Team first, then leader, then delegated. */
export function progressionCircle(
  a: Actor,
  g: Omit<ProgressionGroupResource, 'type' | 'id'>,
): 'team' | 'leader' | 'delegated' | null {
  if (!signedIn(a)) return null;
  if (inTeam(a, g.teamId)) return 'team';
  if (isLederOf(a, g.institutionId)) return 'leader';
  if (g.delegated && institutionIdsWithRole(a, 'ressourceperson').includes(g.institutionId))
    return 'delegated';
  return null;
}

/** May the actor read this group's per-child data? Same rule as sql-progression.progressionGroupsReadable. */
export const seesProgressionGroup = (a: Actor, g: Omit<ProgressionGroupResource, 'type' | 'id'>) =>
  progressionCircle(a, g) !== null;

/** May the actor read the institution's progression summary? Same rule as progressionSummaryInstitutions. */
export const readsProgressionSummary = (a: Actor, inst: { id: string; kommuneId: string }) =>
  signedIn(a) && (isMemberOf(a, inst.id) || isForvaltningOf(a, inst.kommuneId));

export function decideProgression(a: Actor, action: Action, r: Resource): Decision {
  switch (r.type) {
    case 'institution': {
      const visible = seesInstitution(a, r);
      if (action === 'progression.setup') return decide(visible, isLederOf(a, r.id));
      if (action === 'progression.summary.institution') return decide(visible, readsProgressionSummary(a, r));
      return decide(visible, false);
    }
    case 'kommune':
      return decide(
        seesKommune(a, r.id),
        action === 'progression.summary.kommune' && isForvaltningOf(a, r.id),
      );
    case 'progression_group': {
      const visible = seesProgressionGroup(a, r);
      switch (action) {
        case 'progression.group.read':
        case 'progression.group.write':
        case 'progression.export':
        case 'progression.conference.read':
        case 'progression.conference.write':
          return decide(visible, true);
        case 'progression.group.names':
          return decide(visible, r.showFullNames && inTeam(a, r.teamId));
        default:
          return decide(visible, false);
      }
    }
    default:
      return 'forbidden';
  }
}
