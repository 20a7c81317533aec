import type { AppContext } from '../../context.js';
import type { Actor } from '../../policy/index.js';
import { searchableVideos } from '../../policy/sql-search.js';
import * as repo from './home-repo.js';
import { presentSummary, type SummaryRow } from './summary.js';

const ROW = 8;
const COLLECTIONS = 6;

/**
 * The home page (V1): "what should I watch?" — the newest videos, what is popular in my communities (or
 * everywhere, when I have joined none or they have nothing for me), the editors' collections and what I tried
 * lately. Everything is limited to what the person may see; a handful of queries, no per-video lookups.
 */
export function createHomeService(ctx: AppContext) {
  const { db } = ctx;
  const present = (rows: SummaryRow[]) => rows.map((r) => presentSummary(ctx, r));

  return {
    async home(actor: Actor) {
      const scope = searchableVideos(actor);
      const newest = await repo.newestVideos(db, scope, ROW);
      const joined = actor.id ? await repo.joinedCommunityCount(db, actor.id) : 0;
      let popular = joined ? await repo.popularVideos(db, scope, ROW, actor.id) : [];
      const popularSource = popular.length ? ('communities' as const) : ('everyone' as const);
      if (!popular.length) popular = await repo.popularVideos(db, scope, ROW);
      const collectionRows = await repo.collectionRows(db, scope, COLLECTIONS, ROW);
      const tried = actor.id ? await repo.recentlyTried(db, scope, actor.id, 6) : [];

      const collections = new Map<
        string,
        { id: string; title: string; description: string; videos: ReturnType<typeof presentSummary>[] }
      >();
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
      return {
        newest: present(newest),
        popularInMyCommunities: present(popular),
        /** `communities`: from communities the person has joined; `everyone`: popular among all they may see. */
        popularSource,
        memberOfCommunities: joined > 0,
        collections: [...collections.values()],
        tried: present(tried),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
