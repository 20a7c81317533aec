import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as coachingSchema from './coaching-schema.js';
import * as communitySchema from './community-schema.js';
import * as conversationsSchema from './conversations-schema.js';
import * as evaluationSchema from './evaluation-schema.js';
import * as inquirySchema from './inquiry-schema.js';
import * as mydataSchema from './mydata-schema.js';
import * as observationSchema from './observation-schema.js';
import { openPglite } from './pglite-open.js';
import { QueryQueue, queueClient } from './pglite-queue.js';
import * as progressionImportSchema from './progression-import-schema.js';
import * as progressionSchema from './progression-schema.js';
import * as retentionSchema from './retention-schema.js';
import * as coreSchema from './schema.js';
import * as ssoSchema from './sso-schema.js';
import * as staffSyncSchema from './staff-sync-schema.js';
import * as surveySchema from './survey-schema.js';
import * as trainingSchema from './training-schema.js';
import * as videoSchema from './videos-schema.js';

const schema = {
  ...coreSchema,
  ...videoSchema,
  ...communitySchema,
  ...trainingSchema,
  ...observationSchema,
  ...inquirySchema,
  ...evaluationSchema,
  ...progressionSchema,
  ...progressionImportSchema,
  ...conversationsSchema,
  ...surveySchema,
  ...coachingSchema,
  ...retentionSchema,
  ...staffSyncSchema,
  ...mydataSchema,
  ...ssoSchema,
};

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repos accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** Raw SQL for libraries that bring their own (pg-boss); several statements are allowed when there are no values. */
  executeSql(
    text: string,
    values?: unknown[],
    /** PostgreSQL: a prepared statement by this name, planned once per connection (for queries on every request). */
    opts?: { name?: string },
  ): Promise<{ rows: unknown[]; rowCount: number }>;
  /**
   * Waits for and holds one of the start-up locks until release() (see STARTUP_LOCKS). On PostgreSQL a session
   * advisory lock on a connection of its own; on PGlite nothing to wait for (one process per data dir: lock file).
   */
  lock(name: keyof typeof STARTUP_LOCKS): Promise<{ release(): Promise<void> }>;
  /** PostgreSQL only: a new connection outside the pool (the events' LISTEN, the upload locks); the caller ends it. */
  connectDedicated?: () => Promise<pg.Client>;
  /** PGlite only: the short line in front of its one connection (limits from DB_QUEUE_MAX, DB_QUEUE_WAIT_MS). */
  queue?: QueryQueue;
  /** PGlite only: the whole cluster as a tar file, for `openDatabase({ from })` (tests start from a seeded copy). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Advisory-lock keys for work that one process at a time must do when several start at once on one PostgreSQL
 * database: `startup` (migrations, the instance secret, demo seed) and `jobs` (pg-boss's schema and queues).
 */
export const STARTUP_LOCKS = { startup: 0x616d6f01, jobs: 0x616d6f02 } as const;

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/**
 * Opens the embedded PGlite in `dir` (or in memory when dir is undefined; `from` a dump of another, when given), or
 * PostgreSQL when `url` is set.
 */
export async function openDatabase(opts: { url?: string; dir?: string; from?: Blob }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    pool.on('error', () => {
      /* a broken idle connection is replaced on next use; /healthz reports the state */
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migrateNodePg(drizzleNodePg(pool), { migrationsFolder }),
      ping: async () => {
        await pool.query('select 1');
      },
      executeSql: async (text, values, opts) => {
        const r = opts?.name
          ? await pool.query({ name: opts.name, text, values })
          : await pool.query(text, values);
        // Several statements answer with one result each: the last one is the answer.
        const last = Array.isArray(r) ? r[r.length - 1] : r;
        return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
      },
      lock: async (name) => {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [STARTUP_LOCKS[name]]);
        } catch (err) {
          client.release(true);
          throw err;
        }
        return {
          release: async () => {
            // When the unlock fails, closing the connection releases the lock.
            await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCKS[name]]).then(
              () => client.release(),
              (err: Error) => client.release(err),
            );
          },
        };
      },
      connectDedicated: async () => {
        const client = new pg.Client({ connectionString: opts.url });
        await client.connect();
        return client;
      },
      close: () => pool.end(),
    };
  }
  const client = await openPglite(opts.dir, opts.from);
  const queue = new QueryQueue({ maxWaiting: 64, maxWaitMs: 10_000 });
  const unqueued = queueClient(client, queue);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    queue,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    // First in line: /healthz waits for the query that runs now, not for everyone queued behind it.
    ping: async () => {
      await queue.run(() => unqueued.query('select 1'), true);
    },
    executeSql: async (text, values) => {
      // PGlite takes several statements only through exec, which has no parameters.
      const r = values?.length ? await client.query(text, values) : (await client.exec(text)).at(-1);
      return { rows: r?.rows ?? [], rowCount: r?.affectedRows ?? r?.rows.length ?? 0 };
    },
    lock: async () => ({ release: async () => {} }),
    dump: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}
