import { eq, lt, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/index.js';
import { rateLimitCounts } from '../db/schema.js';

/**
 * A fixed-window limit per key: `hit` counts an attempt and resolves to 0 when it is allowed, else to the whole
 * seconds until the key's window is over (for Retry-After); `undo` takes one back; `reset` forgets the key.
 */
export type Limiter = {
  hit(key: string): Promise<number>;
  undo(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

/**
 * The limit `name` for this database: counted in the database on PostgreSQL, where several processes share it
 * (a limit per process would multiply by the number of processes behind the load balancer); in memory on
 * PGlite, where one process is all there is.
 */
export function createLimiter(database: Database, name: string, max: number, windowMs: number): Limiter {
  if (database.kind === 'postgres') return new SharedRateLimiter(database.db, `${name}:`, max, windowMs);
  const memory = new RateLimiter(max, windowMs);
  return {
    hit: async (key) => (memory.hit(key) ? 0 : memory.secondsLeft(key)),
    undo: async (key) => memory.undo(key),
    reset: async (key) => memory.reset(key),
  };
}

/** Fixed-window counters in memory, per key. Per process: with several web processes each counts on its own. */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns false when the key is over its limit. */
  hit(key: string, now = Date.now()): boolean {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size > 50_000) this.prune(now);
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    entry.count++;
    return entry.count <= this.max;
  }

  /** Takes back one counted attempt (a successful sign-in should not use up a shared IP's budget). */
  undo(key: string) {
    const entry = this.hits.get(key);
    if (entry && entry.count > 0) entry.count--;
  }

  /** Whole seconds until the key's window starts again (at least 1): for a Retry-After header. */
  secondsLeft(key: string, now = Date.now()): number {
    const entry = this.hits.get(key);
    return Math.max(1, Math.ceil(((entry?.resetAt ?? now) - now) / 1000));
  }

  reset(key: string) {
    this.hits.delete(key);
  }

  private prune(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}

/**
 * Fastify's `trustProxy` for `hops` reverse proxies in front (0: none): the client address is the entry that many
 * hops from the right of X-Forwarded-For, so whatever the client itself wrote further left never picks a rate-limit
 * key. A function, because Fastify ignores a bare hop count (it cannot check the peer is the proxy) and `true`
 * would trust the leftmost entry. Set it only when Amongi is reachable through the proxy alone.
 */
export function trustProxyHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

/**
 * The same fixed window as RateLimiter, counted in the database (`rate_limit_counts`), so every process on one
 * PostgreSQL database shares it: one upsert per hit. Rows whose window is long over are deleted once a minute.
 */
export class SharedRateLimiter implements Limiter {
  private lastSweep = 0;
  constructor(
    private readonly db: DbOrTx,
    /** Keeps the keys of different limits apart in the one table. */
    private readonly prefix: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; resolves to 0 when allowed, else the whole seconds until the key's window is over. */
  async hit(name: string): Promise<number> {
    const key = this.prefix + name;
    const fresh = sql`${rateLimitCounts.windowStart} > now() - make_interval(secs => ${this.windowMs / 1000})`;
    const [row] = await this.db
      .insert(rateLimitCounts)
      .values({ key, windowStart: sql`now()`, count: 1 })
      .onConflictDoUpdate({
        target: rateLimitCounts.key,
        set: {
          count: sql`case when ${fresh} then ${rateLimitCounts.count} + 1 else 1 end`,
          windowStart: sql`case when ${fresh} then ${rateLimitCounts.windowStart} else now() end`,
        },
      })
      .returning({
        count: rateLimitCounts.count,
        left: sql<number>`extract(epoch from ${rateLimitCounts.windowStart} - now())::float8 + ${this.windowMs / 1000}`,
      });
    this.sweep();
    if (!row || row.count <= this.max) return 0;
    return Math.max(1, Math.ceil(Number(row.left)));
  }

  /** Takes back one counted attempt. */
  async undo(name: string) {
    await this.db
      .update(rateLimitCounts)
      .set({ count: sql`greatest(${rateLimitCounts.count} - 1, 0)` })
      .where(eq(rateLimitCounts.key, this.prefix + name));
  }

  async reset(name: string) {
    await this.db.delete(rateLimitCounts).where(eq(rateLimitCounts.key, this.prefix + name));
  }

  private sweep() {
    const now = Date.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const old = sql`now() - make_interval(secs => ${(2 * this.windowMs) / 1000})`;
    this.db
      .delete(rateLimitCounts)
      .where(lt(rateLimitCounts.windowStart, old))
      .catch(() => {}); // the next sweep tries again
  }
}
