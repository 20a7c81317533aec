import { z } from 'zod';
import { COACHING_LIMITS, FEEDBACK_KINDS } from '../coaching.js';
import { id, personRef, timestamp } from './common.js';

/*
 * Typed, time-stamped feedback on a recording (issue 19, part B) under /videos/:id/feedback…, the institution's
 * learning focus areas to tie it to (/videos/:id/focus-areas), and a coach's saved prompt sets
 * (/feedback-prompts). Only the owner and the people the owner shared the recording with (video.feedback).
 */

// Requests. Text lengths are checked after trimming, with their own codes (feedback.empty, feedback.too_long);
// the schema bounds the type, the request body limit the size.
const text = z.string().max(COACHING_LIMITS.feedbackLength * 4);
export const feedbackKind = z.enum(FEEDBACK_KINDS);
export const FeedbackListQuery = z.strictObject({
  kind: feedbackKind.optional(),
  focusAreaKey: id.optional(),
});
export const FeedbackCreate = z.strictObject({
  /** Seconds from the start; within the recording's length (feedback.time_invalid). */
  atSeconds: z
    .number()
    .min(0)
    .max(24 * 3600),
  kind: feedbackKind,
  /** One of the owner institution's current learning focus areas (GET /videos/:id/focus-areas), or none. */
  focusAreaKey: id.nullable().optional(),
  body: text,
});
export const FeedbackUpdate = z.strictObject({ body: text });
export const FeedbackReplyCreate = z.strictObject({ body: text });
export const FeedbackDiscussed = z.strictObject({ discussed: z.boolean() });
export const FeedbackParams = z.strictObject({ id, feedbackId: id });

// Answers
export const FeedbackReply = z.object({
  id,
  body: z.string(),
  /** Null once the author's account is erased. */
  author: personRef.nullable(),
  byOwner: z.boolean(),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export const FeedbackItem = z.object({
  id,
  atSeconds: z.number(),
  kind: feedbackKind,
  focusAreaKey: id.nullable(),
  body: z.string(),
  author: personRef.nullable(),
  createdAt: timestamp,
  editedAt: timestamp.nullable(),
  discussedAt: timestamp.nullable(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  /** The owner, or this comment's author (who may answer the owner's reply). */
  canReply: z.boolean(),
  /** Replies, oldest first. */
  replies: z.array(FeedbackReply),
});
export const FeedbackList = z.object({
  /** Top-level comments by time in the recording; all of them (a recording holds at most feedbackPerVideo). */
  items: z.array(FeedbackItem),
  /** The viewer owns the recording: replies to every comment, marks them "drøftet", deletes any. */
  isOwner: z.boolean(),
  maxLength: z.number().int(),
});
export const FeedbackCreated = z.object({ id });
export const FocusAreaOption = z.object({ key: id, title: z.string(), description: z.string() });
export const FocusAreaList = z.object({
  /** The owner institution's current learning focus areas (its newest observation schema); empty when none. */
  items: z.array(FocusAreaOption),
});

// Prompt sets
const prompt = z.strictObject({ kind: feedbackKind, text: z.string().max(COACHING_LIMITS.promptLength * 4) });
export const PromptSetCreate = z.strictObject({
  title: z.string().max(800),
  prompts: z.array(prompt).max(COACHING_LIMITS.promptsPerSet * 4),
});
export const PromptSetUpdate = PromptSetCreate.partial();
export const PromptSetParams = z.strictObject({ setId: id });
export const PromptSet = z.object({
  id,
  title: z.string(),
  prompts: z.array(z.object({ kind: feedbackKind, text: z.string() })),
  updatedAt: timestamp,
});
export const PromptSetList = z.object({ items: z.array(PromptSet) });
