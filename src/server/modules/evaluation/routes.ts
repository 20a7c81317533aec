import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/evaluation.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { created, fileReply, reply } from '../../http/schemas.js';
import { createFeedService } from './feed.js';
import { createItemService } from './items.js';
import { createWheelService } from './wheel.js';

const icsReply = fileReply('text/calendar', c.IcsFile, 'An iCalendar file');

/** Evaluation plans / dataårshjul (issue 17 part 1): the wheel, items, copying, publishing, the calendar feed. */
export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const wheel = createWheelService(ctx);
  const items = createItemService(ctx);
  const feed = createFeedService(ctx);
  return async (app) => {
    const tags = ['evaluation'];

    app.get(
      '/evaluation/wheel',
      {
        schema: {
          tags,
          description:
            'An institution’s year wheel for a school year (default: this one): its kommune’s published plan (read-only), its own plan and the plans of the teams the person may read (their own teams; leders: every team), with the items, and per plan whether the person may edit, copy last year’s or publish. Everyone at the institution, and the kommune’s forvaltning; others 404.',
          querystring: c.InstitutionWheelQuery,
          response: reply(c.Wheel),
        },
      },
      async (req) => wheel.institution(requireActor(req), req.query.institutionId, req.query.year),
    );

    app.get(
      '/evaluation/kommune-wheel',
      {
        schema: {
          tags,
          description:
            'The kommune’s own plan for a school year: its forvaltning (who write and publish it); once published, everyone at the kommune’s institutions.',
          querystring: c.KommuneWheelQuery,
          response: reply(c.Wheel),
        },
      },
      async (req) => wheel.kommune(requireActor(req), req.query.kommuneId, req.query.year),
    );

    app.post(
      '/evaluation/items',
      {
        schema: {
          tags,
          description:
            'Adds an item to a plan (made by its first item). Dates within the school year (400 evaluation.outside_year), collection end not before its start (400 evaluation.window), analysis not before the collection starts (400 evaluation.analysis_before_collection; during the collection is allowed); the kind must suit the institution type; the responsible person must hold a role there (409 evaluation.responsible_not_here), the meeting’s team belong to the institution.',
          body: c.ItemCreate,
          response: created(c.EvaluationItem),
        },
      },
      async (req, res) => res.status(201).send(await items.create(requireActor(req), req.body)),
    );

    app.put(
      '/evaluation/items/:id',
      {
        schema: {
          tags,
          description:
            'Saves an item (every field) when `version` is its current one; else 409 evaluation.stale whose details hold the current values (version, title, dates …). A new date or reminder lead sends that reminder again.',
          params: idParams,
          body: c.ItemUpdate,
          response: reply(c.EvaluationItem),
        },
      },
      async (req) => items.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/evaluation/items/:id/delete',
      {
        schema: {
          tags,
          description: 'Removes an item, when `version` is its current one (else 409 evaluation.stale).',
          params: idParams,
          body: c.ItemDelete,
          response: reply(ok),
        },
      },
      async (req) => items.remove(requireActor(req), req.params.id, req.body.version),
    );

    app.post(
      '/evaluation/plans/copy',
      {
        schema: {
          tags,
          description:
            'Copies last school year’s items into this plan, once (409 evaluation.already_copied after that; 409 evaluation.nothing_to_copy when last year had none). Dates move one year (29 February → 28 February), reminders start afresh.',
          body: c.PlanRef,
          response: reply(c.CopyResult),
        },
      },
      async (req) => items.copy(requireActor(req), req.body),
    );

    app.post(
      '/evaluation/plans/publish',
      {
        schema: {
          tags,
          description:
            'Forvaltning publishes the kommune’s plan for a school year (its institutions see it at once, marked as from the kommune) or takes it back (published: false).',
          body: c.PlanPublish,
          response: reply(c.PlanSummary),
        },
      },
      async (req) => items.publish(requireActor(req), req.body),
    );

    app.get(
      '/evaluation/feed',
      {
        schema: {
          tags,
          description:
            'Whether the person has a calendar feed address (the address itself is shown only when made).',
          response: reply(c.FeedStatus),
        },
      },
      async (req) => feed.status(requireActor(req)),
    );

    app.post(
      '/evaluation/feed',
      {
        schema: {
          tags,
          description:
            'Makes the person’s calendar feed address, or a new one: the old address stops working at once. The answer is the only time the address is shown.',
          response: reply(c.FeedCreated),
        },
      },
      async (req) => feed.renew(requireActor(req)),
    );

    app.delete(
      '/evaluation/feed',
      {
        schema: { tags, description: 'Stops the person’s calendar feed.', response: reply(ok) },
      },
      async (req) => feed.stop(requireActor(req)),
    );

    app.get(
      '/evaluation/calendar/:file',
      {
        schema: {
          tags,
          description:
            'A person’s calendar feed (`<token>.ics`) for calendar apps: every item of the plans they may read now, from last school year on, as whole-day events (collection window, analysis). No sign-in: the token is the secret; an unknown or renewed one is 404.',
          params: c.FeedFileParams,
          response: icsReply,
        },
      },
      async (req, res) => {
        const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(req.params.file);
        const body = m ? await feed.feed(m[1]) : null;
        if (body === null) throw new AppError('evaluation.feed_not_found');
        return res
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="dataaarshjul.ics"')
          .header('cache-control', 'private, no-store')
          .header('x-robots-tag', 'noindex')
          .send(body);
      },
    );
  };
}
