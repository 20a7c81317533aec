import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { conferenceRoutes } from './conferences/routes.js';
import { gridRoutes } from './grid/routes.js';
import { importRoutes } from './import/routes.js';
import { setupRoutes } from './setup/routes.js';
import { summaryRoutes } from './summary/routes.js';

/**
 * Every route of the progression overview (issue 17 parts 2–3), one plugin for app.ts under /api/v1/progression.
 * Each sub-folder (setup/, grid/, summary/, conferences/, import/, retention/) has its own routes.ts, registered
 * here with one line each.
 */
export function progressionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(setupRoutes(ctx), { prefix: '/progression' });
    await app.register(gridRoutes(ctx), { prefix: '/progression' });
    await app.register(summaryRoutes(ctx), { prefix: '/progression' });
    await app.register(conferenceRoutes(ctx), { prefix: '/progression' });
    await app.register(importRoutes(ctx), { prefix: '/progression' });
    // Sub-folders register here, e.g.: await app.register(setupRoutes(ctx), { prefix: '/progression' });
  };
}
