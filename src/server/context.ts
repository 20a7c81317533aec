import type { FastifyBaseLogger } from 'fastify';
import type { SessionCache } from './auth/session-cache.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/index.js';
import type { Jobs } from './jobs/index.js';
import type { Storage } from './storage/index.js';

/** What services need from the running app. Built once in app.ts and passed to each module. */
export type AppContext = {
  db: Db;
  database: Database;
  config: Config;
  /** Secret for CSRF tokens; from SESSION_SECRET or generated once and kept in the database. */
  secret: string;
  log: FastifyBaseLogger;
  /** Sessions read on every request; forget a person's entries whenever their sessions or roles change. */
  sessions: SessionCache;
  /** Where media files live (local disk or S3). */
  storage: Storage;
  /** The job queue (pg-boss); it starts on first use. */
  jobs: Jobs;
};
