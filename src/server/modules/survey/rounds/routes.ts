import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/survey.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { requestLocale } from '../../../http/locale.js';
import { created, reply } from '../../../http/schemas.js';
import { createInvitationService } from './invitations.js';
import { createRoundService } from './service.js';

/** Survey rounds (issue 18 item 2): list, make, read with response counts, move or close, remind, codes, mine. */
export function roundRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const rounds = createRoundService(ctx);
  const invitations = createInvitationService(ctx);
  return async (app) => {
    const tags = ['survey'];

    app.get(
      '/survey/rounds',
      {
        schema: {
          tags,
          description:
            'A kommune’s rounds (its forvaltning), or the rounds that asked an institution (everyone there, and the forvaltning); newest first, at most 200. `answered` never tells an institution with fewer than min_group answers by difference. Others 404.',
          querystring: c.RoundListQuery,
          response: reply(z.array(c.RoundSummary)),
        },
      },
      async (req) => rounds.list(requireActor(req), req.query, requestLocale(req)),
    );

    app.post(
      '/survey/rounds',
      {
        schema: {
          tags,
          description:
            'Makes a round for chosen institutions of the kommune (its forvaltning) with a published questionnaire (409 survey.questionnaire_not_published; the instance’s or the kommune’s). Another kommune’s institution: 404 survey.institution_not_found. Days are Danish days: opensOn ≤ closesOn (400 survey.dates), closesOn not before today (400 survey.closes_in_past). When opensOn ≤ today it opens at once: groups, one invitation per staff member, and each person’s e-mail with their own link through the outbox; else the worker opens it on its first day.',
          body: c.RoundCreate,
          response: created(c.Round),
        },
      },
      async (req, res) =>
        res.status(201).send(await rounds.create(requireActor(req), req.body, requestLocale(req))),
    );

    app.get(
      '/survey/rounds/:id',
      {
        schema: {
          tags,
          description:
            'A round with its response per institution, department and role group: counts only, each shown only where it cannot reveal fewer than min_group answers (directly or by difference). The forvaltning sees every institution; leders and ressourcepersoner their own. Others 404.',
          params: idParams,
          response: reply(c.Round),
        },
      },
      async (req) => rounds.get(requireActor(req), req.params.id, requestLocale(req)),
    );

    app.patch(
      '/survey/rounds/:id',
      {
        schema: {
          tags,
          description:
            'Moves the close day (not before today) or closes now (the kommune’s forvaltning), when `version` is current (409 survey.round_stale). A closed round: 409 survey.round_closed. Closing takes the round’s row lock: an answer being sent is either counted before it or refused after.',
          params: idParams,
          body: c.RoundUpdate,
          response: reply(c.Round),
        },
      },
      async (req) => rounds.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );

    app.post(
      '/survey/rounds/:id/remind',
      {
        schema: {
          tags,
          description:
            'Reminds by e-mail everyone asked who has not answered (the kommune’s forvaltning; the round open). The reminder carries no link (tokens are not kept in clear): it points to the invitation and to the survey page, where a signed-in person gets a fresh link.',
          params: idParams,
          response: reply(c.RemindResult),
        },
      },
      async (req) => invitations.remind(requireActor(req), req.params.id),
    );

    app.post(
      '/survey/rounds/:id/codes',
      {
        schema: {
          tags,
          description:
            'A printed code list for one asked institution (the forvaltning; the institution’s leders): a fresh code for each person who has not answered (their earlier code stops working; their link keeps working), shown this once. Sets printed_at.',
          params: idParams,
          body: c.CodeListQuery,
          response: reply(c.CodeList),
        },
      },
      async (req) => invitations.codes(requireActor(req), req.params.id, req.body),
    );

    app.get(
      '/survey/mine',
      {
        schema: {
          tags,
          description: 'The signed-in person’s invitations to rounds open today that they have not used.',
          response: reply(c.MySurveys),
        },
      },
      async (req) => invitations.mine(requireActor(req)),
    );

    app.post(
      '/survey/rounds/:id/my-link',
      {
        schema: {
          tags,
          description:
            'A fresh answer link for the signed-in person’s own invitation (their e-mailed link stops working; a printed code keeps working). Not invited: 404 survey.not_invited; already answered: 409 survey.already_answered; the round not open: 409.',
          params: z.strictObject({ id }),
          response: reply(c.MyLink),
        },
      },
      async (req) => invitations.myLink(requireActor(req), req.params.id),
    );
  };
}
