import { z } from 'zod';
import { id, timestamp } from './common.js';

/** Staff sync (issue 20 part 2): sources an administrator configures, and their runs. */

export const STAFF_SYNC_SOURCE_KINDS = ['csv_path', 'csv_url', 'scim'] as const;
export const STAFF_SYNC_RUN_STATES = ['running', 'succeeded', 'failed', 'needs_confirmation'] as const;

export const StaffSyncRun = z.object({
  id,
  trigger: z.enum(['schedule', 'manual', 'confirmed']),
  status: z.enum(STAFF_SYNC_RUN_STATES),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  deactivated: z.number().int(),
  reactivated: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ line: z.number().int().nullable(), message: z.string() })),
  /** Why a run failed or stopped (stable code), with its message in the request's language. */
  code: z.string().nullable(),
  message: z.string().nullable(),
});

export const StaffSyncSource = z.object({
  id,
  name: z.string(),
  kind: z.enum(STAFF_SYNC_SOURCE_KINDS),
  location: z.string().nullable(),
  intervalMinutes: z.number().int().nullable(),
  kommuneId: id.nullable(),
  institutionIds: z.array(id),
  defaultInstitutionId: id.nullable(),
  sendInvitations: z.boolean(),
  maxDeactivatePercent: z.number().int(),
  enabled: z.boolean(),
  hasToken: z.boolean(),
  tokenCreatedAt: timestamp.nullable(),
  nextRunAt: timestamp.nullable(),
  /** People this source manages now (created or matched by it). */
  managed: z.number().int(),
  lastRun: StaffSyncRun.nullable(),
});

export const StaffSyncSourceList = z.object({
  items: z.array(StaffSyncSource),
  /** STAFF_SYNC_DIR is set: CSV sources at a path may be added (under that folder). */
  pathsAllowed: z.boolean(),
  pathRoot: z.string().nullable(),
  /** Where SCIM clients send their requests. */
  scimBaseUrl: z.string(),
});

const sourceFields = {
  name: z.string().trim().min(1).max(200),
  location: z.string().trim().max(2000).nullable().optional(),
  intervalMinutes: z.number().int().min(5).max(10080).nullable().optional(),
  kommuneId: id.nullable().optional(),
  institutionIds: z.array(id).max(500).optional(),
  defaultInstitutionId: id.nullable().optional(),
  sendInvitations: z.boolean().optional(),
  maxDeactivatePercent: z.number().int().min(0).max(100).optional(),
  enabled: z.boolean().optional(),
};
export const CreateStaffSyncSource = z.strictObject({
  kind: z.enum(STAFF_SYNC_SOURCE_KINDS),
  ...sourceFields,
});
export const UpdateStaffSyncSource = z.strictObject({ ...sourceFields, name: sourceFields.name.optional() });

/** A new source, or a new token: the SCIM token is in the answer once and never again. */
export const StaffSyncSourceCreated = z.object({ source: StaffSyncSource, token: z.string().nullable() });
export const StaffSyncToken = z.object({ token: z.string() });

export const RunStaffSync = z.strictObject({
  /** Confirm a run the safety brake stopped: deactivate beyond the source's share this once. */
  confirm: z.boolean().optional(),
});
export const StaffSyncRunList = z.object({ items: z.array(StaffSyncRun) });
