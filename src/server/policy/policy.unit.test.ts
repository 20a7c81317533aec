import { describe, expect, it } from 'vitest';
import type { Visibility } from '../../shared/constants.js';
import type { VisitKind, VisitStatus } from '../../shared/observation.js';
import type { CourseState, EnrolmentStatus } from '../../shared/training.js';
import { AppError } from '../http/errors.js';
import {
  type Action,
  type Actor,
  ANONYMOUS,
  authorize,
  can,
  type Decision,
  decideAccess,
  type Resource,
} from './index.js';

/*
 * The whole policy as one table, written out by hand from PRODUCT.md's roles (not derived from rules.ts):
 *   administrator: everything · redaktør: curates the catalogue, no organisation rights
 *   forvaltning: sees (reads) across its kommune's institutions, manages nothing
 *   leder: manages teams and people of their own institution · ressourceperson, medarbejder: see their own
 *   institution · a person with no roles: sees only themselves.
 * "Own" is Solsikkeskolen (I1, Fjordby); I2 is another institution in the same kommune; I3 is in Bakkedal.
 * H (hidden → 404) whenever the actor may not know the thing exists; F (forbidden → 403) only when they may.
 * Videos ("private is private"): the owner always sees, updates and deletes; nobody else sees a private or
 * unfinished video; otherwise team → the team's members, institution → anyone with a role there, kommune →
 * anyone with a grant in that kommune (forvaltning too), public → everyone. Administrators see every ready
 * non-private video and may delete (not update) it; only the owner updates. Uploading needs an institution role.
 * The medarbejder is a member of Matematikteamet (T_MAT) at Solsikkeskolen; nobody is in Udskolingen (T_UDSK).
 */
const K1 = 'k-fjordby';
const K2 = 'k-bakkedal';
const I1 = { id: 'i-solsikke', kommuneId: K1 };
const I2 = { id: 'i-maelkeboetten', kommuneId: K1 };
const I3 = { id: 'i-bakkeskolen', kommuneId: K2 };
const T_MAT = 't-matematik';
const T_UDSK = 't-udskolingen';

const global = (role: 'administrator' | 'redaktoer') => ({ role, kommuneId: null, institutionId: null });
const at = (role: 'leder' | 'ressourceperson' | 'medarbejder', i: typeof I1) => ({
  role,
  kommuneId: i.kommuneId,
  institutionId: i.id,
});

