import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/communities.js';
import { requireActor } from '../../auth/session.js';
import { created, reply } from '../../http/schemas.js';
import type { FeedService } from './feed.js';
import type { CommunityService } from './service.js';

export function communityRoutes(communities: CommunityService, feeds: FeedService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['communities'];
    const params = idParams;

    app.get(
      '/communities',
      {
        schema: {
          tags,
          description:
            'Communities the person may see (open ones, and those they are a member of or invited to), by name, with member counts and their own membership. `membership` narrows to joined, invited or none; `videoId` adds `videoShared` to each.',
          querystring: c.CommunityListQuery,
          response: reply(c.CommunityPage),
        },
      },
      async (req) => communities.list(requireActor(req), req.query),
    );
    app.post(
      '/communities',
      {
        schema: {
          tags,
          description: 'Creates a community; the creator becomes its moderator. Names are unique (any case).',
          body: c.CommunityCreate,
          response: created(c.Community),
        },
      },
      async (req, res) => res.status(201).send(await communities.create(requireActor(req), req.body)),
    );
    app.get('/communities/:id', { schema: { tags, params, response: reply(c.Community) } }, async (req) =>
      communities.get(requireActor(req), req.params.id),
    );
    app.patch(
      '/communities/:id',
      {
        schema: {
          tags,
          description: 'Moderators edit the name, description and access.',
          params,
          body: c.CommunityUpdate,
          response: reply(c.Community),
        },
      },
      async (req) => communities.update(requireActor(req), req.params.id, req.body),
    );
    app.delete('/communities/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await communities.remove(requireActor(req), req.params.id);
      return { ok: true as const };
    });

    app.post(
      '/communities/:id/join',
      {
        schema: {
          tags,
          description: 'Joins an open community, or accepts an invitation to an invite-only one.',
          params,
          response: reply(c.Community),
        },
      },
      async (req) => communities.join(requireActor(req), req.params.id),
    );
    app.post(
      '/communities/:id/leave',
      {
        schema: {
          tags,
          description:
            'Leaves the community, or declines an invitation. The last moderator must make someone else moderator first. Answers the community, or null when it is no longer visible.',
          params,
          response: reply(c.CommunityLeft),
        },
      },
      async (req) => ({ community: await communities.leave(requireActor(req), req.params.id) }),
    );

    app.get(
      '/communities/:id/members',
      {
        schema: {
          tags,
          description:
            'Members by name with their role; `status=invited` (moderators only) lists open invitations.',
          params,
          querystring: c.MemberListQuery,
          response: reply(c.MemberPage),
        },
      },
      async (req) =>
        communities.members(requireActor(req), req.params.id, {
          invited: req.query.status === 'invited',
          cursor: req.query.cursor,
          limit: req.query.limit,
        }),
    );
    app.post(
      '/communities/:id/invitations',
      {
        schema: {
          tags,
          description:
            'Moderators invite a person they can see; the person gets an in-app notification (community.invited).',
          params,
          body: c.CommunityInvite,
          response: created(ok),
        },
      },
      async (req, res) => {
        await communities.invite(requireActor(req), req.params.id, req.body.personId);
        return res.status(201).send({ ok: true as const });
      },
    );
    app.patch(
      '/communities/:id/members/:personId',
      {
        schema: {
          tags,
          description:
            'Moderators make a member moderator or member; a community always keeps one moderator.',
          params: c.MemberParams,
          body: c.MemberRoleSet,
          response: reply(ok),
        },
      },
      async (req) => {
        await communities.setRole(requireActor(req), req.params.id, req.params.personId, req.body.role);
        return { ok: true as const };
      },
    );
    app.delete(
      '/communities/:id/members/:personId',
      {
        schema: {
          tags,
          description: 'Moderators remove a member or withdraw an invitation.',
          params: c.MemberParams,
          response: reply(ok),
        },
      },
      async (req) => {
        await communities.removeMember(requireActor(req), req.params.id, req.params.personId);
        return { ok: true as const };
      },
    );

    app.post(
      '/communities/:id/videos',
      {
        schema: {
          tags,
          description:
            'A member shares a video they can see into the community. Who sees it in the feed is still decided by the video’s own visibility.',
          params,
          body: c.CommunityShare,
          response: created(ok),
        },
      },
      async (req, res) => {
        await communities.shareVideo(requireActor(req), req.params.id, req.body.videoId);
        return res.status(201).send({ ok: true as const });
      },
    );
    app.delete(
      '/communities/:id/videos/:videoId',
      {
        schema: {
          tags,
          description: 'Removes a shared video: whoever shared it, or a moderator.',
          params: c.CommunityVideoParams,
          response: reply(ok),
        },
      },
      async (req) => {
        await communities.unshareVideo(requireActor(req), req.params.id, req.params.videoId);
        return { ok: true as const };
      },
    );

    app.get(
      '/communities/:id/feed',
      {
        schema: {
          tags,
          description:
            'Newest first: videos shared into the community and new top-level comments by its members on them, only those the viewer may see, and — for joined members — the members’ posts and events; each item says where it came from.',
          params,
          querystring: c.FeedQuery,
          response: reply(c.FeedPage),
        },
      },
      async (req) => feeds.community(requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/feed',
      {
        schema: {
          tags,
          description:
            'The personal feed: videos shared into my communities and videos of my teams, new comments on them, and the posts and events of the communities I have joined; each item says where it came from. Same items as a community feed.',
          querystring: c.FeedQuery,
          response: reply(c.FeedPage),
        },
      },
      async (req) => feeds.personal(requireActor(req), req.query),
    );
  };
}
