import { z } from 'zod';
import { COMMUNITY_ACCESS, COMMUNITY_POST_KINDS, COMMUNITY_ROLES } from '../catalogue.js';
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

/** Posts (issue 15): a question or a tip (text), a link (text and an http(s) address). Files and events have their own requests. */
const postBody = z.string().max(20_000);
const httpUrl = z.string().trim().max(2000);
export const PostCreate = z.strictObject({
  kind: z.enum(['question', 'tip', 'link']),
  body: postBody,
  url: httpUrl.optional(),
});
/** A file post: the request body is the file itself; its name and the text go in the query. */
export const FilePostQuery = z.strictObject({
  name: z.string().trim().min(1).max(200),
  body: z.string().max(2000).default(''),
});
/** An event: a Danish calendar day and local times (Europe/Copenhagen), a place and/or an online link. */
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const EventCreate = z.strictObject({
  title: z.string().trim().min(1).max(200),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: clock,
  end: clock,
  /** Another day for the end (a learning day over two days); the start's day when left out. */
  endDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  place: z.string().trim().max(300).default(''),
  onlineUrl: httpUrl.optional(),
  body: postBody.default(''),
});
export const EventListQuery = z.strictObject({ limit: limit(50, 10) });

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

/** An event's details: UTC instants (shown in Danish time), where, and its calendar file. */
export const CommunityEvent = z.object({
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  place: z.string(),
  onlineUrl: z.string().nullable(),
  /** The .ics file (RFC 5545) to add the event to a calendar. */
  icsUrl: z.string(),
});
/** A member's post in a community, with its replies' count; the text is the comment format (never HTML). */
export const CommunityPost = z.object({
  id,
  communityId: id,
  kind: z.enum(COMMUNITY_POST_KINDS),
  body: z.string(),
  url: z.string().nullable(),
  file: z
    .object({ name: z.string(), type: z.string(), size: z.number().int(), downloadUrl: z.string() })
    .nullable(),
  event: CommunityEvent.nullable(),
  author: personRef.nullable(),
  createdAt: timestamp,
  replyCount: z.number().int(),
  can: z.object({ delete: z.boolean() }),
});
export const EventList = z.object({ items: z.array(CommunityPost) });
/** A file post's file: its bytes, with the type it was checked to be (Content-Type) and its name. */
export const SharedFile = z.string().meta({ format: 'binary' });

/**
 * A feed item: a video shared into a community or posted to a team (`sharedBy`), a new top-level comment on
 * one (`comment`), or a member's post or event in a community (`post`); `source` says where it came from.
 */
export const FeedItem = z.object({
  /** `video:<id>`, `comment:<id>` or `post:<id>`. */
  id: z.string(),
  kind: z.enum(['video', 'comment', 'post']),
  at: timestamp,
  source: z.object({ type: z.enum(['community', 'team']), id, name: z.string() }),
  /** The video, for video and comment items. */
  video: z
    .object({
      id,
      title: z.string(),
      posterUrl: z.string().nullable(),
      durationSeconds: z.number().nullable(),
    })
    .optional(),
  sharedBy: personRef.nullable().optional(),
  comment: z.object({ id, author: personRef.nullable(), excerpt: z.string() }).optional(),
  post: z
    .object({
      id,
      kind: z.enum(COMMUNITY_POST_KINDS),
      author: personRef.nullable(),
      excerpt: z.string(),
      url: z.string().nullable(),
      fileName: z.string().nullable(),
      replyCount: z.number().int(),
      event: z
        .object({ title: z.string(), startsAt: timestamp, endsAt: timestamp, place: z.string() })
        .nullable(),
    })
    .optional(),
});
export const FeedPage = page(FeedItem);
