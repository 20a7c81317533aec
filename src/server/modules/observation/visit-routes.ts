import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

/** Observation routes: O2 planning and conducting visits (sync), O3 learning conversation, O5 self-observation. */
export function observationVisitRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
