import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/catalogue.js';
import { idParams, ok } from '../../../shared/contracts/common.js';
import { VideoDetail } from '../../../shared/contracts/videos.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { created, reply } from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import type { CollectionService } from './collections.js';
import type { CatalogueService } from './service.js';
import type { TaxonomyService } from './taxonomy.js';

export function catalogueRoutes(
  catalogue: CatalogueService,
  taxonomy: TaxonomyService,
  collections: CollectionService,
): FastifyPluginAsyncZod {
  return async (app) => {
    const params = idParams;

    // ── Video metadata and the editorial workflow ──
    {
      const tags = ['catalogue'];
      app.put(
        '/videos/:id/catalogue',
        {
          schema: {
            tags,
            description:
              'Catalogue metadata: subject (a subject term), age band, up to 10 method terms and PLF pillars. The owner, and editors for a video in the catalogue workflow. Answers with the video.',
            params,
            body: c.CatalogueMetadata,
            response: reply(VideoDetail),
          },
        },
        async (req) => catalogue.setMetadata(requireActor(req), req.params.id, req.body, requestLocale(req)),
      );
      const step = (path: string, description: string, run: typeof catalogue.submit) =>
        app.post(
          `/videos/:id/catalogue/${path}`,
          { schema: { tags, description, params, response: reply(VideoDetail) } },
          async (req) => run(requireActor(req), req.params.id, requestLocale(req)),
        );
      step(
        'submit',
        'The owner submits a non-private video for review (none, draft or returned → in_review).',
        catalogue.submit,
      );
      step(
        'draft',
        'An editor starts a catalogue draft for a video they can see (none → draft).',
        catalogue.startDraft,
      );
      step(
        'publish',
        'An editor publishes a video in review: it becomes public and curated. Refused unless the consent register allows public and the video has a subject and an age band.',
        catalogue.publish,
      );
      app.post(
        '/videos/:id/catalogue/return',
        {
          schema: {
            tags,
            description: 'An editor sends a video in review back to the owner with a required comment.',
            params,
            body: c.CatalogueReturn,
            response: reply(VideoDetail),
          },
        },
        async (req) =>
          catalogue.sendBack(requireActor(req), req.params.id, req.body.comment, requestLocale(req)),
      );
      app.post(
        '/videos/:id/catalogue/unpublish',
        {
          schema: {
            tags,
            description:
              'An editor takes a published video out of the catalogue: to `returned` (comment required) or `draft`. A public video narrows to its institution.',
            params,
            body: c.CatalogueUnpublish,
            response: reply(VideoDetail),
          },
        },
        async (req) => catalogue.unpublish(requireActor(req), req.params.id, req.body, requestLocale(req)),
      );
      app.get(
        '/catalogue/editorial',
        {
          schema: {
            tags,
            description:
              'Editors: videos in a workflow state (default in_review: the review queue) with their consent status; oldest change first, published videos newest first.',
            querystring: c.EditorialQuery,
            response: reply(c.EditorialPage),
          },
        },
        async (req) => catalogue.editorialList(requireActor(req), req.query),
      );
    }

    // ── Taxonomy ──
    {
      const tags = ['taxonomy'];
      app.get(
        '/taxonomy',
        {
          schema: {
            tags,
            description:
              'Subjects and method terms, by kind and label (the whole list: it is small). Editors also get `usage`, the number of videos using each term.',
            querystring: c.TaxonomyQuery,
            response: reply(c.TermList),
          },
        },
        async (req) => taxonomy.list(requireActor(req), req.query.kind),
      );
      app.post(
        '/taxonomy',
        {
          schema: {
            tags,
            description:
              'Adds a subject or method term (editors). Labels are unique within a kind (any case).',
            body: c.TermCreate,
            response: created(c.Term),
          },
        },
        async (req, res) => res.status(201).send(await taxonomy.create(requireActor(req), req.body)),
      );
      app.patch(
        '/taxonomy/:id',
        {
          schema: {
            tags,
            description: 'Renames a term.',
            params,
            body: c.TermRename,
            response: reply(c.Term),
          },
        },
        async (req) => taxonomy.rename(requireActor(req), req.params.id, req.body.label),
      );
      app.post(
        '/taxonomy/:id/merge',
        {
          schema: {
            tags,
            description:
              'Merges the term into `intoId` (same kind): every video link moves to the kept term, without duplicates; the merged term is deleted.',
            params,
            body: c.TermMerge,
            response: reply(c.Term),
          },
        },
        async (req) => taxonomy.merge(requireActor(req), req.params.id, req.body.intoId),
      );
      app.delete(
        '/taxonomy/:id',
        { schema: { tags, description: 'Deletes a term no video uses.', params, response: reply(ok) } },
        async (req) => {
          await taxonomy.remove(requireActor(req), req.params.id);
          return { ok: true as const };
        },
      );
    }

    // ── Collections ──
    {
      const tags = ['collections'];
      app.get(
        '/collections',
        {
          schema: {
            tags,
            description:
              'Curated collections in order, each with the published videos the viewer may watch. `manage=true` (editors) also lists unpublished videos still in a collection.',
            querystring: c.CollectionListQuery,
            response: reply(c.CollectionList),
          },
        },
        async (req) =>
          collections.list(
            req.actor ?? ANONYMOUS,
            { manage: req.query.manage === 'true' },
            requestLocale(req),
          ),
      );
      app.post(
        '/collections',
        { schema: { tags, body: c.CollectionCreate, response: created(c.Collection) } },
        async (req, res) =>
          res.status(201).send(await collections.create(requireActor(req), req.body, requestLocale(req))),
      );
      app.put(
        '/collections/order',
        {
          schema: {
            tags,
            description: 'The new order: every collection id once.',
            body: c.CollectionOrder,
            response: reply(c.CollectionList),
          },
        },
        async (req) => collections.order(requireActor(req), req.body.ids, requestLocale(req)),
      );
      app.patch(
        '/collections/:id',
        {
          schema: {
            tags,
            params,
            body: c.CollectionUpdate,
            response: reply(c.Collection),
          },
        },
        async (req) => collections.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
      );
      app.delete('/collections/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
        await collections.remove(requireActor(req), req.params.id);
        return { ok: true as const };
      });
      app.post(
        '/collections/:id/videos',
        {
          schema: {
            tags,
            description: 'Adds a published catalogue video at the end.',
            params,
            body: c.CollectionVideoAdd,
            response: reply(c.Collection),
          },
        },
        async (req) =>
          collections.addVideo(requireActor(req), req.params.id, req.body.videoId, requestLocale(req)),
      );
      app.put(
        '/collections/:id/videos/order',
        {
          schema: {
            tags,
            description: 'The new order of the videos (each id in the collection, once).',
            params,
            body: c.CollectionVideosOrder,
            response: reply(c.Collection),
          },
        },
        async (req) =>
          collections.orderVideos(requireActor(req), req.params.id, req.body.videoIds, requestLocale(req)),
      );
      app.delete(
        '/collections/:id/videos/:videoId',
        { schema: { tags, params: c.CollectionVideoParams, response: reply(c.Collection) } },
        async (req) =>
          collections.removeVideo(requireActor(req), req.params.id, req.params.videoId, requestLocale(req)),
      );
    }
  };
}
