import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../auth/session-cache.js';
import type { AppContext } from '../../context.js';
import { videoMethods } from '../../db/community-schema.js';
import { videos } from '../../db/videos-schema.js';
import type { Actor } from '../../policy/index.js';
import { classActor, searchableVideos, visibilityClass } from '../../policy/sql-search.js';
import type { HomeCollection, HomePage, HomeShared } from './answers.js';
import { cachedSummaries, cachesFor } from './caches.js';
import * as repo from './home-repo.js';
import { ownsVideosOutside } from './repo.js';
import { presentSummary, type SummaryRow } from './summary.js';

/** What the home page narrows to (the people module's interests: the person's own, or suggested). */
export type HomeInterests = { ageBands: string[]; subjectIds: string[]; methodIds: string[] };
type InterestsOf = (person: SessionUser) => Promise<HomeInterests>;

/**
 * The videos that fit the interests: on each of age band, subject and methods, a video described there must
 * match one of the chosen values; a video not described there (no age band, say) is not ruled out by it. An
 * empty list narrows nothing. Undefined when nothing narrows.
 */
export function interestScope(i: HomeInterests): SQL | undefined {
  const parts: SQL[] = [];
  if (i.ageBands.length)
    parts.push(sql`(${videos.ageBand} is null or ${inArray(videos.ageBand, i.ageBands as never[])})`);
  if (i.subjectIds.length)
    parts.push(sql`(${videos.subjectId} is null or ${inArray(videos.subjectId, i.subjectIds)})`);
  if (i.methodIds.length)
    parts.push(sql`(not exists (select 1 from ${videoMethods} vm where vm.video_id = ${videos.id})
      or exists (select 1 from ${videoMethods} vm where vm.video_id = ${videos.id} and ${inArray(sql`vm.term_id`, i.methodIds)}))`);
  return parts.length ? (and(...parts) as SQL) : undefined;
}

/** The cache key part of the interests: the same narrowing, the same text (empty when nothing narrows). */
const interestKey = (i: HomeInterests) =>
  interestScope(i)
    ? JSON.stringify([[...i.ageBands].sort(), [...i.subjectIds].sort(), [...i.methodIds].sort()])
    : '';

const ROW = 8;
const COLLECTIONS = 6;

/**
 * The home page (V1): "what should I watch?" — the newest videos, what is popular in my communities (or
 * everywhere, when I have joined none or they have nothing for me), the editors' collections and what I tried
 * lately. Everything is limited to what the person may see; a handful of queries, no per-video lookups.
 *
 * Personal (issue 15): the newest, popular-among-all and the collections narrow to the person's interests
 * (interestScope; saved on their profile, or suggested from their institution type and teams); what is popular
 * in their communities and what they tried do not. Someone not signed in sees the public videos, unnarrowed.
 *
 * Cached for a few seconds (cache.ts): the newest, popular-among-all and the collections once per visibility
 * class and interests — or per person when they own finished videos their class would not show — and the whole
 * page per person and interests (my communities and what I tried are mine alone). The interests are read from
 * the database on every request and are part of every key, so a change shows at once in every process, with no
 * event to wait for.
 */
export function createHomeService(ctx: AppContext, deps: { interestsOf: InterestsOf }) {
  const { db } = ctx;
  const caches = cachesFor(ctx);
  const present = (rows: SummaryRow[]) => rows.map((r) => presentSummary(ctx, r));
  const summarize = cachedSummaries(ctx);

  async function shared(scope: SQL): Promise<HomeShared> {
    const newest = await repo.newestVideos(db, scope, ROW, summarize);
    const popular = await repo.popularVideos(db, scope, ROW, undefined, summarize);
    const collectionRows = await repo.collectionRows(db, scope, COLLECTIONS, ROW);
    const collections = new Map<string, HomeCollection>();
    for (const r of collectionRows) {
      let c = collections.get(r.collectionId);
      if (!c) {
        c = {
          id: r.collectionId,
          title: r.collectionTitle,
          description: r.collectionDescription,
          videos: [],
        };
        collections.set(r.collectionId, c);
      }
      c.videos.push(presentSummary(ctx, r));
    }
    return { newest: present(newest), popular: present(popular), collections: [...collections.values()] };
  }

  async function page(actor: Actor, cls: string, interests: HomeInterests, ikey: string): Promise<HomePage> {
    const classScope = searchableVideos(classActor(actor));
    const owns =
      !!actor.id &&
      (await caches.ownsExtras.get(`${actor.id}|${cls}`, () => ownsVideosOutside(db, actor.id, classScope)));
    const scope = searchableVideos(actor);
    const narrow = interestScope(interests);
    const common = caches.homeShared.get(
      owns ? `person|${actor.id}|${cls}|${ikey}` : `class|${cls}|${ikey}`,
      () => shared(and(owns ? scope : classScope, narrow) as SQL),
    );
    const joined = actor.id ? await repo.joinedCommunityCount(db, actor.id) : 0;
    const inCommunities = joined
      ? present(await repo.popularVideos(db, scope, ROW, actor.id, summarize))
      : [];
    const tried = actor.id ? present(await repo.recentlyTried(db, scope, actor.id, 6)) : [];
    const { newest, popular, collections } = await common;
    return {
      newest,
      popularInMyCommunities: inCommunities.length ? inCommunities : popular,
      popularSource: inCommunities.length ? 'communities' : 'everyone',
      memberOfCommunities: joined > 0,
      collections,
      tried,
      personal: !!narrow,
    };
  }

  const NONE: HomeInterests = { ageBands: [], subjectIds: [], methodIds: [] };

  return {
    /** `person`: the signed-in person behind `actor` (their interests); null for someone not signed in. */
    async home(actor: Actor, person: SessionUser | null): Promise<HomePage> {
      const cls = visibilityClass(actor);
      const interests = person ? await deps.interestsOf(person) : NONE;
      const ikey = interestKey(interests);
      return caches.home.get(`${actor.id}|${cls}|${ikey}`, () => page(actor, cls, interests, ikey));
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
