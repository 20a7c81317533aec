import { z } from 'zod';
import { id, personRef, timestamp } from './common.js';

/** The discussion of a video (V7): comments, replies, mentions and moderation, under /videos/:id/comments… */

export const COMMENT_STATES = ['visible', 'hidden', 'deleted'] as const;
export const COMMENT_SORTS = ['newest', 'oldest'] as const;

// Requests. The length rule is checked after trimming, with its own error code (comment.too_long), so the
// schema only bounds the type; the request body limit bounds the size.
const body = z.string();
const anchorSeconds = z.number().nullable().optional();
export const CommentListQuery = z.strictObject({
  sort: z.enum(COMMENT_SORTS).default('newest'),
  /** The last top-level comment id seen. */
  cursor: id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const CommentCreate = z.strictObject({ body, parentId: id.nullable().optional(), anchorSeconds });
export const CommentUpdate = z.strictObject({ body: body.optional(), anchorSeconds });
export const MentionableQuery = z.strictObject({ q: z.string().max(200).optional() });
export const CommentReport = z.strictObject({ reason: z.string().trim().max(1000).default('') });
export const ReportQueueQuery = z.strictObject({
  cursor: id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

// Answers
/** A comment with its replies nested, oldest first. */
export const CommentView = z.object({
  id,
  parentId: id.nullable(),
  depth: z.number().int(),
  /** visible; hidden by a moderator (the text only for those who can unhide it); deleted by the author. */
  state: z.enum(COMMENT_STATES),
  body: z.string().nullable(),
  author: personRef.nullable(),
  anchorSeconds: z.number().nullable(),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
  reportedByMe: z.boolean(),
  /** Open reports: for moderators only. */
  openReports: z.number().int().optional(),
  canReply: z.boolean(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  canReport: z.boolean(),
  canHide: z.boolean(),
  get replies() {
    return z.array(CommentView);
  },
});
export const CommentPage = z.object({
  items: z.array(CommentView),
  nextCursor: id.nullable(),
  /** Comments everyone can read (not deleted, not hidden). */
  total: z.number().int(),
  canComment: z.boolean(),
  canModerate: z.boolean(),
  maxDepth: z.number().int(),
  maxLength: z.number().int(),
});
export const CommentCreated = z.object({ id });
export const Mentionable = z.object({ items: z.array(personRef) });
export const ReportQueueItem = z.object({
  comment: z.object({
    id,
    parentId: id.nullable(),
    state: z.enum(COMMENT_STATES),
    body: z.string().nullable(),
    authorName: z.string().nullable(),
    anchorSeconds: z.number().nullable(),
    createdAt: timestamp,
    editedAt: timestamp.nullable(),
  }),
  /** Where the comment was written: a video, or a post in a community (exactly one of the two is set). */
  video: z.object({ id, title: z.string() }).nullable(),
  post: z.object({ id, communityId: id, communityName: z.string() }).nullable(),
  /** The open reports' reasons, oldest first (never who reported). */
  reports: z.array(z.object({ reason: z.string(), createdAt: timestamp })),
});
export const ReportQueue = z.object({ items: z.array(ReportQueueItem), nextCursor: id.nullable() });
export const ModerationSummary = z.object({ canModerate: z.boolean(), openReports: z.number().int() });
