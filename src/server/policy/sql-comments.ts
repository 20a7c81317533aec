import { type SQL, sql } from 'drizzle-orm';
import { comments, communityMembers, communityPosts, communityVideos } from '../db/community-schema.js';
import { institutions, roleGrants, teamMemberships, users } from '../db/schema.js';
import { isAdmin, isEditor } from './predicates.js';
import { visibleVideos } from './sql.js';
import type { Actor, VideoResource } from './types.js';

const none = sql`false`;
const all = sql`true`;

/**
 * The people who may watch this video, over the users table: the reverse of rules.seesVideo (the same rule read
 * from the video's side). Used to offer and check @mentions: nobody is notified about a video they cannot see.
 */
export function peopleWhoSeeVideo(v: Omit<VideoResource, 'type' | 'id'>): SQL {
  const owner = sql`${users.id} = ${v.ownerId}`;
  if (v.visibility === 'private' || !v.ready) return owner;
  const hasRole = (where: SQL) =>
    sql`exists (select 1 from ${roleGrants} g where g.user_id = ${users.id} and ${where})`;
  const parts: SQL[] = [owner, hasRole(sql`g.role = 'administrator'`)];
  if ((v.editorialState ?? 'none') !== 'none') parts.push(hasRole(sql`g.role = 'redaktoer'`));
  switch (v.visibility) {
    case 'team':
      if (v.teamId)
        parts.push(
          sql`exists (select 1 from ${teamMemberships} m where m.user_id = ${users.id} and m.team_id = ${v.teamId})`,
        );
      break;
    case 'institution':
      parts.push(hasRole(sql`g.institution_id = ${v.institutionId}`));
      break;
    case 'kommune':
      // A grant's kommune: its own, or (for institution roles) the institution's.
      parts.push(
        sql`exists (select 1 from ${roleGrants} g left join ${institutions} i on i.id = g.institution_id
                    where g.user_id = ${users.id} and coalesce(g.kommune_id, i.kommune_id) = ${v.kommuneId})`,
      );
      break;
    case 'public':
      return all;
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The actor moderates a community this video (an SQL expression for a video id) is shared into: a joined
 * member with the moderator role.
 */
export function moderatesVideo(a: Actor, videoId: SQL | string): SQL {
  if (!a.id) return none;
  return sql`exists (select 1 from ${communityVideos} cv
    join ${communityMembers} cm on cm.community_id = cv.community_id
    where cv.video_id = ${videoId} and cm.user_id = ${a.id} and cm.role = 'moderator' and cm.joined_at is not null)`;
}

/**
 * Comments the actor may hide, the same rule as rules-practice 'comment.hide' read over the comments table
 * (left-joined with their video): on a video, the video is visible to them and they are an administrator or
 * editor, or moderate a community it is shared into; a reply to a community post, they are a joined moderator
 * of the post's community.
 */
export function moderatedComments(a: Actor): SQL {
  if (!a.id) return none;
  const wide = isAdmin(a) || isEditor(a);
  const onVideo = sql`${comments.videoId} is not null and ${visibleVideos(a)} and ${wide ? all : moderatesVideo(a, sql`${comments.videoId}`)}`;
  const onPost = sql`${comments.postId} is not null and exists (select 1 from ${communityPosts} p
    join ${communityMembers} cm on cm.community_id = p.community_id
    where p.id = ${comments.postId} and cm.user_id = ${a.id} and cm.role = 'moderator' and cm.joined_at is not null)`;
  return sql`((${onVideo}) or (${onPost}))`;
}

/** May the actor hide comments anywhere at all? (Shows the moderation page and its link.) */
export function moderatesAnything(a: Actor): SQL {
  if (!a.id) return none;
  if (isAdmin(a) || isEditor(a)) return all;
  return sql`exists (select 1 from ${communityMembers} cm
    where cm.user_id = ${a.id} and cm.role = 'moderator' and cm.joined_at is not null)`;
}
