import type { z } from 'zod';
import type {
  ActionCreate,
  MeetingCreate,
  MeetingDetail,
  MeetingPage,
  MeetingUpdate,
  Minutes,
} from '../../../../shared/contracts/meetings.js';
import type { MeetingRole } from '../../../../shared/inquiry.js';
import { MEETING_LIMITS } from '../../../../shared/meetings.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { readCursor, writeCursor } from '../../../http/cursor.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, can, teamResource } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadTeam } from '../resource.js';
import { addTask } from '../tasks/service.js';
import * as repo from './repo.js';
import { rotateRoles } from './rotation.js';
import { presentDetail, presentSummary } from './state.js';

/**
 * Team meetings (issue 16, T3): planning (purpose, agenda under the three leadership moves, roles that rotate),
 * decisions, action items and minutes. Members only ('team.work'): to anyone else a meeting does not exist
 * (inquiry.meeting_not_found). Every change publishes `meeting.changed`, which the live streams resend.
 */

type Detail = z.output<typeof MeetingDetail>;
type Row = NonNullable<repo.MeetingRow>;
export type MeetingInput = z.output<typeof MeetingCreate>;
export type MeetingPatch = z.output<typeof MeetingUpdate>;

const ROLE_FIELDS: Record<MeetingRole, 'facilitatorId' | 'timekeeperId' | 'dataholderId'> = {
  facilitator: 'facilitatorId',
  timekeeper: 'timekeeperId',
  dataholder: 'dataholderId',
};

/**
 * The meeting, when the actor is a member of its team; else inquiry.meeting_not_found, as if it did not exist (a
 * leader, another team's member, another institution, a forged id). `forUpdate` locks the row.
 */
