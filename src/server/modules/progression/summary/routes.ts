import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/progression.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { reply } from '../../../http/schemas.js';
import { groupSummary, institutionSummary, kommuneSummary } from './service.js';

const withheld =
  'A figure with fewer children than the institution’s minimum (`minGroup`: 5, or its observation minimum when larger) is `counts: null`, and so is one withheld with it so that no two answers subtract to a small group (complementary suppression, ADR 0009); an institution whose figure is withheld whole is counted in no total.';

/** Progression summaries (issue 17 part 2): a group's, an institution's, a kommune's — counts only, never children. */
export function summaryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx;
  return async (app) => {
    const tags = ['progression'];
    app.get(
      '/groups/:id/summary',
      {
        schema: {
          tags,
          description: `A group's counts per area and period of its school year (grøn, gul, rød, moved up, moved down). Its circle (class team, the institution's leaders, delegated resource persons) sees them as they are; the institution's other staff and its kommune's forvaltning see what the institution's summary shows. ${withheld} Others: progression.group_not_found.`,
          params: idParams,
          querystring: c.SummaryQuery.omit({ schoolYear: true }),
          response: reply(c.GroupSummary),
        },
      },
      async (req) => groupSummary(db, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/institutions/:id/summary',
      {
        schema: {
          tags,
          description: `The institution's summary for a school year: a row per group, each with its counts per area and period, and the total. For its staff and its kommune's forvaltning (others: institution.not_found). ${withheld}`,
          params: idParams,
          querystring: c.SummaryQuery,
          response: reply(c.SummaryTable),
        },
      },
      async (req) => institutionSummary(db, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/kommuner/:id/summary',
      {
        schema: {
          tags,
          description: `The kommune's summary for a school year, for its forvaltning (others: kommune.not_found): a row per institution that follows progression with its total per area (matched by name) and period (by order within the school year), and the kommune's total of the shown institutions. ${withheld}`,
          params: idParams,
          querystring: c.SummaryQuery,
          response: reply(c.SummaryTable),
        },
      },
      async (req) => kommuneSummary(db, requireActor(req), req.params.id, req.query),
    );
  };
}
