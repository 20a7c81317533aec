import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/communities.js';
import { requireActor } from '../../auth/session.js';
import { acceptRawFiles, RAW_FILE_TYPES, rawFile, sendFile } from '../../http/files.js';
import { created, fileReply, reply } from '../../http/schemas.js';
import { MAX_FILE_BYTES } from './file-type.js';
import type { PostService } from './posts.js';

const nameOf = (req: { user: { name: string } | null }) => req.user?.name ?? '';

/** Posts, files and events in a community (issue 15): members only. */
export function postRoutes(posts: PostService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['communities'];
    const params = idParams;
    acceptRawFiles(app, MAX_FILE_BYTES);

    app.post(
      '/communities/:id/posts',
      {
        schema: {
          tags,
          description:
            'A joined member posts a question, a tip or a link (http or https only). The text is the comment format: shown as text, never as HTML.',
          params,
          body: c.PostCreate,
          response: created(c.CommunityPost),
        },
      },
      async (req, res) =>
        res.status(201).send(await posts.create(requireActor(req), req.params.id, req.body)),
    );
    app.post(
      '/communities/:id/posts/file',
      {
        bodyLimit: MAX_FILE_BYTES + 1,
        schema: {
          tags,
          description:
            'A joined member shares a file (the body is the file, application/octet-stream; at most 10 MB). Its type is read from its content and must agree with its name: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX or UTF-8 text. Empty, cut-off or other files are refused.',
          consumes: RAW_FILE_TYPES,
          params,
          querystring: c.FilePostQuery,
          body: z.unknown(),
          response: { ...created(c.CommunityPost), 413: errorBody, 415: errorBody },
        },
      },
      async (req, res) => {
        const post = await posts.createFile(requireActor(req), req.params.id, {
          name: req.query.name,
          body: req.query.body,
          bytes: rawFile(req.body),
        });
        return res.status(201).send(post);
      },
    );
    app.post(
      '/communities/:id/events',
      {
        schema: {
          tags,
          description:
            'A joined member creates an event (a meeting, a learning day): a day and times in Danish time, a place and/or an online link. The other members are notified (community.event) as their settings say.',
          params,
          body: c.EventCreate,
          response: created(c.CommunityPost),
        },
      },
      async (req, res) =>
        res
          .status(201)
          .send(await posts.createEvent(requireActor(req), req.params.id, req.body, nameOf(req))),
    );
    app.get(
      '/communities/:id/events',
      {
        schema: {
          tags,
          description: 'The community’s events that have not ended, soonest first (members only).',
          params,
          querystring: c.EventListQuery,
          response: reply(c.EventList),
        },
      },
      async (req) => posts.upcoming(requireActor(req), req.params.id, req.query.limit),
    );
    app.get(
      '/community-posts/:id',
      { schema: { tags, description: 'One post (members only).', params, response: reply(c.CommunityPost) } },
      async (req) => posts.show(requireActor(req), req.params.id),
    );
    app.delete(
      '/community-posts/:id',
      {
        schema: {
          tags,
          description: 'The author or a moderator removes a post, with its replies and file.',
          params,
          response: reply(ok),
        },
      },
      async (req) => posts.remove(requireActor(req), req.params.id),
    );
    app.get(
      '/community-posts/:id/file',
      {
        schema: {
          tags,
          description: 'A file post’s file, as a download (members only).',
          params,
          response: fileReply('application/octet-stream', c.SharedFile, 'The file'),
        },
      },
      async (req, res) => {
        const f = await posts.file(requireActor(req), req.params.id);
        return sendFile(res, f);
      },
    );
    app.get(
      '/community-posts/:id/event.ics',
      {
        schema: {
          tags,
          description: 'An event as an iCalendar (.ics, RFC 5545) file (members only).',
          params,
          response: fileReply('text/calendar', z.string(), 'An iCalendar file'),
        },
      },
      async (req, res) => {
        const file = await posts.ics(requireActor(req), req.params.id);
        return res
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );
  };
}