export async function loadMeeting(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Row> {
  const row = await repo.getMeeting(db, meetingId, opts);
  if (
    !row ||
    !can(
      actor,
      'team.work',
      teamResource({ id: row.meeting.teamId, institutionId: row.institutionId, kommuneId: row.kommuneId }),
    )
  )
    throw new AppError('inquiry.meeting_not_found');
  return row;
}

/** Every role holder given must be a member of the team (null: nobody holds the role). */
export function checkHolders(
  members: { id: string }[],
  v: { facilitatorId?: string | null; timekeeperId?: string | null; dataholderId?: string | null },
) {
  const ids = new Set(members.map((p) => p.id));
  for (const field of Object.values(ROLE_FIELDS)) {
    const holder = v[field];
    if (holder && !ids.has(holder)) throw new AppError('inquiry.not_team_member');
  }
}

async function checkCycle(db: DbOrTx, cycleId: string | null | undefined, teamId: string) {
  if (cycleId && !(await repo.cycleOfTeam(db, cycleId, teamId)))
    throw new AppError('inquiry.cycle_not_found');
}

const encodeCursor = (r: Row) => writeCursor([r.meeting.startsAt.toISOString(), r.meeting.id]);
function decodeCursor(c: string): { startsAt: Date; id: string } {
  const value = readCursor(c);
  const [at, id] = Array.isArray(value) ? value : [];
  if (typeof at === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
    const startsAt = new Date(at);
    if (!Number.isNaN(startsAt.getTime())) return { startsAt, id };
  }
  throw new AppError('request.invalid');
}

export function createMeetingService(ctx: AppContext) {
  const { db } = ctx;

  async function detail(actor: Actor, id: string): Promise<Detail> {
    return presentDetail(db, await loadMeeting(db, actor, id));
  }

  /** Runs `work` on the locked meeting (a member's), then publishes meeting.changed; answers the new state. */
  async function change(
    actor: Actor,
    id: string,
    work: (tx: DbOrTx, row: Row) => Promise<void>,
  ): Promise<Detail> {
    await ctx.events.transaction(db, async (tx, emit) => {
      const row = await loadMeeting(tx, actor, id, { forUpdate: true });
      await work(tx, row);
      emit({ type: 'meeting.changed', meetingId: id });
    });
    return detail(actor, id);
  }

  return {
    detail,
    change,

    async list(
      actor: Actor,
      teamId: string,
      q: { cursor?: string; limit: number },
    ): Promise<z.output<typeof MeetingPage>> {
      await loadTeam(db, actor, teamId, 'team.work');
      const found = await repo.listMeetings(
        db,
        teamId,
        q.limit,
        q.cursor ? decodeCursor(q.cursor) : undefined,
      );
      const page = found.slice(0, q.limit);
      return {
        items: page.map(presentSummary),
        nextCursor: found.length > q.limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },

    async create(actor: Actor, teamId: string, v: MeetingInput): Promise<Detail> {
      const id = await ctx.events.transaction(db, async (tx, emit) => {
        const team = await loadTeam(tx, actor, teamId, 'team.work');
        await checkCycle(tx, v.cycleId, team.id);
        const members = await repo.teamMembers(tx, team.id);
        checkHolders(members, v);
        const before = await repo.previousHolders(tx, team.id);
        const rotation = rotateRoles(
          members,
          before && {
            facilitator: before.meeting.facilitatorId
              ? { id: before.meeting.facilitatorId, name: before.facilitatorName ?? '' }
              : null,
            timekeeper: before.meeting.timekeeperId
              ? { id: before.meeting.timekeeperId, name: before.timekeeperName ?? '' }
              : null,
            dataholder: before.meeting.dataholderId
              ? { id: before.meeting.dataholderId, name: before.dataholderName ?? '' }
              : null,
          },
        );
        const made = await repo.insertMeeting(tx, {
          teamId: team.id,
          cycleId: v.cycleId,
          title: v.title,
          startsAt: v.startsAt,
          purpose: v.purpose,
          agenda: v.agenda,
          facilitatorId: v.facilitatorId !== undefined ? v.facilitatorId : rotation.facilitator,
          timekeeperId: v.timekeeperId !== undefined ? v.timekeeperId : rotation.timekeeper,
          dataholderId: v.dataholderId !== undefined ? v.dataholderId : rotation.dataholder,
          createdBy: actor.id,
        });
        await audit(tx, actor, 'inquiry.meeting_create', 'team', team.id, { meetingId: made });
        emit({ type: 'meeting.changed', meetingId: made });
        return made;
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, v: MeetingPatch): Promise<Detail> {
      return change(actor, id, async (tx, row) => {
        if (row.meeting.version !== v.version) throw new AppError('inquiry.stale');
        await checkCycle(tx, v.cycleId, row.meeting.teamId);
        if (v.facilitatorId || v.timekeeperId || v.dataholderId)
          checkHolders(await repo.teamMembers(tx, row.meeting.teamId), v);
        const { version: _, ...fields } = v;
        await repo.updateMeeting(tx, id, fields);
      });
    },

    async decide(actor: Actor, id: string, body: string): Promise<Detail> {
      return change(actor, id, async (tx) => {
        if ((await repo.countDecisions(tx, id)) >= MEETING_LIMITS.decisionsPerMeeting)
          throw new AppError('inquiry.meeting_full');
        await repo.insertDecision(tx, { meetingId: id, body, createdBy: actor.id });
      });
    },

    /** An action item: a task (kind 'action') of the meeting's team and cycle; its owner is told. */
    async addAction(actor: Actor, id: string, v: z.output<typeof ActionCreate>): Promise<Detail> {
      return change(actor, id, async (tx, row) => {
        await addTask(
          tx,
          actor,
          {
            teamId: row.meeting.teamId,
            teamName: row.teamName,
            cycleId: row.meeting.cycleId,
            cycleTitle: row.cycleTitle,
            meetingId: id,
          },
          {
            kind: 'action',
            title: v.title,
            ownerId: v.ownerId,
            dueOn: v.dueOn,
            analyseOn: null,
            remindDays: 2,
          },
        );
      });
    },

    async minutes(actor: Actor, id: string): Promise<z.output<typeof Minutes>> {
      const { members: _m, version: _v, serverNow: _n, ...rest } = await detail(actor, id);
      return rest;
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
