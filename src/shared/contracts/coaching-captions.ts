import { z } from 'zod';
import { COACHING_LIMITS, TRANSCRIPTION_STATES } from '../coaching.js';
import { CUE_TEXT_LENGTH } from '../cues.js';
import { id, timestamp } from './common.js';
import { CAPTION_LANGUAGE } from './videos.js';

/** Captions and chapters (issue 19 part E, V9): the cue editor, chapters, automatic transcription. */

const seconds = z
  .number()
  .min(0)
  .max(24 * 3600);

export const CueParams = z.strictObject({ id, language: z.string().regex(CAPTION_LANGUAGE) });
export const Cue = z.object({ start: seconds, end: seconds, text: z.string().max(CUE_TEXT_LENGTH) });
export const CueInput = z.strictObject({
  start: seconds,
  end: seconds,
  text: z.string().max(CUE_TEXT_LENGTH),
});

/** A language's cues as the editor reads them; version 0: no captions in that language yet. */
export const CueList = z.object({
  version: z.number().int(),
  label: z.string(),
  cues: z.array(Cue),
  updatedAt: z.string().nullable(),
});
/** Saves the whole list; `version` is the one the editor loaded (0 to create). */
export const CueSave = z.strictObject({
  version: z.number().int().min(0),
  label: z.string().trim().min(1).max(100).optional(),
  cues: z.array(CueInput).max(COACHING_LIMITS.captionCues),
});

export const Chapter = z.object({ start: seconds, title: z.string() });
export const ChapterInput = z.strictObject({
  start: seconds,
  title: z.string().max(COACHING_LIMITS.chapterTitleLength),
});
/** A video's chapters (sorted by start); `trackUrl` is the signed WebVTT chapters track, null when none. */
export const ChapterList = z.object({
  version: z.number().int(),
  chapters: z.array(Chapter),
  trackUrl: z.string().nullable(),
});
export const ChapterSave = z.strictObject({
  version: z.number().int().min(0),
  chapters: z.array(ChapterInput).max(COACHING_LIMITS.chapters),
});

/** Whether automatic Danish captions can be made here (an operator configured a local engine). */
export const TranscriptionStatus = z.object({ available: z.boolean() });
/** The engine's cues, not saved: the editor shows them for the owner to check and save. */
/**
 * A run of automatic captions (a background job): its state, and once it is done the cues for the editor — not
 * saved until the owner saves them.
 */
export const TranscriptionRun = z.object({
  status: z.enum(TRANSCRIPTION_STATES),
  cues: z.array(Cue).nullable(),
  requestedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
