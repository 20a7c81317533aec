import { z } from 'zod';
import { COMMUNITY_ACCESS, COMMUNITY_ROLES } from '../catalogue.js';
import { id, page, pageQuery, personRef, timestamp } from './common.js';

/** Communities of practice and feeds (V4): requests and answers of /api/v1/communities… and /feed. */

// Requests
const communityName = z.string().trim().min(1).max(120);
const description = z.string().trim().max(2000);
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);

export const CommunityListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  membership: z.enum(['joined', 'invited', 'none']).optional(),
  videoId: id.optional(),
  ...pageQuery,
});
export const CommunityCreate = z.strictObject({
  name: communityName,
  description: description.default(''),
  access: z.enum(COMMUNITY_ACCESS).default('open'),
});
export const CommunityUpdate = z.strictObject({
  name: communityName.optional(),
  description: description.optional(),
  access: z.enum(COMMUNITY_ACCESS).optional(),
});
export const MemberListQuery = z.strictObject({
  status: z.enum(['joined', 'invited']).default('joined'),
  cursor: pageQuery.cursor,
  limit: limit(200, 50),
});
export const CommunityInvite = z.strictObject({ personId: id });
export const MemberParams = z.strictObject({ id, personId: id });
export const MemberRoleSet = z.strictObject({ role: z.enum(COMMUNITY_ROLES) });
export const CommunityShare = z.strictObject({ videoId: id });
export const CommunityVideoParams = z.strictObject({ id, videoId: id });
export const FeedQuery = z.strictObject({ cursor: pageQuery.cursor, limit: limit(100, 20) });

// Answers
/** The viewer's own part in a community: a role, joined or only invited; null when none. */
export const Membership = z.object({ role: z.enum(COMMUNITY_ROLES), joined: z.boolean() }).nullable();
export const Community = z.object({
  id,
  name: z.string(),
  description: z.string(),
  access: z.enum(COMMUNITY_ACCESS),
  createdAt: timestamp,
  memberCount: z.number().int(),
  membership: Membership,
  can: z.object({ join: z.boolean(), leave: z.boolean(), post: z.boolean(), moderate: z.boolean() }),
  /** Only when the list was asked with a videoId: whether that video is shared in the community. */
  videoShared: z.boolean().optional(),
});
export const CommunityPage = page(Community);
/** After leaving: the community, or null when the person may no longer see it. */
export const CommunityLeft = z.object({ community: Community.nullable() });
export const CommunityMember = z.object({
  id,
  name: z.string(),
  role: z.enum(COMMUNITY_ROLES),
  joinedAt: timestamp.nullable(),
  /** Open invitations only. */
  invitedAt: timestamp.nullable(),
});
export const MemberPage = page(CommunityMember);

/**
 * A feed item: a video shared into a community or posted to a team (`sharedBy`), or a new top-level comment on
 * one (`comment`); `source` says where it came from.
 */
export const FeedItem = z.object({
  /** `video:<id>` or `comment:<id>`. */
  id: z.string(),
  kind: z.enum(['video', 'comment']),
  at: timestamp,
  source: z.object({ type: z.enum(['community', 'team']), id, name: z.string() }),
  video: z.object({
    id,
    title: z.string(),
    posterUrl: z.string().nullable(),
    durationSeconds: z.number().nullable(),
  }),
  sharedBy: personRef.nullable().optional(),
  comment: z.object({ id, author: personRef.nullable(), excerpt: z.string() }).optional(),
});
export const FeedPage = page(FeedItem);
