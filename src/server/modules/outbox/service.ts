import type { AppContext } from '../../context.js';
import { isTimestampText, readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import { listOutbox, type OutboxCursor } from '../../mail/outbox.js';
import { type Actor, authorize } from '../../policy/index.js';

/** The outbox's cursor: the last e-mail's created_at (as PostgreSQL's text, keeping microseconds) and id. */
const encodeCursor = (c: OutboxCursor) => writeCursor([c.at, c.id]);
function decodeCursor(s: string): OutboxCursor {
  const value = readCursor(s);
  const [at, id] = Array.isArray(value) ? value : [];
  if (typeof at === 'string' && isTimestampText(at) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
    return { at, id };
  throw new AppError('request.invalid');
}

/**
 * Links that act for the recipient: invitation and password reset (`/invitation/<token>`, `/nulstil/<token>`)
 * and unsubscribe (`/afmeld/<token>`).
 */
const ONE_TIME_LINK = /\/(invitation|nulstil|afmeld)\/[A-Za-z0-9_-]{20,}/g;

/**
 * An e-mail that went out over SMTP belongs to its recipient: its one-time link is hidden here, so an
 * administrator cannot take over an account from the outbox. Kept e-mails (no SMTP configured) are shown whole,
 * because then the administrator is the one who passes the link on.
 */
function redact<T extends { status: string; text: string; html: string }>(mail: T): T {
  if (mail.status === 'kept') return mail;
  const hide = (s: string) => s.replace(ONE_TIME_LINK, '/$1/[skjult]');
  return { ...mail, text: hide(mail.text), html: hide(mail.html) };
}

export function createOutboxService(ctx: AppContext) {
  return {
    /** `before` is the opaque `nextBefore` of the previous page. */
    async list(actor: Actor, opts: { limit: number; before?: string }) {
      authorize(actor, 'outbox.read', { type: 'instance' });
      const before = opts.before ? decodeCursor(opts.before) : undefined;
      const rows = await listOutbox(ctx.db, { limit: opts.limit + 1, before });
      const page = rows.slice(0, opts.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ cursorAt: _, ...mail }) => redact(mail)),
        nextBefore:
          rows.length > opts.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
      };
    },
  };
}
export type OutboxService = ReturnType<typeof createOutboxService>;
