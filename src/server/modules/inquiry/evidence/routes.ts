import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams, ok } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/inquiry.js';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { acceptRawFiles, RAW_FILE_TYPES, rawFile, sendFile } from '../../../http/files.js';
import { created, fileReply, reply } from '../../../http/schemas.js';
import { createEvidenceService } from './service.js';

/** A cycle's evidence (issue 16): links, files, tables, quotes and notes. */
export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const evidence = createEvidenceService(ctx);
  return async (app) => {
    const tags = ['inquiry'];
    acceptRawFiles(app, INQUIRY_LIMITS.fileBytes);

    app.post(
      '/cycles/:id/evidence',
      {
        schema: {
          tags,
          description:
            'A member of the cycle’s team adds evidence: a link to a visit or self-observation or a video they may see themselves (else 409 inquiry.evidence_unavailable; each reader still sees it only under its own rules), a small number table, a pupil/child quote (never names) or a note. None in a finished cycle (409 inquiry.finished).',
          params: c.CycleParams,
          body: c.EvidenceCreate,
          response: created(c.Evidence),
        },
      },
      async (req, res) =>
        res.status(201).send(await evidence.create(requireActor(req), req.params.id, req.body)),
    );

    app.post(
      '/cycles/:id/evidence/file',
      {
        bodyLimit: INQUIRY_LIMITS.fileBytes + 1,
        schema: {
          tags,
          description:
            'A member adds a file (the body is the file, application/octet-stream; at most 20 MB; name and title in the query). Its type is read from its content and must agree with its name: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX or UTF-8 text. Empty (400 inquiry.file_empty), too large (413 inquiry.file_too_large), cut-off or other files (415 inquiry.file_type) are refused.',
          consumes: RAW_FILE_TYPES,
          params: c.CycleParams,
          querystring: c.EvidenceFileQuery,
          body: z.unknown(),
          response: { ...created(c.Evidence), 413: errorBody, 415: errorBody },
        },
      },
      async (req, res) => {
        const piece = await evidence.createFile(requireActor(req), req.params.id, {
          name: req.query.name,
          title: req.query.title,
          bytes: rawFile(req.body),
        });
        return res.status(201).send(piece);
      },
    );

    app.get(
      '/evidence/:id/file',
      {
        schema: {
          tags,
          description: 'A file of a cycle’s evidence, as a download (whoever may read the cycle).',
          params: idParams,
          response: fileReply('application/octet-stream', z.string(), 'The file'),
        },
      },
      async (req, res) => {
        const f = await evidence.file(requireActor(req), req.params.id);
        return sendFile(res, f);
      },
    );

    app.delete(
      '/evidence/:id',
      {
        schema: {
          tags,
          description:
            'A member of the team (the one who added it or another) removes a piece of evidence and its file.',
          params: idParams,
          response: reply(ok),
        },
      },
      async (req) => evidence.remove(requireActor(req), req.params.id),
    );
  };
}
