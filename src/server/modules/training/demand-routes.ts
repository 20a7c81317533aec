import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DemandService } from './demand.js';

export function demandRoutes(_demand: DemandService): FastifyPluginAsyncZod {
  return async () => {};
}
