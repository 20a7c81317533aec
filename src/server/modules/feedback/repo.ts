import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FeedbackKind } from '../../../shared/coaching.js';
import { feedbackPromptSets, videoFeedback } from '../../db/coaching-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { observationSchemas } from '../../db/observation-schema.js';
import { users } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { policyColumns } from '../videos/index.js';

/** Feedback, prompt sets and the focus areas they refer to: SQL only, no rules (service.ts decides). */

/** The recording's fields the feedback needs: what the policy decides on, its length and title. */
export async function getVideo(db: DbOrTx, id: string) {
  const [v] = await db
    .select({ ...policyColumns, durationSeconds: videos.durationSeconds, title: videos.title })
    .from(videos)
    .where(eq(videos.id, id));
  return v;
}
export type FeedbackVideo = NonNullable<Awaited<ReturnType<typeof getVideo>>>;

/** Serialises writes on one recording's feedback (the per-recording limit) until the transaction ends. */
export async function lockVideo(db: DbOrTx, id: string) {
  await db.select({ id: videos.id }).from(videos).where(eq(videos.id, id)).for('no key update');
}

/**
 * The institution's current learning focus areas: those of its newest observation schema version (observation
 * O1 saves versions; a focus area keeps its key from version to version).
 */
export async function currentFocusAreas(db: DbOrTx, institutionId: string) {
  const [row] = await db
    .select({ definition: observationSchemas.definition })
    .from(observationSchemas)
    .where(eq(observationSchemas.institutionId, institutionId))
    .orderBy(desc(observationSchemas.version))
    .limit(1);
  return (row?.definition.focusAreas ?? []).map((a) => ({
    key: a.key,
    title: a.title,
    description: a.description,
  }));
}

const feedbackColumns = {
  id: videoFeedback.id,
  parentId: videoFeedback.parentId,
  atSeconds: videoFeedback.atSeconds,
  kind: videoFeedback.kind,
  focusAreaKey: videoFeedback.focusAreaKey,
  body: videoFeedback.body,
  authorId: videoFeedback.authorId,
  authorName: users.name,
  createdAt: videoFeedback.createdAt,
  updatedAt: videoFeedback.updatedAt,
  discussedAt: videoFeedback.discussedAt,
};
export type FeedbackRow = Awaited<ReturnType<typeof listFeedback>>[number];

/**
 * A recording's feedback in one query: the top-level comments (optionally of one kind / focus area) by time, and
 * the replies to them, oldest first. At most `limit` rows (the per-recording limit bounds it).
 */
export async function listFeedback(
  db: DbOrTx,
  videoId: string,
  filter: { kind?: FeedbackKind; focusAreaKey?: string },
  limit: number,
) {
  const top = and(
    eq(videoFeedback.videoId, videoId),
    isNull(videoFeedback.parentId),
    filter.kind ? eq(videoFeedback.kind, filter.kind) : undefined,
    filter.focusAreaKey ? eq(videoFeedback.focusAreaKey, filter.focusAreaKey) : undefined,
  );
  const filtered = filter.kind !== undefined || filter.focusAreaKey !== undefined;
  return db
    .select(feedbackColumns)
    .from(videoFeedback)
    .leftJoin(users, eq(users.id, videoFeedback.authorId))
    .where(
      filtered
        ? sql`(${top}) or (${videoFeedback.videoId} = ${videoId} and ${videoFeedback.parentId} in (
            select f.id from ${videoFeedback} f where f.video_id = ${videoId} and f.parent_id is null
            ${filter.kind ? sql`and f.kind = ${filter.kind}` : sql``}
            ${filter.focusAreaKey ? sql`and f.focus_area_key = ${filter.focusAreaKey}` : sql``}))`
        : eq(videoFeedback.videoId, videoId),
    )
    .orderBy(asc(videoFeedback.atSeconds), asc(videoFeedback.createdAt), asc(videoFeedback.id))
    .limit(limit);
}

export async function getFeedback(db: DbOrTx, id: string) {
  const [row] = await db.select().from(videoFeedback).where(eq(videoFeedback.id, id));
  return row;
}

/** Comments and replies on the recording (against COACHING_LIMITS.feedbackPerVideo). */
export async function countOnVideo(db: DbOrTx, videoId: string) {
  const [row] = await db.select({ n: count() }).from(videoFeedback).where(eq(videoFeedback.videoId, videoId));
  return row.n;
}

export async function insertFeedback(db: DbOrTx, v: typeof videoFeedback.$inferInsert) {
  const [row] = await db.insert(videoFeedback).values(v).returning({ id: videoFeedback.id });
  return row;
}

export async function updateFeedback(
  db: DbOrTx,
  id: string,
  v: Partial<Pick<typeof videoFeedback.$inferInsert, 'body' | 'updatedAt' | 'discussedAt' | 'discussedBy'>>,
) {
  await db.update(videoFeedback).set(v).where(eq(videoFeedback.id, id));
}

/** Deletes a comment (its replies go with it: on delete cascade) or a reply. */
export async function deleteFeedback(db: DbOrTx, id: string) {
  await db.delete(videoFeedback).where(eq(videoFeedback.id, id));
}

// Prompt sets

const promptColumns = {
  id: feedbackPromptSets.id,
  title: feedbackPromptSets.title,
  prompts: feedbackPromptSets.prompts,
  updatedAt: feedbackPromptSets.updatedAt,
};

export async function listPromptSets(db: DbOrTx, ownerId: string) {
  return db
    .select(promptColumns)
    .from(feedbackPromptSets)
    .where(eq(feedbackPromptSets.ownerId, ownerId))
    .orderBy(asc(sql`lower(${feedbackPromptSets.title})`), asc(feedbackPromptSets.id));
}

export async function countPromptSets(db: DbOrTx, ownerId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(feedbackPromptSets)
    .where(eq(feedbackPromptSets.ownerId, ownerId));
  return row.n;
}

/** Serialises one person's prompt-set writes (the per-person limit) until the transaction ends. */
export async function lockPerson(db: DbOrTx, id: string) {
  await db.select({ id: users.id }).from(users).where(eq(users.id, id)).for('no key update');
}

export async function insertPromptSet(db: DbOrTx, v: typeof feedbackPromptSets.$inferInsert) {
  const [row] = await db.insert(feedbackPromptSets).values(v).returning(promptColumns);
  return row;
}

export async function updatePromptSet(
  db: DbOrTx,
  id: string,
  ownerId: string,
  v: Partial<Pick<typeof feedbackPromptSets.$inferInsert, 'title' | 'prompts'>>,
) {
  const [row] = await db
    .update(feedbackPromptSets)
    .set({ ...v, updatedAt: new Date() })
    .where(and(eq(feedbackPromptSets.id, id), eq(feedbackPromptSets.ownerId, ownerId)))
    .returning(promptColumns);
  return row;
}

export async function deletePromptSet(db: DbOrTx, id: string, ownerId: string) {
  const rows = await db
    .delete(feedbackPromptSets)
    .where(and(eq(feedbackPromptSets.id, id), eq(feedbackPromptSets.ownerId, ownerId)))
    .returning({ id: feedbackPromptSets.id });
  return rows.length > 0;
}
