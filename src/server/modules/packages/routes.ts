import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PACKAGE_VISIBILITIES } from '../../../shared/catalogue.js';
import {
  PACKAGE_DESCRIPTION_MAX,
  PACKAGE_GUIDE_MAX,
  PACKAGE_ITEM_BODY_MAX,
  PACKAGE_ITEM_TITLE_MAX,
} from '../../../shared/packages.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import * as s from '../../http/schemas.js';
import type { PackageService } from './service.js';

const body = z.string().max(PACKAGE_ITEM_BODY_MAX);
/** One item; unknown kinds and unknown fields are refused. The 50-item limit is checked with its own error code. */
const item = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('video'),
    /** An existing video item of this package: keeps its video when videoId is left out. */
    id: s.id.optional(),
    videoId: s.id.optional(),
    body: body.optional(),
  }),
  z.strictObject({
    kind: z.literal('text'),
    id: s.id.optional(),
    title: z.string().max(PACKAGE_ITEM_TITLE_MAX).optional(),
    body,
  }),
  z.strictObject({ kind: z.literal('question'), id: s.id.optional(), body }),
]);
const items = z.array(item).max(500);

const fields = {
  title: s.name,
  description: z.string().trim().max(PACKAGE_DESCRIPTION_MAX).optional(),
  facilitationGuide: z.string().trim().max(PACKAGE_GUIDE_MAX).optional(),
  visibility: z.enum(PACKAGE_VISIBILITIES).optional(),
};

export function packageRoutes(packages: PackageService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['packages'];
    const params = s.idParams;
    const response = s.errors;

    app.get(
      '/packages',
      {
        schema: {
          tags,
          description:
            'Learning packages the signed-in person may use (own, their institution, kommune, public), most recently changed first; `mine=true` lists only their own; `q` searches titles.',
          querystring: z.strictObject({
            mine: z.enum(['true', 'false']).optional(),
            q: z.string().trim().max(200).optional(),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(24),
          }),
          response,
        },
      },
      async (req) =>
        packages.list(requireActor(req), {
          ...req.query,
          mine: req.query.mine === 'true',
          q: req.query.q || undefined,
        }),
    );
    app.post(
      '/packages',
      {
        schema: {
          tags,
          description:
            'A new learning package owned by the signed-in person; it belongs to their first institution (or, for forvaltning, their kommune). Private unless told otherwise.',
          body: z.strictObject({ ...fields, items: items.optional() }),
          response,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await packages.create(requireActor(req), req.body, requestLocale(req))),
    );
    app.get(
      '/packages/:id',
      {
        schema: {
          tags,
          description:
            'A package with its ordered items. A video item shows its video (title, duration, signed poster) only when the viewer may watch it; otherwise `video` is null and `videoUnavailable` true.',
          params,
          response,
        },
      },
      async (req) => packages.get(requireActor(req), req.params.id, requestLocale(req)),
    );
    app.patch(
      '/packages/:id',
      {
        schema: {
          tags,
          description:
            'Title, description, facilitation guide and visibility (owner only). Institution visibility needs the package to belong to an institution, kommune visibility to a kommune.',
          params,
          body: z.strictObject({
            title: fields.title.optional(),
            description: fields.description,
            facilitationGuide: fields.facilitationGuide,
            visibility: fields.visibility,
          }),
          response,
        },
      },
      async (req) => packages.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.put(
      '/packages/:id/items',
      {
        schema: {
          tags,
          description:
            'Replaces the ordered item list (owner only): kinds video, text, question; at most 50; a video must be one the editor may watch now (or an existing video item kept by its `id`).',
          params,
          body: z.strictObject({ items }),
          response,
        },
      },
      async (req) =>
        packages.replaceItems(requireActor(req), req.params.id, req.body.items, requestLocale(req)),
    );
    app.post(
      '/packages/:id/copy',
      {
        schema: {
          tags,
          description:
            'A private copy owned by the signed-in person, with every item, titled "… (kopi)", to adapt to the local context.',
          params,
          response,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await packages.copy(requireActor(req), req.params.id, requestLocale(req))),
    );
    app.delete('/packages/:id', { schema: { tags, params, response } }, async (req) => {
      await packages.remove(requireActor(req), req.params.id);
      return { ok: true as const };
    });
  };
}
