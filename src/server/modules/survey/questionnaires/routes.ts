import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, ok } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/survey.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { requestLocale } from '../../../http/locale.js';
import { created, reply } from '../../../http/schemas.js';
import { createQuestionnaireService } from './service.js';

/** Questionnaire versions (issue 18 item 1). */
export function questionnaireRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const q = createQuestionnaireService(ctx);
  return async (app) => {
    const tags = ['survey'];
    const draftNote =
      'Only a draft changes (409 survey.questionnaire_published), by who may edit its owner’s questionnaires: the kommune’s forvaltning, or for the instance’s an administrator.';

    app.get(
      '/survey/questionnaires',
      {
        schema: {
          tags,
          description:
            'The instance’s questionnaire versions (the built-in first) and the kommune’s: for the kommune’s forvaltning and administrators; others 404.',
          querystring: c.QuestionnaireListQuery,
          response: reply(z.array(c.QuestionnaireSummary)),
        },
      },
      async (req) => q.list(requireActor(req), req.query.kommuneId, requestLocale(req)),
    );
    app.get(
      '/survey/questionnaires/:id',
      {
        schema: {
          tags,
          description: 'A questionnaire version with its questions.',
          params: idParams,
          response: reply(c.Questionnaire),
        },
      },
      async (req) => q.get(requireActor(req), req.params.id, requestLocale(req)),
    );
    app.post(
      '/survey/questionnaires/:id/versions',
      {
        schema: {
          tags,
          description:
            'A new draft version: this version’s questions copied, in its family with the next version number, owned by the kommune (its forvaltning) or, with kommuneId null, the instance (administrators).',
          params: idParams,
          body: c.QuestionnaireNewVersion,
          response: created(c.Questionnaire),
        },
      },
      async (req, res) =>
        res
          .status(201)
          .send(await q.newVersion(requireActor(req), req.params.id, req.body, requestLocale(req))),
    );
    app.patch(
      '/survey/questionnaires/:id',
      {
        schema: {
          tags,
          description: `Renames a draft (\`version\`: its version number). ${draftNote}`,
          params: idParams,
          body: c.QuestionnaireUpdate,
          response: reply(c.Questionnaire),
        },
      },
      async (req) => q.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.post(
      '/survey/questionnaires/:id/publish',
      {
        schema: {
          tags,
          description: `Publishes a draft: at least one scale question (409 survey.questionnaire_no_scale); fixed from then on. ${draftNote}`,
          params: idParams,
          response: reply(c.Questionnaire),
        },
      },
      async (req) => q.publish(requireActor(req), req.params.id, requestLocale(req)),
    );
    app.delete(
      '/survey/questionnaires/:id',
      {
        schema: { tags, description: `Deletes a draft. ${draftNote}`, params: idParams, response: reply(ok) },
      },
      async (req) => q.remove(requireActor(req), req.params.id),
    );
    app.post(
      '/survey/questionnaires/:id/items',
      {
        schema: {
          tags,
          description: `Adds a question (at \`position\`, else last; a text question has no dimension: 400 survey.text_has_dimension; at most 80). ${draftNote}`,
          params: idParams,
          body: c.ItemCreate,
          response: reply(c.Questionnaire),
        },
      },
      async (req) => q.addItem(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.put(
      '/survey/questionnaires/:id/items/:itemId',
      {
        schema: {
          tags,
          description: `Saves a question (every field; \`position\` moves it). ${draftNote}`,
          params: c.ItemParams,
          body: c.ItemUpdate,
          response: reply(c.Questionnaire),
        },
      },
      async (req) =>
        q.updateItem(requireActor(req), req.params.id, req.params.itemId, req.body, requestLocale(req)),
    );
    app.delete(
      '/survey/questionnaires/:id/items/:itemId',
      {
        schema: {
          tags,
          description: `Removes a question. ${draftNote}`,
          params: c.ItemParams,
          response: reply(c.Questionnaire),
        },
      },
      async (req) => q.removeItem(requireActor(req), req.params.id, req.params.itemId, requestLocale(req)),
    );
  };
}
