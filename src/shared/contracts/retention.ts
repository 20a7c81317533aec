import { z } from 'zod';
import { RETENTION_FIXED, RETENTION_KINDS, RETENTION_MAX_DAYS } from '../retention.js';
import { timestamp } from './common.js';

/** Retention (issue 20 part 4): periods per kind, the dry run, the purge's runs. Administrators only. */

export const RetentionKindParams = z.strictObject({ kind: z.enum(RETENTION_KINDS) });
export const RetentionSetBody = z.strictObject({
  /** Days after which the kind's items go; null = keep ("behold"). */
  days: z.number().int().min(1).max(RETENTION_MAX_DAYS).nullable(),
});

const Oldest = z.object({
  at: timestamp,
  /** A short non-personal description (an e-mail's status, an audit action's label, a file's size). */
  note: z.string(),
});
export const RetentionKindView = z.object({
  kind: z.enum(RETENTION_KINDS),
  days: z.number().int().nullable(),
  defaultDays: z.number().int().nullable(),
  /** Set by an administrator (else the default applies). */
  changedAt: timestamp.nullable(),
  /** Dry run: how many items a run now would remove (0 when kept), and the oldest of them. */
  due: z.number().int(),
  oldest: z.array(Oldest),
  /** Why the kind removes nothing even with a period (e.g. erasure not available yet); null when it runs. */
  blocked: z.string().nullable(),
});
export const RetentionFixedView = z.object({
  kind: z.enum(RETENTION_FIXED),
  due: z.number().int().nullable(),
});
export const RetentionRun = z.object({
  id: z.uuid(),
  kind: z.string(),
  days: z.number().int(),
  removed: z.number().int(),
  batches: z.number().int(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  error: z.string().nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export const RetentionOverview = z.object({
  kinds: z.array(RetentionKindView),
  fixed: z.array(RetentionFixedView),
  runs: z.array(RetentionRun),
});
