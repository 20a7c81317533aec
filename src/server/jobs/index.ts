import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../db/index.js';

/**
 * The typed job registry (pg-boss 10, on the app's own database — PGlite or PostgreSQL — through
 * Database.executeSql). Each queue names its payload, retries and how many jobs one worker process runs at once.
 */
export const JOBS = {
  'video.probe': { retryLimit: 5, retryDelay: 5, expireInSeconds: 15 * 60, concurrency: 2 },
  'video.transcode': { retryLimit: 3, retryDelay: 30, expireInSeconds: 6 * 60 * 60, concurrency: 1 },
  /** A clip (issue 19) cut from its source's original; then the clip is probed like an upload. */
  'video.clip': { retryLimit: 3, retryDelay: 30, expireInSeconds: 60 * 60, concurrency: 1 },
  'video.publish': { retryLimit: 5, retryDelay: 5, expireInSeconds: 15 * 60, concurrency: 2 },
  /**
   * Issue 21: on a video that already plays from its first rendition, the other rungs, poster and sprite. Its own
   * queue, so a long lesson's ladder never holds back the next upload's first playable rendition.
   */
  'video.renditions': { retryLimit: 3, retryDelay: 30, expireInSeconds: 6 * 60 * 60, concurrency: 1 },
  /** A person's "Mine data" ZIP (issue 20 part 3): one at a time per worker process, memory stays bounded. */
  'mydata.export': { retryLimit: 2, retryDelay: 30, expireInSeconds: 60 * 60, concurrency: 1 },
  /** Automatic captions (issue 19 part E): the operator's speech recogniser on a video's original, one at a time. */
  'video.transcribe': { retryLimit: 1, retryDelay: 30, expireInSeconds: 2 * 60 * 60, concurrency: 1 },
} as const;

export type JobName = keyof typeof JOBS;
/** `background`: work nobody waits for (demo content) — it runs after everything else queued. */
type VideoPayload = { videoId: string; background?: boolean };
export type JobPayload = {
  [K in JobName]: K extends 'mydata.export'
    ? { exportId: string; background?: boolean }
    : K extends 'video.transcribe'
      ? { transcriptionId: string; background?: boolean }
      : VideoPayload;
};
export type JobContext = { id: string; retryCount: number; retryLimit: number; signal: AbortSignal };
export type JobHandler<K extends JobName> = (data: JobPayload[K], job: JobContext) => Promise<void>;

export type Jobs = {
  /**
   * Queues a job; with `key`, at most one job per key waits in the queue at a time (policy "short": a job that is
   * still marked active — say its worker died — does not block a new one; handlers decide with leases).
   */
  send<K extends JobName>(name: K, data: JobPayload[K], opts?: { key?: string }): Promise<void>;
  work<K extends JobName>(name: K, handler: JobHandler<K>): Promise<void>;
  stop(): Promise<void>;
};

/** The queue starts (and creates its tables) on first use, so processes and tests that never queue a job pay nothing. */
export function createJobs(
  database: Database,
  log: FastifyBaseLogger,
  opts: { pollingIntervalSeconds?: number } = {},
): Jobs {
  let started: Promise<PgBoss> | undefined;
  const boss = () => {
    started ??= startBoss(database, log).catch((err) => {
      started = undefined; // try again on next use (e.g. the database was briefly away)
      throw err;
    });
    return started;
  };
  const running = new Set<AbortController>();
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 2;

  return {
    async send(name, data, o = {}) {
      const priority = data.background ? 0 : 1;
      await (await boss()).send(name, data, o.key ? { singletonKey: o.key, priority } : { priority });
    },
    async work(name, handler) {
      const b = await boss();
      for (let i = 0; i < JOBS[name].concurrency; i++)
        await b.work<JobPayload[typeof name]>(
          name,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds },
          async ([job]) => {
            const abort = new AbortController();
            running.add(abort);
            try {
              await handler(job.data, {
                id: job.id,
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
                signal: abort.signal,
              });
            } finally {
              running.delete(abort);
            }
          },
        );
    },
    async stop() {
      if (!started) return;
      for (const a of running) a.abort();
      await (await started).stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    },
  };
}

async function startBoss(database: Database, log: FastifyBaseLogger) {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    // The worker needs no cron schedules; maintenance runs at pg-boss's defaults.
    schedule: false,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  // Processes starting at once on one database create pg-boss's schema and the queues one at a time.
  const lock = await database.lock('jobs');
  try {
    await boss.start();
    for (const [name, q] of Object.entries(JOBS))
      await boss.createQueue(name, {
        name,
        policy: 'short',
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelay,
        retryBackoff: true,
        expireInSeconds: q.expireInSeconds,
      });
  } finally {
    await lock.release();
  }
  return boss;
}
