import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/coaching-feedback.js';
import { idParams, ok } from '../../../shared/contracts/common.js';
import { requireActor } from '../../auth/session.js';
import { created, reply } from '../../http/schemas.js';
import type { FeedbackService } from './service.js';

/** The signed-in person's display name (for notification texts). */
const nameOf = (req: { user: { name: string } | null }) => req.user?.name ?? '';

/** Typed feedback on a recording (issue 19 part B) and a coach's prompt sets. */
export function feedbackRoutes(feedback: FeedbackService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['feedback'];
    const who =
      'Only the owner and the people the owner shared the recording with (404 for those who may not see it, 403 for those who see it but were not given it).';

    app.get(
      '/videos/:id/feedback',
      {
        schema: {
          tags,
          description: `The recording's typed, time-stamped feedback by time, each comment with its replies (oldest first); optionally only one kind or one focus area. ${who}`,
          params: idParams,
          querystring: c.FeedbackListQuery,
          response: reply(c.FeedbackList),
        },
      },
      async (req) => feedback.list(requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/videos/:id/feedback',
      {
        schema: {
          tags,
          description: `Leave a comment at a time in the recording: styrke, spørgsmål or forslag, optionally tied to one of the institution's current learning focus areas. The owner is notified. ${who}`,
          params: idParams,
          body: c.FeedbackCreate,
          response: created(c.FeedbackCreated),
        },
      },
      async (req, res) =>
        res.status(201).send(await feedback.create(requireActor(req), req.params.id, req.body, nameOf(req))),
    );
    app.patch(
      '/videos/:id/feedback/:feedbackId',
      {
        schema: {
          tags,
          description: 'Edit your own comment or reply (its text).',
          params: c.FeedbackParams,
          body: c.FeedbackUpdate,
          response: reply(ok),
        },
      },
      async (req) => feedback.update(requireActor(req), req.params.id, req.params.feedbackId, req.body),
    );
    app.delete(
      '/videos/:id/feedback/:feedbackId',
      {
        schema: {
          tags,
          description:
            'Delete a comment (with its replies) or a reply: its author, or the recording’s owner.',
          params: c.FeedbackParams,
          response: reply(ok),
        },
      },
      async (req) => feedback.remove(requireActor(req), req.params.id, req.params.feedbackId),
    );
    app.post(
      '/videos/:id/feedback/:feedbackId/replies',
      {
        schema: {
          tags,
          description:
            "Reply to a comment: the recording's owner, or the comment's author answering (one level). The other one is notified.",
          params: c.FeedbackParams,
          body: c.FeedbackReplyCreate,
          response: created(c.FeedbackCreated),
        },
      },
      async (req, res) =>
        res
          .status(201)
          .send(
            await feedback.reply(
              requireActor(req),
              req.params.id,
              req.params.feedbackId,
              req.body,
              nameOf(req),
            ),
          ),
    );
    app.put(
      '/videos/:id/feedback/:feedbackId/discussed',
      {
        schema: {
          tags,
          description: '"Markér som drøftet" (or not): the owner, on a comment.',
          params: c.FeedbackParams,
          body: c.FeedbackDiscussed,
          response: reply(ok),
        },
      },
      async (req) =>
        feedback.setDiscussed(requireActor(req), req.params.id, req.params.feedbackId, req.body.discussed),
    );
    app.get(
      '/videos/:id/focus-areas',
      {
        schema: {
          tags,
          description: `The learning focus areas (observation O1) of the recording's institution that feedback can be tied to: those of its newest observation schema. ${who}`,
          params: idParams,
          response: reply(c.FocusAreaList),
        },
      },
      async (req) => feedback.focusAreas(requireActor(req), req.params.id),
    );

    app.get(
      '/feedback-prompts',
      {
        schema: {
          tags,
          description: 'Your saved prompt sets (to start a comment from).',
          response: reply(c.PromptSetList),
        },
      },
      async (req) => feedback.listPrompts(requireActor(req)),
    );
    app.post(
      '/feedback-prompts',
      {
        schema: {
          tags,
          description: 'Save a prompt set (a title and prompts, each of a kind).',
          body: c.PromptSetCreate,
          response: created(c.PromptSet),
        },
      },
      async (req, res) => res.status(201).send(await feedback.createPrompts(requireActor(req), req.body)),
    );
    app.patch(
      '/feedback-prompts/:setId',
      {
        schema: {
          tags,
          description: 'Change your prompt set (title, prompts).',
          params: c.PromptSetParams,
          body: c.PromptSetUpdate,
          response: reply(c.PromptSet),
        },
      },
      async (req) => feedback.updatePrompts(requireActor(req), req.params.setId, req.body),
    );
    app.delete(
      '/feedback-prompts/:setId',
      {
        schema: {
          tags,
          description: 'Delete your prompt set.',
          params: c.PromptSetParams,
          response: reply(ok),
        },
      },
      async (req) => feedback.removePrompts(requireActor(req), req.params.setId),
    );
  };
}
