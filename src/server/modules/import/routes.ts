import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/import.js';
import { requireActor } from '../../auth/session.js';
import { AppError } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { reply } from '../../http/schemas.js';
import { MAX_BYTES } from './csv.js';
import type { ImportService } from './service.js';

export const CSV_CONTENT_TYPES = ['text/csv', 'application/octet-stream', 'text/plain'];

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
          body: c.ImportStaffFile,
          querystring: c.ImportStaffQuery,
          response: { ...reply(c.ImportResult), 413: errorBody, 415: errorBody, 422: errorBody },
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
