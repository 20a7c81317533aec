import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { JobContext } from '../../jobs/index.js';
import { firstPlayable, isMediaError, type MediaErrorCode, probe, writeMaster } from '../../media/index.js';
import type { Storage } from '../../storage/index.js';
import { cutClipStep } from './clip-step.js';
import { makeRenditions, mediaRecord, renditionsLeft, storeInOrder } from './renditions-step.js';
import * as repo from './repo.js';

/** An upload not finished within this many days is given up and its partial file removed. */
export const ABANDONED_AFTER_DAYS = 7;

/** The files of a processed video, under `videos/<id>/`; captions live beside them and survive a re-run. */
const PRODUCED = ['hls', 'poster.jpg', 'sprite.jpg', 'thumbnails.vtt'];

export type PipelineOptions = {
  /** How long a step's lease lasts without renewal: a crashed worker's step is taken over after this. */
  leaseSeconds?: number;
  /** How often to look for steps whose job was lost (crash between steps, database away). */
  sweepSeconds?: number;
};

/**
 * The video pipeline: probe → transcode (the first playable rendition) → publish (ready: it plays) → renditions
 * (the other rungs, the poster, the sprite; issue 21), one pg-boss job per step.
 * Each step first takes a lease on the video row, so exactly one worker runs it; the lease is renewed while
 * ffmpeg works and runs out when a worker dies, and the sweeper then queues the step again. Every step can
 * run twice without harm: a transcode starts from an empty work folder and replaces what an earlier attempt
 * stored.
 */
