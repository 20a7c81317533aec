import { inArray, sql } from 'drizzle-orm';
import type { CourseState } from '../../../../shared/training.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import type { Actor } from '../../../policy/index.js';
import { visibleCourses } from '../../../policy/sql-training.js';
import type { PolicyVideo } from '../../videos/index.js';
import { ACTIVE, current, type Method } from './repo.js';

/** The read side of asking for training: each function answers for many methods at once (no N+1). */

const methodIn = (col: string, ids: string[]) => inArray(sql.raw(col), ids);

/** The methods a video is tagged with, by label. */
export async function methodsOfVideo(db: DbOrTx, videoId: string): Promise<Method[]> {
  return rows<Method>(
    db,
    sql`select t.id, t.label from video_methods vm join taxonomy_terms t on t.id = vm.term_id
        where vm.video_id = ${videoId} and t.kind = 'method' order by t.label, t.id`,
  );
}

/** Per method: how many requests count now, and from how many institutions. */
export async function counts(db: DbOrTx, methodIds: string[]) {
  if (methodIds.length === 0) return new Map<string, { count: number; institutions: number }>();
  const found = await rows<{ id: string; count: number; institutions: number }>(
    db,
    sql`select r.method_id as id, count(*)::int as count, count(distinct r.institution_id)::int as institutions
        from training_requests r where ${methodIn('r.method_id', methodIds)} and ${current('r')}
        group by r.method_id`,
  );
  return new Map(found.map((r) => [r.id, { count: r.count, institutions: r.institutions }]));
}

export type MineRow = {
  methodId: string;
  teamId: string | null;
  teamName: string | null;
  requestedBy: string | null;
  requestedByName: string | null;
};

/** The person's requests that count now, for these methods: via which team, asked by whom. */
export async function mine(db: DbOrTx, userId: string, methodIds: string[]): Promise<MineRow[]> {
  if (!userId || methodIds.length === 0) return [];
  return rows<MineRow>(
    db,
    sql`select r.method_id as "methodId", r.team_id as "teamId", t.name as "teamName",
               r.requested_by as "requestedBy", u.name as "requestedByName"
        from training_requests r
        left join teams t on t.id = r.team_id
        left join users u on u.id = r.requested_by
        where r.user_id = ${userId} and ${methodIn('r.method_id', methodIds)} and ${current('r')}`,
  );
}

/** The teams the person belongs to, with how many members can take part. */
export async function myTeams(db: DbOrTx, userId: string) {
  if (!userId) return [];
  return rows<{ id: string; name: string; memberCount: number }>(
    db,
    sql`select t.id, t.name, (select count(*)::int from team_memberships m join users u on u.id = m.user_id
                              where m.team_id = t.id and u.status <> 'disabled') as "memberCount"
        from team_memberships tm join teams t on t.id = tm.team_id
        where tm.user_id = ${userId} order by t.name, t.id`,
  );
}

/** Per team and method: how many of the team's members have a request that counts. */
export async function teamAsked(db: DbOrTx, teamIds: string[], methodIds: string[]) {
  if (teamIds.length === 0 || methodIds.length === 0) return new Map<string, number>();
  const found = await rows<{ teamId: string; methodId: string; n: number }>(
    db,
    sql`select m.team_id as "teamId", r.method_id as "methodId", count(*)::int as n
        from team_memberships m
        join users u on u.id = m.user_id and u.status <> 'disabled'
        join training_requests r on r.user_id = m.user_id
        where ${methodIn('m.team_id', teamIds)} and ${methodIn('r.method_id', methodIds)} and ${current('r')}
        group by m.team_id, r.method_id`,
  );
  return new Map(found.map((r) => [`${r.teamId}:${r.methodId}`, r.n]));
}

export type CourseRef = { id: string; state: CourseState; title: string };

/** The active course of each method, when the actor may see it (policy sql-training.visibleCourses). */
export async function visibleActiveCourses(db: DbOrTx, actor: Actor, methodIds: string[]) {
  if (methodIds.length === 0) return new Map<string, CourseRef>();
  const found = await rows<CourseRef & { methodId: string }>(
    db,
    sql`select training_courses.id, training_courses.method_id as "methodId", training_courses.state,
               training_courses.title
        from training_courses
        where ${methodIn('training_courses.method_id', methodIds)} and training_courses.state in ${ACTIVE}
          and ${visibleCourses(actor)}`,
  );
  return new Map(found.map(({ methodId, ...c }) => [methodId, c]));
}

