import type { Role, Visibility } from '../../shared/constants.js';

/** A role the actor holds. For institution roles, kommuneId is the institution's kommune (derived). */
export type Grant = { role: Role; kommuneId: string | null; institutionId: string | null };

/** The person asking, with their role grants and the teams they belong to. */
export type Actor = { id: string; grants: Grant[]; teamIds?: string[] };

/** A video as the policy sees it: owner, where it belongs, who may watch it, and whether it is finished. */
export type VideoResource = {
  type: 'video';
  id: string;
  ownerId: string;
  institutionId: string;
  kommuneId: string;
  teamId: string | null;
  visibility: Visibility;
  ready: boolean;
};

export type Resource =
  | { type: 'instance' }
  | { type: 'kommune'; id: string }
  | { type: 'institution'; id: string; kommuneId: string }
  | { type: 'team'; id: string; institutionId: string; kommuneId: string }
  /**
   * A person, with the institutions (and their kommuner) they hold roles in, and whether they also hold a role
   * beyond institutions (administrator, redaktør, forvaltning). Build it with `personResource` (policy/index.ts).
   */
  | {
      type: 'person';
      id: string;
      institutions: { id: string; kommuneId: string }[];
      holdsWideRole: boolean;
    }
  /** A role about to be granted, with the scope it would apply to. */
  | { type: 'grant'; role: Role; kommuneId: string | null; institutionId: string | null }
  | VideoResource;

export type Action =
  | 'kommune.read'
  | 'kommune.create'
  | 'kommune.update'
  | 'kommune.delete'
  | 'institution.read'
  | 'institution.create'
  | 'institution.update'
  | 'institution.delete'
  | 'team.read'
  | 'team.create'
  | 'team.update'
  | 'team.delete'
  | 'person.read'
  | 'person.list'
  | 'person.invite'
  | 'person.import'
  | 'person.update'
  | 'person.manage'
  | 'role.grant'
  | 'outbox.read'
  | 'audit.read'
  | 'video.create'
  | 'video.read'
  | 'video.update'
  | 'video.delete';

/** allow; forbidden (the actor may see the thing but not do this: 403); hidden (the actor may not know it exists: 404). */
export type Decision = 'allow' | 'forbidden' | 'hidden';
