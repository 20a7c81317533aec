import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SHARE_DURATIONS, VISIBILITIES } from '../../../shared/constants.js';
import { dateOnly } from '../../../shared/text.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import * as s from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import { type CaptionService, LANGUAGE } from './captions.js';
import type { VideoService } from './service.js';
import type { SharingService } from './sharing.js';

export function videoRoutes(
  videos: VideoService,
  sharing: SharingService,
  captions: CaptionService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser('text/vtt', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    const tags = ['videos'];
    const params = s.idParams;
    const response = s.errors;

    // GET /videos (list and search) lives in the search module (search/routes.ts).
    app.get(
      '/videos/:id',
      {
        schema: {
          tags,
          description:
            'A video: status is uploading | processing | ready | failed; when ready, playlistUrl (HLS master) and posterUrl are signed, expiring URLs.',
          params,
          response,
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
          body: z.strictObject({
            title: s.name.optional(),
            description: z.string().trim().max(5000).optional(),
            visibility: z.enum(VISIBILITIES).optional(),
            teamId: s.id.nullable().optional(),
          }),
          response,
        },
      },
      async (req) => videos.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.delete('/videos/:id', { schema: { tags, params, response } }, async (req) => {
      await videos.remove(requireActor(req), req.params.id);
      return { ok: true as const };
    });
    app.post('/videos/:id/retry', { schema: { tags, params, response } }, async (req) =>
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
          body: z.strictObject({
            pupilsAppear: z.boolean(),
            consentLevel: z.enum(VISIBILITIES).nullable().optional(),
            collectedBy: z.string().trim().max(200).optional(),
            collectedOn: dateOnly().optional(),
          }),
          response,
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
          response,
        },
      },
      async (req) => sharing.withdrawConsent(requireActor(req), req.params.id, requestLocale(req)),
    );

    app.get('/videos/:id/shares', { schema: { tags, params, response } }, async (req) =>
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
          body: z.strictObject({ duration: z.enum(SHARE_DURATIONS) }),
          response,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await sharing.createShare(requireActor(req), req.params.id, req.body.duration)),
    );
    app.delete(
      '/videos/:id/shares/:shareId',
      { schema: { tags, params: z.strictObject({ id: s.id, shareId: s.id }), response } },
      async (req) => {
        await sharing.revokeShare(requireActor(req), req.params.id, req.params.shareId);
        return { ok: true as const };
      },
    );
    app.get(
      '/shared/:token',
      { schema: { tags, params: z.strictObject({ token: z.string().min(1).max(200) }), response } },
      async (req) => sharing.shared(req.params.token, requestLocale(req)),
    );

    const captionParams = z.strictObject({ id: s.id, language: z.string().regex(LANGUAGE) });
    app.put(
      '/videos/:id/captions/:language',
      {
        schema: {
          tags,
          description: 'Uploads a WebVTT caption file (body, Content-Type text/vtt) for one language.',
          params: captionParams,
          querystring: z.strictObject({ label: z.string().trim().min(1).max(100).optional() }),
          response,
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
      { schema: { tags, params: captionParams, response } },
      async (req) => {
        await captions.remove(requireActor(req), req.params.id, req.params.language);
        return { ok: true as const };
      },
    );
  };
}
