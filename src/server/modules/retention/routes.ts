import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/retention.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { reply } from '../../http/schemas.js';
import type { RetentionService } from './service.js';

export function retentionRoutes(retention: RetentionService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['retention'];
    app.get(
      '/retention',
      {
        schema: {
          tags,
          description:
            'Retention periods per kind of data (days; null = keep), the dry run — how many items a run now would remove and the oldest three (dates and a non-personal note) — and the last 30 purge runs. Administrators only (403 policy.forbidden).',
          response: reply(c.RetentionOverview),
        },
      },
      async (req) => retention.overview(requireActor(req), requestLocale(req)),
    );
    app.put(
      '/retention/:kind',
      {
        schema: {
          tags,
          description:
            'Sets the period of one kind: days 1–36500, or null to keep. Audit-logged (retention.settings). Administrators only.',
          params: c.RetentionKindParams,
          body: c.RetentionSetBody,
          response: reply(ok),
        },
      },
      async (req) => {
        await retention.set(requireActor(req), req.params.kind, req.body.days);
        return { ok: true as const };
      },
    );
  };
}
