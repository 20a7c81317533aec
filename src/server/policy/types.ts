import type {
  CommunityAccess,
  CommunityRole,
  EditorialState,
  PackageVisibility,
} from '../../shared/catalogue.js';
import type { Role, Visibility } from '../../shared/constants.js';
import type { PlanScope } from '../../shared/evaluation.js';
import type { StoryState, StoryVisibility } from '../../shared/inquiry.js';
import type { VisitFlag, VisitKind, VisitStatus } from '../../shared/observation.js';
import type { CourseState, EnrolmentStatus } from '../../shared/training.js';

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
  /** Where the video is in the editorial workflow; editors review what is submitted (absent = 'none'). */
  editorialState?: EditorialState;
  /** The people the owner shared the recording with personally (issue 19, V10), unexpired grants only. */
  grantees?: readonly string[];
};

/** A community of practice, with the actor's own membership in it (null when none; joined false when only invited). */
export type CommunityResource = {
  type: 'community';
  id: string;
  access: CommunityAccess;
  membership: { role: CommunityRole; joined: boolean } | null;
};

/**
 * A comment on a video, or a reply to a community post (issue 15). `moderates`: the actor moderates a
 * community the video is shared in, or the post's community (the service looks it up). The video decides who
 * may see a comment on it; a post's community (its joined members) who may see a reply to the post.
 */
export type CommentResource = {
  type: 'comment';
  id: string;
  authorId: string;
  moderates: boolean;
} & ({ video: VideoResource; community?: undefined } | { video?: undefined; community: CommunityResource });

/** A learning package (V8): its owner, where it belongs and who may use it. */
export type PackageResource = {
  type: 'package';
  id: string;
  ownerId: string;
  institutionId: string | null;
  kommuneId: string | null;
  visibility: PackageVisibility;
};

/**
 * A training course or proposal (V7), with the actor's own relation to it. `kommuneIds`: the kommuner involved
 * (where the requesters work, and the participating institutions' kommuner); `institutionIds`: the participating
 * institutions (first in line). Build it with training/service.courseResource.
 */
export type CourseResource = {
  type: 'course';
  id: string;
  state: CourseState;
  kommuneIds: string[];
  institutionIds: string[];
  plannerId: string | null;
  trainerIds: string[];
  /** The actor asked for training in this course's method and the request counted toward it. */
  requester: boolean;
  /** The actor's own enrolment (null when none). */
  enrolment: EnrolmentStatus | null;
};

/**
 * An institution as classroom observation sees it (O1–O6): `delegated` says whether a leader has delegated visits
 * to the actor there. Build it with observation/resource.loadObservationScope.
 */
export type ObservationResource = {
  type: 'observation';
  institutionId: string;
  kommuneId: string;
  delegated: boolean;
};

/**
 * A classroom visit or a self-observation. `observerMayObserve`: the observer still leads the institution or is
 * delegated there (a visit synced without it is kept but flagged). Build it with observation/resource.loadVisitResource.
 */
export type VisitResource = {
  type: 'visit';
  id: string;
  kind: VisitKind;
  status: VisitStatus;
  institutionId: string;
  kommuneId: string;
  teacherId: string;
  observerId: string | null;
  guestIds: string[];
  flag: VisitFlag | null;
  observerMayObserve: boolean;
};

/**
 * An inquiry cycle (issue 16): it belongs to its team. `sharedWithLeaders`: the team shares it with the
 * institution's leaders (off by default). Build it with inquiry's cycleResource.
 */
export type CycleResource = {
  type: 'cycle';
  id: string;
  teamId: string;
  institutionId: string;
  kommuneId: string;
  sharedWithLeaders: boolean;
};

/**
 * A practice story (issue 16 part 4): written by its team (null when the team was deleted), read by whom its
 * visibility names once published. Build it with inquiry's storyResource.
 */
export type StoryResource = {
  type: 'story';
  id: string;
  teamId: string | null;
  institutionId: string;
  kommuneId: string;
  state: StoryState;
  visibility: StoryVisibility;
};

/**
 * A learning conversation's data package and its record (issue 17 part 4): for one institution, prepared by its
 * kommune's forvaltning; `shared`: the package has been shared with the institution's leaders.
 */
export type ConversationResource = {
  type: 'conversation';
  id: string;
  institutionId: string;
  kommuneId: string;
  shared: boolean;
};

