import {
  decide,
  isForvaltningOf,
  isLederOf,
  isMemberOf,
  seesInstitution,
  seesKommune,
} from './predicates.js';
import type { Action, Actor, Decision, ObservationResource, Resource, VisitResource } from './types.js';

/**
 * Rules for classroom observation (O1–O6). Pure like the rest of the policy; sql-observation.ts has the list
 * form. Private is private: nobody but its owner and the colleagues they invited ever sees a self-observation —
 * not leaders, not administrators — and it never counts toward institution data.
 */

const signedIn = (a: Actor) => a.id !== '';

/** Leaders of the institution, and the learning guides delegated visits there who still work there. */
export const mayObserve = (a: Actor, r: Pick<ObservationResource, 'institutionId' | 'delegated'>) =>
  signedIn(a) && (isLederOf(a, r.institutionId) || (r.delegated && isMemberOf(a, r.institutionId)));

/** May the actor know this visit exists? Same rule as sql-observation.visibleVisits. */
export function seesVisit(a: Actor, v: Omit<VisitResource, 'type' | 'id'>): boolean {
  if (!signedIn(a)) return false;
  if (a.id === v.teacherId || a.id === v.observerId) return true;
  if (v.kind === 'self') return v.guestIds.includes(a.id);
  return isLederOf(a, v.institutionId);
}

function decideVisit(a: Actor, action: Action, v: VisitResource): Decision {
  const visible = seesVisit(a, v);
  const open = v.status !== 'cancelled';
  const teacher = a.id === v.teacherId;
  const observer = a.id === v.observerId;
  const self = v.kind === 'self';
  switch (action) {
    case 'visit.read':
      return decide(visible, true);
    case 'visit.record':
      // The named observer (who may have lost the role since: the service keeps it and flags it); for a
      // self-observation its owner and invited colleagues.
      return decide(visible, open && (observer || (self && (teacher || v.guestIds.includes(a.id)))));
    case 'visit.reflect':
      return decide(visible, open && teacher && (self || v.status === 'completed'));
    case 'visit.converse':
      return decide(visible, !self && v.status === 'completed' && (teacher || observer));
    case 'visit.manage':
      return decide(
        visible,
        self ? teacher : v.status !== 'completed' && open && (observer || isLederOf(a, v.institutionId)),
      );
    case 'visit.resolve':
      return decide(visible, !self && v.flag !== null && isLederOf(a, v.institutionId));
    default:
      return decide(visible, false);
  }
}

export function decideObservation(a: Actor, action: Action, r: Resource): Decision {
  if (r.type === 'visit') return decideVisit(a, action, r);
  if (r.type === 'kommune')
    return decide(seesKommune(a, r.id), action === 'observation.data' && isForvaltningOf(a, r.id));
  if (r.type !== 'observation') return 'forbidden';
  const visible = seesInstitution(a, { id: r.institutionId, kommuneId: r.kommuneId });
  switch (action) {
    case 'observation.configure':
      return decide(visible, isLederOf(a, r.institutionId));
    case 'observation.guide':
      return decide(visible, true);
    case 'observation.observe':
      return decide(visible, mayObserve(a, r));
    case 'observation.data':
      return decide(visible, isLederOf(a, r.institutionId) || isForvaltningOf(a, r.kommuneId));
    case 'observation.self':
      return decide(visible, isMemberOf(a, r.institutionId));
    default:
      return decide(visible, false);
  }
}
