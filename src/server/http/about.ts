import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/about.js';
import type { AppContext } from '../context.js';
import { reply } from './schemas.js';

/** `GET /about`: who runs this Amongi, for the accessibility statement and the privacy page (anyone may read). */
export function aboutRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/about',
      {
        schema: {
          tags: ['system'],
          description:
            "Who runs this Amongi: the organisation responsible for the site and its contact (OPERATOR_NAME, OPERATOR_EMAIL, OPERATOR_PHONE; `operator` null when not configured) and the operator's official accessibility statement in WAS-Tool (ACCESSIBILITY_STATEMENT_URL), shown on /tilgaengelighed and /privatliv.",
          response: reply(c.About),
        },
      },
      async () => {
        const { operator, accessibilityStatementUrl } = ctx.config;
        return {
          operator: operator
            ? { name: operator.name, email: operator.email ?? null, phone: operator.phone ?? null }
            : null,
          statementUrl: accessibilityStatementUrl ?? null,
        };
      },
    );
  };
}

/**
 * `/was`: the short address Danish public sites give their accessibility statement (Digitaliseringsstyrelsen's
 * rules: www.<domain>.dk/was leads to the statement) — the operator's WAS-Tool statement when configured, else ours.
 */
export function registerWasRedirect(app: FastifyInstance, ctx: AppContext) {
  app.get('/was', { schema: { hide: true } }, async (_req, res) =>
    res.redirect(ctx.config.accessibilityStatementUrl ?? '/tilgaengelighed', 302),
  );
}
