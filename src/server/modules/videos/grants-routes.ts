import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/coaching-grants.js';
import { idParams, ok } from '../../../shared/contracts/common.js';
import { requireActor } from '../../auth/session.js';
import { sendFile } from '../../http/files.js';
import { created, fileReply, reply } from '../../http/schemas.js';
import type { GrantService } from './grants.js';

/** Own recordings (issue 19 part A): personal shares, "Delt med mig" and downloads. */
export function grantRoutes(grants: GrantService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['videos'];
    const params = idParams;

    app.get(
      '/videos/:id/grants',
      {
        schema: {
          tags,
          description:
            "The people the owner shared the recording with personally (unexpired shares), and whether downloads are allowed. The owner's only.",
          params,
          response: reply(c.GrantList),
        },
      },
      async (req) => grants.list(requireActor(req), req.params.id),
    );
    app.get(
      '/videos/:id/grant-candidates',
      {
        schema: {
          tags,
          description:
            "Active staff at institutions in the recording's kommune the owner can share it with (`q` filters by name; at most 20).",
          params,
          querystring: c.CandidateQuery,
          response: reply(c.GrantCandidates),
        },
      },
      async (req) => grants.candidates(requireActor(req), req.params.id, req.query.q),
    );
    app.post(
      '/videos/:id/grants',
      {
        schema: {
          tags,
          description:
            'Shares the recording with one person (whatever its visibility) through `expiresOn` (a Danish day, inclusive; at most grantMaxDays ahead) or until taken back (null). Sharing again with the same person sets a new end.',
          params,
          body: c.GrantCreate,
          response: created(c.Grant),
        },
      },
      async (req, res) =>
        res.status(201).send(await grants.create(requireActor(req), req.params.id, req.body)),
    );
    app.delete(
      '/videos/:id/grants/:grantId',
      {
        schema: {
          tags,
          description:
            'Takes a share back at once: the person can no longer open the recording or its media.',
          params: c.GrantParams,
          response: reply(ok),
        },
      },
      async (req) => {
        await grants.revoke(requireActor(req), req.params.id, req.params.grantId);
        return { ok: true as const };
      },
    );
    app.get(
      '/me/shared-with-me',
      {
        schema: {
          tags,
          description:
            'The recordings others shared with me personally ("Delt med mig"), newest share first.',
          response: reply(c.SharedWithMe),
        },
      },
      async (req) => grants.sharedWithMe(requireActor(req)),
    );
    app.put(
      '/videos/:id/download',
      {
        schema: {
          tags,
          description:
            "Whether people who may watch the recording may also download it (off by default). The owner's only.",
          params,
          body: c.DownloadSet,
          response: reply(c.DownloadState),
        },
      },
      async (req) => grants.setDownload(requireActor(req), req.params.id, req.body.allowed),
    );
    app.get(
      '/videos/:id/download',
      {
        schema: {
          tags,
          description:
            'The recording as one file: the original for its owner; for others who may watch, the best rendition as MPEG-TS, when the owner allowed downloads (403 otherwise).',
          params,
          response: fileReply(
            'application/octet-stream',
            c.DownloadFile,
            "The recording's bytes (Content-Type: the file's own)",
          ),
        },
      },
      async (req, res) => {
        const f = await grants.download(requireActor(req), req.params.id);
        return sendFile(res, { type: f.contentType, size: f.size, name: f.filename, stream: f.body });
      },
    );
  };
}
