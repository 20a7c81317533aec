import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/reflection.js';
import * as st from '../../../shared/contracts/statistics.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { created, fileReply, reply } from '../../http/schemas.js';
import type { ReflectionService } from './service.js';
import type { StatisticsService } from './statistics.js';
import { statisticsCsv } from './statistics-csv.js';

export function reflectionRoutes(
  reflection: ReflectionService,
  statistics: StatisticsService,
): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['reflection'];
    const params = idParams;

    app.get(
      '/videos/:id/note',
      {
        schema: {
          tags,
          description:
            "The signed-in person's private note on the video ({ body, updatedAt }; empty when none). Only its author ever sees a note: no role and no other endpoint reads it.",
          params,
          response: reply(c.Note),
        },
      },
      async (req) => reflection.getNote(requireActor(req), req.params.id),
    );
    app.put(
      '/videos/:id/note',
      {
        schema: {
          tags,
          description: 'Saves the private note (at most 20,000 characters; an empty note is removed).',
          params,
          // The length is checked by the service, for a clear message (note.too_long).
          body: c.NotePut,
          response: reply(c.Note),
        },
      },
      async (req) => reflection.putNote(requireActor(req), req.params.id, req.body.body),
    );
    app.delete('/videos/:id/note', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await reflection.deleteNote(requireActor(req), req.params.id);
      return { ok: true as const };
    });

    app.put(
      '/videos/:id/signal',
      {
        schema: {
          tags,
          description:
            '"Jeg har afprøvet det" / "Det virkede": worked implies tried; tried false removes the signal and its reflection. An omitted reflection or reflectionShared keeps the stored value. Answers with the new impact figures and the own signal.',
          params,
          body: c.SignalSet,
          response: reply(c.SignalAnswer),
        },
      },
      async (req) => reflection.setSignal(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/videos/:id/impact',
      {
        schema: {
          tags,
          description:
            'Impact figures: how many tried it, how many of those say it worked (workedShare: 0–1, null when nobody tried), the own signal, and a page of shared reflections (newest first; nextCursor).',
          params,
          querystring: c.ImpactQuery,
          response: reply(c.Impact),
        },
      },
      async (req) => reflection.impact(requireActor(req), req.params.id, req.query),
    );

    app.post(
      '/videos/:id/views',
      {
        schema: {
          tags,
          description: 'Starts a view of the video (counted once) and answers with its viewId.',
          params,
          response: created(c.ViewStarted),
        },
      },
      async (req, res) => res.status(201).send(await reflection.startView(requireActor(req), req.params.id)),
    );
    app.patch(
      '/videos/:id/views/:viewId',
      {
        schema: {
          tags,
          description:
            'How many seconds of the own view were watched so far; completed once 90 % of the duration is watched.',
          params: c.ViewParams,
          body: c.ViewUpdate,
          response: reply(c.ViewProgress),
        },
      },
      async (req) =>
        reflection.updateView(requireActor(req), req.params.id, req.params.viewId, req.body.watchedSeconds),
    );

    app.get(
      '/statistics',
      {
        config: { heavy: true },
        schema: {
          tags,
          description:
            'Aggregated statistics for editors, forvaltning, leders and administrators: views, completion, tried and worked in total, by subject and by age band, and the most tried videos, for a period (from/to, dates; default the last 12 months). Private videos never count; forvaltning sees its own kommune(s) and the published public catalogue; a leder sees the videos of the institution(s) they lead. `institution` narrows to one institution (its leders, forvaltning of its kommune, administrators; else institution.not_found or policy.forbidden). A figure fewer than 3 people stand behind is null and listed in `suppressed`.',
          querystring: st.StatisticsQuery,
          response: reply(st.Statistics),
        },
      },
      async (req) => statistics.get(requireActor(req), req.query, requestLocale(req)),
    );
    app.get(
      '/statistics.csv',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: 'The same statistics as a CSV file (semicolon-separated, UTF-8 with BOM).',
          querystring: st.StatisticsQuery,
          response: fileReply('text/csv', st.StatisticsCsv, 'A CSV file'),
        },
      },
      async (req, reply) => {
        const locale = requestLocale(req);
        const data = await statistics.get(requireActor(req), req.query, locale);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="amongi-statistik-${data.period.from}-${data.period.to}.csv"`,
          )
          .header('cache-control', 'no-store')
          .send(statisticsCsv(data, locale));
      },
    );
  };
}
