import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/index.js';
import {
  inquiryCycles,
  meetingContributions,
  meetingDecisions,
  meetingRounds,
  teamMeetings,
} from '../../../db/inquiry-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, sessions, teamMemberships, teams, users } from '../../../db/schema.js';

/** SQL for team meetings (issue 16, T3): no rules here — the service decides who may do what. */

const m = teamMeetings;
const fac = alias(users, 'facilitator');
const tim = alias(users, 'timekeeper');
const dat = alias(users, 'dataholder');

/** A meeting with its team's policy view, the role holders' and the cycle's names: one round trip. */
const meetingColumns = {
  meeting: m,
  teamName: teams.name,
  institutionId: teams.institutionId,
  institutionType: institutions.type,
  kommuneId: institutions.kommuneId,
  cycleTitle: inquiryCycles.title,
  facilitatorName: fac.name,
  timekeeperName: tim.name,
  dataholderName: dat.name,
};

const selectMeetings = (db: DbOrTx) =>
  db
    .select(meetingColumns)
    .from(m)
    .innerJoin(teams, eq(teams.id, m.teamId))
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .leftJoin(inquiryCycles, eq(inquiryCycles.id, m.cycleId))
    .leftJoin(fac, eq(fac.id, m.facilitatorId))
    .leftJoin(tim, eq(tim.id, m.timekeeperId))
    .leftJoin(dat, eq(dat.id, m.dataholderId));

export type MeetingRow = Awaited<ReturnType<typeof getMeeting>> & {};

export async function getMeeting(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = selectMeetings(db).where(eq(m.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: m }) : await q;
  return row;
}

