import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { cycleRoutes } from './cycles/routes.js';
import { evidenceRoutes } from './evidence/routes.js';
import { meetingRoutes } from './meetings/routes.js';
import { spaceRoutes } from './space/routes.js';
import { storyRoutes } from './stories/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { templateRoutes } from './templates/routes.js';

/**
 * Every route of team spaces and inquiry cycles (issue 16), one plugin for app.ts. Each sub-folder (space/,
 * templates/, cycles/, tasks/, evidence/, meetings/, stories/) has its own routes.ts, registered here.
 */
export function inquiryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(templateRoutes(ctx));
    await app.register(spaceRoutes(ctx));
    await app.register(cycleRoutes(ctx));
    await app.register(taskRoutes(ctx));
    await app.register(evidenceRoutes(ctx));
    await app.register(meetingRoutes(ctx));
    await app.register(storyRoutes(ctx));
    // Sub-folders register here, e.g.: await app.register(spaceRoutes(ctx));
  };
}
