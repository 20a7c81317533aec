import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createLimiter, type Limiter } from '../auth/rate-limit.js';
import type { AppContext } from '../context.js';
import { queryLane } from '../db/pglite-queue.js';
import { RetryLaterError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `true`: an uncached read that is heavy on the database (aggregates, CSV exports). Each person may run
     * HEAVY_MAX_CONCURRENT of them at once (a few more wait for a turn) and HEAVY_MAX_PER_MINUTE a minute.
     */
    heavy?: boolean;
    /**
     * `true`: limited only for someone not signed in, per address — the public catalogue's search and front
     * page, which anyone on the internet can call (PUBLIC_SHARE times a person's heavy-read limits).
     */
    heavyWhenAnonymous?: boolean;
  }
}

type Limits = { concurrent: number; perMinute: number };
type Turn = { release: () => void } | { retryAfter: number };

/**
 * Per person (signed in) or per address (not): at most `concurrent` heavy reads run at once, up to four times
 * as many wait for a turn in order, the rest are refused; and at most `perMinute` start in a minute.
 *
 * The minute is counted in the database when there is one shared by several processes (PostgreSQL: one small
 * upsert per heavy read, next to a query that takes far longer), so a person gets `perMinute` in all, whichever
 * process answers. Concurrency is counted per process: what parallel requests exhaust is the process's own pool
 * and event loop, and a shared count would need a lease that outlives crashed processes. So with several web
 * processes one person runs at most `processes × concurrent` at once. On PGlite (one process) both are in memory.
 */
export class HeavyReadLimiter {
  private readonly running = new Map<string, number>();
  private readonly queues = new Map<string, (() => void)[]>();
  constructor(
    private readonly limits: Limits,
    /** The per-minute count (see createLimiter: in the database on PostgreSQL). */
    private readonly minute: Limiter,
  ) {}

  /** A turn for `key` (waiting for one if need be), or how many seconds to wait before trying again. */
  async take(key: string): Promise<Turn> {
    // The database briefly unreachable: let the read try (it needs the database too) rather than refuse.
    const wait = await this.minute.hit(key).catch(() => 0);
    if (wait > 0) return { retryAfter: wait };
    const running = this.running.get(key) ?? 0;
    const queue = this.queues.get(key) ?? [];
    if (running >= this.limits.concurrent) {
      if (queue.length >= this.limits.concurrent * 4) {
        await this.minute.undo(key).catch(() => {}); // refused before any work: does not use up the minute
        return { retryAfter: 1 };
      }
      this.queues.set(key, queue);
      await new Promise<void>((resolve) => queue.push(resolve)); // the running count is handed over, see release
    } else this.running.set(key, running + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const next = this.queues.get(key)?.shift();
        if (next) return next(); // the turn passes on: the running count stays
        if (this.queues.get(key)?.length === 0) this.queues.delete(key);
        const left = (this.running.get(key) ?? 1) - 1;
        if (left > 0) this.running.set(key, left);
        else this.running.delete(key);
      },
    };
  }
}

const turns = new WeakMap<FastifyRequest, () => void>();

/** How many people's heavy-read limits one address gets on the public catalogue (heavyWhenAnonymous). */
const PUBLIC_SHARE = 5;

/**
 * Enforces the per-person limits on every route with `config: { heavy: true }`, and per address on routes with
 * `heavyWhenAnonymous` when nobody is signed in (PUBLIC_SHARE times as many; 429 request.rate_limited).
 */
export function installHeavyReads(app: FastifyInstance, ctx: AppContext) {
  const { perMinute } = ctx.config.heavyReads;
  const limiter = new HeavyReadLimiter(
    ctx.config.heavyReads,
    createLimiter(ctx.database, 'heavy', perMinute, 60_000),
  );
  // The public catalogue counts apart: one address there is often a school's, a library's or a mobile
  // network's, shared by several curious visitors, so it gets a few people's worth.
  const publicLimits = {
    concurrent: ctx.config.heavyReads.concurrent * 2,
    perMinute: perMinute * PUBLIC_SHARE,
  };
  const publicLimiter = new HeavyReadLimiter(
    publicLimits,
    createLimiter(ctx.database, 'public', publicLimits.perMinute, 60_000),
  );
  // A heavy read's queries wait in the heavy lane of PGlite's line (db/pglite-queue.ts): light requests pass them.
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.routeOptions.config?.heavy) queryLane.run('heavy', done);
    else done();
  });
  app.addHook('preHandler', async (req, reply) => {
    const config = req.routeOptions.config;
    const publicRead = !config?.heavy && !!config?.heavyWhenAnonymous && !req.user;
    if (!config?.heavy && !publicRead) return;
    const turn = publicRead
      ? await publicLimiter.take(`ip:${req.ip}`)
      : await limiter.take(req.user ? `user:${req.user.id}` : `ip:${req.ip}`);
    if ('retryAfter' in turn) throw new RetryLaterError('request.rate_limited', turn.retryAfter);
    turns.set(req, turn.release);
    // The turn ends when the answer is sent or the client goes away, whichever comes first.
    reply.raw.once('close', turn.release);
    if (reply.raw.destroyed || req.raw.destroyed) turn.release();
  });
  app.addHook('onResponse', async (req) => turns.get(req)?.());
  app.addHook('onRequestAbort', async (req) => turns.get(req)?.());
}
