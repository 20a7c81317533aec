import type { SQL } from 'drizzle-orm';
import { plainText } from '../../../shared/comment-format.js';
import type { AppContext } from '../../context.js';
import { type Actor, can, policySql } from '../../policy/index.js';
import { signedMediaPrefix } from '../videos/index.js';
import { decodeFeedCursor, encodeFeedCursor } from './cursor.js';
import {
  communityPosts,
  communitySources,
  type FeedRow,
  feedPage,
  joinedCommunityPosts,
  personalSources,
} from './feed-repo.js';
import { type CommunityService, communityResource } from './service.js';

const EXCERPT = 200;

/** A comment's first words as plain text on one line. */
export function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;
}

/** Feeds (V4): one community's, and a person's own across their communities and teams. */
export function createFeedService(ctx: AppContext, communities: CommunityService) {
  const present = (r: FeedRow) => {
    const person = r.by_id ? { id: r.by_id, name: r.by_name ?? '' } : null;
    const base = {
      id: `${r.kind}:${r.item_key}`,
      kind: r.kind,
      at: r.at,
      source: { type: r.source_type, id: r.source_id, name: r.source_name },
    };
    if (r.kind === 'post' || !r.video_id)
      return {
        ...base,
        post: {
          id: r.post_id as string,
          kind: r.post_kind ?? 'question',
          author: person,
          excerpt: excerpt(plainText(r.body ?? '', 600)),
          url: r.post_url,
          fileName: r.file_name,
          replyCount: r.reply_count ?? 0,
          event:
            r.event_title !== null && r.starts_at && r.ends_at
              ? { title: r.event_title, startsAt: r.starts_at, endsAt: r.ends_at, place: r.place ?? '' }
              : null,
        },
      };
    const media = r.poster ? signedMediaPrefix(ctx.secret, r.video_id, r.access_version ?? 0) : null;
    return {
      ...base,
      video: {
        id: r.video_id,
        title: r.title ?? '',
        posterUrl: media && `${media}poster.jpg`,
        durationSeconds: r.duration_seconds,
      },
      ...(r.kind === 'video'
        ? { sharedBy: person }
        : { comment: { id: r.comment_id as string, author: person, excerpt: excerpt(r.body ?? '') } }),
    };
  };

  async function page(
    actor: Actor,
    sources: Parameters<typeof feedPage>[1],
    o: { cursor?: string; limit: number },
    posts?: SQL,
  ) {
    const after = o.cursor ? decodeFeedCursor(o.cursor) : undefined;
    const rows = await feedPage(ctx.db, sources, policySql.visibleVideos(actor), {
      after,
      limit: o.limit,
      posts,
    });
    const items = rows.slice(0, o.limit);
    const last = items.at(-1);
    return {
      items: items.map(present),
      nextCursor:
        rows.length > o.limit && last
          ? encodeFeedCursor({ at: last.at, kind: last.kind, key: last.item_key })
          : null,
    };
  }

  return {
    /** What is new in one community: its shared videos the viewer may see, and new comments on them. */
    async community(actor: Actor, id: string, o: { cursor?: string; limit: number }) {
      const c = await communities.load(actor, id);
      // Posts and events only for the community's joined members.
      const members = can(actor, 'community.discuss', communityResource(c));
      return page(actor, communitySources(id), o, members ? communityPosts(id) : undefined);
    },

    /** The signed-in person's feed across the communities they have joined and their teams. */
    async personal(actor: Actor, o: { cursor?: string; limit: number }) {
      return page(actor, personalSources(actor.id, actor.teamIds ?? []), o, joinedCommunityPosts(actor.id));
    },
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
