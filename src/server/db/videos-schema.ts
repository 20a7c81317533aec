import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { AGE_BANDS, EDITORIAL_STATES, type Pillar } from '../../shared/catalogue.js';
import { SETUP_STATES, VIDEO_STATUSES, VISIBILITIES } from '../../shared/constants.js';
import { at, id, inList, institutions, kommuner, teams, users } from './schema.js';

/** PostgreSQL's tsvector, for full-text search (V3). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The taxonomy editors manage (V1): subjects (fag) and method tags. Merging moves every link to the kept term. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: id(),
    kind: text('kind', { enum: ['subject', 'method'] }).notNull(),
    label: text('label').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('taxonomy_terms_kind_label_key').on(t.kind, sql`lower(${t.label})`),
    check('taxonomy_terms_kind_check', inList('kind', ['subject', 'method'])),
  ],
);

/** What the pipeline learned about the source and made from it (see media/). */
export type VideoMedia = {
  rungs: { name: string; width: number; height: number; bandwidth: number }[];
  hasAudio: boolean;
  remuxed: boolean;
  poster: boolean;
  sprite: boolean;
  source?: { codec: string; width: number; height: number; rotation: number; formatName: string };
  /**
   * Rungs still to come (issue 21): the video plays from its first rendition while the others are made; `rungs`
   * and master.m3u8 list only complete ones. Absent or empty when the ladder is complete.
   */
  pending?: string[];
  /** Measured bandwidth (bits/s) of each complete rung, for rewriting master.m3u8 as rungs arrive. */
  measured?: Record<string, { peak: number; average: number }>;
};

export const videos = pgTable(
  'videos',
  {
    id: id(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** The owner's institution when uploading; with kommuneId (denormalised, institutions never move) it scopes visibility. */
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    kommuneId: uuid('kommune_id')
      .notNull()
      .references(() => kommuner.id, { onDelete: 'restrict' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: VIDEO_STATUSES }).notNull().default('uploading'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('private'),
    /**
     * The processing step to run next (clip — cutting a clip from its source, probe, transcode, publish); null when
     * none. `renditions` runs on a video already ready (playable from its first rendition): the other rungs,
     * poster and sprite (issue 21).
     */
    stage: text('stage', { enum: ['clip', 'probe', 'transcode', 'publish', 'renditions'] }),
    progress: real('progress'),
    failureCode: text('failure_code'),
    /** A worker holds a step while leaseUntil is in the future and renews it while it works. */
    leaseOwner: text('lease_owner'),
    leaseUntil: at('lease_until'),
    originalFilename: text('original_filename').notNull(),
    originalSize: bigint('original_size', { mode: 'number' }).notNull(),
    durationSeconds: real('duration_seconds'),
    width: integer('width'),
    height: integer('height'),
    media: jsonb('media').$type<VideoMedia>(),
    /** Raised whenever access narrows (visibility, consent, share revoked): older signed media URLs stop working. */
    accessVersion: integer('access_version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    readyAt: at('ready_at'),
    /** The owner's walk-through ("Gør videoen klar"): open after an upload until finished or dismissed. */
    setupState: text('setup_state', { enum: SETUP_STATES }),
    // Catalogue metadata (V1).
    subjectId: uuid('subject_id').references(() => taxonomyTerms.id, { onDelete: 'set null' }),
    ageBand: text('age_band', { enum: AGE_BANDS }),
    pillars: text('pillars').array().$type<Pillar[]>().notNull().default(sql`'{}'::text[]`),
    /** Editorial workflow for the public catalogue; `published` means curated. */
    editorialState: text('editorial_state', { enum: EDITORIAL_STATES }).notNull().default('none'),
    editorialComment: text('editorial_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: at('published_at'),
    /** Weighted Danish full-text document: title (A), tags (B), description (C), captions (D). Kept by the search repo. */
    searchDocument: tsvector('search_document'),
    /** Counters kept in the same transaction as the rows they count (sorting by "most tried", impact figures). */
    viewCount: integer('view_count').notNull().default(0),
    triedCount: integer('tried_count').notNull().default(0),
    workedCount: integer('worked_count').notNull().default(0),
    /** Whether people who may watch may also download the finished file (issue 19: off unless the owner turns it on). */
    downloadAllowed: boolean('download_allowed').notNull().default(false),
    /** A clip (issue 19) is a video of its own cut from `clipOf` (null once that is deleted) at these seconds. */
    clipOf: uuid('clip_of').references((): AnyPgColumn => videos.id, { onDelete: 'set null' }),
    clipStart: real('clip_start'),
    clipEnd: real('clip_end'),
  },
  (t) => [
    index('videos_owner_idx').on(t.ownerId, t.createdAt),
    index('videos_institution_idx').on(t.institutionId),
    index('videos_kommune_idx').on(t.kommuneId),
    index('videos_team_idx').on(t.teamId),
    index('videos_status_idx').on(t.status, t.stage),
    index('videos_subject_idx').on(t.subjectId),
    index('videos_reviewed_by_idx').on(t.reviewedBy),
    index('videos_ready_idx').on(t.readyAt),
    index('videos_editorial_idx').on(t.editorialState, t.publishedAt),
    index('videos_search_idx').using('gin', t.searchDocument),
    index('videos_clip_of_idx').on(t.clipOf),
    check('videos_status_check', inList('status', VIDEO_STATUSES)),
    check('videos_age_band_check', inList('age_band', AGE_BANDS)),
    check('videos_editorial_check', inList('editorial_state', EDITORIAL_STATES)),
    check('videos_visibility_check', inList('visibility', VISIBILITIES)),
    check('videos_setup_state_check', inList('setup_state', SETUP_STATES)),
  ],
);

/** The consent register (I5): one current record per video; every change is also in the audit log. */
export const videoConsents = pgTable(
  'video_consents',
  {
    videoId: uuid('video_id')
      .primaryKey()
      .references(() => videos.id, { onDelete: 'cascade' }),
    pupilsAppear: boolean('pupils_appear').notNull(),
    /** The widest visibility the guardians consented to (when pupils appear). */
    consentLevel: text('consent_level', { enum: VISIBILITIES }),
    collectedBy: text('collected_by'),
    collectedOn: text('collected_on'),
    withdrawnAt: at('withdrawn_at'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('video_consents_recorded_by_idx').on(t.recordedBy)],
);

export const videoShares = pgTable(
  'video_shares',
  {
    id: id(),
    videoId: uuid('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('video_shares_token_key').on(t.tokenHash),
    index('video_shares_video_idx').on(t.videoId),
    index('video_shares_created_by_idx').on(t.createdBy),
  ],
);

export const videoCaptions = pgTable(
  'video_captions',
  {
    id: id(),
    videoId: uuid('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    label: text('label').notNull(),
    /** The cue text without timings, kept for search (V3). */
    text: text('text').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    /** Raised by every save; the editor sends the version it loaded (two editors: no lost cue). */
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('video_captions_language_key').on(t.videoId, t.language)],
);
