import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { RetryLaterError } from '../http/errors.js';

export type QueueLimits = { maxWaiting: number; maxWaitMs: number };

type Waiter = { start: () => void; fail: (err: Error) => void; timer?: NodeJS.Timeout };

/**
 * The lane of the queries started in this async context: 'heavy' while a heavy read (an aggregate, a CSV export;
 * `config: { heavy: true }` on its route) is being answered — http/heavy-reads.ts runs the request in it.
 */
export const queryLane = new AsyncLocalStorage<'heavy'>();

/** While heavy queries wait, at most this many light ones go before the next heavy one (no starving either). */
export const LIGHT_BURST = 4;

/**
 * The line in front of PGlite's one connection. PGlite runs one query or transaction at a time and lets the rest
 * wait without end; here at most `maxWaiting` wait, each at most `maxWaitMs`, and the others are refused at once
 * with 503 `server.busy` and a Retry-After — a clear answer instead of a request that hangs. A priority caller
 * (/healthz) goes to the front, so it waits for the query that is running and nothing else.
 *
 * Two lanes share the turn fairly: the queries of heavy reads wait in their own lane, and the light ones (a
 * page's own data, /me, search) go first — up to LIGHT_BURST in a row while heavy ones wait — so one person
 * sending aggregates in parallel delays everyone else by at most the query that is running, not by all of theirs.
 * Heavy queries may take at most half of the places in the line, so they never fill it for the others.
 */
export class QueryQueue {
  private busy = false;
  private readonly light: Waiter[] = [];
  private readonly heavy: Waiter[] = [];
  /** Light turns given in a row while heavy ones waited. */
  private streak = 0;
  constructor(public limits: QueueLimits) {}

  /** How many wait now (for /metrics and tests). */
  get length() {
    return this.light.length + this.heavy.length;
  }

  /** How many of them are heavy reads' queries. */
  get heavyLength() {
    return this.heavy.length;
  }

  async run<T>(work: () => Promise<T>, priority = false): Promise<T> {
    await this.turn(priority);
    try {
      return await work();
    } finally {
      this.next();
    }
  }

  private turn(priority: boolean): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    const lane = !priority && queryLane.getStore() === 'heavy' ? this.heavy : this.light;
    // Heavy reads may fill half the line at most: the other half stays for everyone else's light requests.
    const full =
      this.length >= this.limits.maxWaiting ||
      (lane === this.heavy && this.heavy.length >= Math.max(1, Math.floor(this.limits.maxWaiting / 2)));
    if (!priority && full) return Promise.reject(this.refusal());
    return new Promise<void>((start, fail) => {
      const w: Waiter = { start, fail };
      if (!priority)
        w.timer = setTimeout(() => {
          const i = lane.indexOf(w);
          if (i >= 0) lane.splice(i, 1);
          fail(this.refusal());
        }, this.limits.maxWaitMs);
      if (priority) lane.unshift(w);
      else lane.push(w);
    });
  }

  /** The turn passes to the next waiter (busy stays true), or the line is free. */
  private next() {
    const heavyTurn = this.heavy.length > 0 && (this.light.length === 0 || this.streak >= LIGHT_BURST);
    const w = heavyTurn ? this.heavy.shift() : this.light.shift();
    this.streak = heavyTurn || this.heavy.length === 0 ? 0 : this.streak + 1;
    if (!w) {
      this.busy = false;
      return;
    }
    clearTimeout(w.timer);
    w.start();
  }

  private refusal() {
    return new RetryLaterError('server.busy', Math.max(1, Math.ceil(this.limits.maxWaitMs / 1000)));
  }
}

/**
 * Puts every top-level query, exec and transaction of `client` through `queue` (a transaction holds its turn
 * until it ends; the statements inside it run on the transaction's own handle). Returns the unqueued `query`
 * for priority use.
 */
export function queueClient(client: PGlite, queue: QueryQueue) {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  const queued = client as unknown as Record<'query' | 'exec' | 'transaction', unknown>;
  queued.query = (...args: Parameters<PGlite['query']>) => queue.run(() => query(...args));
  queued.exec = (...args: Parameters<PGlite['exec']>) => queue.run(() => exec(...args));
  queued.transaction = (...args: Parameters<PGlite['transaction']>) => queue.run(() => transaction(...args));
  return { query };
}
