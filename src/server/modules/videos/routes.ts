import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/videos.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { created, reply } from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import type { CaptionService } from './captions.js';
import type { VideoService } from './service.js';
import type { SharingService } from './sharing.js';

export function videoRoutes(
  videos: VideoService,
  sharing: SharingService,
  captions: CaptionService,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Up to 8 MB read, so that a file over the 2 MB caption limit gets its own clear answer (caption.too_large).
    app.addContentTypeParser(
      'text/vtt',
      { parseAs: 'string', bodyLimit: 8 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const tags = ['videos'];
    const params = idParams;
    const detail = reply(c.VideoDetail);

    // GET /videos (list and search) lives in the search module (search/routes.ts).
    app.get(
      '/videos/:id',
      {
        schema: {
          tags,
          description:
            'A video: status is uploading | processing | ready | failed; when ready, playlistUrl (HLS master) and posterUrl are signed, expiring URLs.',
          params,
          response: detail,
        },
      },
      // Public videos can be watched without signing in.
      async (req) => videos.get(req.actor ?? ANONYMOUS, req.params.id, requestLocale(req)),
    );
    app.patch(
      '/videos/:id',
      {
        schema: {
          tags,
          params,
          body: c.VideoUpdate,
          response: detail,
        },
      },
      async (req) => videos.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.delete('/videos/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await videos.remove(requireActor(req), req.params.id);
      return { ok: true as const };
    });
    app.post('/videos/:id/retry', { schema: { tags, params, response: detail } }, async (req) =>
      videos.retry(requireActor(req), req.params.id, requestLocale(req)),
    );

    app.put(
      '/videos/:id/consent',
      {
        schema: {
          tags,
          description:
            'The consent register (I5): whether children or pupils appear, and if so the widest visibility their guardians consented to, who collected it and when. A video cannot be shown wider than this allows.',
          params,
          body: c.ConsentSet,
          response: detail,
        },
      },
      async (req) => sharing.setConsent(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.post(
      '/videos/:id/consent/withdraw',
      {
        schema: {
          tags,
          description: 'Consent withdrawn: the video becomes private at once.',
          params,
          response: detail,
        },
      },
      async (req) => sharing.withdrawConsent(requireActor(req), req.params.id, requestLocale(req)),
    );

    app.put(
      '/videos/:id/setup',
      {
        schema: {
          tags,
          description:
            'The owner\'s walk-through after an upload ("Gør videoen klar"): finished or dismissed hides it on every device, open shows it again. Each step saves through its own endpoint (PATCH, consent, metadata, submit).',
          params,
          body: c.SetupSet,
          response: detail,
        },
      },
      async (req) => videos.setSetup(requireActor(req), req.params.id, req.body.state, requestLocale(req)),
    );

    app.get('/videos/:id/shares', { schema: { tags, params, response: reply(c.ShareList) } }, async (req) =>
      sharing.listShares(requireActor(req), req.params.id),
    );
    app.post(
      '/videos/:id/shares',
      {
        schema: {
          tags,
          description:
            'A share link anyone can open; `never` only for public videos. The url is shown only now.',
          params,
          body: c.ShareCreate,
          response: created(c.NewShare),
        },
      },
      async (req, res) =>
        res.status(201).send(await sharing.createShare(requireActor(req), req.params.id, req.body.duration)),
    );
    app.delete(
      '/videos/:id/shares/:shareId',
      { schema: { tags, params: c.ShareParams, response: reply(ok) } },
      async (req) => {
        await sharing.revokeShare(requireActor(req), req.params.id, req.params.shareId);
        return { ok: true as const };
      },
    );
    app.get(
      '/shared/:token',
      {
        schema: {
          tags,
          description:
            'The video behind an open share link (anyone holding the link): what the player needs.',
          params: c.SharedParams,
          response: reply(c.PlayableVideo),
        },
      },
      async (req) => sharing.shared(req.params.token, requestLocale(req)),
    );

    const captionParams = c.CaptionParams;
    app.put(
      '/videos/:id/captions/:language',
      {
        schema: {
          tags,
          description: 'Uploads a WebVTT caption file (body, Content-Type text/vtt) for one language.',
          params: captionParams,
          querystring: c.CaptionQuery,
          response: detail,
        },
      },
      async (req) =>
        captions.put(
          requireActor(req),
          req.params.id,
          req.params.language,
          req.query.label ?? req.params.language,
          String(req.body ?? ''),
          requestLocale(req),
        ),
    );
    app.delete(
      '/videos/:id/captions/:language',
      { schema: { tags, params: captionParams, response: reply(ok) } },
      async (req) => {
        await captions.remove(requireActor(req), req.params.id, req.params.language);
        return { ok: true as const };
      },
    );
  };
}
