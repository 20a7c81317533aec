import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COMMUNITY_ACCESS,
  COMMUNITY_POST_KINDS,
  COMMUNITY_ROLES,
  PACKAGE_ITEM_KINDS,
  PACKAGE_VISIBILITIES,
} from '../../shared/catalogue.js';
import { NOTIFICATION_EMAIL_STATES } from '../../shared/training.js';
import { at, id, inList, institutions, kommuner, userRef, users } from './schema.js';
import { taxonomyTerms, videos } from './videos-schema.js';

const videoRef = () =>
  uuid('video_id')
    .notNull()
    .references(() => videos.id, { onDelete: 'cascade' });

/** Curated collections on the home page (V1): ordered lists of catalogue videos made by editors. */
export const collections = pgTable(
  'collections',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('collections_created_by_idx').on(t.createdBy)],
);

export const collectionVideos = pgTable(
  'collection_videos',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    videoId: videoRef(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.videoId] }),
    index('collection_videos_video_idx').on(t.videoId),
  ],
);

/** Method tags on a video (V1). */
export const videoMethods = pgTable(
  'video_methods',
  {
    videoId: videoRef(),
    termId: uuid('term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.termId] }), index('video_methods_term_idx').on(t.termId)],
);

/** Communities of practice (V4). */
export const communities = pgTable(
  'communities',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    access: text('access', { enum: COMMUNITY_ACCESS }).notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('communities_name_key').on(sql`lower(${t.name})`),
    index('communities_created_by_idx').on(t.createdBy),
    check('communities_access_check', inList('access', COMMUNITY_ACCESS)),
  ],
);

/** Members, moderators and (for invite-only communities) people invited who have not yet joined. */
export const communityMembers = pgTable(
  'community_members',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: userRef(),
    role: text('role', { enum: COMMUNITY_ROLES }).notNull().default('member'),
    /** Null while only invited. */
    joinedAt: at('joined_at'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index('community_members_user_idx').on(t.userId),
    index('community_members_invited_by_idx').on(t.invitedBy),
    check('community_members_role_check', inList('role', COMMUNITY_ROLES)),
  ],
);

/** Videos shared into a community's feed. Who sees them is still decided by the video's own visibility. */
export const communityVideos = pgTable(
  'community_videos',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    videoId: videoRef(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: at('added_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.videoId] }),
    index('community_videos_video_idx').on(t.videoId),
    index('community_videos_added_by_idx').on(t.addedBy),
    index('community_videos_feed_idx').on(t.communityId, t.addedAt),
  ],
);

/**
 * A member's post in a community (issue 15): a question, a tip, a link, a file, or an event (its details in
 * community_events). Only joined members read and write them; replies are comments with post_id.
 */
export const communityPosts = pgTable(
  'community_posts',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    kind: text('kind', { enum: COMMUNITY_POST_KINDS }).notNull(),
    /** The text as written (the comment format); rendered safely, never as HTML. */
    body: text('body').notNull().default(''),
    /** A link post's address (http or https only). */
    url: text('url'),
    /** A file post's file: storage key, the name it was uploaded with, its sniffed type and size. */
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
  },
  (t) => [
    index('community_posts_feed_idx').on(t.communityId, t.createdAt),
    index('community_posts_author_idx').on(t.authorId),
    check('community_posts_kind_check', inList('kind', COMMUNITY_POST_KINDS)),
  ],
);

/** An event in a community (a meeting, a learning day): the post of kind 'event' it belongs to. */
export const communityEvents = pgTable(
  'community_events',
  {
    postId: uuid('post_id')
      .primaryKey()
      .references(() => communityPosts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
  },
  (t) => [
    index('community_events_starts_idx').on(t.startsAt),
    check('community_events_order_check', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

/**
 * Threaded comments (V4): on a video, optionally anchored to a time in it, or (issue 15) replies to a
 * community post. Exactly one of video_id and post_id is set.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    videoId: uuid('video_id').references(() => videos.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references((): AnyPgColumn => communityPosts.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    /** 0 for a top-level comment; replies nest up to COMMENT_MAX_DEPTH. */
    depth: smallint('depth').notNull().default(0),
    /** The text as written (paragraphs, lists, links); rendered safely, never as HTML. */
    body: text('body').notNull(),
    anchorSeconds: real('anchor_seconds'),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
    /** Deleted by the author: the text is gone, the place in the thread stays for its replies. */
    deletedAt: at('deleted_at'),
    hiddenAt: at('hidden_at'),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('comments_video_idx').on(t.videoId, t.createdAt),
    index('comments_author_idx').on(t.authorId),
    index('comments_parent_idx').on(t.parentId),
    index('comments_hidden_by_idx').on(t.hiddenBy),
    index('comments_created_idx').on(t.createdAt),
    index('comments_post_idx').on(t.postId, t.createdAt),
    check('comments_subject_check', sql`(${t.videoId} is null) <> (${t.postId} is null)`),
  ],
);

export const commentReports = pgTable(
  'comment_reports',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: userRef('reporter_id'),
    reason: text('reason').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('comment_reports_once_key').on(t.commentId, t.reporterId),
    index('comment_reports_reporter_idx').on(t.reporterId),
    index('comment_reports_resolved_by_idx').on(t.resolvedBy),
  ],
);

/** In-app notifications (I3), for discussion, communities and training; e-mail delivery follows notification_preferences. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: userRef(),
    kind: text('kind').notNull(),
    /** What the notification is about, for the link and the text (ids and short titles; no secrets). */
    payload: jsonb('payload').$type<Record<string, string | number | null>>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
    /**
     * E-mail for this notification, from the person's preference when it was made: `email` waits to be e-mailed
     * (the worker writes it to the outbox), `digest` waits for the daily digest, `done` was handled; null: none.
     */
    emailState: text('email_state', { enum: NOTIFICATION_EMAIL_STATES }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_email_due_idx')
      .on(t.emailState, t.createdAt)
      .where(sql`${t.emailState} in ('email', 'digest')`),
    check('notifications_email_state_check', inList('email_state', NOTIFICATION_EMAIL_STATES)),
  ],
);

/** Private notes per video (V6): only the author ever sees them. */
export const videoNotes = pgTable(
  'video_notes',
  {
    videoId: videoRef(),
    userId: userRef(),
    body: text('body').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.userId] }), index('video_notes_user_idx').on(t.userId)],
);