const ACTORS = {
  administrator: { id: 'u-admin', grants: [global('administrator')] },
  redaktoer: { id: 'u-redaktoer', grants: [global('redaktoer')] },
  forvaltning: { id: 'u-forvaltning', grants: [{ role: 'forvaltning', kommuneId: K1, institutionId: null }] },
  leder: { id: 'u-leder', grants: [at('leder', I1)] },
  ressourceperson: { id: 'u-ressource', grants: [at('ressourceperson', I1)] },
  medarbejder: { id: 'u-medarbejder', grants: [at('medarbejder', I1)], teamIds: [T_MAT] },
  none: { id: 'u-none', grants: [] },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
const COLUMNS: ActorName[] = [
  'administrator',
  'redaktoer',
  'forvaltning',
  'leder',
  'ressourceperson',
  'medarbejder',
  'none',
];

const instance: Resource = { type: 'instance' };
const kommune = (id: string): Resource => ({ type: 'kommune', id });
const institution = (i: typeof I1): Resource => ({ type: 'institution', ...i });
const team = (i: typeof I1): Resource => ({
  type: 'team',
  id: `t-${i.id}`,
  institutionId: i.id,
  kommuneId: i.kommuneId,
});
const matTeam: Resource = { type: 'team', id: T_MAT, institutionId: I1.id, kommuneId: I1.kommuneId };
const evaluationPlan = (
  scope: 'kommune' | 'institution' | 'team',
  i: typeof I1,
  teamId: string | null,
  published: boolean,
): Resource => ({
  type: 'evaluation_plan',
  scope,
  kommuneId: i.kommuneId,
  institutionId: scope === 'kommune' ? null : i.id,
  teamId,
  published,
});
const cycle = (teamId: string, i: typeof I1, sharedWithLeaders: boolean): Resource => ({
  type: 'cycle',
  id: `c-${teamId}-${i.id}`,
  teamId,
  institutionId: i.id,
  kommuneId: i.kommuneId,
  sharedWithLeaders,
});
const story = (
  teamId: string | null,
  i: typeof I1,
  state: 'draft' | 'in_review' | 'returned' | 'published',
  visibility: 'institution' | 'kommune' | 'all' | 'public',
): Resource => ({
  type: 'story',
  id: `s-${teamId}-${i.id}-${state}-${visibility}`,
  teamId,
  institutionId: i.id,
  kommuneId: i.kommuneId,
  state,
  visibility,
});
const conversation = (i: typeof I1, shared: boolean): Resource => ({
  type: 'conversation',
  id: `lc-${i.id}-${shared}`,
  institutionId: i.id,
  kommuneId: i.kommuneId,
  shared,
});
/** A progression group; `delegatedTo` names the actors a leader delegated it to (the loader's per-actor flag). */
const progressionGroup =
  (i: typeof I1, teamId: string | null, opts: { delegatedTo?: string[]; names?: boolean } = {}) =>
  (a: Actor): Resource => ({
    type: 'progression_group',
    id: `pg-${i.id}-${teamId}`,
    institutionId: i.id,
    kommuneId: i.kommuneId,
    teamId,
    delegated: (opts.delegatedTo ?? []).includes(a.id),
    showFullNames: opts.names ?? false,
  });
const everyone = [
  'u-admin',
  'u-redaktoer',
  'u-forvaltning',
  'u-leder',
  'u-ressource',
  'u-medarbejder',
  'u-none',
];
const person = (id: string, institutions: (typeof I1)[], holdsWideRole = false): Resource => ({
  type: 'person',
  id,
  institutions,
  holdsWideRole,
});
/** The actor themselves, as the people service would describe them. */
const self = (a: Actor): Resource =>
  person(
    a.id,
    a.grants.filter((g) => g.institutionId).map((g) => ({ id: g.institutionId as string, kommuneId: K1 })),
    a.grants.some((g) => !g.institutionId),
  );
const grantOf = (
  role: 'administrator' | 'redaktoer' | 'forvaltning' | 'leder' | 'ressourceperson' | 'medarbejder',
  scope?: { kommuneId?: string; institutionId?: string },
): Resource => ({
  type: 'grant',
  role,
  kommuneId: scope?.kommuneId ?? null,
  institutionId: scope?.institutionId ?? null,
});

/** A video at institution i (its kommune follows), ready unless told otherwise. */
const video = (
  ownerId: string,
  i: typeof I1,
  visibility: Visibility,
  opts: { teamId?: string; ready?: boolean; editorialState?: 'in_review' } = {},
): Resource => ({
  type: 'video',
  id: `v-${ownerId}-${i.id}-${visibility}`,
  ownerId,
  institutionId: i.id,
  kommuneId: i.kommuneId,
  teamId: opts.teamId ?? null,
  visibility,
  ready: opts.ready ?? true,
  editorialState: opts.editorialState ?? 'none',
});
/** A video the actor uploaded themselves. */
const own =
  (visibility: Visibility, opts: { teamId?: string; ready?: boolean } = {}) =>
  (a: Actor) =>
    video(a.id, I1, visibility, opts);
const V = {
  ownPrivate: own('private'),
  ownUnfinished: own('institution', { ready: false }),
  medarbejdersInstitution: video('u-medarbejder', I1, 'institution'),
  colleaguesInstitution: video('u-colleague', I1, 'institution'),
  colleaguesPrivate: video('u-colleague', I1, 'private'),
  otherInstitution: video('u-other', I2, 'institution'),
  teamWithMedarbejder: video('u-colleague', I1, 'team', { teamId: T_MAT }),
  teamWithNobody: video('u-colleague', I1, 'team', { teamId: T_UDSK }),
  kommuneOwn: video('u-other', I2, 'kommune'),
  kommuneOther: video('u-far', I3, 'kommune'),
  public: video('u-far', I3, 'public'),
  unfinishedPublic: video('u-colleague', I1, 'public', { ready: false }),
  submittedOtherInstitution: video('u-other', I2, 'institution', { editorialState: 'in_review' }),
  submittedPrivate: video('u-colleague', I1, 'private', { editorialState: 'in_review' }),
  /** A colleague's private recording shared personally with the ressourceperson (issue 19). */
  sharedWithRessource: { ...video('u-colleague', I1, 'private'), grantees: ['u-ressource'] } as Resource,
  sharedUnfinished: {
    ...video('u-colleague', I1, 'private', { ready: false }),
    grantees: ['u-ressource'],
  } as Resource,
};

/** A community with the actor's own membership in it. */
const community = (
  access: 'open' | 'invite',
  membership: { role: 'member' | 'moderator'; joined: boolean } | null,
): Resource => ({ type: 'community', id: `c-${access}`, access, membership });
const C = {
  open: community('open', null),
  inviteOnly: community('invite', null),
  invited: community('invite', { role: 'member', joined: false }),
  member: community('invite', { role: 'member', joined: true }),
  moderator: community('invite', { role: 'moderator', joined: true }),
};

/** A comment on a video; `moderates`: the actor moderates a community the video is shared in. */
const comment = (authorId: string, on: Resource, moderates = false): Resource => ({
  type: 'comment',
  id: `m-${authorId}`,
  authorId,
  video: on as Extract<Resource, { type: 'video' }>,
  moderates,
});
/** A reply to a post in a community (issue 15); `moderates`: the actor moderates that community. */
const reply = (authorId: string, on: Resource, moderates = false): Resource => ({
  type: 'comment',
  id: `r-${authorId}`,
  authorId,
  community: on as Extract<Resource, { type: 'community' }>,
  moderates,
});
const R = {
  othersInOpen: reply('u-far', C.open),
  othersAsMember: reply('u-far', C.member),
  ownAsMember: (a: Actor) => reply(a.id, C.member),
  othersAsInvited: reply('u-far', C.invited),
  othersAsModerator: reply('u-far', C.moderator, true),
};
const M = {
  othersOnPublic: comment('u-far', V.public),
  ownOnPublic: (a: Actor) => comment(a.id, V.public),
  othersOnPrivate: comment('u-colleague', V.colleaguesPrivate),
  moderatedOnPublic: comment('u-far', V.public, true),
};

/** A learning package owned at institution i. */
const pkg = (
  ownerId: string,
  i: typeof I1,
  visibility: 'private' | 'institution' | 'kommune' | 'public',
): Resource => ({
  type: 'package',
  id: `p-${ownerId}-${visibility}`,
  ownerId,
  institutionId: i.id,
  kommuneId: i.kommuneId,
  visibility,
});
const P = {
  ownPrivate: (a: Actor) => pkg(a.id, I1, 'private'),
  colleaguesPrivate: pkg('u-colleague', I1, 'private'),
  institution: pkg('u-colleague', I1, 'institution'),
  otherInstitution: pkg('u-other', I2, 'institution'),
  kommune: pkg('u-other', I2, 'kommune'),
  public: pkg('u-far', I3, 'public'),
};

/**
 * A training course (V7) in a state, involving kommuner (where its requesters work, and its participating
 * institutions' kommuner) and participating institutions; `requester`/`enrolment` are the actor's own relation.
 */
const course = (
  state: CourseState,
  where: { kommuneIds: string[]; institutionIds?: string[] },
  me: {
    requester?: boolean;
    enrolment?: EnrolmentStatus | null;
    plannerId?: string;
    trainerIds?: string[];
  } = {},
): Resource => ({
  type: 'course',
  id: `co-${state}-${where.kommuneIds.join('-')}`,
  state,
  kommuneIds: where.kommuneIds,
  institutionIds: where.institutionIds ?? [],
  plannerId: me.plannerId ?? null,
  trainerIds: me.trainerIds ?? [],
  requester: me.requester ?? false,
  enrolment: me.enrolment ?? null,
});
const OWN = { kommuneIds: [K1] };
const FAR = { kommuneIds: [K2], institutionIds: [I3.id] };
const CO = {
  proposalOwn: course('proposed', OWN),
  proposalOwnWithI1: course('proposed', { kommuneIds: [K1], institutionIds: [I1.id] }),
  proposalFar: course('proposed', FAR),
  proposalFarRequester: course('proposed', FAR, { requester: true }),
  plannedI1: course('planned', { kommuneIds: [K1], institutionIds: [I1.id] }),
  plannedI2: course('planned', { kommuneIds: [K1], institutionIds: [I2.id] }),
  plannedFar: course('planned', FAR),
  plannedFarRequester: course('planned', FAR, { requester: true }),
  plannedFarPlanner: (a: Actor) => course('planned', FAR, { plannerId: a.id }),
  openOwn: course('open', { kommuneIds: [K1], institutionIds: [I2.id] }),
  openFar: course('open', FAR),
  openFarWaiting: course('open', FAR, { enrolment: 'waiting' }),
  openFarCancelled: course('open', FAR, { enrolment: 'cancelled' }),
  openFarTrainer: (a: Actor) => course('open', FAR, { trainerIds: [a.id] }),
  runningOwn: course('running', OWN),
  completedOwn: course('completed', OWN),
  documentedOwn: course('documented', OWN),
  documentedFarEnrolled: course('documented', FAR, { enrolment: 'enrolled' }),
};

/** Observation at institution i; `delegated`: a leader delegated visits there to the actor. */
const obs = (i: typeof I1, delegated = false): Resource => ({
  type: 'observation',
  institutionId: i.id,
  kommuneId: i.kommuneId,
  delegated,
});
/** A visit (or self-observation) at Solsikkeskolen unless told otherwise. */
const visit = (
  kind: VisitKind,
  status: VisitStatus,
  who: { teacherId: string; observerId: string; guestIds?: string[]; flagged?: boolean; at?: typeof I1 },
): Resource => ({
  type: 'visit',
  id: `vi-${kind}-${status}-${who.teacherId}`,
  kind,
  status,
  institutionId: (who.at ?? I1).id,
  kommuneId: (who.at ?? I1).kommuneId,
  teacherId: who.teacherId,
  observerId: who.observerId,
  guestIds: who.guestIds ?? [],
  flag: who.flagged ? 'observer_lost_role' : null,
  observerMayObserve: !who.flagged,
});
const VI = {
  colleagueByLeader: visit('visit', 'completed', { teacherId: 'u-colleague', observerId: 'u-leder' }),
  colleagueByGuide: visit('visit', 'in_progress', { teacherId: 'u-colleague', observerId: 'u-guide' }),
  colleagueFlagged: visit('visit', 'completed', {
    teacherId: 'u-colleague',
    observerId: 'u-guide',
    flagged: true,
  }),
  ownCompleted: (a: Actor) => visit('visit', 'completed', { teacherId: a.id, observerId: 'u-guide' }),
  ownPlanned: (a: Actor) => visit('visit', 'planned', { teacherId: a.id, observerId: 'u-guide' }),
  ownCancelled: (a: Actor) => visit('visit', 'cancelled', { teacherId: a.id, observerId: 'u-guide' }),
  actorObserves: (a: Actor) => visit('visit', 'in_progress', { teacherId: 'u-colleague', observerId: a.id }),
  otherInstitution: visit('visit', 'completed', { teacherId: 'u-other', observerId: 'u-leder2', at: I2 }),
  colleagueSelf: visit('self', 'completed', { teacherId: 'u-colleague', observerId: 'u-colleague' }),
  colleagueSelfInvited: (a: Actor) =>
    visit('self', 'in_progress', { teacherId: 'u-colleague', observerId: 'u-colleague', guestIds: [a.id] }),
  ownSelf: (a: Actor) => visit('self', 'in_progress', { teacherId: a.id, observerId: a.id }),
};

const CODE: Record<string, Decision> = { A: 'allow', F: 'forbidden', H: 'hidden' };

//                  action                 resource                                    adm red frv led res med none
type Row = [Action, string, Resource | ((a: Actor) => Resource), string];
const TABLE: Row[] = [
  ['kommune.create', 'instance', instance, 'A F F F F F F'],
  ['outbox.read', 'instance', instance, 'A F F F F F F'],
  ['person.erase', 'instance', instance, 'A F F F F F F'],
  ['demo.status', 'instance', instance, 'A F F F F F F'],
  ['audit.read', 'instance', instance, 'A F F F F F F'],
  ['retention.manage', 'instance', instance, 'A F F F F F F'],
  ['staff_sync.manage', 'instance', instance, 'A F F F F F F'],
  ['identity.manage', 'instance', instance, 'A F F F F F F'],
  ['person.list', 'instance', instance, 'A A A A A A A'],
  ['kommune.delete', 'instance (wrong resource)', instance, 'F F F F F F F'],

  ['kommune.read', 'own kommune', kommune(K1), 'A H A A A A H'],
  ['kommune.read', 'other kommune', kommune(K2), 'A H H H H H H'],
  ['kommune.update', 'own kommune', kommune(K1), 'A H F F F F H'],
  ['kommune.update', 'other kommune', kommune(K2), 'A H H H H H H'],
  ['kommune.pillars', 'own kommune', kommune(K1), 'A H A F F F H'],
  ['kommune.pillars', 'other kommune', kommune(K2), 'A H H H H H H'],
  ['kommune.delete', 'own kommune', kommune(K1), 'A H F F F F H'],
  ['kommune.delete', 'other kommune', kommune(K2), 'A H H H H H H'],
  ['institution.create', 'own kommune', kommune(K1), 'A H F F F F H'],
  ['institution.create', 'other kommune', kommune(K2), 'A H H H H H H'],
  ['team.create', 'own kommune (wrong resource)', kommune(K1), 'F H F F F F H'],

  ['institution.read', 'own institution', institution(I1), 'A H A A A A H'],
  ['institution.read', 'other institution, same kommune', institution(I2), 'A H A H H H H'],
  ['institution.read', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['team.read', 'own institution', institution(I1), 'A H A A A A H'],
  ['team.read', 'other institution, same kommune', institution(I2), 'A H A H H H H'],
  ['team.read', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['institution.update', 'own institution', institution(I1), 'A H F F F F H'],
  ['institution.update', 'other institution, same kommune', institution(I2), 'A H F H H H H'],
  ['institution.update', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['institution.delete', 'own institution', institution(I1), 'A H F F F F H'],
  ['institution.delete', 'other institution, same kommune', institution(I2), 'A H F H H H H'],
  ['institution.delete', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['team.create', 'own institution', institution(I1), 'A H F A F F H'],
  ['team.create', 'other institution, same kommune', institution(I2), 'A H F H H H H'],
  ['team.create', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['person.invite', 'own institution', institution(I1), 'A H F A F F H'],
  ['person.invite', 'other institution, same kommune', institution(I2), 'A H F H H H H'],
  ['person.invite', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['person.import', 'own institution', institution(I1), 'A H F A F F H'],
  ['person.import', 'other institution, same kommune', institution(I2), 'A H F H H H H'],
  ['person.import', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['kommune.read', 'own institution (wrong resource)', institution(I1), 'F H F F F F H'],

  ['team.read', 'team of own institution', team(I1), 'A H A A A A H'],
  ['team.read', 'team of other institution, same kommune', team(I2), 'A H A H H H H'],
  ['team.read', 'team in other kommune', team(I3), 'A H H H H H H'],
  ['team.update', 'team of own institution', team(I1), 'A H F A F F H'],
  ['team.update', 'team of other institution, same kommune', team(I2), 'A H F H H H H'],
  ['team.update', 'team in other kommune', team(I3), 'A H H H H H H'],
  ['team.delete', 'team of own institution', team(I1), 'A H F A F F H'],
  ['team.delete', 'team of other institution, same kommune', team(I2), 'A H F H H H H'],
  ['team.delete', 'team in other kommune', team(I3), 'A H H H H H H'],
  ['team.create', 'team of own institution (wrong resource)', team(I1), 'F H F F F F H'],

  ['person.read', 'colleague in own institution', person('p1', [I1]), 'A H A A A A H'],
  ['person.update', 'colleague in own institution', person('p1', [I1]), 'A H F A F F H'],
  ['person.manage', 'colleague in own institution', person('p1', [I1]), 'A H F A F F H'],
  ['person.read', 'person in other institution, same kommune', person('p2', [I2]), 'A H A H H H H'],
  ['person.update', 'person in other institution, same kommune', person('p2', [I2]), 'A H F H H H H'],
  ['person.manage', 'person in other institution, same kommune', person('p2', [I2]), 'A H F H H H H'],
  ['person.read', 'person in other kommune', person('p3', [I3]), 'A H H H H H H'],
  ['person.update', 'person in other kommune', person('p3', [I3]), 'A H H H H H H'],
  ['person.manage', 'person in other kommune', person('p3', [I3]), 'A H H H H H H'],
  ['person.read', 'person with no roles', person('p0', []), 'A H H H H H H'],
  ['person.manage', 'person with no roles', person('p0', []), 'A H H H H H H'],
  ['person.read', 'another forvaltning person', person('pf', [], true), 'A H H H H H H'],
  // Someone who also works elsewhere, or holds a wider role, is not only the leder's to rename or disable.
  ['person.read', 'colleague also in I2', person('p12', [I1, I2]), 'A H A A A A H'],
  ['person.update', 'colleague also in I2', person('p12', [I1, I2]), 'A H F F F F H'],
  ['person.manage', 'colleague also in I2', person('p12', [I1, I2]), 'A H F F F F H'],
  ['person.read', 'administrator who teaches in I1', person('pa', [I1], true), 'A H A A A A H'],
  ['person.update', 'administrator who teaches in I1', person('pa', [I1], true), 'A H F F F F H'],
  ['person.manage', 'administrator who teaches in I1', person('pa', [I1], true), 'A H F F F F H'],
  ['person.read', 'self', self, 'A A A A A A A'],
  ['person.update', 'self', self, 'A A A A A A A'],
  ['person.manage', 'self', self, 'A F F F F F F'],
  ['team.read', 'colleague (wrong resource)', person('p1', [I1]), 'F H F F F F H'],

  // Grants never hide: the service first checks that the scope (institution/kommune) is visible (→ 404).
  ['role.grant', 'administrator', grantOf('administrator'), 'A F F F F F F'],
  ['role.grant', 'redaktoer', grantOf('redaktoer'), 'A F F F F F F'],
  ['role.grant', 'forvaltning in own kommune', grantOf('forvaltning', { kommuneId: K1 }), 'A F F F F F F'],
  ['role.grant', 'forvaltning in other kommune', grantOf('forvaltning', { kommuneId: K2 }), 'A F F F F F F'],
  ['role.grant', 'leder in own institution', grantOf('leder', { institutionId: I1.id }), 'A F F A F F F'],
  [
    'role.grant',
    'ressourceperson in own institution',
    grantOf('ressourceperson', { institutionId: I1.id }),
    'A F F A F F F',
  ],
  [
    'role.grant',
    'medarbejder in own institution',
    grantOf('medarbejder', { institutionId: I1.id }),
    'A F F A F F F',
  ],
  [
    'role.grant',
    'medarbejder in other institution',
    grantOf('medarbejder', { institutionId: I2.id }),
    'A F F F F F F',
  ],
  [
    'role.grant',
    'medarbejder in other kommune',
    grantOf('medarbejder', { institutionId: I3.id }),
    'A F F F F F F',
  ],
  [
    'person.manage',
    'grant (wrong resource)',
    grantOf('medarbejder', { institutionId: I1.id }),
    'F F F F F F F',
  ],

  ['video.create', 'instance', instance, 'F F F A A A F'],
  ['video.read', 'own private video', V.ownPrivate, 'A A A A A A A'],
  ['video.update', 'own private video', V.ownPrivate, 'A A A A A A A'],
  ['video.delete', 'own private video', V.ownPrivate, 'A A A A A A A'],
  ['video.read', 'own unfinished video', V.ownUnfinished, 'A A A A A A A'],
  [
    'video.read',
    "colleague's private video shared with the ressourceperson",
    V.sharedWithRessource,
    'H H H H A H H',
  ],
  [
    'video.update',
    "colleague's private video shared with the ressourceperson",
    V.sharedWithRessource,
    'H H H H F H H',
  ],
  [
    'video.delete',
    "colleague's private video shared with the ressourceperson",
    V.sharedWithRessource,
    'H H H H F H H',
  ],
  [
    'video.feedback',
    "colleague's private video shared with the ressourceperson",
    V.sharedWithRessource,
    'H H H H A H H',
  ],
  [
    'video.read',
    'unfinished private video shared with the ressourceperson',
    V.sharedUnfinished,
    'H H H H H H H',
  ],
  ['video.feedback', 'own private video', V.ownPrivate, 'A A A A A A A'],
  ['video.feedback', "medarbejder's institution video", V.medarbejdersInstitution, 'F H H F F A H'],
  ['video.update', 'own unfinished video', V.ownUnfinished, 'A A A A A A A'],
  ['video.delete', 'own unfinished video', V.ownUnfinished, 'A A A A A A A'],
  ['video.read', "medarbejder's institution video", V.medarbejdersInstitution, 'A H H A A A H'],
  ['video.update', "medarbejder's institution video", V.medarbejdersInstitution, 'F H H F F A H'],
  ['video.delete', "medarbejder's institution video", V.medarbejdersInstitution, 'A H H F F A H'],
  ['video.read', "colleague's institution video", V.colleaguesInstitution, 'A H H A A A H'],
  ['video.update', "colleague's institution video", V.colleaguesInstitution, 'F H H F F F H'],
  ['video.delete', "colleague's institution video", V.colleaguesInstitution, 'A H H F F F H'],
  ['video.read', "colleague's private video", V.colleaguesPrivate, 'H H H H H H H'],
  ['video.update', "colleague's private video", V.colleaguesPrivate, 'H H H H H H H'],
  ['video.delete', "colleague's private video", V.colleaguesPrivate, 'H H H H H H H'],
  ['video.read', 'institution video, other institution same kommune', V.otherInstitution, 'A H H H H H H'],
  ['video.update', 'institution video, other institution same kommune', V.otherInstitution, 'F H H H H H H'],
  ['video.delete', 'institution video, other institution same kommune', V.otherInstitution, 'A H H H H H H'],
  ['video.read', 'team video, medarbejder in the team', V.teamWithMedarbejder, 'A H H H H A H'],
  ['video.update', 'team video, medarbejder in the team', V.teamWithMedarbejder, 'F H H H H F H'],
  ['video.delete', 'team video, medarbejder in the team', V.teamWithMedarbejder, 'A H H H H F H'],
  ['video.read', 'team video, nobody in the team', V.teamWithNobody, 'A H H H H H H'],
  ['video.update', 'team video, nobody in the team', V.teamWithNobody, 'F H H H H H H'],
  ['video.delete', 'team video, nobody in the team', V.teamWithNobody, 'A H H H H H H'],
  ['video.read', 'kommune video, own kommune', V.kommuneOwn, 'A H A A A A H'],
  ['video.update', 'kommune video, own kommune', V.kommuneOwn, 'F H F F F F H'],
  ['video.delete', 'kommune video, own kommune', V.kommuneOwn, 'A H F F F F H'],
  ['video.read', 'kommune video, other kommune', V.kommuneOther, 'A H H H H H H'],
  ['video.update', 'kommune video, other kommune', V.kommuneOther, 'F H H H H H H'],
  ['video.delete', 'kommune video, other kommune', V.kommuneOther, 'A H H H H H H'],
  ['video.read', 'public video', V.public, 'A A A A A A A'],
  ['video.update', 'public video', V.public, 'F F F F F F F'],
  ['video.delete', 'public video', V.public, 'A F F F F F F'],
  ['video.read', "colleague's unfinished public video", V.unfinishedPublic, 'H H H H H H H'],
  ['video.update', "colleague's unfinished public video", V.unfinishedPublic, 'H H H H H H H'],
  ['video.delete', "colleague's unfinished public video", V.unfinishedPublic, 'H H H H H H H'],
  ['video.create', 'public video (wrong resource)', V.public, 'F F F F F F F'],
  ['video.read', 'instance (wrong resource)', instance, 'F F F F F F F'],

  // The video community (issue 4): catalogue work, communities, comments, learning packages.
  ['taxonomy.manage', 'instance', instance, 'A A F F F F F'],
  ['collection.manage', 'instance', instance, 'A A F F F F F'],
  ['catalogue.stats', 'instance (leders: their own institution)', instance, 'A A A A F F F'],
  // Issue 15: a leder sees their own institution's statistics and staff demand — never another's.
  ['institution.stats', 'own institution', institution(I1), 'A H A A F F H'],
  ['institution.stats', 'other institution, same kommune', institution(I2), 'A H A H H H H'],
  ['institution.stats', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['training.staff', 'own institution', institution(I1), 'A H A A F F H'],
  ['training.staff', 'other institution, same kommune', institution(I2), 'A H A H H H H'],
  ['training.staff', 'institution in other kommune', institution(I3), 'A H H H H H H'],
  ['community.create', 'instance', instance, 'A A A A A A A'],
  ['package.create', 'instance', instance, 'A A A A A A A'],
  ['video.engage', 'public video', V.public, 'A A A A A A A'],
  ['video.engage', "medarbejder's institution video", V.medarbejdersInstitution, 'A H H A A A H'],
  ['video.engage', "colleague's private video", V.colleaguesPrivate, 'H H H H H H H'],
  ['video.submit', 'own private video', V.ownPrivate, 'A A A A A A A'],
  ['video.submit', "colleague's institution video", V.colleaguesInstitution, 'A H H F F F H'],
  ['video.read', 'submitted video, other institution', V.submittedOtherInstitution, 'A A H H H H H'],
  ['video.review', 'submitted video, other institution', V.submittedOtherInstitution, 'A A H H H H H'],
  ['video.review', 'public video', V.public, 'A A F F F F F'],
  ['video.read', "colleague's private video submitted for review", V.submittedPrivate, 'H H H H H H H'],
  ['video.review', "colleague's private video submitted for review", V.submittedPrivate, 'H H H H H H H'],
  ['video.describe', 'own private video', V.ownPrivate, 'A A A A A A A'],
  ['video.describe', "colleague's institution video", V.colleaguesInstitution, 'F H H F F F H'],
  ['video.describe', 'public video, not submitted', V.public, 'F F F F F F F'],
  ['video.describe', 'submitted video, other institution', V.submittedOtherInstitution, 'A A H H H H H'],
  ['video.describe', "colleague's private video submitted for review", V.submittedPrivate, 'H H H H H H H'],
  ['community.read', 'open community', C.open, 'A A A A A A A'],
  ['community.join', 'open community', C.open, 'A A A A A A A'],
  ['community.post', 'open community, not a member', C.open, 'F F F F F F F'],
  ['community.moderate', 'open community, not a member', C.open, 'A F F F F F F'],
  ['community.read', 'invite-only community, not invited', C.inviteOnly, 'A H H H H H H'],
  ['community.join', 'invite-only community, not invited', C.inviteOnly, 'F H H H H H H'],
  ['community.read', 'invite-only community, invited', C.invited, 'A A A A A A A'],
  ['community.join', 'invite-only community, invited', C.invited, 'A A A A A A A'],
  ['community.post', 'invite-only community, invited', C.invited, 'F F F F F F F'],
  ['community.post', 'community, member', C.member, 'A A A A A A A'],
  ['community.moderate', 'community, member', C.member, 'A F F F F F F'],
  // Posts, events and replies: joined members only, administrators included (issue 15).
  ['community.discuss', 'open community, not a member', C.open, 'F F F F F F F'],
  ['community.discuss', 'invite-only community, not invited', C.inviteOnly, 'F H H H H H H'],
  ['community.discuss', 'invite-only community, invited', C.invited, 'F F F F F F F'],
  ['community.discuss', 'community, member', C.member, 'A A A A A A A'],
  ['comment.report', 'reply to a post, open community, not a member', R.othersInOpen, 'H H H H H H H'],
  ['comment.hide', 'reply to a post, open community, not a member', R.othersInOpen, 'H H H H H H H'],
  ['comment.report', 'reply to a post, invited only', R.othersAsInvited, 'H H H H H H H'],
  ['comment.report', "someone else's reply to a post, member", R.othersAsMember, 'A A A A A A A'],
  ['comment.update', "someone else's reply to a post, member", R.othersAsMember, 'F F F F F F F'],
  ['comment.hide', "someone else's reply to a post, member", R.othersAsMember, 'F F F F F F F'],
  ['comment.update', 'own reply to a post', R.ownAsMember, 'A A A A A A A'],
  ['comment.delete', 'own reply to a post', R.ownAsMember, 'A A A A A A A'],
  ['comment.hide', "someone else's reply to a post, moderator", R.othersAsModerator, 'A A A A A A A'],
  ['community.moderate', 'community, moderator', C.moderator, 'A A A A A A A'],
  ['comment.update', "someone else's comment on a public video", M.othersOnPublic, 'F F F F F F F'],
  ['comment.delete', "someone else's comment on a public video", M.othersOnPublic, 'F F F F F F F'],
  ['comment.report', "someone else's comment on a public video", M.othersOnPublic, 'A A A A A A A'],
  ['comment.hide', "someone else's comment on a public video", M.othersOnPublic, 'A A F F F F F'],
  ['comment.hide', 'comment in a community the actor moderates', M.moderatedOnPublic, 'A A A A A A A'],
  ['comment.update', 'own comment', M.ownOnPublic, 'A A A A A A A'],
  ['comment.delete', 'own comment', M.ownOnPublic, 'A A A A A A A'],
  ['comment.report', 'own comment', M.ownOnPublic, 'F F F F F F F'],
  ['comment.update', "comment on a colleague's private video", M.othersOnPrivate, 'H H H H H H H'],
  ['comment.report', "comment on a colleague's private video", M.othersOnPrivate, 'H H H H H H H'],
  ['comment.hide', "comment on a colleague's private video", M.othersOnPrivate, 'H H H H H H H'],
  ['package.read', 'own private package', P.ownPrivate, 'A A A A A A A'],
  ['package.update', 'own private package', P.ownPrivate, 'A A A A A A A'],
  ['package.delete', 'own private package', P.ownPrivate, 'A A A A A A A'],
  ['package.read', "colleague's private package", P.colleaguesPrivate, 'H H H H H H H'],
  ['package.copy', "colleague's private package", P.colleaguesPrivate, 'H H H H H H H'],
  ['package.read', 'institution package, own institution', P.institution, 'A H H A A A H'],
  ['package.copy', 'institution package, own institution', P.institution, 'A H H A A A H'],
  ['package.update', 'institution package, own institution', P.institution, 'F H H F F F H'],
  ['package.delete', 'institution package, own institution', P.institution, 'A H H F F F H'],
  ['package.read', 'institution package, other institution', P.otherInstitution, 'A H H H H H H'],
  ['package.read', 'kommune package, own kommune', P.kommune, 'A H A A A A H'],
  ['package.read', 'public package', P.public, 'A A A A A A A'],
  ['package.copy', 'public package', P.public, 'A A A A A A A'],
  ['package.update', 'public package', P.public, 'F F F F F F F'],
  ['package.delete', 'public package', P.public, 'A F F F F F F'],
  // Demand-driven training (issue 5). Instance actions, then courses: proposals are seen only by those who
  // could run them (resource persons where the requesters work, editors, administrators), forvaltning of the
  // kommuner involved, requesters and the enrolled; planned adds the participating institutions; open and later
  // adds everyone with a role in a kommune involved. Who asked is shown to those who could run it and forvaltning.
  ['training.request', 'instance', instance, 'A A A A A A A'],
  ['training.overview', 'instance', instance, 'A A A F A F F'],
  ['training.configure', 'instance', instance, 'A F F F F F F'],
  ['training.cover', 'instance', instance, 'F F F F A F F'],
  ['course.read', 'instance (wrong resource)', instance, 'F F F F F F F'],
  ['training.request', 'open course (wrong resource)', CO.openOwn, 'F F F F F F H'],
  ['course.read', 'proposal, own kommune', CO.proposalOwn, 'A A A H A H H'],
  ['course.requesters', 'proposal, own kommune', CO.proposalOwn, 'A A A H A H H'],
  ['course.manage', 'proposal, own kommune', CO.proposalOwn, 'A A F H A H H'],
  ['course.enrol', 'proposal, own kommune', CO.proposalOwn, 'F F F H F H H'],
  ['course.read', 'proposal naming I1 as participant', CO.proposalOwnWithI1, 'A A A H A H H'],
  ['course.enrol', 'proposal naming I1 as participant', CO.proposalOwnWithI1, 'F F F H F H H'],
  ['course.read', 'proposal, other kommune', CO.proposalFar, 'A A H H H H H'],
  ['course.requesters', 'proposal, other kommune', CO.proposalFar, 'A A H H H H H'],
  ['course.manage', 'proposal, other kommune', CO.proposalFar, 'A A H H H H H'],
  ['course.enrol', 'proposal, other kommune', CO.proposalFar, 'F F H H H H H'],
  ['course.read', 'proposal, other kommune, actor asked', CO.proposalFarRequester, 'A A A A A A A'],
  ['course.requesters', 'proposal, other kommune, actor asked', CO.proposalFarRequester, 'A A F F F F F'],
  ['course.manage', 'proposal, other kommune, actor asked', CO.proposalFarRequester, 'A A F F F F F'],
  ['course.enrol', 'proposal, other kommune, actor asked', CO.proposalFarRequester, 'F F F F F F F'],
  ['course.read', 'planned, I1 participates', CO.plannedI1, 'A A A A A A H'],
  ['course.requesters', 'planned, I1 participates', CO.plannedI1, 'A A A F A F H'],
  ['course.manage', 'planned, I1 participates', CO.plannedI1, 'A A F F A F H'],
  ['course.enrol', 'planned, I1 participates', CO.plannedI1, 'F F F A A A H'],
  ['course.read', 'planned, I2 participates', CO.plannedI2, 'A A A H A H H'],
  ['course.requesters', 'planned, I2 participates', CO.plannedI2, 'A A A H A H H'],
  ['course.manage', 'planned, I2 participates', CO.plannedI2, 'A A F H A H H'],
  ['course.enrol', 'planned, I2 participates', CO.plannedI2, 'F F F H F H H'],
  ['course.read', 'planned, other kommune', CO.plannedFar, 'A A H H H H H'],
  ['course.manage', 'planned, other kommune', CO.plannedFar, 'A A H H H H H'],
  ['course.enrol', 'planned, other kommune', CO.plannedFar, 'F F H H H H H'],
  ['course.read', 'planned, other kommune, actor asked', CO.plannedFarRequester, 'A A A A A A A'],
  ['course.requesters', 'planned, other kommune, actor asked', CO.plannedFarRequester, 'A A F F F F F'],
  ['course.manage', 'planned, other kommune, actor asked', CO.plannedFarRequester, 'A A F F F F F'],
  ['course.enrol', 'planned, other kommune, actor asked', CO.plannedFarRequester, 'A A A A A A A'],
  ['course.read', 'planned, other kommune, actor planned it', CO.plannedFarPlanner, 'A A A A A A A'],
  ['course.requesters', 'planned, other kommune, actor planned it', CO.plannedFarPlanner, 'A A A A A A A'],
  ['course.manage', 'planned, other kommune, actor planned it', CO.plannedFarPlanner, 'A A A A A A A'],
  ['course.enrol', 'planned, other kommune, actor planned it', CO.plannedFarPlanner, 'F F F F F F F'],
  ['course.read', 'open, own kommune', CO.openOwn, 'A A A A A A H'],
  ['course.requesters', 'open, own kommune', CO.openOwn, 'A A A F A F H'],
  ['course.manage', 'open, own kommune', CO.openOwn, 'A A F F A F H'],
  ['course.enrol', 'open, own kommune', CO.openOwn, 'A A A A A A H'],
  ['course.read', 'open, other kommune', CO.openFar, 'A A H H H H H'],
  ['course.requesters', 'open, other kommune', CO.openFar, 'A A H H H H H'],
  ['course.manage', 'open, other kommune', CO.openFar, 'A A H H H H H'],
  ['course.enrol', 'open, other kommune', CO.openFar, 'A A H H H H H'],
  ['course.read', 'open, other kommune, actor waiting', CO.openFarWaiting, 'A A A A A A A'],
  ['course.requesters', 'open, other kommune, actor waiting', CO.openFarWaiting, 'A A F F F F F'],
  ['course.manage', 'open, other kommune, actor waiting', CO.openFarWaiting, 'A A F F F F F'],
  ['course.enrol', 'open, other kommune, actor waiting', CO.openFarWaiting, 'A A A A A A A'],
  ['course.read', 'open, other kommune, actor cancelled', CO.openFarCancelled, 'A A A A A A A'],
  ['course.manage', 'open, other kommune, actor cancelled', CO.openFarCancelled, 'A A F F F F F'],
  ['course.read', 'open, other kommune, actor trains', CO.openFarTrainer, 'A A A A A A A'],
  ['course.requesters', 'open, other kommune, actor trains', CO.openFarTrainer, 'A A A A A A A'],
  ['course.manage', 'open, other kommune, actor trains', CO.openFarTrainer, 'A A A A A A A'],
  ['course.enrol', 'open, other kommune, actor trains', CO.openFarTrainer, 'A A A A A A A'],
  ['course.read', 'running, own kommune', CO.runningOwn, 'A A A A A A H'],
  ['course.requesters', 'running, own kommune', CO.runningOwn, 'A A A F A F H'],
  ['course.manage', 'running, own kommune', CO.runningOwn, 'A A F F A F H'],
  ['course.enrol', 'running, own kommune', CO.runningOwn, 'F F F F F F H'],
  ['course.read', 'completed, own kommune', CO.completedOwn, 'A A A A A A H'],
  ['course.manage', 'completed, own kommune', CO.completedOwn, 'A A F F A F H'],
  ['course.enrol', 'completed, own kommune', CO.completedOwn, 'F F F F F F H'],
  ['course.read', 'documented, own kommune', CO.documentedOwn, 'A A A A A A H'],
  ['course.requesters', 'documented, own kommune', CO.documentedOwn, 'A A A F A F H'],
  ['course.manage', 'documented, own kommune', CO.documentedOwn, 'A A F F A F H'],
  ['course.enrol', 'documented, own kommune', CO.documentedOwn, 'F F F F F F H'],
  ['course.read', 'documented, other kommune, actor took part', CO.documentedFarEnrolled, 'A A A A A A A'],
  ['course.enrol', 'documented, other kommune, actor took part', CO.documentedFarEnrolled, 'F F F F F F F'],
  // Observation (O1–O6): leaders configure, observe and see data; delegated learning guides observe;
  // forvaltning sees data across its kommune; administrators and editors see no observation data at all.
  ['observation.configure', 'own institution', obs(I1), 'F H F A F F H'],
  ['observation.configure', 'other institution, same kommune', obs(I2), 'F H F H H H H'],
  ['observation.guide', 'own institution', obs(I1), 'A H A A A A H'],
  ['observation.guide', 'other kommune', obs(I3), 'A H H H H H H'],
  ['observation.observe', 'own institution', obs(I1), 'F H F A F F H'],
  ['observation.observe', 'own institution, delegated', obs(I1, true), 'F H F A A A H'],
  ['observation.observe', 'other institution, delegated', obs(I2, true), 'F H F H H H H'],
  ['observation.data', 'own institution', obs(I1), 'F H A A F F H'],
  ['observation.data', 'other institution, same kommune', obs(I2), 'F H A H H H H'],
  ['observation.data', 'other kommune', obs(I3), 'F H H H H H H'],
  ['observation.data', 'own kommune', kommune(K1), 'F H A F F F H'],
  ['observation.data', 'other kommune', kommune(K2), 'F H H H H H H'],
  ['observation.self', 'own institution', obs(I1), 'F H F A A A H'],
  ['observation.self', 'other institution', obs(I2), 'F H F H H H H'],
  ['observation.configure', 'instance (wrong resource)', instance, 'F F F F F F F'],

  ['visit.read', "colleague's visit, observed by the leader", VI.colleagueByLeader, 'H H H A H H H'],
  ['visit.converse', "colleague's visit, observed by the leader", VI.colleagueByLeader, 'H H H A H H H'],
  ['visit.reflect', "colleague's visit, observed by the leader", VI.colleagueByLeader, 'H H H F H H H'],
  ['visit.read', "colleague's visit, by a learning guide", VI.colleagueByGuide, 'H H H A H H H'],
  ['visit.record', "colleague's visit, by a learning guide", VI.colleagueByGuide, 'H H H F H H H'],
  ['visit.manage', "colleague's visit, by a learning guide", VI.colleagueByGuide, 'H H H A H H H'],
  ['visit.resolve', "colleague's visit, by a learning guide", VI.colleagueByGuide, 'H H H F H H H'],
  ['visit.resolve', "colleague's flagged visit", VI.colleagueFlagged, 'H H H A H H H'],
  ['visit.read', 'visit to me, completed', VI.ownCompleted, 'A A A A A A A'],
  ['visit.reflect', 'visit to me, completed', VI.ownCompleted, 'A A A A A A A'],
  ['visit.converse', 'visit to me, completed', VI.ownCompleted, 'A A A A A A A'],
  ['visit.record', 'visit to me, completed', VI.ownCompleted, 'F F F F F F F'],
  ['visit.manage', 'visit to me, completed', VI.ownCompleted, 'F F F F F F F'],
  ['visit.resolve', 'visit to me, completed', VI.ownCompleted, 'F F F F F F F'],
  ['visit.reflect', 'visit to me, planned', VI.ownPlanned, 'F F F F F F F'],
  ['visit.converse', 'visit to me, planned', VI.ownPlanned, 'F F F F F F F'],
  ['visit.manage', 'visit to me, planned (the leader may reschedule)', VI.ownPlanned, 'F F F A F F F'],
  ['visit.reflect', 'visit to me, cancelled', VI.ownCancelled, 'F F F F F F F'],
  ['visit.read', 'a visit I observe', VI.actorObserves, 'A A A A A A A'],
  ['visit.record', 'a visit I observe', VI.actorObserves, 'A A A A A A A'],
  ['visit.manage', 'a visit I observe', VI.actorObserves, 'A A A A A A A'],
  ['visit.reflect', 'a visit I observe', VI.actorObserves, 'F F F F F F F'],
  ['visit.converse', 'a visit I observe, not finished', VI.actorObserves, 'F F F F F F F'],
  ['visit.read', 'visit at another institution', VI.otherInstitution, 'H H H H H H H'],
  ['visit.manage', 'visit at another institution', VI.otherInstitution, 'H H H H H H H'],
  ['visit.read', "colleague's self-observation", VI.colleagueSelf, 'H H H H H H H'],
  ['visit.record', "colleague's self-observation", VI.colleagueSelf, 'H H H H H H H'],
  ['visit.resolve', "colleague's self-observation", VI.colleagueSelf, 'H H H H H H H'],
  ['visit.read', "colleague's self-observation, I am invited", VI.colleagueSelfInvited, 'A A A A A A A'],
  ['visit.record', "colleague's self-observation, I am invited", VI.colleagueSelfInvited, 'A A A A A A A'],
  ['visit.manage', "colleague's self-observation, I am invited", VI.colleagueSelfInvited, 'F F F F F F F'],
  ['visit.reflect', "colleague's self-observation, I am invited", VI.colleagueSelfInvited, 'F F F F F F F'],
  ['visit.read', 'my self-observation', VI.ownSelf, 'A A A A A A A'],
  ['visit.record', 'my self-observation', VI.ownSelf, 'A A A A A A A'],
  ['visit.reflect', 'my self-observation', VI.ownSelf, 'A A A A A A A'],
  ['visit.manage', 'my self-observation', VI.ownSelf, 'A A A A A A A'],
  ['visit.converse', 'my self-observation', VI.ownSelf, 'F F F F F F F'],
  // Team spaces and inquiry cycles (issue 16): the team's members; leaders read what is shared with them.
  ['team.space', 'my team', matTeam, 'F H F A F A H'],
  ['team.space', 'another team at my institution', team(I1), 'F H F A F F H'],
  ['team.space', 'team of other institution, same kommune', team(I2), 'F H F H H H H'],
  ['team.space', 'team in other kommune', team(I3), 'F H H H H H H'],
  ['team.work', 'my team', matTeam, 'F H F F F A H'],
  ['team.work', 'another team at my institution', team(I1), 'F H F F F F H'],
  ['inquiry.templates', 'own kommune', kommune(K1), 'A H A F F F H'],
  ['inquiry.templates', 'other kommune', kommune(K2), 'A H H H H H H'],
  ['cycle.read', "my team's cycle, not shared", cycle(T_MAT, I1, false), 'H H H H H A H'],
  ['cycle.read', "my team's cycle, shared with leaders", cycle(T_MAT, I1, true), 'H H H A H A H'],
  ['cycle.read', 'another team at my institution, not shared', cycle('t-other', I1, false), 'H H H H H H H'],
  ['cycle.read', 'team at another institution, shared', cycle('t-other', I2, true), 'H H H H H H H'],
  ['cycle.write', "my team's cycle, shared with leaders", cycle(T_MAT, I1, true), 'H H H F H A H'],
  ['cycle.write', "my team's cycle, not shared", cycle(T_MAT, I1, false), 'H H H H H A H'],
  // Practice stories (issue 16 part 4): unpublished → the team (and curators in review); published → by visibility.
  [
    'story.read',
    "my team's draft (public when published)",
    story(T_MAT, I1, 'draft', 'public'),
    'H H H H H A H',
  ],
  ['story.read', "my team's returned story", story(T_MAT, I1, 'returned', 'all'), 'H H H H H A H'],
  ['story.read', "my team's story in review", story(T_MAT, I1, 'in_review', 'institution'), 'A A H H H A H'],
  [
    'story.read',
    "another team's story in review",
    story('t-other', I1, 'in_review', 'public'),
    'A A H H H H H',
  ],
  [
    'story.read',
    'published, my institution only',
    story('t-other', I1, 'published', 'institution'),
    'A A H A A A H',
  ],
  [
    'story.read',
    'published, another institution only',
    story('t-other', I2, 'published', 'institution'),
    'A A H H H H H',
  ],
  ['story.read', 'published, my kommune', story('t-other', I2, 'published', 'kommune'), 'A A A A A A H'],
  ['story.read', 'published, another kommune', story('t-other', I3, 'published', 'kommune'), 'A A H H H H H'],
  ['story.read', 'published, all kommuner', story('t-other', I3, 'published', 'all'), 'A A A A A A A'],
  ['story.read', 'published, public', story(null, I3, 'published', 'public'), 'A A A A A A A'],
  ['story.edit', "my team's published story", story(T_MAT, I1, 'published', 'institution'), 'F F H F F A H'],
  ['story.edit', "my team's draft", story(T_MAT, I1, 'draft', 'institution'), 'H H H H H A H'],
  ['story.edit', "another team's story in review", story('t-other', I1, 'in_review', 'all'), 'F F H H H H H'],
  ['story.edit', 'published, team deleted', story(null, I1, 'published', 'all'), 'F F F F F F F'],
  ['story.review', "my team's story in review", story(T_MAT, I1, 'in_review', 'all'), 'A A H H H F H'],
  ['story.review', 'published, all kommuner', story('t-other', I3, 'published', 'all'), 'F F F F F F F'],
  ['story.review', "my team's draft", story(T_MAT, I1, 'draft', 'all'), 'H H H H H F H'],
  [
    'story.try',
    'published, all kommuner (only the medarbejder has a team)',
    story('t-other', I3, 'published', 'all'),
    'F F F F F A F',
  ],
  ['story.try', "my team's story in review", story(T_MAT, I1, 'in_review', 'all'), 'F F H H H F H'],
  // Learning conversations (issue 17 part 4): forvaltning of the kommune prepares; the unit's leders read and
  // write the record once shared; staff, administrators and other kommuner never see them.
  ['conversation.create', 'own institution', institution(I1), 'F H A F F F H'],
  ['conversation.create', 'institution in another kommune', institution(I3), 'F H H H H H H'],
  ['conversation.read', 'own institution, draft', conversation(I1, false), 'H H A H H H H'],
  ['conversation.read', 'own institution, shared', conversation(I1, true), 'H H A A H H H'],
  ['conversation.read', 'another institution of my kommune, shared', conversation(I2, true), 'H H A H H H H'],
  ['conversation.read', 'institution in another kommune, shared', conversation(I3, true), 'H H H H H H H'],
  ['conversation.prepare', 'own institution, shared', conversation(I1, true), 'H H A F H H H'],
  ['conversation.prepare', 'own institution, draft', conversation(I1, false), 'H H A H H H H'],
  ['conversation.record', 'own institution, shared', conversation(I1, true), 'H H A A H H H'],
  ['conversation.record', 'institution in another kommune, draft', conversation(I3, false), 'H H H H H H H'],
  // Evaluation plans / dataårshjul (issue 17 part 1): forvaltning writes and publishes the kommune plan, which its
  // institutions' people read once published; the institution's people read its plan, leders and
  // ressourcepersoner write it; a team's members write the team's plan, the leders read it.
  [
    'evaluation.read',
    'kommune plan, not published',
    evaluationPlan('kommune', I1, null, false),
    'H H A H H H H',
  ],
  ['evaluation.read', 'kommune plan, published', evaluationPlan('kommune', I1, null, true), 'H H A A A A H'],
  [
    'evaluation.read',
    'another kommune’s plan, published',
    evaluationPlan('kommune', I3, null, true),
    'H H H H H H H',
  ],
  ['evaluation.edit', 'kommune plan, published', evaluationPlan('kommune', I1, null, true), 'H H A F F F H'],
  [
    'evaluation.publish',
    'kommune plan, not published',
    evaluationPlan('kommune', I1, null, false),
    'H H A H H H H',
  ],
  [
    'evaluation.read',
    'own institution’s plan',
    evaluationPlan('institution', I1, null, false),
    'H H A A A A H',
  ],
  [
    'evaluation.read',
    'institution in another kommune',
    evaluationPlan('institution', I3, null, false),
    'H H H H H H H',
  ],
  [
    'evaluation.edit',
    'own institution’s plan',
    evaluationPlan('institution', I1, null, false),
    'H H F A A F H',
  ],
  [
    'evaluation.edit',
    'another institution in my kommune',
    evaluationPlan('institution', I2, null, false),
    'H H F H H H H',
  ],
  [
    'evaluation.publish',
    'own institution’s plan',
    evaluationPlan('institution', I1, null, false),
    'H H F F F F H',
  ],
  ['evaluation.read', 'my team’s plan', evaluationPlan('team', I1, T_MAT, false), 'H H H A H A H'],
  [
    'evaluation.read',
    'another team at my institution',
    evaluationPlan('team', I1, T_UDSK, false),
    'H H H A H H H',
  ],
  ['evaluation.edit', 'my team’s plan', evaluationPlan('team', I1, T_MAT, false), 'H H H F H A H'],
  [
    'evaluation.read',
    'a team in another kommune',
    evaluationPlan('team', I3, 't-other', false),
    'H H H H H H H',
  ],
  // Progression overview (issue 17 part 2): per-child data for the group's circle only (class team, the
  // institution's leders, ressourcepersoner delegated to the group who still hold the role); 404 for everyone else.
  ['progression.setup', 'own institution', institution(I1), 'F H F A F F H'],
  ['progression.setup', 'institution in another kommune', institution(I3), 'F H H H H H H'],
  ['progression.summary.institution', 'own institution', institution(I1), 'F H A A A A H'],
  ['progression.summary.institution', 'another institution of my kommune', institution(I2), 'F H A H H H H'],
  ['progression.summary.institution', 'institution in another kommune', institution(I3), 'F H H H H H H'],
  ['progression.summary.kommune', 'own kommune', kommune(K1), 'F H A F F F H'],
  ['progression.summary.kommune', 'another kommune', kommune(K2), 'F H H H H H H'],
  ['progression.group.read', 'my class team’s group', progressionGroup(I1, T_MAT), 'H H H A H A H'],
  ['progression.group.read', 'another class’s group', progressionGroup(I1, T_UDSK), 'H H H A H H H'],
  [
    'progression.group.read',
    'a group delegated to everyone (counts for ressourcepersoner of the institution only)',
    progressionGroup(I1, T_UDSK, { delegatedTo: everyone }),
    'H H H A A H H',
  ],
  ['progression.group.read', 'a group without a class team', progressionGroup(I1, null), 'H H H A H H H'],
  [
    'progression.group.read',
    'another institution’s group, delegated to everyone',
    progressionGroup(I2, null, { delegatedTo: everyone }),
    'H H H H H H H',
  ],
  ['progression.group.write', 'my class team’s group', progressionGroup(I1, T_MAT), 'H H H A H A H'],
  [
    'progression.group.write',
    'a group delegated to everyone',
    progressionGroup(I1, T_UDSK, { delegatedTo: everyone }),
    'H H H A A H H',
  ],
  [
    'progression.group.names',
    'my class team’s group, names kept',
    progressionGroup(I1, T_MAT, { names: true }),
    'H H H F H A H',
  ],
  [
    'progression.group.names',
    'my class team’s group, names off',
    progressionGroup(I1, T_MAT),
    'H H H F H F H',
  ],
  [
    'progression.group.names',
    'a delegated group, names kept',
    progressionGroup(I1, T_UDSK, { delegatedTo: everyone, names: true }),
    'H H H F F H H',
  ],
  ['progression.export', 'my class team’s group', progressionGroup(I1, T_MAT), 'H H H A H A H'],
  ['progression.export', 'another class’s group', progressionGroup(I1, T_UDSK), 'H H H A H H H'],
  ['progression.conference.read', 'my class team’s group', progressionGroup(I1, T_MAT), 'H H H A H A H'],
  [
    'progression.conference.write',
    'a group delegated to everyone',
    progressionGroup(I1, T_UDSK, { delegatedTo: everyone }),
    'H H H A A H H',
  ],
  [
    'progression.conference.read',
    'another institution’s group',
    progressionGroup(I3, null, { delegatedTo: everyone }),
    'H H H H H H H',
  ],
];

const cases = TABLE.flatMap(([action, label, resource, expected]) => {
  const letters = expected.split(' ');
  if (letters.length !== COLUMNS.length)
    throw new Error(`row ${action} ${label} has ${letters.length} columns`);
  return COLUMNS.map((name, i) => ({ action, label, name, resource, expected: CODE[letters[i]] }));
});

describe('decideAccess: every action × role × own/other institution and kommune', () => {
  it.each(cases)('$action on $label as $name → $expected', ({ action, name, resource, expected }) => {
    const actor = ACTORS[name];
    const r = typeof resource === 'function' ? resource(actor) : resource;
    expect(decideAccess(actor, action, r)).toBe(expected);
  });

  it('covers every action', () => {
    const all: Record<Action, true> = {
      'kommune.read': true,
      'kommune.create': true,
      'kommune.update': true,
      'kommune.pillars': true,
      'kommune.delete': true,
      'institution.read': true,
      'institution.create': true,
      'institution.update': true,
      'institution.delete': true,
      'team.read': true,
      'team.create': true,
      'team.update': true,
      'team.delete': true,
      'team.space': true,
      'team.work': true,
      'inquiry.templates': true,
      'cycle.read': true,
      'cycle.write': true,
      'story.read': true,
      'story.edit': true,
      'story.review': true,
      'story.try': true,
      'conversation.create': true,
      'conversation.read': true,
      'conversation.prepare': true,
      'conversation.record': true,
      'progression.setup': true,
      'progression.group.read': true,
      'progression.group.write': true,
      'progression.group.names': true,
      'progression.export': true,
      'progression.summary.institution': true,
      'progression.summary.kommune': true,
      'progression.conference.read': true,
      'progression.conference.write': true,
      'evaluation.read': true,
      'evaluation.edit': true,
      'evaluation.publish': true,
      'person.read': true,
      'person.list': true,
      'person.invite': true,
      'person.import': true,
      'person.update': true,
      'person.manage': true,
      'role.grant': true,
      'person.erase': true,
      'outbox.read': true,
      'audit.read': true,
      'retention.manage': true,
      'staff_sync.manage': true,
      'identity.manage': true,
      'demo.status': true,
      'video.create': true,
      'video.read': true,
      'video.update': true,
      'video.delete': true,
      'video.engage': true,
      'video.feedback': true,
      'video.submit': true,
      'video.review': true,
      'video.describe': true,
      'taxonomy.manage': true,
      'collection.manage': true,
      'catalogue.stats': true,
      'institution.stats': true,
      'training.staff': true,
      'community.create': true,
      'community.read': true,
      'community.join': true,
      'community.post': true,
      'community.discuss': true,
      'community.moderate': true,
      'comment.update': true,
      'comment.delete': true,
      'comment.report': true,
      'comment.hide': true,
      'package.create': true,
      'package.read': true,
      'package.copy': true,
      'package.update': true,
      'package.delete': true,
      'training.request': true,
      'training.overview': true,
      'training.configure': true,
      'training.cover': true,
      'course.read': true,
      'course.requesters': true,
      'course.manage': true,
      'course.enrol': true,
      'observation.configure': true,
      'observation.guide': true,
      'observation.observe': true,
      'observation.data': true,
      'observation.self': true,
      'visit.read': true,
      'visit.record': true,
      'visit.reflect': true,
      'visit.converse': true,
      'visit.manage': true,
      'visit.resolve': true,
    };
    expect(new Set(TABLE.map((r) => r[0]))).toEqual(new Set(Object.keys(all)));
  });
});

describe('actors with several roles', () => {
  const lederElsewhere: Actor = { id: 'u-x', grants: [at('medarbejder', I1), at('leder', I2)] };
  const forvaltningAndTeacher: Actor = {
    id: 'u-y',
    grants: [{ role: 'forvaltning', kommuneId: K2, institutionId: null }, at('medarbejder', I1)],
  };

  it('a leder of one institution has no leder rights in another where they are only medarbejder', () => {
    expect(decideAccess(lederElsewhere, 'team.create', institution(I2))).toBe('allow');
    expect(decideAccess(lederElsewhere, 'team.create', institution(I1))).toBe('forbidden');
    expect(decideAccess(lederElsewhere, 'person.manage', person('p1', [I1]))).toBe('forbidden');
    expect(decideAccess(lederElsewhere, 'person.manage', person('p2', [I2]))).toBe('allow');
    expect(decideAccess(lederElsewhere, 'institution.read', institution(I3))).toBe('hidden');
  });

  it('a leder elsewhere sees the staff demand and statistics of the institution they lead, not where they teach', () => {
    for (const action of ['training.staff', 'institution.stats'] as const) {
      expect(decideAccess(lederElsewhere, action, institution(I2)), action).toBe('allow');
      expect(decideAccess(lederElsewhere, action, institution(I1)), action).toBe('forbidden');
      expect(decideAccess(lederElsewhere, action, institution(I3)), action).toBe('hidden');
      // A forged resource: I2's id claimed to lie in another kommune changes nothing for the leder.
      expect(decideAccess(lederElsewhere, action, { type: 'institution', id: I2.id, kommuneId: K2 })).toBe(
        'allow',
      );
      expect(
        decideAccess(ACTORS.forvaltning, action, { type: 'institution', id: I3.id, kommuneId: K2 }),
      ).toBe('hidden');
    }
  });

  it('forvaltning in one kommune and medarbejder in another sees exactly the union', () => {
    expect(decideAccess(forvaltningAndTeacher, 'institution.read', institution(I1))).toBe('allow');
    expect(decideAccess(forvaltningAndTeacher, 'institution.read', institution(I2))).toBe('hidden');
    expect(decideAccess(forvaltningAndTeacher, 'institution.read', institution(I3))).toBe('allow');
    expect(decideAccess(forvaltningAndTeacher, 'kommune.read', kommune(K1))).toBe('allow');
    expect(decideAccess(forvaltningAndTeacher, 'team.update', team(I3))).toBe('forbidden');
  });

  it('a leder of both institutions manages a colleague who works in both', () => {
    const both: Actor = { id: 'u-z', grants: [at('leder', I1), at('leder', I2)] };
    expect(decideAccess(both, 'person.manage', person('p12', [I1, I2]))).toBe('allow');
    expect(decideAccess(both, 'person.manage', person('pa', [I1], true))).toBe('forbidden');
  });
});

describe('videos: private is private', () => {
  const leder = ACTORS.leder;
  const admin = ACTORS.administrator;
  const teachers = (visibility: Visibility, ready = true) =>
    video('u-medarbejder', I1, visibility, { teamId: T_MAT, ready });

  it("a leder does not see a teacher's private or unfinished video, even in their own institution", () => {
    for (const action of ['video.read', 'video.update', 'video.delete'] as const) {
      expect(decideAccess(leder, action, teachers('private'))).toBe('hidden');
      expect(decideAccess(leder, action, teachers('institution', false))).toBe('hidden');
      expect(decideAccess(leder, action, teachers('public', false))).toBe('hidden');
    }
    // Once the teacher shares it with the institution, the leder watches it but may not change or delete it.
    expect(decideAccess(leder, 'video.read', teachers('institution'))).toBe('allow');
    expect(decideAccess(leder, 'video.update', teachers('institution'))).toBe('forbidden');
    expect(decideAccess(leder, 'video.delete', teachers('institution'))).toBe('forbidden');
  });

  it('neither does an administrator; the owner always does', () => {
    expect(decideAccess(admin, 'video.read', teachers('private'))).toBe('hidden');
    expect(decideAccess(admin, 'video.delete', teachers('private'))).toBe('hidden');
    expect(decideAccess(admin, 'video.read', teachers('team', false))).toBe('hidden');
    expect(decideAccess(admin, 'video.delete', teachers('team'))).toBe('allow');
    for (const action of ['video.read', 'video.update', 'video.delete'] as const) {
      expect(decideAccess(ACTORS.medarbejder, action, teachers('private'))).toBe('allow');
      expect(decideAccess(ACTORS.medarbejder, action, teachers('public', false))).toBe('allow');
    }
  });

  it('a team video whose team is gone (teamId null) is seen by nobody but the owner and administrators', () => {
    const orphan = video('u-colleague', I1, 'team');
    expect(decideAccess(ACTORS.medarbejder, 'video.read', orphan)).toBe('hidden');
    expect(decideAccess(leder, 'video.read', orphan)).toBe('hidden');
    expect(decideAccess(admin, 'video.read', orphan)).toBe('allow');
  });

  it('a team member sees the team video without any role there; a role in the institution is not enough', () => {
    const memberOnly: Actor = { id: 'u-m', grants: [], teamIds: [T_MAT] };
    const noTeams: Actor = { id: 'u-n', grants: [at('medarbejder', I1)] };
    expect(decideAccess(memberOnly, 'video.read', V.teamWithMedarbejder)).toBe('allow');
    expect(decideAccess(noTeams, 'video.read', V.teamWithMedarbejder)).toBe('hidden');
  });

  it('maps a hidden video to 404 video.not_found and a visible one to 403', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return 'allowed';
      } catch (err) {
        return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
      }
    };
    expect(codeOf(() => authorize(leder, 'video.read', teachers('private')))).toBe('404 video.not_found');
    expect(codeOf(() => authorize(leder, 'video.update', teachers('institution')))).toBe(
      '403 policy.forbidden',
    );
    expect(codeOf(() => authorize(ACTORS.medarbejder, 'video.update', teachers('private')))).toBe('allowed');
    expect(can(leder, 'video.read', teachers('institution'))).toBe(true);
  });
});

describe('ANONYMOUS (not signed in)', () => {
  const other = (visibility: Visibility, ready = true) =>
    video('u-colleague', I1, visibility, { teamId: T_MAT, ready });

  it('reads a ready public video, and may do nothing else with it', () => {
    expect(decideAccess(ANONYMOUS, 'video.read', other('public'))).toBe('allow');
    expect(decideAccess(ANONYMOUS, 'video.update', other('public'))).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'video.delete', other('public'))).toBe('forbidden');
  });

  it('never learns that any other video exists', () => {
    const others: Resource[] = [
      other('public', false),
      ...(['private', 'team', 'institution', 'kommune'] as const).flatMap((v) => [other(v), other(v, false)]),
    ];
    for (const r of others)
      for (const action of ['video.read', 'video.update', 'video.delete'] as const)
        expect(decideAccess(ANONYMOUS, action, r), `${action} ${JSON.stringify(r)}`).toBe('hidden');
  });

  it('reads a published public story only; tries, edits and reviews nothing', () => {
    expect(decideAccess(ANONYMOUS, 'story.read', story(null, I1, 'published', 'public'))).toBe('allow');
    expect(decideAccess(ANONYMOUS, 'story.try', story(null, I1, 'published', 'public'))).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'story.edit', story(T_MAT, I1, 'published', 'public'))).toBe('forbidden');
    for (const visibility of ['institution', 'kommune', 'all'] as const)
      expect(decideAccess(ANONYMOUS, 'story.read', story(T_MAT, I1, 'published', visibility))).toBe('hidden');
    for (const state of ['draft', 'in_review', 'returned'] as const)
      expect(decideAccess(ANONYMOUS, 'story.read', story(T_MAT, I1, state, 'public'))).toBe('hidden');
  });

  it('cannot upload and sees no organisation', () => {
    expect(decideAccess(ANONYMOUS, 'video.create', instance)).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'kommune.read', kommune(K1))).toBe('hidden');
    expect(decideAccess(ANONYMOUS, 'institution.read', institution(I1))).toBe('hidden');
  });

  it('watches public videos and reads public packages, but takes part in nothing', () => {
    expect(decideAccess(ANONYMOUS, 'video.engage', other('public'))).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'video.submit', other('public'))).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'comment.report', M.othersOnPublic)).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'community.join', C.open)).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'community.read', C.inviteOnly)).toBe('hidden');
    expect(decideAccess(ANONYMOUS, 'package.read', P.public)).toBe('allow');
    expect(decideAccess(ANONYMOUS, 'package.copy', P.public)).toBe('forbidden');
    for (const action of [
      'community.create',
      'package.create',
      'taxonomy.manage',
      'catalogue.stats',
    ] as const)
      expect(decideAccess(ANONYMOUS, action, instance), action).toBe('forbidden');
  });
});

