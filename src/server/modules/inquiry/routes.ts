import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { evidenceRoutes } from './evidence/routes.js';
import { taskRoutes } from './tasks/routes.js';

/**
 * Every route of team spaces and inquiry cycles (issue 16), one plugin for app.ts. Each sub-folder (space/,
 * templates/, cycles/, tasks/, evidence/, meetings/) has its own routes.ts, registered here.
 */
export function inquiryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(taskRoutes(ctx));
    await app.register(evidenceRoutes(ctx));
    // Sub-folders register here, e.g.: await app.register(spaceRoutes(ctx));
  };
}
