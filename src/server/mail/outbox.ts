import { and, desc, eq, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { outboxEmails } from '../db/schema.js';
import type { EmailContent } from './templates.js';

/** Writes an e-mail to the outbox, in the caller's transaction. With no SMTP it is kept for the outbox page. */
export async function enqueueEmail(db: DbOrTx, smtpConfigured: boolean, to: string, content: EmailContent) {
  await db
    .insert(outboxEmails)
    .values({ toAddress: to, ...content, status: smtpConfigured ? 'pending' : 'kept' });
}

/**
 * Claims up to `limit` due e-mails by leasing them for five minutes (so a crashed worker's mail is retried later
 * and two workers never send the same mail). Short statement: no transaction is held while SMTP talks.
 */
export async function claimDue(db: DbOrTx, limit: number) {
  const due = db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    // The database's clock throughout (defaults, leases, backoff): never compare it with this process's clock.
    .where(and(eq(outboxEmails.status, 'pending'), lte(outboxEmails.nextAttemptAt, sql`now()`)))
    .orderBy(outboxEmails.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outboxEmails)
    .set({ nextAttemptAt: sql`now() + interval '5 minutes'` })
    .where(inArray(outboxEmails.id, due))
    .returning();
}

/**
 * Links whose token is the whole secret and that nothing else needs once the mail is gone: the staff survey's answer
 * link (`/svar#<token>`, `/svar/<token>`, ADR 0010). Blanked in the stored text and html when the e-mail is sent
 * (or finally fails), so the outbox does not keep a person's answer link beside their address. A kept e-mail (no
 * SMTP) keeps it: there the administrator is the one who passes it on.
 */
const BLANKED_LINK = '(/svar[#/])[A-Za-z0-9_-]{20,}';
const blank = (column: typeof outboxEmails.text | typeof outboxEmails.html) =>
  sql`regexp_replace(${column}, ${BLANKED_LINK}, ${'\\1[sendt]'}, 'g')`;

export async function markSent(db: DbOrTx, id: string) {
  await db
    .update(outboxEmails)
    .set({
      status: 'sent',
      sentAt: new Date(),
      attempts: sql`${outboxEmails.attempts} + 1`,
      lastError: null,
      text: blank(outboxEmails.text),
      html: blank(outboxEmails.html),
    })
    .where(eq(outboxEmails.id, id));
}

export async function markAttemptFailed(
  db: DbOrTx,
  id: string,
  attempts: number,
  error: string,
  maxAttempts: number,
) {
  const failed = attempts + 1 >= maxAttempts;
  const backoffSeconds = Math.min(3600, 2 ** attempts * 15);
  await db
    .update(outboxEmails)
    .set({
      attempts: attempts + 1,
      lastError: error.slice(0, 500),
      status: failed ? 'failed' : 'pending',
      nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds})`,
      ...(failed ? { text: blank(outboxEmails.text), html: blank(outboxEmails.html) } : {}),
    })
    .where(eq(outboxEmails.id, id));
}

/** Where a page of the outbox ends: created_at as the database's full-precision text, and the id for ties. */
export type OutboxCursor = { at: string; id: string };

/**
 * Newest first, keyset-paged on (created_at, id): the e-mails of one transaction (a CSV import) share
 * created_at, and a JavaScript Date would also drop its microseconds.
 */
export async function listOutbox(db: DbOrTx, opts: { limit: number; before?: OutboxCursor }) {
  return db
    .select({ ...getTableColumns(outboxEmails), cursorAt: sql<string>`${outboxEmails.createdAt}::text` })
    .from(outboxEmails)
    .where(
      opts.before
        ? sql`(${outboxEmails.createdAt}, ${outboxEmails.id}) < (${opts.before.at}::timestamptz, ${opts.before.id}::uuid)`
        : undefined,
    )
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(opts.limit);
}
