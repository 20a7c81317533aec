import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { SessionCache } from './auth/session-cache.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/index.js';
import { EventBus } from './events/index.js';
import { createJobs, type Jobs } from './jobs/index.js';
import { createStorage, type Storage } from './storage/index.js';

/** What services need from the running app. Built once (`buildContext`) and passed to each module. */
export type AppContext = {
  db: Db;
  database: Database;
  config: Config;
  /** Secret for CSRF tokens; from SESSION_SECRET or generated once and kept in the database. */
  secret: string;
  log: FastifyBaseLogger;
  /** Sessions read on every request; kept right by the session and person events (see auth/session.ts). */
  sessions: SessionCache;
  /** Where media files live (local disk or S3). */
  storage: Storage;
  /** The job queue (pg-boss); it starts on first use. */
  jobs: Jobs;
  /** Domain events: published after commit, delivered here at once and (PostgreSQL) to every other process. */
  events: EventBus;
};

export type ContextOptions = {
  config: Config;
  database: Database;
  secret: string;
  /** The logger; by default one at the configured level (`false`: silent). */
  log?: FastifyBaseLogger | false;
};

/**
 * The context without any HTTP: what a worker-only process needs (the pipeline, the ticker, mail) and what
 * buildApp adds routes to. On PostgreSQL it opens the events' LISTEN connection; `closeContext` ends it.
 */
export async function buildContext(opts: ContextOptions): Promise<AppContext> {
  const log: FastifyBaseLogger =
    opts.log === false ? pino({ enabled: false }) : (opts.log ?? pino({ level: opts.config.logLevel }));
  if (opts.database.queue) opts.database.queue.limits = opts.config.dbQueue;
  const events = new EventBus();
  const sessions = new SessionCache();
  events.subscribe('session.revoked', (e) => sessions.forget(e.sessionId));
  events.subscribe('sessions.revoked', (e) => sessions.forgetUser(e.userId));
  events.subscribe('person.changed', (e) => sessions.forgetUser(e.userId));
  events.subscribe('directory.renamed', () => sessions.clear());
  events.onReset(() => sessions.clear());
  await events.connect(opts.database, log);
  return {
    db: opts.database.db,
    database: opts.database,
    config: opts.config,
    secret: opts.secret,
    log,
    sessions,
    storage: createStorage(opts.config),
    jobs: createJobs(opts.database, log),
    events,
  };
}

/** Stops what the context started (jobs, the LISTEN connection); the database stays open. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.events.close();
}
