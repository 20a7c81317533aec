import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/survey.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { fileReply, reply } from '../../../http/schemas.js';
import { XLSX_TYPE, xlsx } from '../../../xlsx/index.js';
import { danishToday } from '../days.js';
import { exportFilename, resultTables, type Table, tableCsv } from './export.js';
import { institutionTrend, results, resultsAndScope } from './service.js';

const WITHHELD =
  'A line (the institution, a department, a role group, a department × role group) is shown only when the institution’s coarsening keeps its values: departments and role groups are withheld from the institution’s own answer counts so that every figure — and every difference of two figures, across any requests — stands on no one or at least the round’s minimum group (default 5, never below 3); a withheld line has `withheld: true` and no figures but its invited count. An institution below the minimum is withheld whole and counted in no kommune line (the kommune’s lines add up shown institution lines only).';
const WHO =
  'The kommune’s forvaltning reads the kommune (no institutionId) and every asked institution; an institution’s people (leder, ressourceperson, medarbejder) their own institution’s (without institutionId: their one asked institution). Others: 404 survey.round_not_found, or survey.institution_not_found for another institution of the round. Before the round has closed: 409 survey.results_not_ready.';

/** Sends tables as a CSV (the first) or an XLSX workbook (all), as an attachment. */
export function sendTables(
  res: FastifyReply,
  tables: Table[],
  prefix: string,
  name: string,
  format: 'csv' | 'xlsx',
) {
  const file = exportFilename(prefix, name, danishToday(), format);
  res.header('content-disposition', `attachment; filename="${file}"`);
  if (format === 'csv')
    return res.header('content-type', 'text/csv; charset=utf-8').send(tableCsv(tables[0].rows));
  return res.header('content-type', XLSX_TYPE).send(Buffer.from(xlsx(tables)));
}

export const csvReply = fileReply('text/csv', c.ResultsCsv, 'A CSV file');
export const xlsxReply = fileReply(XLSX_TYPE, z.string(), 'An XLSX workbook');

/** Results of a closed round, as JSON, CSV and XLSX; an institution's trend (issue 18, S1). */
export function resultRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    const tags = ['survey'];
    app.get(
      '/survey/rounds/:id/results',
      {
        schema: {
          tags,
          description: `A closed round’s results: the whole (the kommune, or the institution asked for) first, then per institution its whole, role groups, departments and department × role group — answers, invited, the mean per dimension and of social capital (0–100), per scale question its mean and “ved ikke” share; and the open answers per institution, only from groups whose department and role group are both shown. ${WHO} ${WITHHELD}`,
          params: idParams,
          querystring: c.ResultsQuery,
          response: reply(c.Results),
        },
      },
      async (req) => results(db, requireActor(req), req.params.id, req.query.institutionId),
    );
    for (const format of ['csv', 'xlsx'] as const)
      app.get(
        `/survey/rounds/:id/results.${format}`,
        {
          schema: {
            tags,
            description:
              format === 'csv'
                ? 'The results’ lines as a CSV file for Danish Excel: UTF-8 with BOM, semicolon-separated, decimal comma, Danish header (Institution; Afdeling; Rollegruppe; Besvarelser; Inviterede; Svarprocent; Social kapital; one column per dimension; Bemærkning). A withheld line’s figures are empty with “færre end N svar …” in Bemærkning. Access as for the JSON.'
                : 'The results as an XLSX workbook: Resultater (the lines, as the CSV), Spørgsmål (per line and scale question its mean and “ved ikke” share), Fritekst (the open answers shown). Numbers as numbers; withheld figures empty with “færre end N svar …”. Access as for the JSON.',
            params: idParams,
            querystring: c.ResultsQuery,
            response: format === 'csv' ? csvReply : xlsxReply,
          },
        },
        async (req, res) => {
          const out = await resultsAndScope(db, requireActor(req), req.params.id, req.query.institutionId);
          const tables = resultTables(out.results, out.scopeName);
          return sendTables(res, tables, 'resultater', `${out.results.round.name} ${out.scopeName}`, format);
        },
      );
    app.get(
      '/survey/institution-trend',
      {
        schema: {
          tags,
          description:
            'An institution’s own trend: per closed round that asked it (oldest first, at most 20), its whole’s answers, scores per dimension and social capital — or withheld when fewer than the round’s minimum answered. Its people and its kommune’s forvaltning; others 404 survey.institution_not_found.',
          querystring: c.InstitutionTrendQuery,
          response: reply(c.InstitutionTrend),
        },
      },
      async (req) => institutionTrend(db, requireActor(req), req.query.institutionId),
    );
  };
}
