import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/audit-log.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { fileReply, reply } from '../../http/schemas.js';
import type { AuditLogService } from './service.js';

const FILTERS =
  'Filters: person (part of a name or e-mail of who acted), action (one action code) or group (access, signin, roles, export, erasure, sync, settings, content), subjectType and subjectId, from/to (Danish days, both included; 422 audit.bad_period when to is before from).';

export function auditLogRoutes(log: AuditLogService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['audit'];
    app.get(
      '/audit-log',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: `The audit log, newest first, with readable labels (administrators only; 403 policy.forbidden). ${FILTERS} Cursor-paged (nextCursor).`,
          querystring: c.AuditLogQuery,
          response: reply(c.AuditLogPage),
        },
      },
      async (req) => log.list(requireActor(req), req.query, requestLocale(req)),
    );
    app.get(
      '/audit-log.csv',
      {
        config: { heavy: true },
        schema: {
          tags,
          description: `The filtered audit log as a CSV file for Danish Excel (UTF-8 with BOM, semicolons), at most 100,000 lines (422 audit.too_many_rows). The download is audit-logged (audit.export). ${FILTERS}`,
          querystring: c.AuditLogQuery,
          response: fileReply('text/csv', c.AuditLogCsv, 'A CSV file'),
        },
      },
      async (req, res) => {
        const body = await log.csv(
          requireActor(req),
          { ...req.query, cursor: undefined },
          requestLocale(req),
        );
        const date = new Date().toISOString().slice(0, 10);
        return res
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="auditlog-${date}.csv"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
    app.get(
      '/me/audit-log',
      {
        schema: {
          tags,
          description:
            'The entries about the signed-in person’s own data — about them (roles, status, exports, erasure) or about their own recordings (a colleague watching a shared private recording, downloads) — newest first, without details.',
          querystring: c.OwnAuditLogQuery,
          response: reply(c.AuditLogPage),
        },
      },
      async (req) => log.own(requireActor(req), req.query, requestLocale(req)),
    );
  };
}
