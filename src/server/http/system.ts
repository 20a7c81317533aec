import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { AppContext } from '../context.js';
import { sendNotFound } from './error-handler.js';
import { AppError } from './errors.js';

/** /healthz and /metrics: outside /api, no session needed (/metrics takes a token instead). */
export function installSystemRoutes(app: FastifyInstance, ctx: AppContext) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'amongi_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ctx.database.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 2000);
        }),
      ]);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    } finally {
      clearTimeout(timer);
    }
  });

  // Only for a scraper that knows METRICS_TOKEN (Bearer); without the setting the route does not exist.
  const token = ctx.config.metricsToken ? Buffer.from(ctx.config.metricsToken) : null;
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!token) return sendNotFound(req, reply);
    const given = Buffer.from(/^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '');
    if (given.length !== token.length || !timingSafeEqual(given, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('auth.required');
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
