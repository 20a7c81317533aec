import { z } from 'zod';
import { AUDIT_GROUPS } from '../audit-actions.js';
import { dateOnly } from '../text.js';
import { timestamp } from './common.js';

/** The audit log in readable form (issue 20 part 5): administrators see everything, each person their own data. */

export const AuditLogQuery = z.strictObject({
  /** Who did it: part of a name or e-mail. */
  person: z.string().trim().max(200).optional(),
  /** One action (e.g. role.grant) … */
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]+$/)
    .optional(),
  /** … or a group of actions. */
  group: z.enum(AUDIT_GROUPS).optional(),
  /** The subject: its type (person, video, institution …) and optionally its id. */
  subjectType: z
    .string()
    .trim()
    .max(50)
    .regex(/^[a-z_]+$/)
    .optional(),
  subjectId: z.string().trim().max(100).optional(),
  /** Danish calendar days, both included. */
  from: dateOnly().optional(),
  to: dateOnly().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const OwnAuditLogQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const AuditEntry = z.object({
  id: z.uuid(),
  at: timestamp,
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  /** The action in readable words, in the request's language. */
  label: z.string(),
  group: z.enum(AUDIT_GROUPS).nullable(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  /** A person's name or one's own recording's title; null when there is nothing to show. */
  subjectName: z.string().nullable(),
  /** The entry's details as JSON text (administrators only; null in a person's own log). */
  details: z.string().nullable(),
});
export const AuditLogPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
export const AuditLogCsv = z.string();
