import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/observation-data.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { requestLocale } from '../../../http/locale.js';
import { fileReply, reply } from '../../../http/schemas.js';
import { createDataService } from './service.js';
import { csvFilename, dataCsv } from './csv.js';

const DATA =
  'Each figure is a DataCell: value is the mean for scale and count, the share answered yes (0–1) for yes/no, null for free text. Only completed classroom visits that wait for no leader count — never self-observations. A figure with fewer observed teachers behind it than minGroupSize (the institution’s setting, default 5; the strictest of the kommune’s institutions) is null and suppressed, and one more figure of the same breakdown is hidden with it so the first cannot be worked out from the total. Filters: term (YYYY-1 forår, YYYY-2 efterår), subject, grade (0–10), focusArea (an area key; else observation.focus_area_unknown). options lists the values with counted data, unfiltered, without counts.';
const CSV =
  'The same data as a CSV file for Danish Excel: UTF-8 with BOM, semicolon-separated, decimal comma, Danish header (Fokusområde; Spørgsmål; Type; group; Lærere; Besøg; Værdi; Svar; Bemærkning — group, Lærere and the note in the scope’s words: Læreplanstema and Pædagoger in a dagtilbud), one row per question × group plus totals; hidden figures are empty with “skjult (færre end N lærere)”. Served as an attachment observationsdata-<name>-<date>.csv.';

const csvReply = fileReply('text/csv', c.DataCsv, 'A CSV file');

function sendCsv(res: FastifyReply, data: z.output<typeof c.ObservationData>) {
  const date = new Date().toISOString().slice(0, 10);
  return res
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${csvFilename(data.scope.name, date)}"`)
    .header('cache-control', 'no-store')
    .send(dataCsv(data));
}

/** Observation routes: O4 institution and kommune data, CSV export. */
export function observationDataRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const data = createDataService(ctx);
  return async (app) => {
    const tags = ['observation'];

    app.get(
      '/observation/institutions/:id/data',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: `Institution data for the institution’s leaders and its kommune’s forvaltning (others: 404 when they cannot see the institution, else 403). by: term (default), subject or grade. ${DATA}`,
          params: idParams,
          querystring: c.InstitutionDataQuery,
          response: reply(c.ObservationData),
        },
      },
      async (req) => data.institution(requireActor(req), req.params.id, req.query, requestLocale(req)),
    );
    app.get(
      '/observation/institutions/:id/data.csv',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: `Institution data as CSV. ${CSV}`,
          params: idParams,
          querystring: c.InstitutionDataQuery,
          response: csvReply,
        },
      },
      async (req, res) =>
        sendCsv(res, await data.institution(requireActor(req), req.params.id, req.query, 'da', 'export')),
    );
    app.get(
      '/observation/kommuner/:id/data',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: `Data across a kommune’s institutions, for that kommune’s forvaltning (404 for whoever cannot see the kommune, 403 for others who can). by: institution (default; one group per institution, by name), term, subject or grade. ${DATA}`,
          params: idParams,
          querystring: c.KommuneDataQuery,
          response: reply(c.ObservationData),
        },
      },
      async (req) => data.kommune(requireActor(req), req.params.id, req.query, requestLocale(req)),
    );
    app.get(
      '/observation/kommuner/:id/data.csv',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: `Kommune data as CSV. ${CSV}`,
          params: idParams,
          querystring: c.KommuneDataQuery,
          response: csvReply,
        },
      },
      async (req, res) => sendCsv(res, await data.kommune(requireActor(req), req.params.id, req.query, 'da', 'export')),
    );
  };
}
