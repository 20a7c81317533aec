import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/comments.js';
import { idParams, ok } from '../../../shared/contracts/common.js';
import { requireActor } from '../../auth/session.js';
import { created, reply } from '../../http/schemas.js';
import type { CommentService } from './service.js';

/** The signed-in person's display name (for notification texts). */
const nameOf = (req: { user: { name: string } | null }) => req.user?.name ?? '';

export function commentRoutes(comments: CommentService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['comments'];
    const params = idParams;
    const response = reply(ok);

    app.get(
      '/videos/:id/comments',
      {
        schema: {
          tags,
          description:
            'The discussion of a video: top-level comments (newest or oldest first; `cursor` is the last top-level id seen) with their replies nested oldest first. Deleted comments with replies show as state "deleted" without text; hidden ones as state "hidden", with text only for those who can unhide them.',
          params,
          querystring: c.CommentListQuery,
          response: reply(c.CommentPage),
        },
      },
      async (req) => comments.list(requireActor(req), { videoId: req.params.id }, req.query),
    );
    app.post(
      '/videos/:id/comments',
      {
        schema: {
          tags,
          description:
            'Comment on a video, or reply (`parentId`), optionally anchored to a time in it. Mentions are `@[Name](person-id)` tokens; the people mentioned are notified when they may see the video.',
          params,
          body: c.CommentCreate,
          response: created(c.CommentCreated),
        },
      },
      async (req, reply) => {
        const made = await comments.create(
          requireActor(req),
          { videoId: req.params.id },
          req.body,
          nameOf(req),
        );
        return reply.status(201).send(made);
      },
    );
    app.get(
      '/videos/:id/mentionable',
      {
        schema: {
          tags,
          description:
            'People the signed-in person may @mention on this video (people they may see who may watch it).',
          params,
          querystring: c.MentionableQuery,
          response: reply(c.Mentionable),
        },
      },
      async (req) => comments.mentionable(requireActor(req), { videoId: req.params.id }, req.query.q),
    );
    app.get(
      '/community-posts/:id/comments',
      {
        schema: {
          tags,
          description:
            'The replies to a community post, as the discussion of a video (without times). Only the community’s joined members.',
          params,
          querystring: c.CommentListQuery,
          response: reply(c.CommentPage),
        },
      },
      async (req) => comments.list(requireActor(req), { postId: req.params.id }, req.query),
    );
    app.post(
      '/community-posts/:id/comments',
      {
        schema: {
          tags,
          description:
            'Reply to a community post, or to a reply (`parentId`). The post’s author (or the parent’s) is notified (comment.reply), and members mentioned (comment.mention), as their settings say.',
          params,
          body: c.CommentCreate,
          response: created(c.CommentCreated),
        },
      },
      async (req, reply) => {
        const made = await comments.create(
          requireActor(req),
          { postId: req.params.id },
          req.body,
          nameOf(req),
        );
        return reply.status(201).send(made);
      },
    );
    app.get(
      '/community-posts/:id/mentionable',
      {
        schema: {
          tags,
          description: 'Members of the post’s community the signed-in person may @mention.',
          params,
          querystring: c.MentionableQuery,
          response: reply(c.Mentionable),
        },
      },
      async (req) => comments.mentionable(requireActor(req), { postId: req.params.id }, req.query.q),
    );
    app.patch(
      '/comments/:id',
      {
        schema: {
          tags,
          description: 'Edit your own comment (sets editedAt).',
          params,
          body: c.CommentUpdate,
          response,
        },
      },
      async (req) => comments.update(requireActor(req), req.params.id, req.body, nameOf(req)),
    );
    app.delete(
      '/comments/:id',
      { schema: { tags, description: 'Delete your own comment.', params, response } },
      async (req) => comments.remove(requireActor(req), req.params.id),
    );
    app.post(
      '/comments/:id/report',
      {
        schema: {
          tags,
          description: 'Report a comment to the moderators (once per person).',
          params,
          body: c.CommentReport,
          response,
        },
      },
      async (req) => comments.report(requireActor(req), req.params.id, req.body.reason),
    );
    for (const [path, hidden] of [
      ['hide', true],
      ['unhide', false],
    ] as const)
      app.post(
        `/comments/:id/${path}`,
        {
          schema: {
            tags,
            description: `${hidden ? 'Hide' : 'Unhide'} a comment (moderators of a community the video is shared in, editors, administrators). Settles its open reports.`,
            params,
            response,
          },
        },
        async (req) => comments.setHidden(requireActor(req), req.params.id, hidden),
      );
    app.post(
      '/comments/:id/resolve',
      {
        schema: {
          tags,
          description: 'Close the open reports on a comment without hiding it.',
          params,
          response,
        },
      },
      async (req) => comments.resolve(requireActor(req), req.params.id),
    );
    app.get(
      '/comment-reports',
      {
        schema: {
          tags,
          description:
            'The moderation queue: reported comments the signed-in person may moderate, oldest first, with the reasons (reporters stay anonymous).',
          querystring: c.ReportQueueQuery,
          response: reply(c.ReportQueue),
        },
      },
      async (req) => comments.reportQueue(requireActor(req), req.query),
    );
    app.get(
      '/comment-reports/summary',
      {
        schema: {
          tags,
          description: 'Whether the signed-in person moderates comments anywhere, and how many reports wait.',
          response: reply(c.ModerationSummary),
        },
      },
      async (req) => comments.moderationSummary(requireActor(req)),
    );
  };
}
