import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../../shared/contracts/survey.js';
import type { AppContext } from '../../../context.js';
import { requestLocale } from '../../../http/locale.js';
import { reply } from '../../../http/schemas.js';
import { createAnswerService } from './service.js';

/**
 * Answering the staff survey (issue 18 item 2): PUBLIC, no session — the link's token or the printed code is the
 * proof. Nothing here reads or records who is signed in (a colleague's browser may be signed in as someone else).
 */
export function answerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const answers = createAnswerService(ctx);
  return async (app) => {
    const tags = ['survey'];
    // A form or receipt for one link: never kept by a browser's or a proxy's cache.
    app.addHook('onSend', async (_req, res) => {
      res.header('cache-control', 'no-store');
    });

    app.get(
      '/survey/answer',
      {
        // The request line holds the token: not written to the log (info is the level of every request's line).
        logLevel: 'warn',
        schema: {
          tags,
          description:
            'PUBLIC. The form behind a personal link (token) or a printed code: the round, the institution, the department and role group the answer will count in, and the questions in `lang` (else Accept-Language, else Danish). 404 survey.token_unknown; 409 survey.token_used ("Dit svar er allerede modtaget. Tak!"), survey.round_not_open, survey.round_closed; 429 survey.too_many_tries after too many codes that do not work from one address.',
          querystring: c.AnswerTokenQuery,
          response: reply(c.AnswerForm),
        },
      },
      async (req) => answers.form(req.query.token, req.query.lang ?? requestLocale(req), req.ip),
    );

    app.post(
      '/survey/answer',
      {
        // Nor the time of each answer with its address: the answers themselves carry only the day.
        logLevel: 'warn',
        schema: {
          tags,
          description:
            'PUBLIC. Sends the answer of a link or code, once: in one transaction the round must be open today (Europe/Copenhagen), the invitation this round’s and unused; it is marked used and the answer stored with its group and day only. Scale questions 1–5 or null ("ved ikke"), each at most once (400 survey.item_unknown, survey.item_twice, survey.item_kind); missing ones count as "ved ikke". 409 survey.token_used, survey.wrong_round, survey.round_closed (nothing stored).',
          body: c.AnswerSubmit,
          response: reply(c.AnswerReceipt),
        },
      },
      async (req) => answers.submit(req.body, req.ip),
    );
  };
}
