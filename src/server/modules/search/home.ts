import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../policy/index.js';
import { classActor, searchableVideos, visibilityClass } from '../../policy/sql-search.js';
import type { HomeCollection, HomePage, HomeShared } from './answers.js';
import { cachedSummaries, cachesFor } from './caches.js';
import * as repo from './home-repo.js';
import { ownsVideosOutside } from './repo.js';
import { presentSummary, type SummaryRow } from './summary.js';

const ROW = 8;
const COLLECTIONS = 6;

/**
 * The home page (V1): "what should I watch?" — the newest videos, what is popular in my communities (or
 * everywhere, when I have joined none or they have nothing for me), the editors' collections and what I tried
 * lately. Everything is limited to what the person may see; a handful of queries, no per-video lookups.
 *
 * Cached for a few seconds (cache.ts): the newest, popular-among-all and the collections once per visibility
 * class — or per person when they own finished videos their class would not show — and the whole page per
 * person (my communities and what I tried are mine alone).
 */
export function createHomeService(ctx: AppContext) {
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

  async function page(actor: Actor, cls: string): Promise<HomePage> {
    const classScope = searchableVideos(classActor(actor));
    const owns =
      !!actor.id &&
      (await caches.ownsExtras.get(`${actor.id}|${cls}`, () => ownsVideosOutside(db, actor.id, classScope)));
    const scope = searchableVideos(actor);
    const common = caches.homeShared.get(owns ? `person|${actor.id}|${cls}` : `class|${cls}`, () =>
      shared(owns ? scope : classScope),
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
    };
  }

  return {
    async home(actor: Actor): Promise<HomePage> {
      const cls = visibilityClass(actor);
      return caches.home.get(`${actor.id}|${cls}`, () => page(actor, cls));
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
