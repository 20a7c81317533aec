import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  FEEDBACK_KINDS,
  type FeedbackKind,
  TRANSCRIPTION_STATES,
  type TranscriptionState,
} from '../../shared/coaching.js';
import { at, id, inList, userRef, users } from './schema.js';
import { videos } from './videos-schema.js';

/*
 * Coaching on your own lessons (issue 19). A recording stays the owner's: these tables add the people the owner
 * chose (grants), what they said about it (feedback), a coach's saved prompts, and the chapters track. Clips are
 * videos of their own (videos.clip_of); captions keep their rows in video_captions (with a version).
 */

const optionalUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const videoRef = () =>
  uuid('video_id')
    .notNull()
    .references(() => videos.id, { onDelete: 'cascade' });

/**
 * A personal share (V10): the owner lets one person watch the recording (and give feedback) until `expires_at`
 * (null: until taken back). Taking it back deletes the row; an expired row is no longer a grant anywhere (policy
 * rules and SQL both compare with now()).
 */
export const videoGrants = pgTable(
  'video_grants',
  {
    id: id(),
    videoId: videoRef(),
    granteeId: userRef('grantee_id'),
    grantedBy: optionalUser('granted_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
  },
  (t) => [
    uniqueIndex('video_grants_video_grantee_key').on(t.videoId, t.granteeId),
    index('video_grants_grantee_idx').on(t.granteeId, t.expiresAt),
    index('video_grants_granted_by_idx').on(t.grantedBy),
  ],
);

/**
 * Typed, time-stamped feedback on a recording. A top-level comment has a time, a kind and optionally one of the
 * institution's learning focus areas (observation O1: the focus area's stable key); a reply (the owner's, or the
 * author's answer to it) has a parent and neither time nor kind. `discussed_at` marks "drøftet" (owner).
 */
export const videoFeedback = pgTable(
  'video_feedback',
  {
    id: id(),
    videoId: videoRef(),
    /** Null once the author's account is erased (the text stays with "Tidligere medarbejder"). */
    authorId: optionalUser('author_id'),
    parentId: uuid('parent_id').references((): AnyPgColumn => videoFeedback.id, { onDelete: 'cascade' }),
    atSeconds: real('at_seconds'),
    kind: text('kind', { enum: FEEDBACK_KINDS }).$type<FeedbackKind>(),
    focusAreaKey: uuid('focus_area_key'),
    body: text('body').notNull(),
    discussedAt: at('discussed_at'),
    discussedBy: optionalUser('discussed_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('video_feedback_video_idx').on(t.videoId, t.atSeconds),
    index('video_feedback_author_idx').on(t.authorId),
    index('video_feedback_parent_idx').on(t.parentId),
    index('video_feedback_discussed_by_idx').on(t.discussedBy),
    check('video_feedback_kind_check', inList('kind', FEEDBACK_KINDS)),
    check(
      'video_feedback_shape_check',
      sql`(parent_id is null and at_seconds is not null and at_seconds >= 0 and kind is not null)
        or (parent_id is not null and at_seconds is null and kind is null and focus_area_key is null)`,
    ),
  ],
);

/** A coach's saved set of prompts to give feedback with (e.g. "Hvad gjorde eleverne, da …?"). */
export const feedbackPromptSets = pgTable(
  'feedback_prompt_sets',
  {
    id: id(),
    ownerId: userRef('owner_id'),
    title: text('title').notNull(),
    prompts: jsonb('prompts').$type<{ kind: FeedbackKind; text: string }[]>().notNull().default([]),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('feedback_prompt_sets_owner_idx').on(t.ownerId)],
);

/**
 * A video's chapters (V9): a list of start times and titles, saved whole with a version (two editors: the second
 * save with a stale version is refused). Shown on the player as a chapters track and as a list; titles are
 * searched (the search document's D part, with captions).
 */
export const videoChapters = pgTable(
  'video_chapters',
  {
    videoId: uuid('video_id')
      .primaryKey()
      .references(() => videos.id, { onDelete: 'cascade' }),
    chapters: jsonb('chapters').$type<{ start: number; title: string }[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    updatedBy: optionalUser('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('video_chapters_updated_by_idx').on(t.updatedBy)],
);

/**
 * Automatic captions being made for a video in one language (V9): the speech recogniser runs as a background job
 * (a 45-minute lesson takes minutes), and its cues wait here, unsaved, until the editor loads them for the owner
 * to check. One row per video and language: asking again while one runs is the same run.
 */
export const videoTranscriptions = pgTable(
  'video_transcriptions',
  {
    id: id(),
    videoId: uuid('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    status: text('status').$type<TranscriptionState>().notNull().default('queued'),
    cues: jsonb('cues').$type<{ start: number; end: number; text: string }[]>(),
    requestedBy: optionalUser('requested_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    uniqueIndex('video_transcriptions_video_language_key').on(t.videoId, t.language),
    index('video_transcriptions_requested_by_idx').on(t.requestedBy),
    check('video_transcriptions_status_check', inList('status', TRANSCRIPTION_STATES)),
  ],
);
