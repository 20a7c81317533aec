import { decide, isAdmin, isForvaltningOf, isLederOf, seesInstitution, seesKommune } from './predicates.js';
import type { Action, Actor, CycleResource, Decision, Resource } from './types.js';

/**
 * Rules for team spaces and inquiry cycles (issue 16, T1–T2). A cycle belongs to its team: the members read and
 * write it; the institution's leaders read what the team shares with leadership; nobody else sees it (not
 * administrators, not forvaltning) until it is published as a practice story. Pure like the rest of the policy;
 * sql-inquiry.ts has the list form (visibleCycles), agreed with this in sql-inquiry.int.test.ts.
 */

const signedIn = (a: Actor) => a.id !== '';
/** The actor is a member of the team (the session's team list, refreshed when memberships change). */
export const inTeam = (a: Actor, teamId: string) => signedIn(a) && (a.teamIds ?? []).includes(teamId);

/** May the actor read this cycle? Same rule as sql-inquiry.visibleCycles. */
export const seesCycle = (a: Actor, c: Omit<CycleResource, 'type' | 'id'>) =>
  inTeam(a, c.teamId) || (c.sharedWithLeaders && isLederOf(a, c.institutionId));

export function decideInquiry(a: Actor, action: Action, r: Resource): Decision {
  switch (r.type) {
    case 'team': {
      const visible = seesInstitution(a, { id: r.institutionId, kommuneId: r.kommuneId });
      if (action === 'team.space') return decide(visible, inTeam(a, r.id) || isLederOf(a, r.institutionId));
      if (action === 'team.work') return decide(visible, inTeam(a, r.id));
      return decide(visible, false);
    }
    case 'kommune':
      return decide(
        seesKommune(a, r.id),
        action === 'inquiry.templates' && (isAdmin(a) || isForvaltningOf(a, r.id)),
      );
    case 'cycle': {
      const visible = seesCycle(a, r);
      if (action === 'cycle.read') return decide(visible, true);
      if (action === 'cycle.write') return decide(visible, inTeam(a, r.teamId));
      return decide(visible, false);
    }
    default:
      return 'forbidden';
  }
}
