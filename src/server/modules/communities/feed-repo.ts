import { inArray, type SQL, sql } from 'drizzle-orm';
import type { CommunityPostKind } from '../../../shared/catalogue.js';
import {
  communities,
  communityEvents,
  communityMembers,
  communityPosts as communityPostsTable,
  communityVideos,
} from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { teams } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';

/** Where a feed item comes from, and the position after which the next page starts. */
export type FeedCursor = { at: string; kind: 'video' | 'comment' | 'post'; key: string };

export type FeedRow = {
  at: string;
  kind: 'video' | 'comment' | 'post';
  item_key: string;
  video_id: string | null;
  comment_id: string | null;
  post_id: string | null;
  post_kind: CommunityPostKind | null;
  post_url: string | null;
  file_name: string | null;
  reply_count: number | null;
  event_title: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  source_type: 'community' | 'team';
  source_id: string;
  source_name: string;
  title: string | null;
  duration_seconds: number | null;
  access_version: number | null;
  poster: boolean | null;
  by_id: string | null;
  by_name: string | null;
  body: string | null;
};

/**
 * The events that bring a video into a feed, as rows (video_id, at, source_type, source_id, source_name, by_id).
 * One community's shared videos:
 */
export const communitySources = (communityId: string): SQL => sql`
  select cv.video_id, cv.added_at as at, 'community'::text as source_type, cm.id as source_id,
    cm.name as source_name, cv.added_by as by_id
  from ${communityVideos} cv join ${communities} cm on cm.id = cv.community_id
  where cv.community_id = ${communityId}`;

/**
 * Which communities' posts and events a feed shows, as a condition on a post `p`: one community's (only for its
 * members — the service decides), or those of every community the person has joined.
 */
export const communityPosts = (communityId: string): SQL => sql`p.community_id = ${communityId}`;
export const joinedCommunityPosts = (userId: string): SQL =>
  sql`p.community_id in (select jm.community_id from ${communityMembers} jm
    where jm.user_id = ${userId} and jm.joined_at is not null)`;

/** The personal feed: videos shared into the communities the person has joined, and videos of their teams. */
export function personalSources(userId: string, teamIds: string[]): SQL {
  const shared = sql`
    select cv.video_id, cv.added_at as at, 'community'::text as source_type, cm.id as source_id,
      cm.name as source_name, cv.added_by as by_id
    from ${communityMembers} pm
    join ${communityVideos} cv on cv.community_id = pm.community_id
    join ${communities} cm on cm.id = pm.community_id
    where pm.user_id = ${userId} and pm.joined_at is not null`;
  if (teamIds.length === 0) return shared;
  return sql`${shared}
    union all
    select tv.id, coalesce(tv.ready_at, tv.created_at), 'team'::text, tt.id, tt.name, tv.owner_id
    from ${videos} tv join ${teams} tt on tt.id = tv.team_id
    where ${inArray(sql`tv.team_id`, teamIds)}`;
}

/**
 * One page of a feed, newest first: each video the viewer may see (`visible`, the policy SQL form over
 * "videos") once, at its latest event and with that event's source, and the top-level comments (not deleted,
 * not hidden) written on it since it came into the feed, each with the source of the latest event before it —
 * from a community only those its joined members wrote (the feed shows what members did there). With `posts`,
 * also the members' posts and events of those communities. Keyset pagination over (at, kind, key).
 */
export async function feedPage(
  db: DbOrTx,
  sources: SQL,
  visible: SQL,
  opts: { after?: FeedCursor; limit: number; posts?: SQL },
): Promise<FeedRow[]> {
  const posts = opts.posts
    ? sql`
      union all
      select 'post'::text, p.created_at, p.id::text, null::uuid, null::uuid, p.id, 'community'::text, pc.id,
        pc.name, p.author_id
      from ${communityPostsTable} p join ${communities} pc on pc.id = p.community_id
      where ${opts.posts}`
    : sql``;
  const after = opts.after
    ? sql`where (items.at, items.kind, items.item_key) <
        (${opts.after.at}::timestamptz, ${opts.after.kind}::text, ${opts.after.key}::text)`
    : sql``;
  return rows<FeedRow>(
    db,
    sql`
    with src as (${sources}),
    fv as (
      select distinct on (src.video_id) src.video_id, src.at, src.source_type, src.source_id,
        src.source_name, src.by_id
      from src join ${videos} on ${videos.id} = src.video_id
      where ${videos.status} = 'ready' and ${visible}
      order by src.video_id, src.at desc, src.source_type, src.source_id
    ),
    items as (
      select 'video'::text as kind, fv.at, fv.video_id::text as item_key, fv.video_id,
        null::uuid as comment_id, null::uuid as post_id, fv.source_type, fv.source_id, fv.source_name, fv.by_id
      from fv
      union all
      select 'comment'::text, c.created_at, c.id::text, c.video_id, c.id, null::uuid, cs.source_type,
        cs.source_id, cs.source_name, c.author_id
      from fv join comments c on c.video_id = fv.video_id
      cross join lateral (
        select src.source_type, src.source_id, src.source_name from src
        where src.video_id = c.video_id and src.at <= c.created_at
        order by src.at desc, src.source_type, src.source_id limit 1
      ) cs
      where c.depth = 0 and c.deleted_at is null and c.hidden_at is null
        and (cs.source_type <> 'community' or exists (select 1 from ${communityMembers} am
          where am.community_id = cs.source_id and am.user_id = c.author_id and am.joined_at is not null))
      ${posts}
    )
    select to_char(items.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, items.kind,
      items.item_key, items.video_id::text as video_id, items.comment_id::text as comment_id,
      items.post_id::text as post_id, items.source_type, items.source_id::text as source_id,
      items.source_name, fvid.title, fvid.duration_seconds, fvid.access_version,
      (fvid.media->>'poster')::boolean as poster, u.id::text as by_id, u.name as by_name,
      left(coalesce(fc.body, fp.body), 600) as body, fp.kind as post_kind, fp.url as post_url,
      fp.file_name, fe.title as event_title,
      to_char(fe.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as starts_at,
      to_char(fe.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ends_at, fe.place,
      case when fp.id is null then null else (select count(*)::int from comments rc
        where rc.post_id = fp.id and rc.deleted_at is null and rc.hidden_at is null) end as reply_count
    from items
    left join videos fvid on fvid.id = items.video_id
    left join users u on u.id = items.by_id
    left join comments fc on fc.id = items.comment_id
    left join ${communityPostsTable} fp on fp.id = items.post_id
    left join ${communityEvents} fe on fe.post_id = items.post_id
    ${after}
    order by items.at desc, items.kind desc, items.item_key desc
    limit ${opts.limit + 1}`,
  );
}
