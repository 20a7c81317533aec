import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParams } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/conversations.js';
import { CONVERSATION_LIMITS as L } from '../../../shared/conversations.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { created, noContent, reply } from '../../http/schemas.js';
import { createConversationService } from './service.js';

const CSV_TYPES = ['text/csv', 'application/octet-stream', 'text/plain'];

/** Learning conversations between levels (issue 17 part 4, P3): /api/v1/conversations… */
export function conversationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const service = createConversationService(ctx);
  return async (app) => {
    // Encapsulated in this plugin: an uploaded figure table's raw bytes, up to 1 MB (over that: request.too_large).
    app.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: L.csvBytes }, (_req, body, done) =>
      done(null, body),
    );
    const tags = ['conversations'];
    const detail = reply(c.ConversationDetail);
    app.get(
      '/conversations',
      {
        schema: {
          tags,
          description:
            "The learning conversations the asker may read (forvaltning: its kommune's institutions' packages; a leder: the packages shared with the institutions they lead), newest first, optionally of one institution; and the units the asker may prepare a package for.",
          querystring: c.ConversationListQuery,
          response: reply(c.ConversationList),
        },
      },
      async (req) => service.list(requireActor(req), req.query.institutionId),
    );
    app.post(
      '/conversations',
      {
        schema: {
          tags,
          description:
            "Forvaltning of the institution's kommune: starts a draft data package for the institution (404 for an institution one may not see, 403 for anyone else who sees it). Answers 201 with the package.",
          body: c.ConversationCreate,
          response: created(c.ConversationDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await service.create(requireActor(req), req.body, requestLocale(req))),
    );
    app.get(
      '/conversations/:id',
      {
        schema: {
          tags,
          description:
            "A package with its figures (frozen once shared; as they are now while a draft), the record, what the unit agreed at its previous conversation, and the people who may be named as taking part. Forvaltning of the kommune; the unit's leders once it is shared; anyone else: conversation.not_found.",
          params: idParams,
          response: detail,
        },
      },
      async (req) => service.get(requireActor(req), req.params.id, requestLocale(req)),
    );
    app.patch(
      '/conversations/:id',
      {
        schema: {
          tags,
          description:
            "Forvaltning: changes the title, the planned date or the ordered themes of a draft (a shared package's themes: 409 conversation.shared). `version` is the one the editor started from; when someone saved meanwhile: 409 conversation.stale with the current values in `details`. An uploaded table's figures are kept by its key (they come only through /figures).",
          params: idParams,
          body: c.ConversationUpdate,
          response: detail,
        },
      },
      async (req) => service.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.delete(
      '/conversations/:id',
      {
        schema: {
          tags,
          description: 'Forvaltning: deletes a draft package (a shared one: 409 conversation.shared).',
          params: idParams,
          response: noContent(),
        },
      },
      async (req, res) => {
        await service.remove(requireActor(req), req.params.id);
        return res.status(204).send(null);
      },
    );
    app.post(
      '/conversations/:id/figures',
      {
        bodyLimit: L.csvBytes,
        schema: {
          tags,
          description:
            "Forvaltning: reads an uploaded figure table for a draft (CSV: label;value or period;value, an optional header, ';' or ',' or tab, UTF-8 with or without BOM, UTF-16 or Windows-1252, decimal comma). The body is the file. With dryRun=true (the default) nothing is saved and every row error is reported with its line; with dryRun=false and `version` the table is added as the last theme, or nothing when any row has an error (422 conversation.figures_invalid).",
          params: idParams,
          consumes: CSV_TYPES,
          body: c.FiguresFile,
          querystring: c.FiguresQuery,
          response: { ...reply(c.FiguresPreview), 413: errorBody, 415: errorBody, 422: errorBody },
        },
      },
      async (req) => {
        const body: unknown = req.body ?? Buffer.alloc(0);
        if (!Buffer.isBuffer(body)) throw new AppError('request.unsupported_type');
        return service.figures(requireActor(req), req.params.id, body, req.query, requestLocale(req));
      },
    );
    app.post(
      '/conversations/:id/share',
      {
        schema: {
          tags,
          description:
            "Forvaltning: shares a draft with the unit's leders. Its figures are computed once more and frozen with it (never recomputed). No themes: 422 conversation.no_themes; already shared: 409 conversation.shared; changed meanwhile: 409 conversation.stale.",
          params: idParams,
          body: c.ConversationShare,
          response: detail,
        },
      },
      async (req) => service.share(requireActor(req), req.params.id, req.body.version, requestLocale(req)),
    );
    app.put(
      '/conversations/:id/record',
      {
        schema: {
          tags,
          description:
            "The conversation's record, written by forvaltning and the unit's leders together: date, who took part, guests, how last time's agreement went, reflections, the agreed focus, goals, efforts and next step. `version` is the record's version the editor started from (0 when there was none); when someone saved meanwhile: 409 conversation.stale with their values in `details`.",
          params: idParams,
          body: c.RecordUpdate,
          response: detail,
        },
      },
      async (req) => service.record(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.get(
      '/conversations/:id/compare',
      {
        schema: {
          tags,
          description:
            "The unit's own shared packages up to this one (oldest first, at most 12) and each of this package's figures in them (null where hidden or absent). Never another unit's figures.",
          params: idParams,
          response: reply(c.ConversationCompare),
        },
      },
      async (req) => service.compare(requireActor(req), req.params.id, requestLocale(req)),
    );
    app.post(
      '/conversations/:id/cycle',
      {
        schema: {
          tags,
          description:
            "Starts an inquiry cycle in one of the asker's teams at the unit with the conversation's agreed focus as its question (team members only: a team at another institution is conversation.team_elsewhere; a team one is not on, inquiry's own answer). No focus yet: 409 conversation.no_focus. Answers 201 with the cycle's id.",
          params: idParams,
          body: c.HandDownCycle,
          response: created(c.HandDownResult),
        },
      },
      async (req, res) =>
        res.status(201).send(await service.handDown(requireActor(req), req.params.id, req.body)),
    );
  };
}
