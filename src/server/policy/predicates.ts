import type { Actor, Decision, VideoResource } from './types.js';

/**
 * The predicates every rule file uses (who is admin, member, leder; who sees a video, an institution, a kommune).
 * In a file of their own so that rules.ts and rules-*.ts import them and never each other in a circle.
 */

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
export const managesPerson = (a: Actor, p: { institutions: { id: string }[]; holdsWideRole: boolean }) =>
  !p.holdsWideRole && p.institutions.length > 0 && p.institutions.every((i) => isLederOf(a, i.id));

/**
 * May the actor watch this video? The owner always; nobody else while it is private or unfinished — not
 * administrators, not leders. Otherwise by visibility: team members, people of the institution, people of the
 * kommune (any role there), everyone; administrators see every non-private video (to act on reports), and
 * editors every non-private video submitted to the catalogue (to review it). Same rule as sql.visibleVideos.
 */
export function seesVideo(a: Actor, v: Omit<VideoResource, 'type' | 'id'>): boolean {
  if (a.id === v.ownerId) return true;
  if (!v.ready) return false;
  // A personal share (issue 19) reaches its grantee whatever the visibility, private included.
  if (a.id && v.grantees?.includes(a.id)) return true;
  if (v.visibility === 'private') return false;
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
