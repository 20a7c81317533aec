import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryCycles, inquiryTasks, teamSpaces } from '../../../db/inquiry-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, teamMemberships, teams, users } from '../../../db/schema.js';
import { videos } from '../../../db/videos-schema.js';
import { type Actor, policySql } from '../../../policy/index.js';
import { visibleCycles } from '../../../policy/sql-inquiry.js';

/** Team spaces: SQL only. */

/** Limits of the team page's lists (the newest first; older cycles stay reachable through their series). */
export const SPACE_LIMITS = { members: 200, cycles: 100, tasks: 100, videos: 50, myTeams: 100 } as const;

export function teamMembers(db: DbOrTx, teamId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), ne(users.status, 'disabled')))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(SPACE_LIMITS.members);
}

export async function agreement(db: DbOrTx, teamId: string) {
  const [row] = await db
    .select({
      text: teamSpaces.agreement,
      version: teamSpaces.version,
      updatedAt: teamSpaces.updatedAt,
      updatedById: teamSpaces.updatedBy,
      updatedByName: users.name,
    })
    .from(teamSpaces)
    .leftJoin(users, eq(users.id, teamSpaces.updatedBy))
    .where(eq(teamSpaces.teamId, teamId));
  return row;
}

/** The team's space row, made when missing and locked for the rest of the transaction. */
export async function lockAgreement(db: DbOrTx, teamId: string) {
  await db.insert(teamSpaces).values({ teamId }).onConflictDoNothing();
  const [row] = await db.select().from(teamSpaces).where(eq(teamSpaces.teamId, teamId)).for('update');
  return row;
}

export async function saveAgreement(db: DbOrTx, teamId: string, text: string, userId: string) {
  await db
    .update(teamSpaces)
    .set({
      agreement: text,
      version: sql`${teamSpaces.version} + 1`,
      updatedBy: userId,
      updatedAt: sql`now()`,
    })
    .where(eq(teamSpaces.teamId, teamId));
}

/** The team's cycles the actor may read (policySql.visibleCycles), the most recently changed first. */
export function teamCycles(db: DbOrTx, actor: Actor, teamId: string) {
  return db
    .select({
      id: inquiryCycles.id,
      teamId: inquiryCycles.teamId,
      title: inquiryCycles.title,
      question: inquiryCycles.question,
      templateName: inquiryCycles.templateName,
      state: inquiryCycles.state,
      loop: inquiryCycles.loop,
      seriesId: inquiryCycles.seriesId,
      sharedWithLeaders: inquiryCycles.sharedWithLeaders,
      updatedAt: inquiryCycles.updatedAt,
      finishedAt: inquiryCycles.finishedAt,
    })
    .from(inquiryCycles)
    .where(and(eq(inquiryCycles.teamId, teamId), visibleCycles(actor)))
    .orderBy(desc(inquiryCycles.updatedAt), desc(inquiryCycles.id))
    .limit(SPACE_LIMITS.cycles);
}

/** Ready videos shared with the team (visibility 'team') that the actor may watch, newest first. */
export function teamVideos(db: DbOrTx, actor: Actor, teamId: string) {
  return db
    .select({ id: videos.id, title: videos.title, createdAt: videos.createdAt })
    .from(videos)
    .where(
      and(
        eq(videos.teamId, teamId),
        eq(videos.visibility, 'team'),
        eq(videos.status, 'ready'),
        policySql.visibleVideos(actor),
      ),
    )
    .orderBy(desc(videos.createdAt), desc(videos.id))
    .limit(SPACE_LIMITS.videos);
}

/** The person's teams (from team_memberships), with their active cycles and open tasks counted. */
export function myTeams(db: DbOrTx, userId: string) {
  return rows<{
    id: string;
    name: string;
    type: (typeof teams.$inferSelect)['type'];
    institutionId: string;
    institutionName: string;
    activeCycles: number;
    openTasks: number;
  }>(
    db,
    sql`select t.id, t.name, t.type, i.id as "institutionId", i.name as "institutionName",
        (select count(*)::int from ${inquiryCycles} c where c.team_id = t.id and c.state <> 'afsluttet') as "activeCycles",
        (select count(*)::int from ${inquiryTasks} k where k.team_id = t.id and k.done_at is null) as "openTasks"
      from ${teamMemberships} m
      join ${teams} t on t.id = m.team_id
      join ${institutions} i on i.id = t.institution_id
      where m.user_id = ${userId}
      order by lower(i.name), lower(t.name), t.id
      limit ${SPACE_LIMITS.myTeams}`,
  );
}

/**
 * Teams of the given institutions the person is not a member of (a leader's view of the house), with the active
 * cycles their teams share with leadership counted — nothing else of their work.
 */
export function ledTeams(db: DbOrTx, userId: string, institutionIds: string[]) {
  if (institutionIds.length === 0) return Promise.resolve([]);
  return rows<{
    id: string;
    name: string;
    type: (typeof teams.$inferSelect)['type'];
    institutionId: string;
    institutionName: string;
    kommuneId: string;
    sharedCycles: number;
  }>(
    db,
    sql`select t.id, t.name, t.type, i.id as "institutionId", i.name as "institutionName", i.kommune_id as "kommuneId",
        (select count(*)::int from ${inquiryCycles} c
          where c.team_id = t.id and c.state <> 'afsluttet' and c.shared_with_leaders) as "sharedCycles"
      from ${teams} t
      join ${institutions} i on i.id = t.institution_id
      where t.institution_id in (${sql.join(
        institutionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and not exists (select 1 from ${teamMemberships} m where m.team_id = t.id and m.user_id = ${userId})
      order by lower(i.name), lower(t.name), t.id
      limit ${SPACE_LIMITS.myTeams}`,
  );
}