/**
 * An evaluation plan / dataårshjul (issue 17 part 1): a kommune's, an institution's or a team's, for one school
 * year. `kommuneId` is the owner's kommune; `institutionId` is set for institution and team plans; `published`
 * only matters for a kommune plan. It need not exist yet (an empty year): the owner decides. Build it with
 * evaluation's planResource.
 */
export type EvaluationPlanResource = {
  type: 'evaluation_plan';
  scope: PlanScope;
  kommuneId: string;
  institutionId: string | null;
  teamId: string | null;
  published: boolean;
};

/**
 * A progression group (issue 17 part 2): a class or group/stue of one school year; `teamId` is its class team.
 * `delegated`: a leader delegated the group to the actor (a progression_delegations row); `showFullNames`: the
 * institution keeps full names. Build it with progression's loadGroup.
 */
export type ProgressionGroupResource = {
  type: 'progression_group';
  id: string;
  institutionId: string;
  kommuneId: string;
  teamId: string | null;
  delegated: boolean;
  showFullNames: boolean;
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
  | VideoResource
  | CommunityResource
  | CommentResource
  | PackageResource
  | CourseResource
  | ObservationResource
  | VisitResource
  | CycleResource
  | StoryResource
  | ProgressionGroupResource
  | ConversationResource
  | EvaluationPlanResource;

export type Action =
  /** On an institution: progression settings, areas, periods, groups, delegations, moving children (its leders). */
  | 'progression.setup'
  /** A progression group's per-child data: its class team, the institution's leders, delegated ressourcepersoner. */
  | 'progression.group.read'
  /** Enter statuses and add, edit or let children leave: the same circle as progression.group.read. */
  | 'progression.group.write'
  /** See the children's full names: the class team only, and only when the institution keeps names. */
  | 'progression.group.names'
  /** Export a group's per-child data (with a reason; audit-logged): the same circle as progression.group.read. */
  | 'progression.export'
  /** On an institution: its group summaries (its staff, forvaltning of its kommune). */
  | 'progression.summary.institution'
  /** On a kommune: the summary across its institutions (its forvaltning). */
  | 'progression.summary.kommune'
  /** A group's learning conversations (konferencer): the same circle as progression.group.read. */
  | 'progression.conference.read'
  | 'progression.conference.write'
  /** An evaluation plan: the institution's people, a team's members and leders, a published kommune plan's kommune. */
  | 'evaluation.read'
  /** Write a plan's items: a kommune's forvaltning, an institution's leders and ressourcepersoner, a team's members. */
  | 'evaluation.edit'
  /** Publish (or withdraw) a kommune plan: the kommune's forvaltning. */
  | 'evaluation.publish'
  | 'kommune.read'
  | 'kommune.create'
  | 'kommune.update'
  /** Name the PLF pillars in the kommune's own words: its forvaltning and administrators. */
  | 'kommune.pillars'
  | 'kommune.delete'
  | 'institution.read'
  | 'institution.create'
  | 'institution.update'
  | 'institution.delete'
  | 'team.read'
  | 'team.create'
  | 'team.update'
  | 'team.delete'
  /** On a team: its space (members, agreement, cycles): the team's members, and its institution's leaders. */
  | 'team.space'
  /** On a team: write in its space (agreement, cycles, meetings, tasks): the team's members only. */
  | 'team.work'
  /** On an institution's kommune: write a kommune inquiry template (its forvaltning, administrators). */
  | 'inquiry.templates'
  /** A cycle: its team's members; the institution's leaders when the team shares it with leadership. */
  | 'cycle.read'
  /** Write in a cycle (plan, evidence, analysis, tasks): its team's members only. */
  | 'cycle.write'
  /** A practice story: published ones by their visibility; unpublished ones by the team (and curators in review). */
  | 'story.read'
  /** Write and submit or withdraw the story: its team's members, in every state (a published one goes back to review). */
  | 'story.edit'
  /** Publish or return a story in review: administrators and editors. */
  | 'story.review'
  /** "Vi vil prøve det i vores team": a published story, by someone signed in who is on a team. */
  | 'story.try'
  /** On an institution: prepare a learning conversation's data package for it (forvaltning of its kommune). */
  | 'conversation.create'
  /** A package and its record: forvaltning of the unit's kommune; the unit's leders once it is shared. */
  | 'conversation.read'
  /** Change the package's themes and figures, share it: forvaltning of the unit's kommune. */
  | 'conversation.prepare'
  /** Write the conversation record: everyone who reads the package (forvaltning and the unit's leders). */
  | 'conversation.record'
  | 'person.read'
  | 'person.list'
  | 'person.invite'
  | 'person.import'
  | 'person.update'
  | 'person.manage'
  | 'role.grant'
  /** Administrators: erase a person (issue 20 part 3), with a preview first. */
  | 'person.erase'
  | 'outbox.read'
  | 'audit.read'
  /** Administrators: retention periods per kind of data, the dry run and the purge's runs (issue 20 part 4). */
  | 'retention.manage'
  /** Administrators: staff sync sources (CSV path/URL, SCIM tokens) and their runs (issue 20 part 2). */
  | 'staff_sync.manage'
  /** Administrators: the identity providers people sign in with (OpenID Connect, issue 20 part 1). */
  | 'identity.manage'
  /** Administrators: how far the demo catalogue's media is (a banner while it is being made). */
  | 'demo.status'
  | 'video.create'
  | 'video.read'
  | 'video.update'
  | 'video.delete'
  /** On a video the actor may watch: comment on it, mark it tried/worked, keep a private note, share it to a community. */
  | 'video.engage'
  /**
   * Coaching (issue 19): read and give typed, time-stamped feedback on a recording — its owner and the people the
   * owner shared it with personally (grantees). Nobody else, whatever the visibility.
   */
  | 'video.feedback'
  /** The owner (or an editor) submits a video to the public catalogue. */
  | 'video.submit'
  /** Editors: publish a submitted video to the catalogue or send it back with a comment. */
  | 'video.review'
  /**
   * Change a video's catalogue metadata (subject, age band, methods, pillars): its owner, and editors while the
   * video is in the catalogue workflow.
   */
  | 'video.describe'
  | 'taxonomy.manage'
  | 'collection.manage'
  | 'catalogue.stats'
  /** On an institution: the usage statistics of its videos (its leders, forvaltning of its kommune, administrators). */
  | 'institution.stats'
  | 'community.create'
  | 'community.read'
  | 'community.join'
  | 'community.post'
  /** Read the members' posts, events and replies in a community: joined members only (issue 15). */
  | 'community.discuss'
  | 'community.moderate'
  | 'comment.update'
  | 'comment.delete'
  | 'comment.report'
  | 'comment.hide'
  | 'package.create'
  | 'package.read'
  | 'package.copy'
  | 'package.update'
  | 'package.delete'
  /** On the instance: ask for training in a method (on a video, video.engage is checked as well). */
  | 'training.request'
  /** On the instance: the training overview (demand, proposals, courses): resource persons, editors, forvaltning. */
  | 'training.overview'
  /** On the instance: set the threshold. */
  | 'training.configure'
  /** On the instance: say which methods one can train in (resource persons). */
  | 'training.cover'
  /**
   * On an institution: its staff's training demand by method, with who asked (names). The institution's
   * leders, forvaltning of its kommune, administrators.
   */
  | 'training.staff'
  | 'course.read'
  /** See who asked (names): the people who could plan it, and forvaltning of the kommuner involved. */
  | 'course.requesters'
  /** Plan the course, change its state, sessions, trainers and documentation. */
  | 'course.manage'
  | 'course.enrol'
  /** Observation: the learning focus areas, schema, visit guide, delegated observers and the group-size setting (leaders). */
  | 'observation.configure'
  /** Read the institution's published visit guide and its current schema (everyone at the institution). */
  | 'observation.guide'
  /** Plan and conduct visits: leaders, and learning guides a leader delegated visits to. */
  | 'observation.observe'
  /** The institution's aggregate data (leaders); on a kommune: across its institutions (forvaltning). */
  | 'observation.data'
  /** Start a self-observation at the institution (anyone who works there). */
  | 'observation.self'
  | 'visit.read'
  /** Record (sync) answers, notes and pupil picks. */
  | 'visit.record'
  /** The observed teacher's own reflection. */
  | 'visit.reflect'
  /** The learning conversation: notes and agreeing on the next step (teacher and observer). */
  | 'visit.converse'
  /** Reschedule or cancel; for a self-observation also invite colleagues. */
  | 'visit.manage'
  /** A leader decides on a flagged visit (keep it in the data, or discard it). */
  | 'visit.resolve';

/** allow; forbidden (the actor may see the thing but not do this: 403); hidden (the actor may not know it exists: 404). */
export type Decision = 'allow' | 'forbidden' | 'hidden';