/** "Jeg har afprøvet det" / "Det virkede" (V6), with an optional reflection that is private unless shared. */
export const videoSignals = pgTable(
  'video_signals',
  {
    videoId: videoRef(),
    userId: userRef(),
    triedAt: at('tried_at').notNull().defaultNow(),
    worked: boolean('worked').notNull().default(false),
    reflection: text('reflection'),
    reflectionShared: boolean('reflection_shared').notNull().default(false),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.videoId, t.userId] }),
    index('video_signals_user_idx').on(t.userId),
    index('video_signals_tried_idx').on(t.triedAt),
  ],
);

/** One viewing of a video, for statistics (V6): how far it was watched. Anonymous viewers have no user. */
export const videoViews = pgTable(
  'video_views',
  {
    id: id(),
    videoId: videoRef(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: at('started_at').notNull().defaultNow(),
    watchedSeconds: real('watched_seconds').notNull().default(0),
    completed: boolean('completed').notNull().default(false),
  },
  (t) => [
    index('video_views_video_idx').on(t.videoId, t.startedAt),
    index('video_views_user_idx').on(t.userId),
    index('video_views_started_idx').on(t.startedAt),
  ],
);

/** Learning packages (V8): an ordered set of videos, texts and reflection questions with a facilitation guide. */
export const learningPackages = pgTable(
  'learning_packages',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    facilitationGuide: text('facilitation_guide').notNull().default(''),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** The owner's institution (null for people without one, e.g. forvaltning or redaktør) and kommune. */
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'restrict' }),
    kommuneId: uuid('kommune_id').references(() => kommuner.id, { onDelete: 'restrict' }),
    visibility: text('visibility', { enum: PACKAGE_VISIBILITIES }).notNull().default('private'),
    copiedFromId: uuid('copied_from_id').references((): AnyPgColumn => learningPackages.id, {
      onDelete: 'set null',
    }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('learning_packages_owner_idx').on(t.ownerId),
    index('learning_packages_institution_idx').on(t.institutionId),
    index('learning_packages_kommune_idx').on(t.kommuneId),
    index('learning_packages_copied_from_idx').on(t.copiedFromId),
    check('learning_packages_visibility_check', inList('visibility', PACKAGE_VISIBILITIES)),
  ],
);

export const packageItems = pgTable(
  'package_items',
  {
    id: id(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => learningPackages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: PACKAGE_ITEM_KINDS }).notNull(),
    videoId: uuid('video_id').references(() => videos.id, { onDelete: 'set null' }),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
  },
  (t) => [
    index('package_items_package_idx').on(t.packageId, t.position),
    index('package_items_video_idx').on(t.videoId),
    check('package_items_kind_check', inList('kind', PACKAGE_ITEM_KINDS)),
  ],
);
