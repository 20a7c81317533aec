import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/progression.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { requestLocale } from '../../../http/locale.js';
import { reply } from '../../../http/schemas.js';
import { createProgressionImport } from './service.js';

/** The file arrives base64 in JSON: a little over 4/3 of the largest file, and nothing bigger. */
const BODY_LIMIT = Math.ceil(c.PROGRESSION_IMPORT.maxBytes / 3) * 4 + 64 * 1024;

/** The progression CSV import (issue 17 part 2): preview, then commit. */
export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const imports = createProgressionImport(ctx);
  return async (app) => {
    const tags = ['progression'];
    const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 422: errorBody };
    app.post(
      '/groups/:id/import/preview',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          description:
            'Reads a spreadsheet export of test results (CSV: ";", "," or tab; UTF-8, Windows-1252 or UTF-16; the file base64, at most 2 MB and 5,000 rows) for one area and period and answers what every row would do — a new, changed or unchanged cell, or its Danish row errors (unknown or duplicate code, a score outside every band, formula cells, bad dates …). Columns are guessed from the header unless given; a score becomes grøn/gul/rød by the bands given or saved for the area. Nothing is saved. For the group’s circle (group.write); others: progression.group_not_found. A file that cannot be used as a whole: 400 (413 when too large).',
          params: idParams,
          body: c.ImportRequest,
          response: { ...reply(c.ImportPreview), ...refusals },
        },
      },
      async (req) => imports.preview(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.post(
      '/groups/:id/import/commit',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          description:
            'Saves a previewed import in one transaction: the same file and choices with the preview’s fingerprint. When the cells or the plan changed since the preview: 409 progression.import_stale (details: the codes whose cells changed, and what they hold now); rows with errors refuse the whole file (422 progression.import_has_errors) unless skipErrors. Children with unknown codes are created in the group when createMissing. The group totals are recomputed once per group; the import is written to the audit log.',
          params: idParams,
          body: c.ImportCommit,
          response: { ...reply(c.ImportPreview), ...refusals },
        },
      },
      async (req) => imports.commit(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
  };
}
