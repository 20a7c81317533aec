import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/packages.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { created, reply } from '../../http/schemas.js';
import type { PackageService } from './service.js';

export function packageRoutes(packages: PackageService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['packages'];
    const params = idParams;

    app.get(
      '/packages',
      {
        schema: {
          tags,
          description:
            'Learning packages the signed-in person may use (own, their institution, kommune, public), most recently changed first; `mine=true` lists only their own; `q` searches titles.',
          querystring: c.PackageListQuery,
          response: reply(c.PackagePage),
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
          body: c.PackageCreate,
          response: created(c.PackageDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await packages.create(requireActor(req), req.body, requestLocale(req))),
    );
    app.get(
      '/packages/:id',
      {
        schema: {
          tags,
          description:
            'A package with its ordered items. A video item shows its video (title, duration, signed poster) only when the viewer may watch it; otherwise `video` is null and `videoUnavailable` true.',
          params,
          response: reply(c.PackageDetail),
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
          body: c.PackageUpdate,
          response: reply(c.PackageDetail),
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
          body: c.PackageItemsReplace,
          response: reply(c.PackageDetail),
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
          response: created(c.PackageDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await packages.copy(requireActor(req), req.params.id, requestLocale(req))),
    );
    app.delete('/packages/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await packages.remove(requireActor(req), req.params.id);
      return { ok: true as const };
    });
  };
}
