import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../auth/session.js';
import { AppError } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import * as s from '../../http/schemas.js';
import { MAX_BYTES } from './csv.js';
import type { ImportService } from './service.js';

export const CSV_CONTENT_TYPES = ['text/csv', 'application/octet-stream', 'text/plain'];

const rowError = z.object({ column: z.string(), code: z.string(), message: z.string() });
const importResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      email: z.string(),
      institution: z.string(),
      team: z.string(),
      role: z.string(),
      action: z.enum(['create', 'update', 'unchanged']),
      errors: z.array(rowError),
    }),
  ),
  summary: z.object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
  }),
});

export function importRoutes(imports: ImportService): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated in this plugin: the raw file bytes as a Buffer, up to 2 MB (over that: request.too_large).
    app.addContentTypeParser(
      CSV_CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_BYTES },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/imports/staff',
      {
        bodyLimit: MAX_BYTES,
        schema: {
          tags: ['people'],
          description:
            'Imports staff from a CSV file (columns navn, e-mail, institution, team, rolle; ";" or ","; UTF-8 or ' +
            'Windows-1252). The body is the file itself. With dryRun=true (the default) nothing is saved and ' +
            'every row is reported; with dryRun=false all rows are saved in one transaction, or none when any ' +
            'row has an error (422 import.has_errors).',
          consumes: CSV_CONTENT_TYPES,
          // Documents the raw file body in OpenAPI; the parser above has already made it a Buffer.
          body: z.any().describe('The CSV file itself (UTF-8 or Windows-1252, at most 2 MB).'),
          querystring: z.strictObject({
            dryRun: z
              .enum(['true', 'false'])
              .default('true')
              .transform((v) => v === 'true'),
          }),
          response: { ...s.errors, 200: importResult, 413: s.errorBody, 415: s.errorBody, 422: s.errorBody },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const body: unknown = req.body ?? Buffer.alloc(0);
        if (!Buffer.isBuffer(body)) throw new AppError('request.unsupported_type');
        return imports.importStaff(actor, body, { dryRun: req.query.dryRun, locale: requestLocale(req) });
      },
    );
  };
}
