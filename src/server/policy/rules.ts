import { roleScope } from '../../shared/constants.js';
import { decideObservation } from './rules-observation.js';
import { decidePractice } from './rules-practice.js';
import { decideTraining } from './rules-training.js';
import type { Action, Actor, Decision, Resource, VideoResource } from './types.js';

export const isAdmin = (a: Actor) => a.grants.some((g) => g.role === 'administrator');
export const isEditor = (a: Actor) => a.grants.some((g) => g.role === 'redaktoer');
export const forvaltningKommuneIds = (a: Actor) =>
  a.grants.filter((g) => g.role === 'forvaltning').map((g) => g.kommuneId as string);
export const memberInstitutionIds = (a: Actor) => [
  ...new Set(a.grants.filter((g) => g.institutionId).map((g) => g.institutionId as string)),
];
export const institutionIdsWithRole = (a: Actor, role: 'leder' | 'ressourceperson' | 'medarbejder') =>
  a.grants.filter((g) => g.role === role).map((g) => g.institutionId as string);

export const isForvaltningOf = (a: Actor, kommuneId: string) => forvaltningKommuneIds(a).includes(kommuneId);
export const isMemberOf = (a: Actor, institutionId: string) =>
  memberInstitutionIds(a).includes(institutionId);
export const isLederOf = (a: Actor, institutionId: string) =>
  institutionIdsWithRole(a, 'leder').includes(institutionId);

/** May the actor know this institution exists and read it? (Same rule as sql.visibleInstitutions.) */
export function seesInstitution(a: Actor, inst: { id: string; kommuneId: string }): boolean {
  return isAdmin(a) || isForvaltningOf(a, inst.kommuneId) || isMemberOf(a, inst.id);
}

export function seesKommune(a: Actor, kommuneId: string): boolean {
  return isAdmin(a) || a.grants.some((g) => g.kommuneId === kommuneId);
}

/** Same rule as sql.visiblePeople: self, admin, or sharing a visible institution. */
export function seesPerson(a: Actor, p: { id: string; institutions: { id: string; kommuneId: string }[] }) {
  return a.id === p.id || isAdmin(a) || p.institutions.some((i) => seesInstitution(a, i));
}

/**
 * A leder manages (renames, disables, re-invites) a person only when the person belongs to nobody else: every
 * institution the person holds a role in is one the actor leads, and the person holds no wider role.
 */
const managesPerson = (a: Actor, p: { institutions: { id: string }[]; holdsWideRole: boolean }) =>
  !p.holdsWideRole && p.institutions.length > 0 && p.institutions.every((i) => isLederOf(a, i.id));

/**
 * May the actor watch this video? The owner always; nobody else while it is private or unfinished — not
 * administrators, not leders. Otherwise by visibility: team members, people of the institution, people of the
 * kommune (any role there), everyone; administrators see every non-private video (to act on reports), and
 * editors every non-private video submitted to the catalogue (to review it). Same rule as sql.visibleVideos.
 */
export function seesVideo(a: Actor, v: Omit<VideoResource, 'type' | 'id'>): boolean {
  if (a.id === v.ownerId) return true;
  if (v.visibility === 'private' || !v.ready) return false;
  if (isAdmin(a)) return true;
  if (isEditor(a) && (v.editorialState ?? 'none') !== 'none') return true;
  switch (v.visibility) {
    case 'team':
      return !!v.teamId && (a.teamIds ?? []).includes(v.teamId);
    case 'institution':
      return isMemberOf(a, v.institutionId);
    case 'kommune':
      return seesKommune(a, v.kommuneId);
    case 'public':
      return true;
  }
}

export const decide = (visible: boolean, allowed: boolean): Decision =>
  !visible ? 'hidden' : allowed ? 'allow' : 'forbidden';

/** The one answer to "may this person do this?". Pure: no I/O. */
export function decideAccess(a: Actor, action: Action, r: Resource): Decision {
  const admin = isAdmin(a);
  switch (r.type) {
    case 'instance':
      if (action === 'outbox.read' || action === 'audit.read' || action === 'kommune.create')
        return decide(true, admin);
      if (action === 'person.list') return decide(true, true);
      // A video belongs to an institution: only people who hold a role in one can upload.
      if (action === 'video.create') return decide(true, memberInstitutionIds(a).length > 0);
      if (action.startsWith('training.')) return decideTraining(a, action, r);
      return decidePractice(a, action, r);
    case 'kommune': {
      if (action === 'observation.data') return decideObservation(a, action, r);
      const visible = seesKommune(a, r.id);
      if (action === 'kommune.read') return decide(visible, true);
      if (action === 'kommune.update' || action === 'kommune.delete' || action === 'institution.create')
        return decide(visible, admin);
      return decide(visible, false);
    }
    case 'institution': {
      const visible = seesInstitution(a, r);
      const manages = admin || isLederOf(a, r.id);
      switch (action) {
        case 'institution.read':
        case 'team.read':
          return decide(visible, true);
        case 'institution.update':
        case 'institution.delete':
          return decide(visible, admin);
        case 'team.create':
        case 'person.invite':
        case 'person.import':
          return decide(visible, manages);
        default:
          return decide(visible, false);
      }
    }
    case 'team': {
      const visible = seesInstitution(a, { id: r.institutionId, kommuneId: r.kommuneId });
      if (action === 'team.read') return decide(visible, true);
      if (action === 'team.update' || action === 'team.delete')
        return decide(visible, admin || isLederOf(a, r.institutionId));
      return decide(visible, false);
    }
    case 'person': {
      const visible = seesPerson(a, r);
      const manages = managesPerson(a, r);
      if (action === 'person.read') return decide(visible, true);
      if (action === 'person.update') return decide(visible, admin || a.id === r.id || manages);
      if (action === 'person.manage') return decide(visible, admin || (manages && a.id !== r.id));
      return decide(visible, false);
    }
    case 'video': {
      const owner = a.id === r.ownerId;
      if (action === 'video.read') return decide(seesVideo(a, r), true);
      if (action === 'video.update') return decide(seesVideo(a, r), owner);
      if (action === 'video.delete') return decide(seesVideo(a, r), owner || admin);
      return decidePractice(a, action, r);
    }
    case 'community':
    case 'comment':
    case 'package':
      return decidePractice(a, action, r);
    case 'course':
      return decideTraining(a, action, r);
    case 'observation':
    case 'visit':
      return decideObservation(a, action, r);
    case 'grant': {
      if (action !== 'role.grant') return 'forbidden';
      if (admin) return 'allow';
      const scope = roleScope(r.role);
      return scope === 'institution' && r.institutionId && isLederOf(a, r.institutionId)
        ? 'allow'
        : 'forbidden';
    }
  }
}