/** A video's policy columns under a prefix, as select-list SQL (for left-joined videos). */
const videoCols = (alias: string, prefix: string) =>
  sql.raw(`${alias}.id as "${prefix}Id", ${alias}.owner_id as "${prefix}OwnerId",
           ${alias}.institution_id as "${prefix}InstitutionId", ${alias}.kommune_id as "${prefix}KommuneId",
           ${alias}.team_id as "${prefix}TeamId", ${alias}.visibility as "${prefix}Visibility",
           ${alias}.status as "${prefix}Status", ${alias}.editorial_state as "${prefix}EditorialState",
           ${alias}.title as "${prefix}Title"`);

type PrefixedVideo<P extends string> = {
  [K in keyof PolicyVideo as `${P}${Capitalize<K & string>}`]: PolicyVideo[K] | null;
} & { [K in `${P}Title`]: string | null };

/** Picks a prefixed left-joined video back out of a row (null when there was none). */
export function videoOf<P extends string>(row: PrefixedVideo<P>, prefix: P) {
  const r = row as unknown as Record<string, unknown>;
  if (!r[`${prefix}Id`]) return null;
  const get = <T>(k: string) => r[`${prefix}${k}`] as T;
  return {
    id: get<string>('Id'),
    ownerId: get<string>('OwnerId'),
    institutionId: get<string>('InstitutionId'),
    kommuneId: get<string>('KommuneId'),
    teamId: get<string | null>('TeamId'),
    visibility: get<PolicyVideo['visibility']>('Visibility'),
    status: get<PolicyVideo['status']>('Status'),
    editorialState: get<PolicyVideo['editorialState']>('EditorialState'),
    title: get<string>('Title'),
  };
}

export type DocumentedRow = {
  courseId: string;
  courseTitle: string;
  methodLabel: string;
  courseVisible: boolean;
} & PrefixedVideo<'doc'>;

/** Documented courses whose requests came from this video, with their documentation video. */
export async function documentedFor(db: DbOrTx, actor: Actor, videoId: string): Promise<DocumentedRow[]> {
  return rows<DocumentedRow>(
    db,
    sql`select training_courses.id as "courseId", training_courses.title as "courseTitle",
               t.label as "methodLabel", coalesce(${visibleCourses(actor)}, false) as "courseVisible",
               ${videoCols('dv', 'doc')}
        from training_course_videos cv
        join training_courses on training_courses.id = cv.course_id
        join taxonomy_terms t on t.id = training_courses.method_id
        left join videos dv on dv.id = training_courses.documentation_video_id
        where cv.video_id = ${videoId} and training_courses.state = 'documented'
        order by training_courses.documented_at desc nulls last, training_courses.id
        limit 50`,
  );
}

export type MyRequestRow = {
  methodId: string;
  methodLabel: string;
  teamId: string | null;
  teamName: string | null;
  requestedBy: string | null;
  requestedByName: string | null;
  createdAt: Date | string;
  courseId: string | null;
  courseState: string | null;
  courseTitle: string | null;
  courseVisible: boolean | null;
} & PrefixedVideo<'video'>;

/** Every request of the person (newest first), with its method, video, team and course. */
export async function myRequests(db: DbOrTx, actor: Actor, limit: number): Promise<MyRequestRow[]> {
  if (!actor.id) return [];
  return rows<MyRequestRow>(
    db,
    sql`select r.method_id as "methodId", t.label as "methodLabel", r.team_id as "teamId",
               tm.name as "teamName", r.requested_by as "requestedBy", u.name as "requestedByName",
               r.created_at as "createdAt", training_courses.id as "courseId",
               training_courses.state as "courseState", training_courses.title as "courseTitle",
               (training_courses.id is not null and ${visibleCourses(actor)}) as "courseVisible",
               ${videoCols('v', 'video')}
        from training_requests r
        join taxonomy_terms t on t.id = r.method_id
        left join teams tm on tm.id = r.team_id
        left join users u on u.id = r.requested_by
        left join training_courses on training_courses.id = r.course_id
        left join videos v on v.id = r.video_id
        where r.user_id = ${actor.id}
        order by r.created_at desc, r.id
        limit ${limit}`,
  );
}
