import { RETENTION_DEFAULTS, RETENTION_KINDS, type RetentionKind } from '../../../shared/retention.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { audit } from '../audit.js';
import * as repo from './repo.js';

/** Erases one person (the my-data module's erasure); retention calls it for accounts disabled past their period. */
export type ErasePerson = (userId: string) => Promise<unknown>;

export type RetentionOptions = {
  /** Items per transaction (default 1,000). */
  batchSize?: number;
  /** Only these kinds (default all). */
  kinds?: readonly RetentionKind[];
  /** Called after each committed batch (tests: a crash halfway). */
  afterBatch?: (kind: RetentionKind, removed: number) => void | Promise<void>;
  erasePerson?: ErasePerson;
};

type Ctx = Pick<AppContext, 'db' | 'storage' | 'events' | 'log'>;

/** The period per kind: the administrator's choice, else the default. */
export async function periods(db: DbOrTx) {
  const set = new Map((await repo.settings(db)).map((s) => [s.kind, s]));
  return Object.fromEntries(
    RETENTION_KINDS.map((k) => {
      const s = set.get(k);
      return [k, { days: s ? s.days : RETENTION_DEFAULTS[k], changedAt: s?.updatedAt ?? null }];
    }),
  ) as Record<RetentionKind, { days: number | null; changedAt: Date | null }>;
}

export const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Removes one batch of the kind's due items in one transaction; how many. */
async function purgeBatch(ctx: Ctx, kind: RetentionKind, cutoff: Date, n: number, opts: RetentionOptions) {
  const { storage } = ctx;
  if (kind === 'deactivated_accounts') {
    // Erasure runs its own transaction per person (the my-data module's); a person another worker is erasing is
    // skipped here (locked), and erasing twice finds nothing left the second time.
    const erase = opts.erasePerson;
    if (!erase) return 0;
    const ids = await ctx.db.transaction((tx) => repo.claim(tx, kind, cutoff, n));
    let erased = 0;
    for (const id of ids) {
      try {
        await erase(id);
        erased++;
      } catch (err) {
        // E.g. the last administrator, or erased meanwhile by another worker: the others still go.
        ctx.log.warn({ err, userId: id }, 'retention: a deactivated account was not erased');
      }
    }
    return erased;
  }
  // Rows only: claimed and deleted by one statement per batch.
  if (kind === 'outbox' || kind === 'audit')
    return ctx.db.transaction((tx) => repo.deleteDue(tx, kind, cutoff, n));
  const changedVideos: string[] = [];
  const removed = await ctx.db.transaction(async (tx) => {
    const ids = await repo.claim(tx, kind, cutoff, n);
    if (!ids.length) return 0;
    switch (kind) {
      case 'data_exports':
        // Files first: a crash before the commit leaves the rows, and the next run deletes the (gone) files again.
        for (const key of await repo.exportFiles(tx, ids)) await storage.delete(key);
        await repo.deleteExports(tx, ids);
        break;
      case 'consent_withdrawn_videos':
        for (const v of await repo.videoOwners(tx, ids)) {
          await storage.deletePrefix(`videos/${v.id}`);
          await storage.delete(`originals/${v.id}`);
          await storage.deleteUpload(v.id);
          // About the owner (the video is gone): it shows in the owner's own log.
          await audit(tx, null, 'retention.video_delete', 'person', v.ownerId, { videoId: v.id });
        }
        await repo.deleteVideos(tx, ids);
        changedVideos.push(...ids);
        break;
      case 'originals':
        for (const id of ids) {
          await storage.delete(`originals/${id}`);
          await audit(tx, null, 'retention.original_delete', 'video', id, {});
        }
        await repo.markOriginalsRemoved(tx, ids);
        break;
    }
    return ids.length;
  });
  for (const videoId of changedVideos) ctx.events.publish({ type: 'video.access.changed', videoId });
  return removed;
}

export type RetentionResult = { kind: RetentionKind; removed: number; error?: string };

/**
 * The scheduled purge (issue 20 part 4): for each kind with a period, removes what is older, in batches of one
 * transaction each, and logs the run (retention_runs; one audit entry per run that removed anything). Several
 * workers may run it at once: each batch claims its rows with `for update skip locked`, so an item goes once.
 * Idempotent: a second run finds nothing due; after a crash halfway the next run removes the rest (a run row left
 * 'running' shows as interrupted). A kind that fails is logged and the others still run.
 */
export async function runRetention(ctx: Ctx, now = new Date(), opts: RetentionOptions = {}) {
  const batchSize = opts.batchSize ?? 1000;
  const p = await periods(ctx.db);
  const results: RetentionResult[] = [];
  for (const kind of opts.kinds ?? RETENTION_KINDS) {
    const days = p[kind].days;
    if (days === null || (kind === 'deactivated_accounts' && !opts.erasePerson)) continue;
    const cutoff = cutoffOf(now, days);
    if (!(await repo.anyDue(ctx.db, kind, cutoff))) continue;
    const runId = await repo.startRun(ctx.db, kind, days, now);
    let removed = 0;
    let batches = 0;
    try {
      for (;;) {
        const n = await purgeBatch(ctx, kind, cutoff, batchSize, opts);
        if (n === 0) break;
        removed += n;
        batches++;
        await repo.progressRun(ctx.db, runId, removed, batches);
        await opts.afterBatch?.(kind, n);
        if (n < batchSize) break;
      }
      await repo.finishRun(ctx.db, runId, 'done', null);
      if (removed) await audit(ctx.db, null, 'retention.purge', 'instance', null, { kind, removed, days });
      results.push({ kind, removed });
    } catch (err) {
      const message = (err as Error).message?.slice(0, 500) ?? String(err);
      await repo.finishRun(ctx.db, runId, 'failed', message).catch(() => {});
      ctx.log.error({ err, kind }, 'retention run failed');
      results.push({ kind, removed, error: message });
    }
  }
  await repo.pruneRuns(ctx.db, now);
  const total = results.reduce((s, r) => s + r.removed, 0);
  if (total) ctx.log.info({ results }, 'retention: expired data removed');
  return results;
}
