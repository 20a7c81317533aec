import { randomUUID } from 'node:crypto';
import type { Database, Db, Tx } from '../db/index.js';
import { type DomainEvent, type EventOf, type EventType, parseEvent } from './types.js';

/** The PostgreSQL channel all Amongi processes on one database listen on. */
export const EVENTS_CHANNEL = 'amongi_events';

type Log = { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
type Handler<T extends EventType> = (event: EventOf<T>) => void;

/**
 * The typed domain-event bus of one process (one per app context). `publish` applies an event to this
 * process's subscribers at once and, on PostgreSQL, sends it to every other process on the database through
 * NOTIFY; each process keeps one dedicated LISTEN connection (`connect`). When that connection is lost, events
 * may have been missed: every `onReset` handler runs (caches drop everything) when it is lost and again once
 * it is back. On PGlite (one process per data dir) delivery inside the process is all there is to do.
 */
export class EventBus {
  readonly origin = randomUUID();
  readonly #handlers = new Map<EventType, Set<(event: DomainEvent) => void>>();
  readonly #resets = new Set<() => void>();
  #database: Database | undefined;
  #listener: Awaited<ReturnType<NonNullable<Database['connectDedicated']>>> | undefined;
  #pending = new Set<Promise<unknown>>();
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  #log: Log | undefined;
  /** The backend pid of the LISTEN connection (PostgreSQL), for tests and diagnostics. */
  listenerPid: number | undefined;
  /** How often the LISTEN connection was (re)established. */
  connects = 0;

  subscribe<T extends EventType>(type: T, handler: Handler<T>): () => void {
    const set = this.#handlers.get(type) ?? new Set();
    this.#handlers.set(type, set);
    const h = handler as (event: DomainEvent) => void;
    set.add(h);
    return () => set.delete(h);
  }

  /** Runs when events may have been missed (the LISTEN connection was lost): drop whatever events keep right. */
  onReset(handler: () => void): () => void {
    this.#resets.add(handler);
    return () => this.#resets.delete(handler);
  }

  /** Publishes an event: call it after the change committed (or use `transaction`). */
  publish(event: DomainEvent): void {
    this.deliver(event);
    const database = this.#database;
    if (database?.kind !== 'postgres' || this.#closed) return;
    const payload = JSON.stringify({ o: this.origin, e: event });
    const sent = database
      .executeSql('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload])
      .catch((err: Error) =>
        this.#log?.warn({ err, event: event.type }, 'event not sent to other processes'),
      );
    this.#pending.add(sent);
    void sent.finally(() => this.#pending.delete(sent));
  }

  /**
   * Runs `work` in a transaction; the events it emits are published once the transaction committed, and not at
   * all when it rolls back.
   */
  async transaction<T>(db: Db, work: (tx: Tx, emit: (event: DomainEvent) => void) => Promise<T>): Promise<T> {
    const events: DomainEvent[] = [];
    const result = await db.transaction((tx) => work(tx, (e) => events.push(e)));
    for (const e of events) this.publish(e);
    return result;
  }

  /** Applies an event to this process's subscribers (a failing subscriber does not stop the others). */
  deliver(event: DomainEvent): void {
    for (const h of this.#handlers.get(event.type) ?? []) {
      try {
        h(event);
      } catch (err) {
        this.#log?.warn({ err, event: event.type }, 'event subscriber failed');
      }
    }
  }

  /** Every reset handler: events may have been missed. */
  reset(): void {
    for (const h of this.#resets) {
      try {
        h();
      } catch (err) {
        this.#log?.warn({ err }, 'event reset handler failed');
      }
    }
  }

  /** On PostgreSQL: opens the LISTEN connection (and keeps it open). On PGlite: nothing to do. */
  async connect(database: Database, log?: Log): Promise<void> {
    this.#database = database;
    this.#log = log;
    if (database.kind !== 'postgres' || !database.connectDedicated) return;
    await this.#listen();
  }

  async #listen(): Promise<void> {
    const connect = this.#database?.connectDedicated;
    if (!connect || this.#closed) return;
    const client = await connect();
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.#listener === client) this.#listener = undefined;
      client.end().catch(() => {});
      if (this.#closed) return;
      this.#log?.warn({ err }, 'event listener connection lost: caches dropped, reconnecting');
      this.reset();
      this.#reconnect(250);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return;
      let parsed: { o?: unknown; e?: unknown };
      try {
        parsed = JSON.parse(msg.payload);
      } catch {
        return;
      }
      if (parsed.o === this.origin) return; // applied locally when published
      const event = parseEvent(parsed.e);
      if (event) this.deliver(event);
    });
    try {
      await client.query(`listen ${EVENTS_CHANNEL}`);
      const r = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      this.listenerPid = r.rows[0]?.pid;
    } catch (err) {
      onLost(err as Error);
      throw err;
    }
    this.#listener = client;
    this.connects++;
  }

  #reconnect(delayMs: number) {
    if (this.#closed || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#listen().then(
        () => this.reset(), // events published while we were away were missed
        () => this.#reconnect(Math.min(delayMs * 2, 5_000)),
      );
    }, delayMs);
    this.#retry.unref();
  }

  /** Whether the LISTEN connection is up (always true on PGlite, where there is none to lose). */
  get listening(): boolean {
    return this.#database?.kind !== 'postgres' || this.#listener !== undefined;
  }

  /** Waits for NOTIFYs under way, then closes the LISTEN connection. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
    this.#closed = true;
    clearTimeout(this.#retry);
    const l = this.#listener;
    this.#listener = undefined;
    await l?.end().catch(() => {});
  }
}
