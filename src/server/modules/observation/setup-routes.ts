import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

/** Observation routes: O1 focus areas and schema versions, O6 visit guide, delegated observers, the group-size setting. */
export function observationSetupRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