describe('authorize and can', () => {
  const leder = ACTORS.leder;
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'allowed';
    } catch (err) {
      return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
    }
  };

  it('maps hidden to the resource’s 404 code and forbidden to 403 policy.forbidden', () => {
    expect(codeOf(() => authorize(leder, 'team.create', institution(I2)))).toBe('404 institution.not_found');
    expect(codeOf(() => authorize(leder, 'team.update', team(I3)))).toBe('404 team.not_found');
    expect(codeOf(() => authorize(leder, 'person.read', person('p3', [I3])))).toBe('404 person.not_found');
    expect(codeOf(() => authorize(leder, 'kommune.read', kommune(K2)))).toBe('404 kommune.not_found');
    expect(codeOf(() => authorize(leder, 'institution.update', institution(I1)))).toBe(
      '403 policy.forbidden',
    );
    expect(codeOf(() => authorize(leder, 'outbox.read', instance))).toBe('403 policy.forbidden');
    expect(codeOf(() => authorize(leder, 'team.create', institution(I1)))).toBe('allowed');
  });

  it('can is true only for allow', () => {
    expect(can(leder, 'team.create', institution(I1))).toBe(true);
    expect(can(leder, 'institution.update', institution(I1))).toBe(false);
    expect(can(leder, 'team.create', institution(I3))).toBe(false);
  });
});

