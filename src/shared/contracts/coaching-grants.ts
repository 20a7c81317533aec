import { z } from 'zod';
import { dateOnly } from '../text.js';
import { id, timestamp } from './common.js';

/**
 * Own recordings (issue 19 part A, V10): personal shares of a recording (/api/v1/videos/:id/grants), the people
 * the owner can share with (/api/v1/videos/:id/grant-candidates), what is shared with me
 * (/api/v1/me/shared-with-me), and downloads (/api/v1/videos/:id/download).
 */

// Requests
/** `expiresOn`: the last Danish day the person may watch (through that day); null: until taken back. */
export const GrantCreate = z.strictObject({ personId: id, expiresOn: dateOnly().nullable().default(null) });
export const GrantParams = z.strictObject({ id, grantId: id });
export const CandidateQuery = z.strictObject({ q: z.string().trim().max(100).default('') });
export const DownloadSet = z.strictObject({ allowed: z.boolean() });

// Answers
const Person = z.object({ id, name: z.string(), institutions: z.array(z.string()) });
/** One personal share: who, until when (null: until taken back; else the instant access ends). */
export const Grant = z.object({
  id,
  person: Person,
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  /** The last Danish day of access (YYYY-MM-DD), or null. */
  expiresOn: z.string().nullable(),
});
export const GrantList = z.object({
  items: z.array(Grant),
  /** Whether people who may watch may also download the recording. */
  downloadAllowed: z.boolean(),
  /** False when the consent does not allow showing the recording to anyone but the owner. */
  consentAllowsSharing: z.boolean(),
  max: z.number().int(),
});
export const GrantCandidates = z.object({ items: z.array(Person) });
export const SharedWithMe = z.object({
  items: z.array(
    z.object({
      videoId: id,
      title: z.string(),
      owner: z.object({ id, name: z.string() }),
      sharedAt: timestamp,
      expiresAt: timestamp.nullable(),
      expiresOn: z.string().nullable(),
      status: z.string(),
      durationSeconds: z.number().nullable(),
      posterUrl: z.string().nullable(),
    }),
  ),
});
export const DownloadState = z.object({ allowed: z.boolean() });
/** The downloaded recording: the original's bytes (its own type) or the best rendition as MPEG-TS. */
export const DownloadFile = z.string().meta({ format: 'binary' });
