import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/index.js';
import { videos } from '../../db/videos-schema.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, policySql } from '../../policy/index.js';
import { audit } from '../audit.js';
import { getVideo, listVideos, presentVideo, videoResource } from '../videos/index.js';
import * as repo from './collections-repo.js';

/** How many collections the home page shows, and how many videos one collection holds. */
export const MAX_COLLECTIONS = 50;
export const MAX_COLLECTION_VIDEOS = 24;

const MANAGE = { type: 'instance' } as const;
type Locale = 'da' | 'en';

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && new Set(a).size === a.length && a.every((id) => b.includes(id));

/**
 * Curated collections for the home page (V1): editors make and order them and fill them with published
 * catalogue videos. Everyone sees each collection with only the videos they may watch.
 */
export function createCollectionService(ctx: AppContext) {
  const { db } = ctx;

  async function load(id: string) {
    const c = await repo.getCollection(db, id);
    if (!c) throw new AppError('collection.not_found');
    return c;
  }

  /** The collections with their videos the actor may see (published only, unless an editor manages them). */
  async function list(actor: Actor, opts: { manage?: boolean; only?: string } = {}, locale: Locale = 'da') {
    if (opts.manage) authorize(actor, 'collection.manage', MANAGE);
    const rows = opts.only ? [await load(opts.only)] : await repo.listCollections(db, MAX_COLLECTIONS);
    const links = await repo.links(
      db,
      rows.map((c) => c.id),
    );
    const ids = [...new Set(links.map((l) => l.videoId))];
    const where: SQL[] = [inArray(videos.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])];
    where.push(policySql.visibleVideos(actor));
    if (!opts.manage) where.push(sql`${videos.editorialState} = 'published'`);
    const found = ids.length ? await listVideos(db, and(...where) as SQL, { limit: ids.length }) : [];
    const byId = new Map(found.map((v) => [v.id, presentVideo(ctx, actor, v, locale)]));
    return {
      items: rows.map((c) => ({
        ...c,
        videos: links
          .filter((l) => l.collectionId === c.id)
          .map((l) => byId.get(l.videoId))
          .filter((v) => v !== undefined),
      })),
    };
  }

  /** A change to collections, in a transaction; the home page's cached collections are dropped once it commits. */
  async function change<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await db.transaction(work);
    ctx.events.publish({ type: 'catalogue.changed' });
    return result;
  }

  const one = async (actor: Actor, id: string, locale: Locale) =>
    (await list(actor, { manage: true, only: id }, locale)).items[0];

  return {
    list,

    async create(actor: Actor, v: { title: string; description?: string }, locale: Locale) {
      authorize(actor, 'collection.manage', MANAGE);
      const id = await change(async (tx) => {
        const made = await repo.insertCollection(tx, {
          title: v.title,
          description: v.description ?? '',
          createdBy: actor.id,
        });
        await audit(tx, actor, 'collection.create', 'collection', made, v);
        return made;
      });
      return one(actor, id, locale);
    },

    async update(actor: Actor, id: string, v: { title?: string; description?: string }, locale: Locale) {
      authorize(actor, 'collection.manage', MANAGE);
      await load(id);
      await change(async (tx) => {
        await repo.updateCollection(tx, id, v);
        await audit(tx, actor, 'collection.update', 'collection', id, v);
      });
      return one(actor, id, locale);
    },

    async remove(actor: Actor, id: string) {
      authorize(actor, 'collection.manage', MANAGE);
      const c = await load(id);
      await change(async (tx) => {
        await repo.deleteCollection(tx, id);
        await audit(tx, actor, 'collection.delete', 'collection', id, { title: c.title });
      });
    },

    /** Puts the collections in the given order; the ids must be exactly the current collections. */
    async order(actor: Actor, ids: string[], locale: Locale) {
      authorize(actor, 'collection.manage', MANAGE);
      await change(async (tx) => {
        if (!sameSet(ids, await repo.collectionIds(tx))) throw new AppError('collection.order_stale');
        await repo.orderCollections(tx, ids);
        await audit(tx, actor, 'collection.order', 'collection', null, { ids });
      });
      return list(actor, { manage: true }, locale);
    },

    /** Adds a published catalogue video the editor may see. */
    async addVideo(actor: Actor, id: string, videoId: string, locale: Locale) {
      authorize(actor, 'collection.manage', MANAGE);
      await load(id);
      const v = await getVideo(db, videoId);
      if (!v) throw new AppError('video.not_found');
      authorize(actor, 'video.read', videoResource(v));
      if (v.editorialState !== 'published') throw new AppError('collection.video_not_published');
      await change(async (tx) => {
        if ((await repo.videoCount(tx, id)) >= MAX_COLLECTION_VIDEOS) throw new AppError('collection.full');
        if (await repo.addVideo(tx, id, videoId))
          await audit(tx, actor, 'collection.add_video', 'collection', id, { videoId });
      });
      return one(actor, id, locale);
    },

    async removeVideo(actor: Actor, id: string, videoId: string, locale: Locale) {
      authorize(actor, 'collection.manage', MANAGE);
      await load(id);
      await change(async (tx) => {
        if (await repo.removeVideo(tx, id, videoId))
          await audit(tx, actor, 'collection.remove_video', 'collection', id, { videoId });
      });
      return one(actor, id, locale);
    },

    /** Puts the collection's videos in the given order; each id must be in the collection, once. */
    async orderVideos(actor: Actor, id: string, videoIds: string[], locale: Locale) {
      authorize(actor, 'collection.manage', MANAGE);
      await load(id);
      await change(async (tx) => {
        const current = await repo.videoIdsOf(tx, id);
        if (new Set(videoIds).size !== videoIds.length || !videoIds.every((v) => current.includes(v)))
          throw new AppError('collection.order_stale');
        await repo.orderVideos(tx, id, videoIds);
        await audit(tx, actor, 'collection.order_videos', 'collection', id, { videoIds });
      });
      return one(actor, id, locale);
    },
  };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
