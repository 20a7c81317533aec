import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type * as c from '../../../shared/contracts/evaluation.js';
import { conversationPackages, conversationRecords } from '../../db/conversations-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { teamMeetings } from '../../db/inquiry-schema.js';
import { progressionConferences, progressionGroups } from '../../db/progression-schema.js';
import { teamMemberships } from '../../db/schema.js';
import type { Actor } from '../../policy/index.js';
import { visibleConversations } from '../../policy/sql-conversations.js';
import { progressionGroupsReadable } from '../../policy/sql-progression.js';
import type { ItemOut } from './present.js';

type MeetingLink = z.output<typeof c.MeetingLink>;

/** How far from an item's analysis day a meeting still counts as the one the item is analysed in. */
export const MEETING_WINDOW_DAYS = 14;

const shift = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const near = (item: ItemOut, on: string) =>
  !!item.analyseOn &&
  on >= shift(item.analyseOn, -MEETING_WINDOW_DAYS) &&
  on <= shift(item.analyseOn, MEETING_WINDOW_DAYS);
const dayIn = (col: unknown) => sql<string>`to_char(${col} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`;

/**
 * The meeting records an item of the year wheel is analysed in (P1: "in which meeting it is analysed"), found rather
 * than stored, so a meeting written down later links itself: within MEETING_WINDOW_DAYS of the item's analysis day,
 * - a læringssamtale with a team: the class conferences (progression) of that team's groups,
 * - another meeting with a team: the team's meetings (inquiry T3),
 * - a læringssamtale without a team, in an institution's wheel: the institution's learning conversations with
 *   forvaltning (P3).
 * Only records the actor may read (the policy's SQL twins; team meetings: the team's members) are returned.
 */
export async function meetingLinks(
  db: DbOrTx,
  actor: Actor,
  items: ItemOut[],
  institutionId: string | null,
): Promise<Map<string, MeetingLink[]>> {
  const out = new Map<string, MeetingLink[]>();
  const dated = items.filter((x) => x.analyseOn && x.meetingKind);
  if (!actor.id || !dated.length) return out;
  const days = dated.map((x) => x.analyseOn as string).sort();
  const from = shift(days[0], -MEETING_WINDOW_DAYS);
  const to = shift(days[days.length - 1], MEETING_WINDOW_DAYS);
  const add = (item: ItemOut, link: MeetingLink) => out.set(item.id, [...(out.get(item.id) ?? []), link]);

  const conferenceTeams = dated.filter((x) => x.meetingTeam && x.meetingKind === 'laeringssamtale');
  if (conferenceTeams.length) {
    const rows = await db
      .select({
        id: progressionConferences.id,
        groupId: progressionGroups.id,
        teamId: progressionGroups.teamId,
        name: progressionGroups.name,
        on: sql<string>`${progressionConferences.heldOn}::text`,
      })
      .from(progressionConferences)
      .innerJoin(progressionGroups, eq(progressionGroups.id, progressionConferences.groupId))
      .where(
        and(
          inArray(progressionGroups.teamId, [
            ...new Set(conferenceTeams.map((x) => x.meetingTeam?.id as string)),
          ]),
          gte(progressionConferences.heldOn, from),
          lte(progressionConferences.heldOn, to),
          progressionGroupsReadable(actor),
        ),
      )
      .orderBy(progressionConferences.heldOn);
    for (const item of conferenceTeams)
      for (const r of rows)
        if (r.teamId === item.meetingTeam?.id && near(item, r.on))
          add(item, {
            kind: 'conference',
            id: r.id,
            title: r.name,
            on: r.on,
            path: `/progression/grupper/${r.groupId}/samtaler/${r.id}`,
          });
  }

  const meetingTeams = dated.filter((x) => x.meetingTeam && x.meetingKind !== 'laeringssamtale');
  if (meetingTeams.length) {
    const on = dayIn(teamMeetings.startsAt);
    const rows = await db
      .select({
        id: teamMeetings.id,
        teamId: teamMeetings.teamId,
        title: teamMeetings.title,
        state: teamMeetings.state,
        on,
      })
      .from(teamMeetings)
      .where(
        and(
          inArray(teamMeetings.teamId, [...new Set(meetingTeams.map((x) => x.meetingTeam?.id as string))]),
          sql`${on} between ${from} and ${to}`,
          sql`exists (select 1 from ${teamMemberships} m where m.team_id = ${teamMeetings.teamId} and m.user_id = ${actor.id})`,
        ),
      )
      .orderBy(teamMeetings.startsAt);
    for (const item of meetingTeams)
      for (const r of rows)
        if (r.teamId === item.meetingTeam?.id && near(item, r.on))
          add(item, {
            kind: 'team_meeting',
            id: r.id,
            title: r.title,
            on: r.on,
            path: r.state === 'ended' ? `/moede/${r.id}/referat` : `/moede/${r.id}`,
          });
  }

  const conversations = dated.filter((x) => !x.meetingTeam && x.meetingKind === 'laeringssamtale');
  if (conversations.length && institutionId) {
    const on = sql<string>`coalesce(${conversationRecords.heldOn}, ${conversationPackages.plannedOn})::text`;
    const rows = await db
      .select({ id: conversationPackages.id, title: conversationPackages.title, on })
      .from(conversationPackages)
      .leftJoin(conversationRecords, eq(conversationRecords.packageId, conversationPackages.id))
      .where(
        and(
          eq(conversationPackages.institutionId, institutionId),
          sql`${on} between ${from} and ${to}`,
          visibleConversations(actor),
        ),
      );
    for (const item of conversations)
      for (const r of rows)
        if (near(item, r.on))
          add(item, {
            kind: 'conversation',
            id: r.id,
            title: r.title,
            on: r.on,
            path: `/laeringssamtaler/${r.id}`,
          });
  }
  return out;
}
