import { randomUUID } from 'node:crypto';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../../shared/constants.js';
import type * as c from '../../../../shared/contracts/stories.js';
import type { StoryState } from '../../../../shared/inquiry.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryCycles } from '../../../db/inquiry-schema.js';
import { readCursor, writeCursor } from '../../../http/cursor.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can, curatesStories, type StoryResource } from '../../../policy/index.js';
import { searchableVideos } from '../../../policy/sql-search.js';
import {
  openStoryParts,
  searchableStories,
  storySlices,
  visibleStories,
} from '../../../policy/sql-stories.js';
import { audit } from '../../audit.js';
import { notifyMany } from '../../notifications/index.js';
import {
  cleanQuery,
  prefixWords,
  presentFacets,
  presentSummary,
  TtlCache,
  videoSummaries,
} from '../../search/index.js';
import * as cycleRepo from '../cycles/repo.js';
import { loadCycle, loadTeam } from '../resource.js';
import { findTemplate } from '../templates/repo.js';
import { storyData } from './data.js';
import * as repo from './repo.js';

type Story = z.output<typeof c.Story>;
type StorySummary = z.output<typeof c.StorySummary>;
type StoryDraft = z.output<typeof c.StoryDraft>;
type StoryList = z.output<typeof c.StoryList>;

/**
 * Story search's short memory: the pages' keys and the facet counts of the shared parts of what readers may see
 * (policy/sql-stories.storySlices: public, all signed in, each kommune's — computed together in one pass,
 * openStoryParts — and the curators' all) per query, for a few seconds; each reader is given only the parts their
 * class sees; their own small rest (their institutions' and teams' stories) is remembered by the institutions,
 * kommuner and teams it is made of (storySlices' own key), never by person; the parts are then added up. A
 * part's page cards are read once, by its first reader, and kept with the part. Everything is forgotten at
 * once in every process when any story changes or is tried (the `stories.changed` event, NOTIFY on PostgreSQL;
 * also when a process may have missed one), so a withdrawn story is neither shown nor counted. Not for
 * `video=`, whose answer follows the video's own visibility at once.
 */
const SEARCH_TTL_MS = 5_000;
/** The inquiry benchmark turns the memory off (AMONGI_STORY_SEARCH_MEMORY=0) to measure what it saves. */
const searchTtlMs = () => (process.env.AMONGI_STORY_SEARCH_MEMORY === '0' ? 0 : SEARCH_TTL_MS);
const SEARCH_CACHE_MAX = 2_000;
type SearchComputed = {
  page: repo.SearchKey[];
  facetRows: repo.FacetRow[];
  /** The page's cards, read once by the first reader given this part (and forgotten with it). */
  cards?: Promise<Map<string, repo.SummaryRow>>;
};
type PartsComputed = Map<string, SearchComputed>;

/** The answer of disjoint parts as one: the first `limit` keys of their pages, their facet counts added up. */
function combine(parts: SearchComputed[], limit: number): SearchComputed {
  if (parts.length === 1) return parts[0];
  const page = parts
    .flatMap((x) => x.page)
    .sort(repo.searchOrder)
    .slice(0, limit);
  const sums = new Map<string, repo.FacetRow>();
  for (const r of parts.flatMap((x) => x.facetRows)) {
    const key = `${r.facet}\u0000${r.value ?? ''}`;
    const seen = sums.get(key);
    sums.set(key, seen ? { ...seen, count: seen.count + r.count } : r);
  }
  return { page, facetRows: [...sums.values()] };
}

const NOTHING: SearchComputed = { page: [], facetRows: [] };

/** Follow-up stories shown on a story at most; the editors' queue at most. */
const FOLLOW_UPS_MAX = 24;
const QUEUE_MAX = 200;

export const storyResource = (s: {
  id: string;
  teamId: string | null;
  institutionId: string;
  kommuneId: string;
  state: StoryState;
  visibility: StoryResource['visibility'];
}): StoryResource => ({
  type: 'story',
  id: s.id,
  teamId: s.teamId,
  institutionId: s.institutionId,
  kommuneId: s.kommuneId,
  state: s.state,
  visibility: s.visibility,
});

