import { z } from 'zod';
import { id, timestamp } from './common.js';

/** One "Mine data" export of the signed-in person (issue 20 part 3, I5). */
export const DataExport = z.object({
  id,
  status: z.enum(['queued', 'running', 'ready', 'failed']),
  /** 0–100 while it is being prepared. */
  progress: z.number().int(),
  sizeBytes: z.number().int().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  /** Until when the ZIP can be downloaded (set when ready). */
  expiresAt: timestamp.nullable(),
  /** The download link while the ZIP can be downloaded, else null. */
  downloadUrl: z.string().nullable(),
});
export const DataExportList = z.object({ items: z.array(DataExport) });

/** The ZIP itself (application/zip). */
export const ExportFile = z
  .string()
  .describe('The ZIP (application/zip): index.html and one JSON file per area');

/** One line of an erasure preview: what happens to a kind of data and why. */
export const ErasureLine = z.object({
  /** A stable key of the kind of data (i18n: mydata.erase.kind.<key>). */
  kind: z.string(),
  /** What happens: removed, made anonymous ("Tidligere medarbejder"), or kept as it is. */
  action: z.enum(['remove', 'anonymise', 'keep']),
  /** How many rows; null where counting is not possible (anonymous survey answers). */
  count: z.number().int().nullable(),
});
export const ErasurePreview = z.object({
  person: z.object({ id, name: z.string(), email: z.string() }),
  lines: z.array(ErasureLine),
  /** The person's own videos that are removed with their media, of those the administrator may watch. */
  videos: z.array(z.object({ id, title: z.string() })),
  /** How many more of their videos go that the administrator may not watch (private ones): counted, not named. */
  hiddenVideos: z.number().int(),
  /** Why it cannot be done now (e.g. the last administrator), else null. */
  blockedBy: z.enum(['mydata.erase_self', 'mydata.erase_last_administrator']).nullable(),
});
export const ErasureConfirm = z.strictObject({
  /** The person's name typed again, exactly as shown. */
  confirmName: z.string().max(400),
});
export const ErasureResult = z.object({ erased: z.literal(true), removedVideos: z.number().int() });