describe('training courses', () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'allowed';
    } catch (err) {
      return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
    }
  };

  it('someone not signed in sees no course and may not ask', () => {
    for (const r of Object.values(CO)) {
      const res = typeof r === 'function' ? r(ANONYMOUS) : r;
      for (const action of ['course.read', 'course.enrol', 'course.manage', 'course.requesters'] as const)
        expect(decideAccess(ANONYMOUS, action, res), `${action} ${JSON.stringify(res)}`).toBe('hidden');
    }
    expect(decideAccess(ANONYMOUS, 'training.request', instance)).toBe('forbidden');
    expect(decideAccess(ANONYMOUS, 'training.overview', instance)).toBe('forbidden');
  });

  it('maps a hidden course to 404 training.course_not_found and a visible one to 403', () => {
    const med = ACTORS.medarbejder;
    expect(codeOf(() => authorize(med, 'course.read', CO.proposalOwn))).toBe('404 training.course_not_found');
    expect(codeOf(() => authorize(med, 'course.manage', CO.openOwn))).toBe('403 policy.forbidden');
    expect(codeOf(() => authorize(med, 'course.enrol', CO.runningOwn))).toBe('403 policy.forbidden');
    expect(codeOf(() => authorize(med, 'course.enrol', CO.openOwn))).toBe('allowed');
  });

  it('a resource person runs courses only where the requesters or participants work', () => {
    const both: Actor = {
      id: 'u-both',
      grants: [at('medarbejder', I1), at('ressourceperson', I3)],
    };
    expect(decideAccess(both, 'course.manage', CO.proposalFar)).toBe('allow');
    expect(decideAccess(both, 'course.manage', CO.proposalOwn)).toBe('hidden');
    expect(decideAccess(both, 'course.read', CO.openOwn)).toBe('allow');
    expect(decideAccess(both, 'course.manage', CO.openOwn)).toBe('forbidden');
    // A course whose requesters work in both kommuner is run from either.
    const mixed = course('proposed', { kommuneIds: [K1, K2] });
    expect(decideAccess(ACTORS.ressourceperson, 'course.manage', mixed)).toBe('allow');
    expect(decideAccess(both, 'course.manage', mixed)).toBe('allow');
    expect(decideAccess(ACTORS.forvaltning, 'course.requesters', mixed)).toBe('allow');
  });
});
