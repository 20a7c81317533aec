import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/stories.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { requestLocale } from '../../../http/locale.js';
import { created, reply } from '../../../http/schemas.js';
import { ANONYMOUS } from '../../../policy/index.js';
import { createStoryService } from './service.js';

/** Practice stories (issue 16 part 4, T4/B2): the team's draft, the editors' review, search, a story, "prøv det". */
export function storyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const stories = createStoryService(ctx);
  return async (app) => {
    const tags = ['inquiry', 'stories'];
    const story = reply(c.Story);
    app.get(
      '/cycles/:id/story',
      {
        schema: {
          tags,
          description:
            "The cycle's practice story, for whoever may read both the cycle and the story (the team's members; a draft is not the leaders'). None yet, or not visible: 404 story.not_found.",
          params: idParams,
          response: story,
        },
      },
      async (req) => stories.ofCycle(requireActor(req), req.params.id),
    );
    app.put(
      '/cycles/:id/story',
      {
        schema: {
          tags,
          description:
            "The team's members write the story of a finished cycle ('afsluttet'; else 409 story.cycle_not_finished). The first save has `version` 0 and creates a draft; later saves carry the version they started from — a stale one is 409 story.stale, whose `details` hold the current story one field per entry (`version`, `state`, `title`, `context`, `question`, `tried`, `learned`, `materials`, `visibility`, `dataSplitOn`, `subjectId`, `ageBands`, `methodIds`, `videoIds` comma-separated, `updatedAt`). Saving a published story sends it back to review. Subject and methods must be terms of their kind (400 story.invalid_terms); videos ones the writer may watch or already linked (409 story.video_unavailable).",
          params: idParams,
          body: c.StoryDraft,
          response: story,
        },
      },
      async (req) => stories.put(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/stories',
      {
        schema: {
          tags,
          description:
            'Search published practice stories the person may read (not signed in: public ones). `q` is Danish full text (websearch syntax) over title > methods and subject > context, question, tried > learned, materials, or every word as a prefix. Filters subject, ageBand, method, pillar may repeat (any value within one, all together); `video` gives the stories linking that video (one the person may watch). Facets count the visible matches with every other filter applied. Best match first, then newest; `nextCursor` for the next page.',
          querystring: c.StorySearchQuery,
          response: reply(c.StoryList),
        },
        config: { heavyWhenAnonymous: true },
      },
      async (req) => stories.search(req.actor ?? ANONYMOUS, req.query, requestLocale(req)),
    );
    // Hits and misses of the search memory, for the inquiry benchmark only (never on unless asked for).
    if (process.env.AMONGI_SEARCH_CACHE_STATS === '1')
      app.get('/stories/cache-stats', { schema: { hide: true } }, async () => stories.searchMemoryStats());
    app.get(
      '/stories/review',
      {
        schema: {
          tags,
          description:
            'Editors and administrators: the stories waiting for review, the longest waiting first (others: 403).',
          response: reply(c.StoryReviewQueue),
        },
      },
      async (req) => stories.reviewQueue(requireActor(req)),
    );
    app.get(
      '/stories/:id',
      {
        schema: {
          tags,
          description:
            'A story: published by its visibility (institution, kommune, all signed in, public — anonymous too), unpublished for its team (and editors while in review); anything else, or a forged id, is 404 story.not_found. `videos` holds only the linked videos the reader may watch now; `data` the figures before/after with the minimum group; `followUps` the published stories of teams that tried it; `may` what the reader may do.',
          params: idParams,
          response: story,
        },
      },
      async (req) => stories.get(req.actor ?? ANONYMOUS, req.params.id),
    );
    app.post(
      '/stories/:id/submit',
      {
        schema: {
          tags,
          description:
            'The team sends its draft (or returned story) to the editors: in_review. Version-checked (409 story.stale); another state: 409 story.wrong_state.',
          params: idParams,
          body: c.StoryVersion,
          response: story,
        },
      },
      async (req) => stories.submit(requireActor(req), req.params.id, req.body.version),
    );
    app.post(
      '/stories/:id/withdraw',
      {
        schema: {
          tags,
          description:
            'The team takes its story back from review or publication to a draft. Version-checked (409 story.stale); a draft or returned story: 409 story.wrong_state.',
          params: idParams,
          body: c.StoryVersion,
          response: story,
        },
      },
      async (req) => stories.withdraw(requireActor(req), req.params.id, req.body.version),
    );
    app.post(
      '/stories/:id/review',
      {
        schema: {
          tags,
          description:
            "Editors: publish a story in review, or return it with a note (400 story.note_required without one). Version-checked; the team's members are notified (inquiry.story_published / inquiry.story_returned).",
          params: idParams,
          body: c.StoryReview,
          response: story,
        },
      },
      async (req) => stories.review(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/stories/:id/try',
      {
        schema: {
          tags,
          description:
            "\"Vi vil prøve det i vores team\": starts a cycle in one of the person's teams (not a member: 403, or 404 team.not_found for a team they may not know), from `templateId` or the story's own template, titled and questioned from the story, its context and what was tried in the first text field. Answers 201 with the new cycle's id.",
          params: idParams,
          body: c.StoryTry,
          response: created(c.StoryTried),
        },
      },
      async (req, res) => res.status(201).send(await stories.try(requireActor(req), req.params.id, req.body)),
    );
  };
}
