import type { PGlite } from '@electric-sql/pglite';
import { RetryLaterError } from '../http/errors.js';

export type QueueLimits = { maxWaiting: number; maxWaitMs: number };

type Waiter = { start: () => void; fail: (err: Error) => void; timer?: NodeJS.Timeout };

/**
 * The line in front of PGlite's one connection. PGlite runs one query or transaction at a time and lets the rest
 * wait without end; here at most `maxWaiting` wait, each at most `maxWaitMs`, and the others are refused at once
 * with 503 `server.busy` and a Retry-After — a clear answer instead of a request that hangs. A priority caller
 * (/healthz) goes to the front, so it waits for the query that is running and nothing else.
 */
export class QueryQueue {
  private busy = false;
  private readonly waiting: Waiter[] = [];
  constructor(public limits: QueueLimits) {}

  /** How many wait now (for /metrics and tests). */
  get length() {
    return this.waiting.length;
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
    if (!priority && this.waiting.length >= this.limits.maxWaiting) return Promise.reject(this.refusal());
    return new Promise<void>((start, fail) => {
      const w: Waiter = { start, fail };
      if (!priority)
        w.timer = setTimeout(() => {
          const i = this.waiting.indexOf(w);
          if (i >= 0) this.waiting.splice(i, 1);
          fail(this.refusal());
        }, this.limits.maxWaitMs);
      if (priority) this.waiting.unshift(w);
      else this.waiting.push(w);
    });
  }

  /** The turn passes to the first waiter (busy stays true), or the line is free. */
  private next() {
    const w = this.waiting.shift();
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
