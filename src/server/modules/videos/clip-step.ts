import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { videos } from '../../db/videos-schema.js';
import { cutClip, probe } from '../../media/index.js';

/** Where a clip comes from (issue 19): its source and its range there. */
export async function clipFields(db: DbOrTx, id: string) {
  const [v] = await db
    .select({ clipOf: videos.clipOf, start: videos.clipStart, end: videos.clipEnd, ownerId: videos.ownerId })
    .from(videos)
    .where(eq(videos.id, id));
  return v;
}

/**
 * The pipeline's `clip` step: cuts the clip's piece of its source's stored original into the clip's own
 * original (`originals/<clip id>`). Returns the row changes that move it on to probing, null when the source
 * is gone, or 'wait' while the source is still being processed.
 */
export async function cutClipStep(
  ctx: AppContext,
  clipId: string,
  workDir: string,
  lease: { signal: AbortSignal; progress(f: number): void },
) {
  const me = await clipFields(ctx.db, clipId);
  if (!me?.clipOf || me.start === null || me.end === null) return null;
  // A source still being processed (the demo's lessons get their media after they are seeded): try again later.
  const [source] = await ctx.db
    .select({ status: videos.status })
    .from(videos)
    .where(eq(videos.id, me.clipOf));
  if (source && source.status !== 'ready' && source.status !== 'failed') return 'wait' as const;
  if (!(await ctx.storage.stat(`originals/${me.clipOf}`))) return null;
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  try {
    const copy = await ctx.storage.localCopy(`originals/${me.clipOf}`);
    const out = path.join(workDir, 'clip.mp4');
    let cut: Awaited<ReturnType<typeof cutClip>>;
    try {
      const p = await probe(copy.path);
      cut = await cutClip({
        input: copy.path,
        out,
        probe: p,
        start: me.start,
        end: Math.min(me.end, p.durationSeconds),
        minSeconds: COACHING_LIMITS.clipMinSeconds,
        signal: lease.signal,
        onProgress: (f) => lease.progress(f * 0.9),
      });
    } finally {
      await copy.release();
    }
    if (lease.signal.aborted) throw new Error('lease lost');
    await ctx.storage.putFile(`originals/${clipId}`, out, 'video/mp4');
    lease.progress(0.95);
    return {
      originalSize: (await stat(out)).size,
      clipStart: Math.round(cut.start * 1000) / 1000,
      clipEnd: Math.round(cut.end * 1000) / 1000,
      media: null,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