const excerpt = (s: string) => (s.length > 240 ? `${s.slice(0, 239).trimEnd()}…` : s);

function presentStorySummary(r: repo.SummaryRow): StorySummary {
  return {
    id: r.id,
    title: r.title,
    excerpt: excerpt(r.context),
    institution: { id: r.institutionId, name: r.institutionName },
    kommune: { id: r.kommuneId, name: r.kommuneName },
    subject: r.subject,
    ageBands: r.ageBands as StorySummary['ageBands'],
    methods: r.methods,
    pillars: r.pillars,
    templateName: r.templateName,
    visibility: r.visibility,
    triedCount: Number(r.triedCount),
    publishedAt: r.publishedAt ? new Date(r.publishedAt) : null,
  };
}

/**
 * The current story in a stale write's answer (409 story.stale): one entry per field with its value as
 * `message` — `version`, `state`, `title`, the texts, `visibility`, `dataSplitOn`, `subjectId`, `ageBands`,
 * `methodIds` and `videoIds` (comma-separated), `updatedAt` — so the editor shows the other's change.
 */
async function staleStory(db: DbOrTx, s: repo.StoryRow): Promise<AppError> {
  const [methods, videos] = await Promise.all([repo.methodIds(db, s.id), repo.videoIds(db, s.id)]);
  const current: Record<string, string> = {
    version: String(s.version),
    state: s.state,
    title: s.title,
    context: s.context,
    question: s.question,
    tried: s.tried,
    learned: s.learned,
    materials: s.materials,
    visibility: s.visibility,
    dataSplitOn: s.dataSplitOn ?? '',
    subjectId: s.subjectId ?? '',
    ageBands: s.ageBands.join(','),
    methodIds: methods.join(','),
    videoIds: videos.join(','),
    updatedAt: s.updatedAt.toISOString(),
  };
  return new AppError(
    'story.stale',
    Object.entries(current).map(([path, message]) => ({ path, message })),
  );
}

/** The search cursor: [rank, micros, id] of the last row. */
function decodeCursor(cursor: string): repo.SearchKey {
  const invalid = () => new AppError('search.invalid_cursor');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw invalid();
  const v = readCursor(cursor, 'search.invalid_cursor');
  if (!Array.isArray(v) || v.length !== 3) throw invalid();
  const [rank, micros, id] = v as unknown[];
  if (
    typeof rank !== 'number' ||
    !Number.isFinite(rank) ||
    typeof micros !== 'string' ||
    !/^-?\d{1,17}$/.test(micros) ||
    typeof id !== 'string' ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
  )
    throw invalid();
  return { rank, micros, id };
}

/**
 * Practice stories (issue 16 part 4, T4/B2): a finished cycle's team writes its story (version-checked), sends
 * it to the editors, who publish it or return it with a note; readers find it by Danish search with facets, read
 * it with the videos they may watch and its data before/after (aggregates above the minimum group), and start a
 * cycle from it in one of their teams.
 */
