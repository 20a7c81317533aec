import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';

/** Observation routes: O4 institution and kommune data, CSV export. */
export function observationDataRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