/** A team's meetings, the latest first, one page after the cursor (startsAt, id). */
export async function listMeetings(
  db: DbOrTx,
  teamId: string,
  limit: number,
  after?: { startsAt: Date; id: string },
) {
  return selectMeetings(db)
    .where(
      and(
        eq(m.teamId, teamId),
        after
          ? or(lt(m.startsAt, after.startsAt), and(eq(m.startsAt, after.startsAt), lt(m.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(m.startsAt), desc(m.id))
    .limit(limit + 1);
}

/** The team's members, alphabetically (the rotation's order). */
export async function teamMembers(db: DbOrTx, teamId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), eq(users.status, 'active')))
    .orderBy(asc(users.name), asc(users.id));
}

/** The role holders of the team's latest meeting (by when it was planned), with their names. */
export async function previousHolders(db: DbOrTx, teamId: string) {
  const [row] = await selectMeetings(db)
    .where(eq(m.teamId, teamId))
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(1);
  return row;
}

export async function cycleOfTeam(db: DbOrTx, cycleId: string, teamId: string) {
  const [row] = await db
    .select({ id: inquiryCycles.id })
    .from(inquiryCycles)
    .where(and(eq(inquiryCycles.id, cycleId), eq(inquiryCycles.teamId, teamId)));
  return row;
}

export async function insertMeeting(db: DbOrTx, v: typeof m.$inferInsert): Promise<string> {
  const [row] = await db.insert(m).values(v).returning({ id: m.id });
  return row.id;
}

export async function updateMeeting(db: DbOrTx, id: string, v: Partial<typeof m.$inferInsert>) {
  await db
    .update(m)
    .set({ ...v, version: sql`${m.version} + 1` })
    .where(eq(m.id, id));
}

// Rounds and contributions

export async function listRounds(db: DbOrTx, meetingId: string) {
  return db
    .select()
    .from(meetingRounds)
    .where(eq(meetingRounds.meetingId, meetingId))
    .orderBy(asc(meetingRounds.startedAt), asc(meetingRounds.id));
}

export async function countRounds(db: DbOrTx, meetingId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(meetingRounds)
    .where(eq(meetingRounds.meetingId, meetingId));
  return r.n;
}

export async function getRound(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(meetingRounds).where(eq(meetingRounds.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertRound(db: DbOrTx, v: typeof meetingRounds.$inferInsert): Promise<string> {
  const [row] = await db.insert(meetingRounds).values(v).returning({ id: meetingRounds.id });
  return row.id;
}

export async function updateRound(db: DbOrTx, id: string, v: Partial<typeof meetingRounds.$inferInsert>) {
  await db.update(meetingRounds).set(v).where(eq(meetingRounds.id, id));
}

/** Ends every open round of the meeting (a new round, or the meeting's end). */
export async function endOpenRounds(db: DbOrTx, meetingId: string, at: Date) {
  await db
    .update(meetingRounds)
    .set({ endedAt: at })
    .where(and(eq(meetingRounds.meetingId, meetingId), isNull(meetingRounds.endedAt)));
}

const contributionColumns = {
  id: meetingContributions.id,
  roundId: meetingContributions.roundId,
  authorId: meetingContributions.authorId,
  authorName: users.name,
  body: meetingContributions.body,
  createdAt: meetingContributions.createdAt,
};

/** Every contribution to the meeting's rounds, oldest first (bounded by the limits per round and meeting). */
export async function listContributions(db: DbOrTx, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select(contributionColumns)
    .from(meetingContributions)
    .innerJoin(users, eq(users.id, meetingContributions.authorId))
    .where(inArray(meetingContributions.roundId, roundIds))
    .orderBy(asc(meetingContributions.createdAt), asc(meetingContributions.id));
}

export async function countContributions(db: DbOrTx, roundId: string, authorId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(meetingContributions)
    .where(and(eq(meetingContributions.roundId, roundId), eq(meetingContributions.authorId, authorId)));
  return r.n;
}

/** The contribution stored under this (round, author, client key), if any. */
export async function findByKey(db: DbOrTx, k: { roundId: string; authorId: string; clientKey: string }) {
  const [row] = await db
    .select({ id: meetingContributions.id })
    .from(meetingContributions)
    .where(
      and(
        eq(meetingContributions.roundId, k.roundId),
        eq(meetingContributions.authorId, k.authorId),
        eq(meetingContributions.clientKey, k.clientKey),
      ),
    );
  return row;
}

/**
 * Stores a contribution once per (round, author, client key): a concurrent resend finds the row stored the first
 * time. `created` says whether this call stored it.
 */
export async function insertContribution(
  db: DbOrTx,
  v: { roundId: string; authorId: string; body: string; clientKey: string },
): Promise<{ id: string; created: boolean }> {
  const [made] = await db
    .insert(meetingContributions)
    .values(v)
    .onConflictDoNothing({
      target: [meetingContributions.roundId, meetingContributions.authorId, meetingContributions.clientKey],
    })
    .returning({ id: meetingContributions.id });
  if (made) return { id: made.id, created: true };
  const found = await findByKey(db, v);
  return { id: found?.id ?? '', created: false };
}

export async function findContribution(db: DbOrTx, id: string) {
  const [row] = await db
    .select(contributionColumns)
    .from(meetingContributions)
    .innerJoin(users, eq(users.id, meetingContributions.authorId))
    .where(eq(meetingContributions.id, id));
  return row;
}

// Decisions

export async function listDecisions(db: DbOrTx, meetingId: string) {
  return db
    .select({
      id: meetingDecisions.id,
      body: meetingDecisions.body,
      createdById: meetingDecisions.createdBy,
      createdByName: users.name,
      createdAt: meetingDecisions.createdAt,
    })
    .from(meetingDecisions)
    .leftJoin(users, eq(users.id, meetingDecisions.createdBy))
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id));
}

export async function countDecisions(db: DbOrTx, meetingId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, meetingId));
  return r.n;
}

export async function insertDecision(db: DbOrTx, v: typeof meetingDecisions.$inferInsert) {
  await db.insert(meetingDecisions).values(v);
}

// Live streams

/**
 * Of the (person, session) pairs watching a team's meeting, those that may still watch: the person is an active
 * member of the team and the session is still there. One query for any number of streams.
 */
export async function stillWatching(
  db: DbOrTx,
  watchers: { teamId: string; userId: string; sessionId: string }[],
): Promise<Set<string>> {
  if (watchers.length === 0) return new Set();
  const found = await rows<{ key: string }>(
    db,
    sql`select w.team_id || '|' || w.user_id || '|' || w.session_id as key
          from jsonb_to_recordset(${JSON.stringify(
            watchers.map((w) => ({ team_id: w.teamId, user_id: w.userId, session_id: w.sessionId })),
          )}::jsonb) as w(team_id uuid, user_id uuid, session_id text)
          join ${teamMemberships} tm on tm.team_id = w.team_id and tm.user_id = w.user_id
          join ${users} u on u.id = w.user_id and u.status = 'active'
          join ${sessions} s on s.id = w.session_id and s.user_id = w.user_id and s.expires_at > now()`,
  );
  return new Set(found.map((r) => r.key));
}
