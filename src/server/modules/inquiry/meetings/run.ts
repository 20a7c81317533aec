import type { z } from 'zod';
import type { Contribution, ContributionCreate, RoundCreate } from '../../../../shared/contracts/meetings.js';
import { MEETING_LIMITS } from '../../../../shared/meetings.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import * as repo from './repo.js';
import { loadMeeting, type MeetingService } from './service.js';

/**
 * Meeting mode (issue 16, T3): the facilitator starts the meeting and its rounds, gives the word on and ends
 * them; every member adds contributions from their phone, each stored once per client key. The facilitator is
 * the one named on the meeting; when nobody is (or they have left the team), any member runs it. The timekeeper
 * may also give the word on. Every change publishes `meeting.changed` for the live streams.
 */

type Row = NonNullable<repo.MeetingRow>;

async function mayRun(tx: DbOrTx, actor: Actor, row: Row, opts: { timekeeper?: boolean } = {}) {
  const { facilitatorId, timekeeperId } = row.meeting;
  if (!facilitatorId || facilitatorId === actor.id) return;
  if (opts.timekeeper && timekeeperId === actor.id) return;
  const members = await repo.teamMembers(tx, row.meeting.teamId);
  if (!members.some((p) => p.id === facilitatorId)) return;
  throw new AppError('inquiry.not_facilitator');
}

function notEnded(row: Row) {
  if (row.meeting.state === 'ended') throw new AppError('inquiry.meeting_ended');
}

/** The round and its meeting (locked, a member's), or inquiry.round_not_found as if it did not exist. */
async function loadRound(tx: DbOrTx, actor: Actor, roundId: string) {
  const round = await repo.getRound(tx, roundId, { forUpdate: true });
  if (!round) throw new AppError('inquiry.round_not_found');
  try {
    return { round, row: await loadMeeting(tx, actor, round.meetingId, { forUpdate: true }) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'inquiry.meeting_not_found')
      throw new AppError('inquiry.round_not_found');
    throw err;
  }
}

export function createRunService(ctx: AppContext, meetings: MeetingService) {
  const { db } = ctx;

  /** Runs `work` on the locked round, then publishes its meeting's change; answers the meeting's new state. */
  async function roundChange(
    actor: Actor,
    roundId: string,
    work: (tx: DbOrTx, x: Awaited<ReturnType<typeof loadRound>>) => Promise<void>,
  ) {
    const meetingId = await ctx.events.transaction(db, async (tx, emit) => {
      const x = await loadRound(tx, actor, roundId);
      await work(tx, x);
      emit({ type: 'meeting.changed', meetingId: x.round.meetingId });
      return x.round.meetingId;
    });
    return meetings.detail(actor, meetingId);
  }

  return {
    start: (actor: Actor, id: string) =>
      meetings.change(actor, id, async (tx, row) => {
        await mayRun(tx, actor, row);
        notEnded(row);
        if (row.meeting.state === 'planned')
          await repo.updateMeeting(tx, id, { state: 'running', startedAt: new Date() });
      }),

    end: (actor: Actor, id: string) =>
      meetings.change(actor, id, async (tx, row) => {
        await mayRun(tx, actor, row);
        notEnded(row);
        const now = new Date();
        await repo.endOpenRounds(tx, id, now);
        await repo.updateMeeting(tx, id, {
          state: 'ended',
          endedAt: now,
          startedAt: row.meeting.startedAt ?? now,
        });
      }),

    /** A new round (the open one ends); a planned meeting starts with its first round. */
    startRound: (actor: Actor, id: string, v: z.output<typeof RoundCreate>) =>
      meetings.change(actor, id, async (tx, row) => {
        await mayRun(tx, actor, row);
        notEnded(row);
        const members = new Set((await repo.teamMembers(tx, row.meeting.teamId)).map((p) => p.id));
        if (v.speakerIds.some((s) => !members.has(s))) throw new AppError('inquiry.not_team_member');
        if ((await repo.countRounds(tx, id)) >= MEETING_LIMITS.roundsPerMeeting)
          throw new AppError('inquiry.meeting_full');
        const now = new Date();
        await repo.endOpenRounds(tx, id, now);
        await repo.insertRound(tx, {
          meetingId: id,
          prompt: v.prompt,
          speakerIds: v.speakerIds,
          turnSeconds: v.turnSeconds,
          turn: 0,
          turnStartedAt: now,
          startedAt: now,
        });
        if (row.meeting.state === 'planned')
          await repo.updateMeeting(tx, id, { state: 'running', startedAt: now });
      }),

    /** The word goes to the next speaker; after the last one the round ends. */
    nextTurn: (actor: Actor, roundId: string) =>
      roundChange(actor, roundId, async (tx, { round, row }) => {
        await mayRun(tx, actor, row, { timekeeper: true });
        if (round.endedAt) throw new AppError('inquiry.round_ended');
        const now = new Date();
        const turn = round.turn + 1;
        await repo.updateRound(
          tx,
          roundId,
          turn >= round.speakerIds.length ? { endedAt: now } : { turn, turnStartedAt: now },
        );
      }),

    endRound: (actor: Actor, roundId: string) =>
      roundChange(actor, roundId, async (tx, { round, row }) => {
        await mayRun(tx, actor, row);
        if (!round.endedAt) await repo.updateRound(tx, roundId, { endedAt: new Date() });
      }),

    /**
     * A member's contribution to an open round. The same client key again (a phone resending on bad wifi) stores
     * nothing and answers the row stored the first time (`created: false`), even once the round has ended.
     */
    async contribute(
      actor: Actor,
      roundId: string,
      v: z.output<typeof ContributionCreate>,
    ): Promise<{ contribution: z.output<typeof Contribution>; created: boolean }> {
      const result = await ctx.events.transaction(db, async (tx, emit) => {
        const { round, row } = await loadRound(tx, actor, roundId);
        const key = { roundId, authorId: actor.id, clientKey: v.clientKey };
        const before = await repo.findByKey(tx, key);
        if (before) return { id: before.id, created: false };
        if (round.endedAt) throw new AppError('inquiry.round_ended');
        if (row.meeting.state !== 'running') throw new AppError('inquiry.meeting_not_running');
        if ((await repo.countContributions(tx, roundId, actor.id)) >= MEETING_LIMITS.contributionsPerPerson)
          throw new AppError('inquiry.meeting_full');
        const made = await repo.insertContribution(tx, { ...key, body: v.body });
        if (made.created) emit({ type: 'meeting.changed', meetingId: round.meetingId });
        return made;
      });
      const c = await repo.findContribution(db, result.id);
      return {
        created: result.created,
        contribution: {
          id: c.id,
          roundId: c.roundId,
          author: { id: c.authorId, name: c.authorName },
          body: c.body,
          createdAt: c.createdAt,
        },
      };
    },
  };
}
