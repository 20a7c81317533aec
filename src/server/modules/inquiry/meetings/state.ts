import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { MeetingDetail, MeetingSummary } from '../../../../shared/contracts/meetings.js';
import type { DbOrTx } from '../../../db/index.js';
import { users } from '../../../db/schema.js';
import { listMeetingTasks } from '../tasks/service.js';
import * as repo from './repo.js';

/**
 * A meeting as its members see it (the MeetingDetail contract): the same for every member, so the live stream
 * loads it once per change and sends it to every stream of the meeting. Seven queries whatever its size.
 */

type Detail = z.output<typeof MeetingDetail>;
type Summary = z.output<typeof MeetingSummary>;
type Row = NonNullable<repo.MeetingRow>;

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const presentSummary = (r: Row): Summary => ({
  id: r.meeting.id,
  teamId: r.meeting.teamId,
  cycle: r.meeting.cycleId ? { id: r.meeting.cycleId, title: r.cycleTitle ?? '' } : null,
  title: r.meeting.title,
  startsAt: r.meeting.startsAt,
  purpose: r.meeting.purpose,
  state: r.meeting.state,
  facilitator: ref(r.meeting.facilitatorId, r.facilitatorName),
  timekeeper: ref(r.meeting.timekeeperId, r.timekeeperName),
  dataholder: ref(r.meeting.dataholderId, r.dataholderName),
});

/** The meeting's full state, or undefined when it no longer exists. */
export async function meetingState(db: DbOrTx, meetingId: string): Promise<Detail | undefined> {
  const row = await repo.getMeeting(db, meetingId);
  if (!row) return undefined;
  return presentDetail(db, row);
}

export async function presentDetail(db: DbOrTx, row: Row): Promise<Detail> {
  const id = row.meeting.id;
  const [members, rounds, decisions, actions] = await Promise.all([
    repo.teamMembers(db, row.meeting.teamId),
    repo.listRounds(db, id),
    repo.listDecisions(db, id),
    listMeetingTasks(db, id),
  ]);
  const contributions = await repo.listContributions(
    db,
    rounds.map((r) => r.id),
  );
  // Speakers who have left the team keep their place in the round: their names in one query.
  const known = new Map(members.map((p) => [p.id, p.name]));
  const missing = [...new Set(rounds.flatMap((r) => r.speakerIds))].filter((s) => !known.has(s));
  if (missing.length)
    for (const u of await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, missing)))
      known.set(u.id, u.name);
  return {
    ...presentSummary(row),
    team: {
      id: row.meeting.teamId,
      name: row.teamName,
      institutionId: row.institutionId,
      institutionType: row.institutionType,
    },
    agenda: row.meeting.agenda,
    notes: row.meeting.notes,
    version: row.meeting.version,
    members,
    rounds: rounds.map((r) => ({
      id: r.id,
      prompt: r.prompt,
      speakers: r.speakerIds.map((s) => ({ id: s, name: known.get(s) ?? '' })),
      turn: r.turn,
      turnSeconds: r.turnSeconds,
      turnStartedAt: r.turnStartedAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      contributions: contributions
        .filter((c) => c.roundId === r.id)
        .map((c) => ({
          id: c.id,
          roundId: c.roundId,
          author: { id: c.authorId, name: c.authorName },
          body: c.body,
          createdAt: c.createdAt,
        })),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      body: d.body,
      createdBy: ref(d.createdById, d.createdByName),
      createdAt: d.createdAt,
    })),
    actions,
    startedAt: row.meeting.startedAt,
    endedAt: row.meeting.endedAt,
    serverNow: new Date(),
  };
}
