import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../../shared/contracts/survey.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { reply } from '../../../http/schemas.js';
import { csvReply, sendTables, xlsxReply } from '../results/routes.js';
import { analysisTables } from './export.js';
import { analysis } from './service.js';

const WHAT =
  'For the kommune’s forvaltning (others: 404 survey.kommune_not_found). A round of another kommune: 404 survey.round_not_found; a round not closed (or no closed round yet): 409 survey.results_not_ready. Points are department × role group figures the institution’s coarsening keeps (at least the round’s minimum, and never one that would give a smaller group away); `withheldDepartments` counts the others with answers.';

/** The department analysis (issue 18, S2) as JSON, CSV and XLSX. */
export function analysisRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    const tags = ['survey'];
    app.get(
      '/survey/analysis',
      {
        schema: {
          tags,
          description: `The department analysis of a closed round (default: the kommune’s newest): per department × role group its answers and mean social capital and PLF score (0–100); per role group the least-squares line of PLF on social capital (slope, intercept, R²; null below three points); the seed’s Aarhus reference with its source; and year over year per department and role group across the kommune’s closed rounds up to this one (at most 10; matched by institution and department name). ${WHAT}`,
          querystring: c.AnalysisQuery,
          response: reply(c.Analysis),
        },
      },
      async (req) => analysis(db, requireActor(req), req.query.kommuneId, req.query.roundId),
    );
    for (const format of ['csv', 'xlsx'] as const)
      app.get(
        `/survey/analysis.${format}`,
        {
          schema: {
            tags,
            description:
              format === 'csv'
                ? 'The analysis’ points as a CSV file for Danish Excel (UTF-8 with BOM, semicolons, decimal comma): Institution; Afdeling; Rollegruppe; Besvarelser; Social kapital; PLF. Access as for the JSON.'
                : 'The analysis as an XLSX workbook: Afdelinger (the points), Linjer (the fitted lines per role group, the Aarhus reference with its source, the number of withheld departments), Udvikling (year over year; withheld figures empty with “færre end N svar …”). Access as for the JSON.',
            querystring: c.AnalysisQuery,
            response: format === 'csv' ? csvReply : xlsxReply,
          },
        },
        async (req, res) => {
          const out = await analysis(db, requireActor(req), req.query.kommuneId, req.query.roundId);
          return sendTables(res, analysisTables(out), 'analyse', out.round.name, format);
        },
      );
  };
}
