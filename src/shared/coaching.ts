/**
 * Coaching on your own lessons (issue 19, PRODUCT.md V10, B4, V9): personal shares of a recording, typed
 * time-stamped feedback, clips, side by side, captions and chapters. Constants shared by server and web.
 */

/** The three kinds of feedback a coach or colleague gives: styrke, spørgsmål, forslag. */
export const FEEDBACK_KINDS = ['strength', 'question', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const COACHING_LIMITS = {
  /** People one recording can be shared with. */
  grantsPerVideo: 50,
  /** Longest share a person can be given (days); null end date = until taken back. */
  grantMaxDays: 365,
  /** Characters in one feedback comment or reply. */
  feedbackLength: 4000,
  /** Feedback comments (with replies) on one recording. */
  feedbackPerVideo: 2000,
  /** Prompt sets one coach keeps, and prompts in one set. */
  promptSets: 50,
  promptsPerSet: 30,
  promptLength: 500,
  /** Shortest clip (seconds). */
  clipMinSeconds: 1,
  /** Chapters on one video; characters in a chapter title. */
  chapters: 200,
  chapterTitleLength: 200,
  /** A caption file's size (bytes) and cues in one file. */
  captionBytes: 2_000_000,
  captionCues: 5000,
} as const;

/** A run of automatic captions (a background job): waiting, running, its cues ready to load, or failed. */
export const TRANSCRIPTION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type TranscriptionState = (typeof TRANSCRIPTION_STATES)[number];
