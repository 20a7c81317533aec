import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/search.js';
import { requestLocale } from '../../http/locale.js';
import { reply } from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import type { HomeService } from './home.js';
import type { SearchService } from './service.js';

/**
 * Cached answers (cache.ts) are the same object for every request that hits them: each is turned into JSON
 * once, through the route's contract (as Fastify would: undeclared fields dropped, a misfit throws). The memo
 * holds them weakly, so it lives exactly as long as the cache keeps the answer.
 */
const serialized = new WeakMap<object, string>();
function sendJson<T extends z.ZodType>(reply: FastifyReply, contract: T, body: z.output<T> & object) {
  let json = serialized.get(body);
  if (json === undefined) {
    json = JSON.stringify(z.encode(contract, body));
    serialized.set(body, json);
  }
  return reply.type('application/json; charset=utf-8').send(json);
}

export function searchRoutes(search: SearchService, home: HomeService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['search'];

    app.get(
      '/videos',
      {
        schema: {
          tags: ['videos', ...tags],
          description: [
            'Search and list videos the person may watch (V3; not signed in: public videos only). `q` is Danish full text in websearch',
            'syntax ("quotes", OR, -minus) over title > tags > description > captions. Filters may repeat and',
            'combine (any value within a filter, all filters together). `sort`: relevance (default with q),',
            'newest (default without), tried. Answers `{ items, facets: { subject, ageBand, method, pillar:',
            '[{ value, label, count }] }, total, sort, nextCursor }`; each facet counts with every other filter',
            'applied. `mine=true` lists the person’s own videos in every state, `mine=false` only others’.',
          ].join(' '),
          querystring: c.SearchQuery,
          response: reply(c.SearchAnswer),
        },
        config: { heavyWhenAnonymous: true },
      },
      // Someone not signed in searches the public videos only (the anonymous actor, through the same policy).
      async (req, res) =>
        sendJson(
          res,
          c.SearchAnswer,
          await search.search(
            req.actor ?? ANONYMOUS,
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
          querystring: c.SuggestQuery,
          response: reply(c.Suggestions),
        },
        config: { heavyWhenAnonymous: true },
      },
      async (req) => search.suggest(req.actor ?? ANONYMOUS, req.query.q),
    );

    app.get(
      '/videos/:id/related',
      {
        schema: {
          tags,
          description:
            'Up to 6 videos the person may watch that share subject, methods, pillars or age band with this one, most in common first.',
          params: idParams,
          response: reply(c.RelatedVideos),
        },
        config: { heavyWhenAnonymous: true },
      },
      async (req) => search.related(req.actor ?? ANONYMOUS, req.params.id),
    );

    app.get(
      '/home',
      {
        schema: {
          tags,
          description:
            'The home page: newest videos, popular in my communities (popularSource says whether it fell back to everyone), curated collections and what I tried lately. The newest, popular and collections narrow to the person’s interests (`personal`). Not signed in: the public videos only.',
          response: reply(c.HomeAnswer),
        },
        config: { heavyWhenAnonymous: true },
      },
      async (req, res) => sendJson(res, c.HomeAnswer, await home.home(req.actor ?? ANONYMOUS, req.user)),
    );

    // Hit and miss counts of the caches, for the catalogue benchmark only (never on unless asked for).
    if (process.env.AMONGI_SEARCH_CACHE_STATS === '1')
      app.get('/search/cache-stats', { schema: { hide: true } }, async () => search.cacheStats());
  };
}
