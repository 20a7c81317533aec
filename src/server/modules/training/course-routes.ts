import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CourseService } from './courses.js';

export function courseRoutes(_courses: CourseService): FastifyPluginAsyncZod {
  return async () => {};
}
