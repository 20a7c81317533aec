import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGE_BANDS, EDITORIAL_STATES, PILLARS, TERM_KINDS } from '../../../shared/catalogue.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import * as s from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import type { CollectionService } from './collections.js';
import type { CatalogueService } from './service.js';
import type { TaxonomyService } from './taxonomy.js';

const label = z.string().trim().min(1).max(100);
const comment = z.string().max(2000).optional();

export function catalogueRoutes(
  catalogue: CatalogueService,
  taxonomy: TaxonomyService,
  collections: CollectionService,
): FastifyPluginAsyncZod {
  return async (app) => {
    const response = s.errors;
    const params = s.idParams;

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
            body: z.strictObject({
              subjectId: s.id.nullable(),
              ageBand: z.enum(AGE_BANDS).nullable(),
              methodIds: z.array(s.id).max(50),
              pillars: z.array(z.enum(PILLARS)).max(PILLARS.length * 2),
            }),
            response,
          },
        },
        async (req) => catalogue.setMetadata(requireActor(req), req.params.id, req.body, requestLocale(req)),
      );
      const step = (path: string, description: string, run: typeof catalogue.submit) =>
        app.post(
          `/videos/:id/catalogue/${path}`,
          { schema: { tags, description, params, response } },
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
            body: z.strictObject({ comment }),
            response,
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
            body: z.strictObject({ to: z.enum(['returned', 'draft']), comment }),
            response,
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
            querystring: z.strictObject({
              state: z.enum(EDITORIAL_STATES).default('in_review'),
              cursor: z.string().max(500).optional(),
              limit: z.coerce.number().int().min(1).max(100).default(25),
            }),
            response,
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
            querystring: z.strictObject({ kind: z.enum(TERM_KINDS).optional() }),
            response,
          },
        },
        async (req) => taxonomy.list(requireActor(req), req.query.kind),
      );
      app.post(
        '/taxonomy',
        { schema: { tags, body: z.strictObject({ kind: z.enum(TERM_KINDS), label }), response } },
        async (req, reply) => reply.status(201).send(await taxonomy.create(requireActor(req), req.body)),
      );
      app.patch(
        '/taxonomy/:id',
        {
          schema: { tags, description: 'Renames a term.', params, body: z.strictObject({ label }), response },
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
            body: z.strictObject({ intoId: s.id }),
            response,
          },
        },
        async (req) => taxonomy.merge(requireActor(req), req.params.id, req.body.intoId),
      );
      app.delete(
        '/taxonomy/:id',
        { schema: { tags, description: 'Deletes a term no video uses.', params, response } },
        async (req) => {
          await taxonomy.remove(requireActor(req), req.params.id);
          return { ok: true as const };
        },
      );
    }

    // ── Collections ──
    {
      const tags = ['collections'];
      const body = { title: s.name, description: z.string().trim().max(2000).optional() };
      const idList = z.array(s.id).max(100);
      app.get(
        '/collections',
        {
          schema: {
            tags,
            description:
              'Curated collections in order, each with the published videos the viewer may watch. `manage=true` (editors) also lists unpublished videos still in a collection.',
            querystring: z.strictObject({ manage: z.enum(['true', 'false']).optional() }),
            response,
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
        { schema: { tags, body: z.strictObject(body), response } },
        async (req, reply) =>
          reply.status(201).send(await collections.create(requireActor(req), req.body, requestLocale(req))),
      );
      app.put(
        '/collections/order',
        {
          schema: {
            tags,
            description: 'The new order: every collection id once.',
            body: z.strictObject({ ids: idList }),
            response,
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
            body: z.strictObject({ title: s.name.optional(), description: body.description }),
            response,
          },
        },
        async (req) => collections.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
      );
      app.delete('/collections/:id', { schema: { tags, params, response } }, async (req) => {
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
            body: z.strictObject({ videoId: s.id }),
            response,
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
            body: z.strictObject({ videoIds: idList }),
            response,
          },
        },
        async (req) =>
          collections.orderVideos(requireActor(req), req.params.id, req.body.videoIds, requestLocale(req)),
      );
      app.delete(
        '/collections/:id/videos/:videoId',
        { schema: { tags, params: z.strictObject({ id: s.id, videoId: s.id }), response } },
        async (req) =>
          collections.removeVideo(requireActor(req), req.params.id, req.params.videoId, requestLocale(req)),
      );
    }
  };
}
