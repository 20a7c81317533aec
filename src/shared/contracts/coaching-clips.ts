import { z } from 'zod';
import { VIDEO_STATUSES, VISIBILITIES } from '../constants.js';
import { id, name, timestamp } from './common.js';

/** Seconds on a video's timeline (a clip's start or end). At most a day: no recording is longer. */
const seconds = z.number().min(0).max(86_400);

/** A clip the owner cuts from their own recording (issue 19): a new, private video of its own. */
export const ClipCreate = z.strictObject({ title: name, start: seconds, end: seconds });

/** One clip as its source's owner sees it in the list of clips. */
export const ClipItem = z.object({
  id,
  title: z.string(),
  status: z.enum(VIDEO_STATUSES),
  visibility: z.enum(VISIBILITIES),
  /** Where the clip starts and ends in its source (a copied clip starts at a keyframe). */
  start: z.number().nullable(),
  end: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  createdAt: timestamp,
});

/** The owner's view: what this video is a clip of (null when it is none, or that video is gone) and its clips. */
export const ClipOverview = z.object({
  clipOf: z
    .object({ id, title: z.string(), start: z.number().nullable(), end: z.number().nullable() })
    .nullable(),
  clips: z.array(ClipItem),
});
