import type { z } from 'zod';
import { AUDIT_ACTIONS, actionsOfGroup, auditLabel, isAuditAction } from '../../../shared/audit-actions.js';
import type * as c from '../../../shared/contracts/audit-log.js';
import type { AppContext } from '../../context.js';
import { csvDocument } from '../../csv/write.js';
import { isTimestampText, readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize } from '../../policy/index.js';
import { audit } from '../audit.js';
import * as repo from './repo.js';

type Query = z.output<typeof c.AuditLogQuery>;
type Locale = 'da' | 'en';

/** The most lines one CSV download holds. */
export const CSV_MAX_ROWS = 100_000;

const encodeCursor = (r: repo.AuditRow) => writeCursor([r.cursorAt, r.id]);
function decodeCursor(s: string): repo.AuditCursor {
  const value = readCursor(s);
  const [at, id] = Array.isArray(value) ? value : [];
  if (typeof at === 'string' && isTimestampText(at) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
    return { at, id };
  throw new AppError('request.invalid');
}

function filterOf(q: Query): repo.AuditFilter {
  if (q.from && q.to && q.from > q.to) throw new AppError('audit.bad_period');
  return {
    person: q.person || undefined,
    actions: q.action ? [q.action] : q.group ? actionsOfGroup(q.group) : undefined,
    subjectType: q.subjectType,
    subjectId: q.subjectId,
    from: q.from,
    to: q.to,
  };
}

const at = (d: Date | string) => (d instanceof Date ? d : new Date(d));

function present(r: repo.AuditRow, locale: Locale, withDetails: boolean) {
  return {
    id: r.id,
    at: at(r.at),
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
    action: r.action,
    label: auditLabel(r.action, locale),
    group: isAuditAction(r.action) ? AUDIT_ACTIONS[r.action].group : null,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    details: withDetails && r.details != null ? JSON.stringify(r.details) : null,
  };
}

function page<T>(rows: repo.AuditRow[], limit: number, map: (r: repo.AuditRow) => T) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export function createAuditLogService(ctx: AppContext) {
  const { db } = ctx;
  return {
    /** Administrators: every entry, filtered. */
    async list(actor: Actor, q: Query, locale: Locale) {
      authorize(actor, 'audit.read', { type: 'instance' });
      const before = q.cursor ? decodeCursor(q.cursor) : undefined;
      const rows = await repo.listAll(db, filterOf(q), { limit: q.limit + 1, before });
      return page(rows, q.limit, (r) => present(r, locale, true));
    },

    /** Administrators: the filtered entries as a CSV file (Danish Excel); the download is itself audit-logged. */
    async csv(actor: Actor, q: Query, locale: Locale) {
      authorize(actor, 'audit.read', { type: 'instance' });
      const f = filterOf(q);
      const rows = await repo.listAll(db, f, { limit: CSV_MAX_ROWS + 1 });
      if (rows.length > CSV_MAX_ROWS) throw new AppError('audit.too_many_rows');
      await audit(db, actor, 'audit.export', 'instance', null, { ...f, rows: rows.length });
      const da = locale === 'da';
      const head = da
        ? [
            'Tidspunkt',
            'Person',
            'E-mail',
            'Handling',
            'Handlingskode',
            'Emnetype',
            'Emne-id',
            'Emne',
            'Detaljer',
          ]
        : [
            'Time',
            'Person',
            'E-mail',
            'Action',
            'Action code',
            'Subject type',
            'Subject id',
            'Subject',
            'Details',
          ];
      const lines = rows.map((r) => [
        at(r.at).toISOString(),
        r.actorName ?? (da ? 'Systemet' : 'The system'),
        r.actorEmail ?? '',
        auditLabel(r.action, locale),
        r.action,
        r.subjectType,
        r.subjectId ?? '',
        r.subjectName ?? '',
        r.details == null ? '' : JSON.stringify(r.details),
      ]);
      return csvDocument([head, ...lines]);
    },

    /** Anyone signed in: the entries about their own data (about them, or their own recordings). */
    async own(actor: Actor, q: { limit: number; cursor?: string }, locale: Locale) {
      const before = q.cursor ? decodeCursor(q.cursor) : undefined;
      const rows = await repo.listOwn(db, actor.id, { limit: q.limit + 1, before });
      return page(rows, q.limit, (r) => present(r, locale, false));
    },
  };
}
export type AuditLogService = ReturnType<typeof createAuditLogService>;
