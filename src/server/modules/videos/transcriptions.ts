import { and, eq, inArray, sql } from 'drizzle-orm';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import type { AppContext } from '../../context.js';
import { videoTranscriptions } from '../../db/coaching-schema.js';
import type { DbOrTx } from '../../db/index.js';
import type { JobContext } from '../../jobs/index.js';
import { TranscriptionError, transcriptionEngine } from '../../media/transcription.js';

/*
 * Automatic captions as a background job (issue 19 part E, V9): a speech recogniser on a 45-minute lesson takes
 * minutes — far longer than a request may wait, and it must not hold a web process. The editor asks for a run
 * (one per video and language: asking again while one runs is the same run), polls its state, and loads the
 * cues, unsaved, when it is done. Only the worker runs the engine; any worker may take the job.
 */

export type TranscriptionRow = typeof videoTranscriptions.$inferSelect;

/** The run for the video and language, if any. */
export async function findTranscription(db: DbOrTx, videoId: string, language: string) {
  const [row] = await db
    .select()
    .from(videoTranscriptions)
    .where(and(eq(videoTranscriptions.videoId, videoId), eq(videoTranscriptions.language, language)));
  return row as TranscriptionRow | undefined;
}

/**
 * A run for the video and language: the one still queued or running, or a new one (replacing a finished one,
 * whose cues the editor has had its chance to load). `fresh` says whether the caller must queue the job.
 */
export async function requestTranscription(
  db: DbOrTx,
  v: { videoId: string; language: string; by: string },
): Promise<{ row: TranscriptionRow; fresh: boolean }> {
  const [row] = await db
    .insert(videoTranscriptions)
    .values({ videoId: v.videoId, language: v.language, requestedBy: v.by })
    .onConflictDoUpdate({
      target: [videoTranscriptions.videoId, videoTranscriptions.language],
      set: {
        status: 'queued',
        cues: null,
        requestedBy: v.by,
        createdAt: sql`now()`,
        finishedAt: null,
      },
      setWhere: inArray(videoTranscriptions.status, ['done', 'failed']),
    })
    .returning();
  if (row) return { row, fresh: true };
  // Still queued or running: the same run.
  return { row: (await findTranscription(db, v.videoId, v.language)) as TranscriptionRow, fresh: false };
}

async function finish(
  db: DbOrTx,
  id: string,
  v: { status: 'done' | 'failed'; cues?: TranscriptionRow['cues'] },
) {
  await db
    .update(videoTranscriptions)
    .set({ status: v.status, cues: v.cues ?? null, finishedAt: sql`now()` })
    .where(eq(videoTranscriptions.id, id));
}

/**
 * The job: runs the engine on the video's original and keeps the cues. An engine that fails or answers no
 * WebVTT, a missing engine or original: the run is `failed` (the editor says so). Anything else (the storage
 * away, the process killed) is retried; on the last try the run is marked failed so nobody waits for ever.
 */
export async function runTranscription(ctx: AppContext, id: string, job: JobContext) {
  const [row] = await ctx.db
    .update(videoTranscriptions)
    .set({ status: 'running' })
    .where(and(eq(videoTranscriptions.id, id), inArray(videoTranscriptions.status, ['queued', 'running'])))
    .returning();
  if (!row) return; // replaced by a newer request, or its video deleted
  const engine = transcriptionEngine();
  const original = `originals/${row.videoId}`;
  if (!engine || !(await ctx.storage.stat(original))) return finish(ctx.db, id, { status: 'failed' });
  const copy = await ctx.storage.localCopy(original);
  try {
    const cues = await engine.transcribe(copy.path, row.language, job.signal);
    await finish(ctx.db, id, { status: 'done', cues: cues.slice(0, COACHING_LIMITS.captionCues) });
  } catch (err) {
    if (err instanceof TranscriptionError || job.retryCount >= job.retryLimit)
      await finish(ctx.db, id, { status: 'failed' });
    if (!(err instanceof TranscriptionError)) throw err;
    ctx.log.warn({ err, videoId: row.videoId }, 'transcription failed');
  } finally {
    await copy.release();
  }
}

/** The worker side: started in worker processes (main.ts) and by tests that run jobs. */
export async function startTranscriptionWorker(ctx: AppContext) {
  await ctx.jobs.work('video.transcribe', (data, job) => runTranscription(ctx, data.transcriptionId, job));
}
