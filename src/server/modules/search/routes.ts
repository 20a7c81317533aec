import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGE_BANDS, PILLARS, SEARCH_SORTS } from '../../../shared/catalogue.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import * as s from '../../http/schemas.js';
import type { HomeService } from './home.js';
import type { SearchService } from './service.js';

/** A query parameter that may be repeated (`?method=a&method=b`): always an array, at most 20 values. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(20),
  ) as unknown as z.ZodDefault<z.ZodArray<T>>;

/** Free text is never refused: the service cuts it to 500 characters and drops control characters. */
const text = z.string().max(20_000);

/**
 * Cached answers (cache.ts) are the same object for every request that hits them: each is turned into JSON
 * once. The memo holds them weakly, so it lives exactly as long as the cache keeps the answer.
 */
const serialized = new WeakMap<object, string>();
function sendJson(reply: FastifyReply, body: object) {
  let json = serialized.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    serialized.set(body, json);
  }
  return reply.type('application/json; charset=utf-8').send(json);
}

export function searchRoutes(search: SearchService, home: HomeService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['search'];
    const response = s.errors;

    app.get(
      '/videos',
      {
        schema: {
          tags: ['videos', ...tags],
          description: [
            'Search and list videos the signed-in person may watch (V3). `q` is Danish full text in websearch',
            'syntax ("quotes", OR, -minus) over title > tags > description > captions. Filters may repeat and',
            'combine (any value within a filter, all filters together). `sort`: relevance (default with q),',
            'newest (default without), tried. Answers `{ items, facets: { subject, ageBand, method, pillar:',
            '[{ value, label, count }] }, total, sort, nextCursor }`; each facet counts with every other filter',
            'applied. `mine=true` lists the person’s own videos in every state, `mine=false` only others’.',
          ].join(' '),
          querystring: z.strictObject({
            q: text.optional(),
            subject: many(s.id),
            ageBand: many(z.enum(AGE_BANDS)),
            method: many(s.id),
            pillar: many(z.enum(PILLARS)),
            sort: z.enum(SEARCH_SORTS).optional(),
            mine: z.enum(['true', 'false']).optional(),
            cursor: z.string().max(1000).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(24),
          }),
          response,
        },
      },
      async (req, reply) =>
        sendJson(
          reply,
          await search.search(
            requireActor(req),
            { ...req.query, mine: req.query.mine === undefined ? undefined : req.query.mine === 'true' },
            requestLocale(req),
          ),
        ),
    );

    app.get(
      '/videos/suggest',
      {
        schema: {
          tags,
          description:
            'Suggestions while typing: up to 8 video titles whose words start with what was typed, and matching subjects and methods — only from videos the person may watch.',
          querystring: z.strictObject({ q: text.optional() }),
          response,
        },
      },
      async (req) => search.suggest(requireActor(req), req.query.q),
    );

    app.get(
      '/videos/:id/related',
      {
        schema: {
          tags,
          description:
            'Up to 6 videos the person may watch that share subject, methods, pillars or age band with this one, most in common first.',
          params: s.idParams,
          response,
        },
      },
      async (req) => search.related(requireActor(req), req.params.id),
    );

    app.get(
      '/home',
      {
        schema: {
          tags,
          description:
            'The home page: newest videos, popular in my communities (popularSource says whether it fell back to everyone), curated collections and what I tried lately.',
          response,
        },
      },
      async (req, reply) => sendJson(reply, await home.home(requireActor(req))),
    );

    // Hit and miss counts of the caches, for the catalogue benchmark only (never on unless asked for).
    if (process.env.AMONGI_SEARCH_CACHE_STATS === '1')
      app.get('/search/cache-stats', { schema: { hide: true } }, async () => search.cacheStats());
  };
}
