import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/mydata.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { sendFile } from '../../http/files.js';
import { fileReply, reply } from '../../http/schemas.js';
import { authorize } from '../../policy/index.js';
import { erasePerson, erasurePreview } from './erase.js';
import type { ExportService } from './export.js';

export function mydataRoutes(ctx: AppContext, exports: ExportService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mydata'];
    app.get(
      '/me/exports',
      {
        schema: {
          tags,
          description:
            "The signed-in person's recent “Mine data” exports, newest first, with progress while running.",
          response: reply(c.DataExportList),
        },
      },
      async (req) => exports.list(requireActor(req)),
    );
    app.post(
      '/me/exports',
      {
        schema: {
          tags,
          description:
            'Asks for a ZIP of everything Amongi holds about the signed-in person, prepared by a background job. While one is queued or running, the same one is answered.',
          response: reply(c.DataExport),
        },
      },
      async (req) => exports.request(requireActor(req)),
    );
    app.get(
      '/me/exports/:id/download',
      {
        schema: {
          tags,
          description:
            'The finished ZIP, for the person it is about only, until it expires (404 for anyone else).',
          params: idParams,
          response: fileReply('application/zip', c.ExportFile, 'The ZIP'),
        },
      },
      async (req, res) => sendFile(res, await exports.download(requireActor(req), req.params.id)),
    );
    app.get(
      '/people/:id/erasure',
      {
        schema: {
          tags,
          description:
            'Administrators: what erasing the person would remove, make anonymous ("Tidligere medarbejder") and keep, and whether it is possible now.',
          params: idParams,
          response: reply(c.ErasurePreview),
        },
      },
      async (req) => {
        const actor = requireActor(req);
        authorize(actor, 'person.erase', { type: 'instance' });
        return erasurePreview(ctx.db, req.params.id, actor);
      },
    );
    app.post(
      '/people/:id/erasure',
      {
        schema: {
          tags,
          description:
            'Administrators: erases the person (confirmed by typing their name). Their videos and media are removed; others\' discussions keep their words as "Tidligere medarbejder".',
          params: idParams,
          body: c.ErasureConfirm,
          response: reply(c.ErasureResult),
        },
      },
      async (req) => {
        const actor = requireActor(req);
        authorize(actor, 'person.erase', { type: 'instance' });
        return erasePerson(ctx, req.params.id, { by: actor, confirmName: req.body.confirmName });
      },
    );
  };
}
