import { z } from 'zod';
import { id, timestamp } from './common.js';

/** The outbox: e-mails written by the app, for administrators. */

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'kept'] as const;

// Requests
export const OutboxListQuery = z.strictObject({
  before: z.string().max(200).optional().describe('nextBefore of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

// Answers
export const OutboxEmail = z.object({
  id,
  toAddress: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
/** Newest first; `nextBefore` is null on the last page. */
export const OutboxPage = z.object({ items: z.array(OutboxEmail), nextBefore: z.string().nullable() });
