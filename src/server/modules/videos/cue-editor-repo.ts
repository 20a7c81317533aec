import { and, eq, sql } from 'drizzle-orm';
import type { Chapter } from '../../../shared/cues.js';
import { videoChapters } from '../../db/coaching-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { videoCaptions } from '../../db/videos-schema.js';

/** Caption rows and chapters with their versions (issue 19 part E): saves succeed only on the version read. */

export async function getCaption(db: DbOrTx, videoId: string, language: string) {
  const [row] = await db
    .select({
      label: videoCaptions.label,
      version: videoCaptions.version,
      updatedAt: videoCaptions.updatedAt,
    })
    .from(videoCaptions)
    .where(and(eq(videoCaptions.videoId, videoId), eq(videoCaptions.language, language)));
  return row;
}

/**
 * Writes the caption row when it is still at `version` (0: when there is none yet) and raises the version. The
 * updated row stays locked until the transaction ends, so a second save of the same version waits and then
 * finds a newer one. The new version, or undefined when the version was stale.
 */
export async function saveCaption(
  db: DbOrTx,
  c: { videoId: string; language: string; label: string; text: string; version: number },
): Promise<{ version: number; updatedAt: Date } | undefined> {
  const saved = { version: videoCaptions.version, updatedAt: videoCaptions.updatedAt };
  if (c.version === 0) {
    const [row] = await db
      .insert(videoCaptions)
      .values({ videoId: c.videoId, language: c.language, label: c.label, text: c.text, version: 1 })
      .onConflictDoNothing()
      .returning(saved);
    return row;
  }
  const rows = await db
    .update(videoCaptions)
    .set({ label: c.label, text: c.text, version: sql`${videoCaptions.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(videoCaptions.videoId, c.videoId),
        eq(videoCaptions.language, c.language),
        eq(videoCaptions.version, c.version),
      ),
    )
    .returning(saved);
  return rows[0];
}

export async function getChapters(db: DbOrTx, videoId: string) {
  const [row] = await db
    .select({ chapters: videoChapters.chapters, version: videoChapters.version })
    .from(videoChapters)
    .where(eq(videoChapters.videoId, videoId));
  return row;
}

/** As saveCaption, for the chapters list. */
export async function saveChapters(
  db: DbOrTx,
  c: { videoId: string; chapters: Chapter[]; version: number; by: string },
): Promise<boolean> {
  if (c.version === 0) {
    const rows = await db
      .insert(videoChapters)
      .values({ videoId: c.videoId, chapters: c.chapters, version: 1, updatedBy: c.by })
      .onConflictDoNothing()
      .returning({ id: videoChapters.videoId });
    return rows.length > 0;
  }
  const rows = await db
    .update(videoChapters)
    .set({
      chapters: c.chapters,
      version: sql`${videoChapters.version} + 1`,
      updatedBy: c.by,
      updatedAt: sql`now()`,
    })
    .where(and(eq(videoChapters.videoId, c.videoId), eq(videoChapters.version, c.version)))
    .returning({ id: videoChapters.videoId });
  return rows.length > 0;
}
