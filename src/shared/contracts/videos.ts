import { z } from 'zod';
import { AGE_BANDS, EDITORIAL_STATES, PILLARS } from '../catalogue.js';
import { SETUP_STATES, SHARE_DURATIONS, VIDEO_STATUSES, VISIBILITIES } from '../constants.js';
import { dateOnly } from '../text.js';
import { id, name, personRef, timestamp } from './common.js';

/** Videos (V2, V5, V9, I5): requests and answers of /api/v1/videos/:id…, /shared/:token and the tus uploads. */

/** A caption language tag (da, en, en-GB…); the file lives at captions/<language>.vtt. */
export const CAPTION_LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

// Requests
export const VideoUpdate = z.strictObject({
  title: name.optional(),
  description: z.string().trim().max(5000).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  teamId: id.nullable().optional(),
});
export const ConsentSet = z.strictObject({
  pupilsAppear: z.boolean(),
  consentLevel: z.enum(VISIBILITIES).nullable().optional(),
  collectedBy: z.string().trim().max(200).optional(),
  collectedOn: dateOnly().optional(),
});
/** The owner's walk-through after an upload: `finished` or `dismissed` ends it, `open` shows it again. */
export const SetupSet = z.strictObject({ state: z.enum(SETUP_STATES) });
export const ShareCreate = z.strictObject({ duration: z.enum(SHARE_DURATIONS) });
export const ShareParams = z.strictObject({ id, shareId: id });
export const SharedParams = z.strictObject({ token: z.string().min(1).max(200) });
export const CaptionParams = z.strictObject({ id, language: z.string().regex(CAPTION_LANGUAGE) });
export const CaptionQuery = z.strictObject({ label: z.string().trim().min(1).max(100).optional() });

// Answers
export const TermRef = z.object({ id, label: z.string() });
/** The catalogue metadata and editorial state of a video (V1), and what the viewer may do with them. */
export const VideoCatalogue = z.object({
  subject: TermRef.nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  methods: z.array(TermRef),
  pillars: z.array(z.enum(PILLARS)),
  editorialState: z.enum(EDITORIAL_STATES),
  /** The editors' comment (owner and editors only, else null). */
  editorialComment: z.string().nullable(),
  curated: z.boolean(),
  publishedAt: timestamp.nullable(),
  canDescribe: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  /**
   * Why "Udgiv" would be refused now (editors, while in review; else null): not processed yet, subject or age
   * band missing, no consent record, or consent for less than public (a withdrawal makes the video private).
   */
  publishBlocked: z
    .enum(['not_ready', 'metadata_incomplete', 'consent_missing', 'consent_not_public'])
    .nullable(),
});
/** A caption file; `url` is signed, null while the video is not ready. */
export const Caption = z.object({ language: z.string(), label: z.string(), url: z.string().nullable() });
export const Consent = z.object({
  pupilsAppear: z.boolean(),
  consentLevel: z.enum(VISIBILITIES).nullable(),
  collectedBy: z.string().nullable(),
  collectedOn: z.string().nullable(),
  withdrawnAt: timestamp.nullable(),
});
/** What the player needs; a share link's page gets only this. Media URLs are signed and expire. */
export const PlayableVideo = z.object({
  id,
  title: z.string(),
  description: z.string(),
  durationSeconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  playlistUrl: z.string().nullable(),
  posterUrl: z.string().nullable(),
  thumbnailsUrl: z.string().nullable(),
  captions: z.array(Caption),
  /** The WebVTT chapters track (issue 19 part E), signed; null when the video has no chapters. */
  chaptersUrl: z.string().nullable().optional(),
});
export const VideoDetail = PlayableVideo.extend({
  status: z.enum(VIDEO_STATUSES),
  visibility: z.enum(VISIBILITIES),
  teamId: id.nullable(),
  institutionId: id,
  /** Percent done while processing, else null. */
  progress: z.number().nullable(),
  /**
   * Issue 21: a ready video plays from its first rendition while the other qualities (and its poster and seek
   * thumbnails) are made: the renditions (e.g. "360p") that play now and those still coming. Null when nothing
   * is still being made.
   */
  renditions: z
    .object({ done: z.array(z.string()), coming: z.array(z.string()) })
    .nullable()
    .optional(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  owner: personRef,
  createdAt: timestamp,
  catalogue: VideoCatalogue,
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  /** Coaching (issue 19): may read and give typed feedback (the owner and the people it is shared with). */
  canFeedback: z.boolean(),
  // The owner only:
  originalFilename: z.string().optional(),
  consent: Consent.nullable().optional(),
  widestVisibility: z.enum(VISIBILITIES).optional(),
  /** The walk-through "Gør videoen klar": open, finished, dismissed; null when the video never had one. */
  setup: z.enum(SETUP_STATES).nullable().optional(),
});
export const Share = z.object({
  id,
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export const ShareList = z.object({ items: z.array(Share) });
/** A new share link: the url (with its token) is shown only in this answer. */
export const NewShare = z.object({ id, url: z.string(), expiresAt: timestamp.nullable() });

/**
 * tus answers (protocol 1.0.0) have no body: what they say is in the status and the headers. Documented as
 * such (OpenAPI: headers, no content — `type: 'null'` tells @fastify/swagger there is no body, where the
 * OpenAPI 3.0 form of z.null() would claim a JSON null); the tus server writes them, Fastify serializes nothing.
 */
const tusAnswer = (description: string, headers: Record<string, string>) =>
  z.null().meta({
    type: 'null',
    description,
    headers: Object.fromEntries(
      Object.entries(headers).map(([h, d]) => [h, { type: 'string', description: d }]),
    ),
  });
export const UploadCreated = tusAnswer('Upload created (no body).', {
  Location: 'The URL of the upload, for HEAD and PATCH.',
  'Amongi-Video-Id': 'The id of the new video.',
  'Tus-Resumable': 'The tus version, 1.0.0.',
});
export const UploadOffset = tusAnswer('HEAD: how far the upload got (no body).', {
  'Upload-Offset': 'Bytes received so far.',
  'Upload-Length': 'The declared size.',
  'Tus-Resumable': 'The tus version, 1.0.0.',
});
export const UploadPatched = tusAnswer('PATCH: bytes appended; DELETE: upload ended (no body).', {
  'Upload-Offset': 'PATCH: bytes received so far.',
  'Tus-Resumable': 'The tus version, 1.0.0.',
});
