import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { instanceSettings } from '../db/schema.js';
import { videoConsents, videos } from '../db/videos-schema.js';
import { refreshSearchDocuments } from '../modules/search-documents/index.js';
import { DEMO_COACHING_LATER_TITLE, demoCoachingVideoIds } from './coaching.js';

/*
 * A clip in the demo (issue 19 part C): medarbejder cut the moment the pupils explain to a partner out of her
 * later lesson (DEMO_COACHING_LATER_TITLE, private) and showed the clip to her institution. The clip is seeded as
 * a clip waiting for its `clip` step: the pipeline cuts it from the lesson once the lesson has its media (the demo
 * lessons are short generated videos, 6–10 s, so the clip is two to six seconds in), then processes it like any
 * upload. The lesson itself stays private.
 */
export const DEMO_COACHING_CLIP_SETTING = 'demo_coaching_clip_seeded';
export const DEMO_COACHING_CLIP_TITLE = 'Klip: eleverne forklarer for en makker';
const CLIP_START = 2;
const CLIP_END = 6;

/** Once (instance setting), after seedDemoCoaching. Tried again next start while the lesson is missing. */
export async function seedDemoCoachingClips(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const { later } = await demoCoachingVideoIds(tx);
    if (!later) return false;
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_COACHING_CLIP_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const [source] = await tx.select().from(videos).where(eq(videos.id, later));
    const [consent] = await tx.select().from(videoConsents).where(eq(videoConsents.videoId, later));
    const [clip] = await tx
      .insert(videos)
      .values({
        ownerId: source.ownerId,
        institutionId: source.institutionId,
        kommuneId: source.kommuneId,
        title: DEMO_COACHING_CLIP_TITLE,
        description: `Et udsnit af »${DEMO_COACHING_LATER_TITLE}«: eleverne forklarer deres strategi for en makker, før vi taler i fællesskab.`,
        visibility: 'institution',
        status: 'processing',
        stage: 'clip',
        progress: 0,
        originalFilename: `klip-${CLIP_START}-${CLIP_END}.mp4`,
        originalSize: 0,
        clipOf: later,
        clipStart: CLIP_START,
        clipEnd: CLIP_END,
        subjectId: source.subjectId,
        ageBand: source.ageBand,
        pillars: source.pillars,
        createdAt: new Date(now.getTime() - 3 * 24 * 3600_000),
      })
      .returning({ id: videos.id });
    // The lesson's consent record (guardians consented to the institution) is the clip's.
    if (consent) await tx.insert(videoConsents).values({ ...consent, videoId: clip.id });
    await refreshSearchDocuments(tx, [clip.id]);
    return true;
  });
}
