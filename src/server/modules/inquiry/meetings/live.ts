import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { MeetingDetail } from '../../../../shared/contracts/meetings.js';
import { MEETING_HEARTBEAT_SECONDS, MEETING_LIMITS } from '../../../../shared/meetings.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import * as repo from './repo.js';
import { meetingState } from './state.js';

/**
 * The live streams of meeting mode (server-sent events), one hub per app process. A stream's first event is the
 * meeting's full state; after every `meeting.changed` — published by any process, on PostgreSQL it arrives here
 * through the events' LISTEN/NOTIFY — the state is read once and sent to every stream of the meeting in this
 * process. When someone's membership, role, session or team changes (`person.changed`, `sessions.revoked`,
 * `session.revoked`, `directory.renamed`; everything after the events' connection was lost), their streams are
 * checked against the database in one query and closed at once when they may no longer watch. Heartbeat comments
 * keep proxies from closing a quiet stream; a person has at most a few streams in a process (the oldest goes).
 */

type Stream = {
  meetingId: string;
  teamId: string;
  userId: string;
  sessionId: string;
  reply: FastifyReply;
  openedAt: number;
};
type Meeting = { streams: Set<Stream>; fresh: Set<Stream>; dirty: boolean; loading: boolean };

/** A stream whose client reads slower than this much unsent data is closed (it reconnects and gets the state). */
const MAX_BUFFERED = 1024 * 1024;

export class MeetingHub {
  readonly #meetings = new Map<string, Meeting>();
  readonly #byUser = new Map<string, Set<Stream>>();
  readonly #off: (() => void)[] = [];
  readonly #heartbeat: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {
    const ev = ctx.events;
    this.#off.push(
      ev.subscribe('meeting.changed', (e) => this.changed(e.meetingId)),
      ev.subscribe('person.changed', (e) => void this.recheck(this.#of(e.userId))),
      ev.subscribe('sessions.revoked', (e) => void this.recheck(this.#of(e.userId))),
      ev.subscribe(
        'session.revoked',
        (e) => void this.recheck(this.#all().filter((s) => s.sessionId === e.sessionId)),
      ),
      ev.subscribe('directory.renamed', () => void this.recheck(this.#all())),
      ev.onReset(() => {
        void this.recheck(this.#all());
        for (const id of this.#meetings.keys()) this.changed(id);
      }),
    );
    this.#heartbeat = setInterval(() => {
      for (const s of this.#all()) this.#write(s, ': hb\n\n');
    }, MEETING_HEARTBEAT_SECONDS * 1000);
    this.#heartbeat.unref();
  }

  /** How many streams are open in this process (for tests and metrics). */
  get size(): number {
    return this.#all().length;
  }

  /**
   * Takes over the reply and sends the meeting's state, then its changes, until the client goes. With this
   * process's streams at MEETING_STREAMS_MAX (a person replacing their own oldest one aside), refuses with 503 inquiry.live_busy (the EventSource retries after Retry-After).
   */
  open(reply: FastifyReply, who: { meetingId: string; teamId: string; userId: string; sessionId: string }) {
    const max = this.ctx.config.meetingStreamsMax;
    const replacing = (this.#byUser.get(who.userId)?.size ?? 0) >= MEETING_LIMITS.streamsPerPerson;
    if (!replacing && this.size >= max) {
      reply.header('retry-after', '10');
      throw new AppError('inquiry.live_busy');
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(`retry: 2000\n\n`);
    const stream: Stream = { ...who, reply, openedAt: Date.now() };
    const mine = this.#byUser.get(who.userId) ?? new Set();
    this.#byUser.set(who.userId, mine);
    // Bounded: a person's oldest stream in this process makes way (a reloaded page leaves one behind a while).
    while (mine.size >= MEETING_LIMITS.streamsPerPerson) {
      const oldest = [...mine].sort((a, b) => a.openedAt - b.openedAt)[0];
      this.close(oldest, 'replaced');
    }
    mine.add(stream);
    const m = this.#meeting(who.meetingId);
    m.streams.add(stream);
    m.fresh.add(stream);
    res.on('close', () => this.#forget(stream));
    void this.#send(who.meetingId);
  }

  /** The meeting changed: its streams here get the new state (reads coalesce while one is under way). */
  changed(meetingId: string) {
    const m = this.#meetings.get(meetingId);
    if (!m) return;
    m.dirty = true;
    void this.#send(meetingId);
  }

  /** Closes every stream that may no longer watch (not a member, disabled, session gone). */
  async recheck(streams: Stream[]) {
    if (streams.length === 0) return;
    try {
      const ok = await repo.stillWatching(this.ctx.db, streams);
      for (const s of streams) if (!ok.has(`${s.teamId}|${s.userId}|${s.sessionId}`)) this.close(s, 'access');
    } catch (err) {
      this.ctx.log.warn({ err }, 'meeting streams: access check failed, closing them');
      for (const s of streams) this.close(s, 'error');
    }
  }

  /** Ends a stream, telling the client why (it does not reconnect after `closed`). */
  close(s: Stream, reason: 'access' | 'gone' | 'replaced' | 'shutdown' | 'error' | 'slow') {
    this.#forget(s);
    const res = s.reply.raw;
    if (res.writableEnded) return;
    if (reason !== 'slow') res.write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
    res.end();
  }

  /** Ends every stream (the app is closing) and stops listening. */
  closeAll() {
    clearInterval(this.#heartbeat);
    for (const off of this.#off.splice(0)) off();
    for (const s of this.#all()) this.close(s, 'shutdown');
  }

  async #send(meetingId: string) {
    const m = this.#meetings.get(meetingId);
    if (!m || m.loading) return;
    m.loading = true;
    try {
      while (m.dirty || m.fresh.size > 0) {
        const targets = m.dirty ? [...m.streams] : [...m.fresh];
        m.dirty = false;
        m.fresh.clear();
        const state = await meetingState(this.ctx.db, meetingId);
        if (!state) {
          for (const s of targets) this.close(s, 'gone');
          continue;
        }
        const data = `event: state\ndata: ${JSON.stringify(encodeState(state))}\n\n`;
        for (const s of targets) if (m.streams.has(s)) this.#write(s, data);
      }
    } catch (err) {
      this.ctx.log.warn({ err, meetingId }, 'meeting streams: state not sent');
      for (const s of [...m.streams]) this.close(s, 'error');
    } finally {
      m.loading = false;
    }
  }

  #write(s: Stream, data: string) {
    const res = s.reply.raw;
    if (res.writableEnded || res.destroyed) return this.#forget(s);
    if (res.writableLength > MAX_BUFFERED) return this.close(s, 'slow');
    res.write(data);
  }

  #forget(s: Stream) {
    const m = this.#meetings.get(s.meetingId);
    m?.streams.delete(s);
    m?.fresh.delete(s);
    if (m && m.streams.size === 0 && !m.loading) this.#meetings.delete(s.meetingId);
    const mine = this.#byUser.get(s.userId);
    mine?.delete(s);
    if (mine?.size === 0) this.#byUser.delete(s.userId);
  }

  #meeting(id: string): Meeting {
    let m = this.#meetings.get(id);
    if (!m) {
      m = { streams: new Set(), fresh: new Set(), dirty: false, loading: false };
      this.#meetings.set(id, m);
    }
    return m;
  }

  #of = (userId: string) => [...(this.#byUser.get(userId) ?? [])];
  #all = () => [...this.#byUser.values()].flatMap((set) => [...set]);
}

/** The state on the wire, through the contract like every answer (a field it does not name never leaves). */
const encodeState = (state: z.output<typeof MeetingDetail>) => MeetingDetail.encode(state);