export async function startVideoPipeline(ctx: AppContext, opts: PipelineOptions = {}) {
  const { db, storage, jobs } = ctx;
  const leaseSeconds = opts.leaseSeconds ?? ctx.config.videoLeaseSeconds;
  const workRoot = path.join(ctx.config.dataDir, 'tmp');

  async function fail(id: string, owner: string, code: MediaErrorCode, stage?: repo.Stage) {
    ctx.log.info({ videoId: id, code, stage }, 'video processing failed');
    // A video that already plays stays playable with the renditions it has (issue 21).
    if (stage === 'renditions')
      return void (await repo.finishStep(db, id, owner, { stage: null, progress: null }));
    await repo.finishStep(db, id, owner, {
      status: 'failed',
      stage: null,
      progress: null,
      failureCode: code,
    });
  }

  /** Runs one step under its lease; permanent media errors fail the video, other errors are retried. */
  async function step(
    stage: repo.Stage,
    videoId: string,
    job: JobContext,
    work: (owner: string, lease: { signal: AbortSignal; progress(f: number): void }) => Promise<void>,
  ) {
    const owner = `${job.id}:${process.pid}`;
    const v = await repo.claimStep(db, videoId, stage, owner, leaseSeconds);
    if (!v) return; // finished, deleted, or another worker holds it
    const lost = new AbortController();
    const onAbort = () => lost.abort();
    job.signal.addEventListener('abort', onAbort);
    let progress = v.progress ?? 0;
    const renew = setInterval(
      () => {
        repo
          .renewStep(db, videoId, owner, leaseSeconds, progress)
          .then((held) => held || lost.abort())
          .catch((err) => ctx.log.warn({ err, videoId }, 'could not renew the lease'));
      },
      Math.max(1000, (leaseSeconds * 1000) / 3),
    );
    try {
      await work(owner, { signal: lost.signal, progress: (f) => (progress = f) });
    } catch (err) {
      if (lost.signal.aborted && !job.signal.aborted) return; // another worker took over
      if (isMediaError(err) && err.code !== 'video.transcode_failed')
        return fail(videoId, owner, err.code, stage);
      if (job.retryCount >= job.retryLimit) return fail(videoId, owner, 'video.transcode_failed', stage);
      ctx.log.warn({ err, videoId, stage }, 'video step failed; it will be retried');
      await repo.releaseStep(db, videoId, owner).catch(() => {});
      throw err;
    } finally {
      clearInterval(renew);
      job.signal.removeEventListener('abort', onAbort);
    }
  }

  async function withOriginal<T>(id: string, fn: (file: string) => Promise<T>) {
    const copy = await storage.localCopy(`originals/${id}`);
    try {
      return await fn(copy.path);
    } finally {
      await copy.release();
    }
  }

  // A clip (issue 19): its piece of the source is cut into its own original, then it is probed like an upload.
  await jobs.work('video.clip', ({ videoId, background }, job) =>
    step('clip', videoId, job, async (owner, lease) => {
      const cut = await cutClipStep(
        ctx,
        videoId,
        path.join(workRoot, `transcode-${videoId}-${job.id}`),
        lease,
      );
      // The source is not ready yet: let go; the sweeper queues the step again once it has been idle a while.
      if (cut === 'wait') return void (await repo.releaseStep(db, videoId, owner));
      if (!cut) {
        await repo.finishStep(db, videoId, owner, {
          status: 'failed',
          stage: null,
          progress: null,
          failureCode: 'clip.source_gone',
        });
        return;
      }
      const moved = await repo.finishStep(db, videoId, owner, { ...cut, stage: 'probe', progress: 0 });
      if (moved) await jobs.send('video.probe', { videoId, background }, { key: videoId });
      else if (!(await repo.getVideo(db, videoId))) await storage.delete(`originals/${videoId}`);
    }),
  );

  await jobs.work('video.probe', ({ videoId, background }, job) =>
    step('probe', videoId, job, async (owner) => {
      const p = await withOriginal(videoId, (file) => probe(file));
      const moved = await repo.finishStep(db, videoId, owner, {
        stage: 'transcode',
        progress: 0.02,
        durationSeconds: p.durationSeconds,
        width: p.width,
        height: p.height,
      });
      if (moved) await jobs.send('video.transcode', { videoId, background }, { key: videoId });
    }),
  );

  await jobs.work('video.transcode', ({ videoId, background }, job) =>
    step('transcode', videoId, job, async (owner, lease) => {
      const dir = path.join(workRoot, `transcode-${videoId}-${job.id}`);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      try {
        // Only the first playable rendition here (issue 21): the rest, the poster and the sprite come after
        // the video is ready, in the renditions step.
        const first = await withOriginal(videoId, async (input) => {
          const p = await probe(input);
          const hls = await firstPlayable({
            input,
            outDir: path.join(dir, 'hls'),
            probe: p,
            signal: lease.signal,
            onProgress: (f) => lease.progress(0.02 + f * 0.85),
          });
          await writeMaster(path.join(dir, 'hls'), hls.rungs, {
            hasAudio: p.hasAudio,
            measured: hls.measured,
          });
          return { p, hls };
        });
        lease.progress(0.88);
        await removeProduced(storage, videoId);
        const files = [...first.hls.files, 'master.m3u8'].map((f) => `hls/${f}`);
        await storeInOrder(storage, videoId, dir, files, lease, (i) =>
          lease.progress(0.88 + (0.1 * (i + 1)) / files.length),
        );
        const moved = await repo.finishStep(db, videoId, owner, {
          stage: 'publish',
          progress: 0.99,
          media: mediaRecord(first.p, first.hls, first.hls.rungs, first.hls.measured),
        });
        if (moved) await jobs.send('video.publish', { videoId, background }, { key: videoId });
        // Deleted while we worked: what we stored has no owner any more.
        else if (!(await repo.getVideo(db, videoId))) await removeProduced(storage, videoId);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );

  await jobs.work('video.publish', ({ videoId, background }, job) =>
    step('publish', videoId, job, async (owner) => {
      // Playable now; what is still to come (rungs, poster, sprite) is the renditions step's.
      const v = await repo.getVideo(db, videoId);
      const more = !!v?.media && renditionsLeft(v.media);
      const moved = await repo.finishStep(db, videoId, owner, {
        status: 'ready',
        stage: more ? 'renditions' : null,
        progress: null,
        readyAt: new Date(),
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: videoId });
      if (moved && more) await jobs.send('video.renditions', { videoId, background }, { key: videoId });
    }),
  );

  await jobs.work('video.renditions', ({ videoId }, job) =>
    step('renditions', videoId, job, async (owner, lease) => {
      const dir = path.join(workRoot, `transcode-${videoId}-${job.id}`);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      try {
        const finished = await withOriginal(videoId, (input) =>
          makeRenditions(ctx, { videoId, owner, input, dir, lease }),
        );
        if (!finished) {
          if (!(await repo.getVideo(db, videoId))) await removeProduced(storage, videoId);
          return;
        }
        await repo.finishStep(db, videoId, owner, { stage: null, progress: null });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );

  /**
   * Queues again every step that nobody holds and that has not moved for a while (its job was lost), starts
   * uploads that finished unnoticed, and removes uploads abandoned for a week (the partial file and the video).
   */
  async function sweep() {
    await cleanWorkFolders();
    for (const v of await repo.strandedSteps(db, leaseSeconds)) {
      if (!v.stage) continue;
      await jobs.send(`video.${v.stage}`, { videoId: v.id }, { key: v.id });
    }
    // Every byte arrived but the server stopped before it queued the processing: start it now.
    for (const v of await repo.pendingUploads(db, 5)) {
      if ((await storage.stat(`originals/${v.id}`))?.size !== v.originalSize) continue;
      await startProcessing(ctx, v.id);
    }
    for (const v of await repo.abandonedUploads(db, ABANDONED_AFTER_DAYS)) {
      await storage.deleteUpload(v.id);
      await storage.delete(`originals/${v.id}`);
      await repo.deleteVideo(db, v.id);
      ctx.log.info({ videoId: v.id }, 'abandoned upload removed');
    }
  }
  /** Work folders of attempts that no longer hold their lease (their worker crashed) are removed. */
  async function cleanWorkFolders() {
    const names = await readdir(workRoot).catch(() => [] as string[]);
    for (const name of names) {
      const m = /^transcode-([0-9a-f-]{36})-(.+)$/.exec(name);
      if (!m || (await repo.holdsLease(db, m[1], `${m[2]}:`))) continue;
      await rm(path.join(workRoot, name), { recursive: true, force: true });
    }
  }

  await sweep().catch((err) => ctx.log.warn({ err }, 'video sweep failed'));
  const timer = setInterval(
    () => void sweep().catch((err) => ctx.log.warn({ err }, 'video sweep failed')),
    (opts.sweepSeconds ?? Math.min(30, leaseSeconds)) * 1000,
  );
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}

/**
 * An upload is complete: the video is processing and its first step is queued. `background` work (demo content)
 * waits until the queue has nothing else.
 */
export async function startProcessing(ctx: AppContext, videoId: string, opts: { background?: boolean } = {}) {
  await repo.updateVideo(ctx.db, videoId, {
    status: 'processing',
    stage: 'probe',
    progress: 0,
    failureCode: null,
  });
  await ctx.jobs.send('video.probe', { videoId, background: opts.background }, { key: videoId });
}

async function removeProduced(storage: Storage, id: string) {
  for (const p of PRODUCED)
    if (p.includes('.')) await storage.delete(`videos/${id}/${p}`);
    else await storage.deletePrefix(`videos/${id}/${p}`);
}
