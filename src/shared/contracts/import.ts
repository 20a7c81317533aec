import { z } from 'zod';

/** The staff import (CSV): what every row would do or did, and the totals. */

// Requests
export const ImportStaffQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
/** Documents the raw file body in OpenAPI; the route's content-type parser makes it a Buffer. */
export const ImportStaffFile = z.any().describe('The CSV file itself (UTF-8 or Windows-1252, at most 2 MB).');

// Answers
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export const ImportRowError = z.object({ column: z.string(), code: z.string(), message: z.string() });
export const ImportRow = z.object({
  line: z.number().int(),
  name: z.string(),
  email: z.string(),
  institution: z.string(),
  team: z.string(),
  role: z.string(),
  action: z.enum(IMPORT_ACTIONS),
  errors: z.array(ImportRowError),
});
export const ImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(ImportRow),
  summary: z.object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
  }),
});
