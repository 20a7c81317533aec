import { eq } from 'drizzle-orm';
import { type Chapter, type Cue, chaptersToVtt, toVtt } from '../../shared/cues.js';
import { videoChapters } from '../db/coaching-schema.js';
import type { Db } from '../db/index.js';
import { instanceSettings } from '../db/schema.js';
import { videoCaptions, videos } from '../db/videos-schema.js';
import { refreshSearchDocuments } from '../modules/search-documents/index.js';
import type { Storage } from '../storage/index.js';
import { DEMO_COACHING_LATER_TITLE, demoCoachingVideoIds } from './coaching.js';

/*
 * Captions and chapters in the demo (issue 19 part E): medarbejder's later lesson (DEMO_COACHING_LATER_TITLE,
 * coaching.ts) has Danish captions she corrected and three chapters. The demo lessons are short generated clips
 * (6–10 s), so the times fit in the first seconds. "Makkersnak" and "ventetid" are in the captions and chapter
 * titles: search finds the lesson by them (for medarbejder and her coach, who may see it).
 */
export const DEMO_COACHING_CAPTIONS_SETTING = 'demo_coaching_captions_seeded';

const CUES: Cue[] = [
  { start: 0, end: 1.8, text: 'Godmorgen! I dag starter vi med makkersnak.' },
  { start: 1.8, end: 3.6, text: 'Fortæl din makker: hvordan regnede du 18 + 7?' },
  { start: 3.6, end: 5.4, text: 'Jeg venter lidt – ventetid er tænketid.' },
  { start: 5.4, end: 6, text: 'Hvem vil forklare, hvad makkeren sagde?' },
];
const CHAPTERS: Chapter[] = [
  { start: 0, title: 'Opstart og makkersnak' },
  { start: 3.6, title: 'Ventetid før spørgsmålet' },
  { start: 5.4, title: 'Eleverne forklarer for klassen' },
];

/** Once (instance setting), after seedDemoCoaching. Tried again next start while the lesson is missing. */
export async function seedDemoCoachingCaptions(ctx: { db: Db; storage: Storage }, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const id = await ctx.db.transaction(async (tx) => {
    const { later } = await demoCoachingVideoIds(tx);
    if (!later) return null;
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_COACHING_CAPTIONS_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return null;
    const [video] = await tx.select({ owner: videos.ownerId }).from(videos).where(eq(videos.id, later));
    await tx
      .insert(videoCaptions)
      .values({
        videoId: later,
        language: 'da',
        label: 'Dansk',
        text: CUES.map((c) => c.text).join('\n'),
        version: 2, // uploaded, then corrected in the editor
      })
      .onConflictDoNothing();
    await tx
      .insert(videoChapters)
      .values({ videoId: later, chapters: CHAPTERS, version: 1, updatedBy: video.owner })
      .onConflictDoNothing();
    await refreshSearchDocuments(tx, [later]);
    return later;
  });
  if (!id) return false;
  // Where the editor keeps them (beside the video's media, served under its signed prefix).
  await ctx.storage.putBytes(`videos/${id}/captions/da.vtt`, toVtt(CUES), 'text/vtt; charset=utf-8');
  await ctx.storage.putBytes(
    `videos/${id}/chapters.vtt`,
    chaptersToVtt(CHAPTERS, 6),
    'text/vtt; charset=utf-8',
  );
  return true;
}