export function createStoryService(ctx: AppContext) {
  const { db } = ctx;
  let searchGeneration = 0;
  const searchMemory = new TtlCache<PartsComputed>(SEARCH_CACHE_MAX, searchTtlMs(), () => searchGeneration);
  const forget = () => {
    searchGeneration++;
  };
  // Every process forgets when any of them changes a story (on PostgreSQL through NOTIFY), and when it may have
  // missed such news (its LISTEN connection was lost).
  ctx.events.subscribe('stories.changed', forget);
  ctx.events.onReset(forget);
  const storiesChanged = () => ctx.events.publish({ type: 'stories.changed' });

  /** The story, after `action` is allowed (an invisible or forged id is story.not_found, like a missing one). */
  async function load(
    dbx: DbOrTx,
    actor: Actor,
    id: string,
    action: Parameters<typeof authorize>[1],
    forUpdate = false,
  ) {
    const story = await repo.findStory(dbx, { id }, { forUpdate });
    if (!story) throw new AppError('story.not_found');
    authorize(actor, action, storyResource(story));
    return story;
  }

  async function detail(actor: Actor, story: repo.StoryRow): Promise<Story> {
    const scope = visibleStories(actor);
    const resource = storyResource(story);
    const [[summary], videoIds, data, followUpIds, originId, updatedBy] = await Promise.all([
      repo.summaries(db, sql`true`, [story.id]),
      repo.videoIds(db, story.id),
      storyData(db, story),
      repo.followUpIds(db, scope, story.id, FOLLOW_UPS_MAX),
      repo.originId(db, story.cycleId),
      repo.personRef(db, story.updatedBy),
    ]);
    const [videos, followUps, origin] = await Promise.all([
      videoSummaries(db, searchableVideos(actor), videoIds),
      repo.summaries(db, scope, followUpIds),
      originId
        ? repo.summaries(db, sql`(${scope} and practice_stories.state = 'published')`, [originId])
        : [],
    ]);
    return {
      ...presentStorySummary(summary),
      cycleId: story.cycleId,
      team: story.teamId && story.teamName ? { id: story.teamId, name: story.teamName } : null,
      state: story.state,
      version: story.version,
      context: story.context,
      question: story.question,
      tried: story.tried,
      learned: story.learned,
      materials: story.materials,
      dataSplitOn: story.dataSplitOn,
      videos: videos.map((v) => presentSummary(ctx, v)),
      data,
      reviewNote: story.reviewNote,
      followUps: followUps.map(presentStorySummary),
      origin: origin[0] ? presentStorySummary(origin[0]) : null,
      updatedBy,
      updatedAt: story.updatedAt,
      may: {
        edit: can(actor, 'story.edit', resource),
        review: can(actor, 'story.review', resource),
        try: can(actor, 'story.try', resource),
      },
    };
  }

  async function reload(actor: Actor, id: string) {
    return detail(actor, await load(db, actor, id, 'story.read'));
  }

  /** Checks the draft's terms and videos; the pillars of its videos. */
  async function checkDraft(dbx: DbOrTx, actor: Actor, input: StoryDraft, linkedBefore: string[]) {
    const methodIds = [...new Set(input.methodIds)];
    const videoIds = [...new Set(input.videoIds)];
    if (input.subjectId && (await repo.countTerms(dbx, 'subject', [input.subjectId])) !== 1)
      throw new AppError('story.invalid_terms');
    if ((await repo.countTerms(dbx, 'method', methodIds)) !== methodIds.length)
      throw new AppError('story.invalid_terms');
    // A video the editor may watch, or one the story already links (kept though the editor may no longer see it).
    const watchable = await repo.videosIn(dbx, searchableVideos(actor), videoIds);
    if (videoIds.some((v) => !watchable.has(v) && !linkedBefore.includes(v)))
      throw new AppError('story.video_unavailable');
    return { methodIds, videoIds, pillars: await repo.pillarsOf(dbx, videoIds) };
  }

  /** Moves the story from one of `from` to `to`, version-checked, in a transaction; answers the story afresh. */
  async function transition(
    actor: Actor,
    id: string,
    version: number,
    action: 'story.edit' | 'story.review',
    from: StoryState[],
    set: (s: repo.StoryRow) => Partial<repo.StoryInsert>,
    after?: (tx: DbOrTx, s: repo.StoryRow) => Promise<void>,
  ): Promise<Story> {
    await db.transaction(async (tx) => {
      const story = await load(tx, actor, id, 'story.read', true);
      if (story.version !== version) throw await staleStory(tx, story);
      authorize(actor, action, storyResource(story));
      if (!from.includes(story.state)) throw new AppError('story.wrong_state');
      const changes = set(story);
      await repo.updateStory(tx, story.id, { ...changes, updatedBy: actor.id });
      await audit(tx, actor, `inquiry.story.${changes.state ?? 'update'}`, 'story', story.id, {
        version: story.version + 1,
        state: changes.state,
      });
      await after?.(tx, story);
    });
    storiesChanged();
    // The one who acted sees the outcome, though it may no longer be theirs to read (an editor returning it).
    const story = await repo.findStory(db, { id });
    if (!story) throw new AppError('story.not_found');
    return detail(actor, story);
  }

  return {
    get: reload,

    /** Hits and misses of the search memory (the inquiry benchmark reads them). */
    searchMemoryStats: () => searchMemory.stats(),

    /** The cycle's story (404 story.not_found while none is written, or when the reader may not see it). */
    async ofCycle(actor: Actor, cycleId: string): Promise<Story> {
      await loadCycle(db, actor, cycleId, 'cycle.read');
      const story = await repo.findStory(db, { cycleId });
      if (!story) throw new AppError('story.not_found');
      authorize(actor, 'story.read', storyResource(story));
      return detail(actor, story);
    },

    /**
     * The team writes its finished cycle's story: the first save (version 0) creates it as a draft; later saves
     * carry the version they started from (a stale one: 409 story.stale with the current story). Saving a
     * published story sends it back to review. The search document is rebuilt in the same transaction.
     */
    async put(actor: Actor, cycleId: string, input: StoryDraft): Promise<Story> {
      const storyId = await db.transaction(async (tx) => {
        const { cycle } = await loadCycle(tx, actor, cycleId, 'cycle.write', { forUpdate: true });
        const existing = await repo.findStory(tx, { cycleId }, { forUpdate: true });
        if (existing) {
          authorize(actor, 'story.edit', storyResource(existing));
          if (existing.version !== input.version) throw await staleStory(tx, existing);
        } else {
          if (input.version !== 0) throw new AppError('story.not_found');
          if (cycle.state !== 'afsluttet') throw new AppError('story.cycle_not_finished');
        }
        const linkedBefore = existing ? await repo.videoIds(tx, existing.id) : [];
        const { methodIds, videoIds, pillars } = await checkDraft(tx, actor, input, linkedBefore);
        const fields = {
          title: input.title,
          context: input.context,
          question: input.question,
          tried: input.tried,
          learned: input.learned,
          materials: input.materials,
          subjectId: input.subjectId,
          ageBands: [...new Set(input.ageBands)],
          pillars,
          visibility: input.visibility,
          dataSplitOn: input.dataSplitOn,
          updatedBy: actor.id,
        };
        let id: string;
        if (existing) {
          id = existing.id;
          const backToReview = existing.state === 'published';
          await repo.updateStory(tx, id, {
            ...fields,
            ...(backToReview ? { state: 'in_review' as const, submittedAt: new Date() } : {}),
          });
        } else {
          id = await repo.insertStory(tx, {
            ...fields,
            cycleId: cycle.id,
            teamId: cycle.teamId,
            institutionId: cycle.institutionId,
            kommuneId: cycle.kommuneId,
            templateName: cycle.templateName,
            state: 'draft',
          });
        }
        await repo.setMethods(tx, id, methodIds);
        await repo.setVideos(tx, id, videoIds);
        await repo.refreshSearchDocument(tx, id);
        await audit(tx, actor, existing ? 'inquiry.story.update' : 'inquiry.story.create', 'story', id, {
          cycleId: cycle.id,
          version: existing ? existing.version + 1 : 1,
        });
        return id;
      });
      storiesChanged();
      return reload(actor, storyId);
    },

    submit: (actor: Actor, id: string, version: number) =>
      transition(actor, id, version, 'story.edit', ['draft', 'returned'], () => ({
        state: 'in_review',
        submittedAt: new Date(),
      })),

    /** The team takes its story back from review, or from publication, to a draft. */
    withdraw: (actor: Actor, id: string, version: number) =>
      transition(actor, id, version, 'story.edit', ['in_review', 'published'], () => ({
        state: 'draft',
        submittedAt: null,
      })),

    /** An editor publishes the story or returns it with a note; the team's members are told either way. */
    review(actor: Actor, id: string, input: z.output<typeof c.StoryReview>): Promise<Story> {
      if (input.decision === 'return' && !input.note) throw new AppError('story.note_required');
      const publish = input.decision === 'publish';
      return transition(
        actor,
        id,
        input.version,
        'story.review',
        ['in_review'],
        () =>
          publish
            ? { state: 'published', publishedAt: new Date(), reviewNote: null, reviewedBy: actor.id }
            : { state: 'returned', reviewNote: input.note, reviewedBy: actor.id },
        async (tx, story) => {
          const [members, author] = await Promise.all([
            repo.memberIds(tx, story.teamId),
            repo.personRef(tx, actor.id),
          ]);
          await notifyMany(
            tx,
            members
              .filter((m) => m !== actor.id)
              .map((userId) => ({
                userId,
                kind: publish ? 'inquiry.story_published' : 'inquiry.story_returned',
                payload: {
                  storyId: story.id,
                  storyTitle: story.title,
                  cycleId: story.cycleId,
                  teamName: story.teamName,
                  authorName: author?.name ?? null,
                },
              })),
          );
        },
      );
    },

    /** The editors' queue: every story in review, the longest waiting first (others: 403). */
    async reviewQueue(actor: Actor): Promise<z.output<typeof c.StoryReviewQueue>> {
      if (!curatesStories(actor)) throw new AppError('policy.forbidden');
      const items = await repo.reviewQueue(db, visibleStories(actor), QUEUE_MAX);
      return {
        items: items.map((r) => ({
          ...presentStorySummary(r),
          state: r.state,
          submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
          version: r.version,
        })),
      };
    },

    /**
     * Search: published stories the reader may see (anonymous: public ones), Danish full text or word prefixes,
     * facets counted over the visible matches (each with every other filter), `video` = stories linking a video
     * the reader may watch. Best match first, then newest; keyset-paged.
     */
    async search(actor: Actor, p: z.output<typeof c.StorySearchQuery>, locale: Locale): Promise<StoryList> {
      const text = cleanQuery(p.q);
      const words = prefixWords(p.q);
      const q = text ? { text, prefix: words.length ? words.map((w) => `${w}:*`).join(' & ') : null } : null;
      const extra = p.video
        ? sql`exists (select 1 from story_videos sv join videos on videos.id = sv.video_id
            where sv.story_id = practice_stories.id and sv.video_id = ${p.video} and ${searchableVideos(actor)})`
        : sql`true`;
      // Sorted: the same filters in another order are the same remembered answer.
      const filters: repo.StoryFilters = {
        subject: [...new Set(p.subject)].sort(),
        ageBand: [...new Set(p.ageBand)].sort(),
        method: [...new Set(p.method)].sort(),
        pillar: [...new Set(p.pillar)].sort(),
      };
      const after = p.cursor ? decodeCursor(p.cursor) : undefined;
      const compute = (scope: SQL, part?: SQL) => async (): Promise<PartsComputed> => {
        const [pages, facets] = await Promise.all([
          repo.searchPages(db, { scope, part, q, filters, extra, after, limit: p.limit + 1 }),
          repo.searchFacets(db, { scope, part, q, filters, extra }),
        ]);
        const parts: PartsComputed = new Map();
        for (const [key, facetRows] of facets) parts.set(key, { page: pages.get(key) ?? [], facetRows });
        return parts;
      };
      const only = async (computed: Promise<PartsComputed>) => (await computed).get('') ?? NOTHING;
      let parts: Promise<SearchComputed>[];
      if (p.video) parts = [only(compute(searchableStories(actor))())];
      else {
        // A shared part is the same set for every reader given it, so its answer is too (never the reader's id).
        const { shared, own } = storySlices(actor);
        const key = (family: string) => JSON.stringify([family, q, filters, p.cursor ?? null, p.limit]);
        const curators = shared.length === 1 && shared[0].key === 'published';
        const open = openStoryParts();
        const remembered = curators
          ? searchMemory.get(key('published'), compute(shared[0].where, sql`'published'`))
          : searchMemory.get(key('open'), compute(open.where, open.part));
        parts = shared.map(async (part) => (await remembered).get(part.key) ?? NOTHING);
        if (own) parts.push(only(searchMemory.get(key(own.key), compute(own.where))));
      }
      const given = await Promise.all(parts);
      const { page, facetRows } = combine(given, p.limit + 1);
      const items = page.slice(0, p.limit);
      const last = items.at(-1);
      let found: repo.SummaryRow[];
      if (p.video)
        found = await repo.summaries(
          db,
          searchableStories(actor),
          items.map((i) => i.id),
        );
      else {
        // The cards of the reader's parts' pages, remembered with each part (its ids were chosen in that part).
        const cards = await Promise.all(
          given.map((part) => {
            if (!part.page.length) return new Map<string, repo.SummaryRow>();
            part.cards ??= repo
              .summaries(
                db,
                sql`true`,
                part.page.map((k) => k.id),
              )
              .then((r) => new Map(r.map((x) => [x.id, x])));
            // A failed read is not kept: the next reader tries again.
            part.cards.catch(() => {
              part.cards = undefined;
            });
            return part.cards;
          }),
        );
        found = items.flatMap((i) => cards.find((m) => m.has(i.id))?.get(i.id) ?? []);
      }
      return {
        items: found.map(presentStorySummary),
        total: facetRows.find((r) => r.facet === 'total')?.count ?? 0,
        facets: await presentFacets(db, facetRows, filters, locale),
        nextCursor: page.length > p.limit && last ? writeCursor([last.rank, last.micros, last.id]) : null,
      };
    },

    /**
     * "Vi vil prøve det i vores team": a new cycle in one of my teams (a team I am not on: 403, or 404 when I may
     * not know it), from the given template or the story's own (the origin cycle's template while it is there,
     * else the phases the story's cycle had), titled and questioned from the story, its context and what was
     * tried seeded in the first text field, and counted toward the story's "tried" teams.
     */
    async try(actor: Actor, id: string, input: z.output<typeof c.StoryTry>): Promise<{ cycleId: string }> {
      const story = await load(db, actor, id, 'story.try');
      const team = await loadTeam(db, actor, input.teamId, 'team.work');
      let template: { id: string | null; name: string; phases: cycleRepo.CycleInsert['phases'] } | null =
        null;
      const offered = async (templateId: string) => {
        const t = await findTemplate(db, templateId);
        return t &&
          !t.archivedAt &&
          (t.kommuneId === null || t.kommuneId === team.kommuneId) &&
          t.kinds.includes(wordKind(team.institutionType))
          ? { id: t.id, name: t.name, phases: t.phases }
          : null;
      };
      if (input.templateId) {
        template = await offered(input.templateId);
        if (!template) throw new AppError('inquiry.template_not_found');
      } else if (story.cycleId) {
        const [origin] = await db.select().from(inquiryCycles).where(eq(inquiryCycles.id, story.cycleId));
        if (origin) {
          const t = origin.templateId ? await findTemplate(db, origin.templateId) : undefined;
          template =
            t && !t.archivedAt
              ? { id: t.id, name: t.name, phases: t.phases }
              : { id: null, name: origin.templateName, phases: origin.phases };
        }
      }
      if (!template) throw new AppError('inquiry.template_not_found');
      const first = template.phases[0];
      const field = first?.fields.find((f) => f.kind === 'text');
      const seed = [
        `Fra praksisfortællingen »${story.title}«.`,
        story.context && `Sammenhæng: ${story.context}`,
        story.tried && `Det prøvede de: ${story.tried}`,
      ]
        .filter(Boolean)
        .join('\n\n')
        .slice(0, 4000);
      const cycleId = randomUUID();
      await db.transaction(async (tx) => {
        await cycleRepo.insertCycle(tx, {
          id: cycleId,
          seriesId: cycleId,
          loop: 1,
          teamId: team.id,
          templateId: template.id,
          templateName: template.name,
          phases: template.phases,
          title: story.title.slice(0, 200),
          question: story.question.slice(0, 2000),
          content: first && field ? { [first.key]: { [field.key]: seed } } : {},
          originStoryId: story.id,
          createdBy: actor.id,
        });
        await audit(tx, actor, 'inquiry.story.try', 'story', story.id, { cycleId, teamId: team.id });
      });
      storiesChanged();
      return { cycleId };
    },
  };
}
