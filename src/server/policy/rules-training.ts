import {
  decide,
  forvaltningKommuneIds,
  isAdmin,
  isEditor,
  isForvaltningOf,
  isLederOf,
  memberInstitutionIds,
  seesInstitution,
} from './predicates.js';
import type { Action, Actor, CourseResource, Decision, Resource } from './types.js';

/** Rules for demand-driven training (V7). Pure like the rest of the policy; sql-training.ts has the list form. */

const signedIn = (a: Actor) => a.id !== '';
const curates = (a: Actor) => isAdmin(a) || isEditor(a);
const hasRole = (a: Actor, role: string) => a.grants.some((g) => g.role === role);
/** The kommuner of the institutions where the actor is a resource person. */
export const resourceKommuneIds = (a: Actor) =>
  a.grants.filter((g) => g.role === 'ressourceperson' && g.kommuneId).map((g) => g.kommuneId as string);
const kommuneIds = (a: Actor) => a.grants.filter((g) => g.kommuneId).map((g) => g.kommuneId as string);
const meets = (xs: string[], ys: string[]) => xs.some((x) => ys.includes(x));

/** Who could take up and run the course: editors, administrators, its planner and trainers, resource persons where it is wanted. */
function manages(a: Actor, c: Omit<CourseResource, 'type' | 'id'>): boolean {
  if (!signedIn(a)) return false;
  return (
    curates(a) ||
    c.plannerId === a.id ||
    c.trainerIds.includes(a.id) ||
    meets(resourceKommuneIds(a), c.kommuneIds)
  );
}

/**
 * May the actor see this course? Those who could run it, forvaltning of the kommuner involved, requesters and
 * anyone enrolled, always. Once planned: people of the participating institutions; once open (and after):
 * everyone with a role in a kommune involved. A proposal is not shown to anyone else. Same rule as
 * sql-training.visibleCourses.
 */
export function seesCourse(a: Actor, c: Omit<CourseResource, 'type' | 'id'>): boolean {
  if (!signedIn(a)) return false;
  if (manages(a, c) || c.requester || c.enrolment !== null) return true;
  if (meets(forvaltningKommuneIds(a), c.kommuneIds)) return true;
  if (c.state === 'proposed') return false;
  if (meets(memberInstitutionIds(a), c.institutionIds)) return true;
  return c.state !== 'planned' && meets(kommuneIds(a), c.kommuneIds);
}

export function decideTraining(a: Actor, action: Action, r: Resource): Decision {
  if (r.type === 'instance')
    switch (action) {
      case 'training.request':
        return decide(true, signedIn(a));
      case 'training.overview':
        return decide(true, curates(a) || hasRole(a, 'forvaltning') || hasRole(a, 'ressourceperson'));
      case 'training.configure':
        return decide(true, isAdmin(a));
      case 'training.cover':
        return decide(true, hasRole(a, 'ressourceperson'));
      default:
        return 'forbidden';
    }
  if (r.type === 'institution') {
    // Who asked for what at one institution (names): its leders, forvaltning of its kommune, administrators.
    if (action !== 'training.staff') return decide(seesInstitution(a, r), false);
    return decide(seesInstitution(a, r), isAdmin(a) || isLederOf(a, r.id) || isForvaltningOf(a, r.kommuneId));
  }
  if (r.type !== 'course') return 'forbidden';
  const visible = seesCourse(a, r);
  switch (action) {
    case 'course.read':
      return decide(visible, true);
    case 'course.requesters':
      return decide(visible, manages(a, r) || meets(forvaltningKommuneIds(a), r.kommuneIds));
    case 'course.manage':
      return decide(visible, manages(a, r));
    case 'course.enrol':
      // Planned: requesters and the participating institutions first; open: everyone who sees it.
      if (r.state === 'planned')
        return decide(visible, r.requester || meets(memberInstitutionIds(a), r.institutionIds));
      return decide(visible, r.state === 'open');
    default:
      return decide(visible, false);
  }
}
