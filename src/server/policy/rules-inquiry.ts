import {
  decide,
  isAdmin,
  isEditor,
  isForvaltningOf,
  isLederOf,
  isMemberOf,
  seesInstitution,
  seesKommune,
} from './predicates.js';
import type { Action, Actor, CycleResource, Decision, Resource, StoryResource } from './types.js';

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

/** Administrators and editors review stories (as they review videos for the catalogue). */
export const curatesStories = (a: Actor) => isAdmin(a) || isEditor(a);

/**
 * May the actor read this story? Its team's members always; curators while it is in review and once published;
 * a published one by its visibility: the institution's people, the kommune's people (any role there, forvaltning
 * too), everyone signed in, or anyone (anonymous too). Same rule as sql-stories.visibleStories.
 */
export function seesStory(a: Actor, s: Omit<StoryResource, 'type' | 'id'>): boolean {
  if (s.teamId && inTeam(a, s.teamId)) return true;
  if (s.state === 'in_review') return curatesStories(a);
  if (s.state !== 'published') return false;
  if (curatesStories(a)) return true;
  switch (s.visibility) {
    case 'institution':
      return isMemberOf(a, s.institutionId);
    case 'kommune':
      return seesKommune(a, s.kommuneId);
    case 'all':
      return signedIn(a);
    case 'public':
      return true;
  }
}

function decideStory(a: Actor, action: Action, r: StoryResource): Decision {
  const visible = seesStory(a, r);
  switch (action) {
    case 'story.read':
      return decide(visible, true);
    case 'story.edit':
      return decide(visible, !!r.teamId && inTeam(a, r.teamId));
    case 'story.review':
      return decide(visible, r.state === 'in_review' && curatesStories(a));
    case 'story.try':
      return decide(visible, r.state === 'published' && signedIn(a) && (a.teamIds ?? []).length > 0);
    default:
      return decide(visible, false);
  }
}

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
    case 'story':
      return decideStory(a, action, r);
    default:
      return 'forbidden';
  }
}
