import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VISIBILITIES } from '../../../shared/constants.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import * as s from '../../http/schemas.js';
import type { VideoService } from './service.js';

export function videoRoutes(videos: VideoService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['videos'];
    const params = s.idParams;
    const response = s.errors;

    app.get(
      '/videos',
      {
        schema: {
          tags,
          description:
            'Videos the signed-in person may watch, newest first; `mine=true` lists their own in every state.',
          querystring: z.strictObject({
            mine: z.enum(['true', 'false']).optional(),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(24),
          }),
          response,
        },
      },
      async (req) =>
        videos.list(requireActor(req), { ...req.query, mine: req.query.mine === 'true' }, requestLocale(req)),
    );
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
      async (req) => videos.get(requireActor(req), req.params.id, requestLocale(req)),
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
  };
}
