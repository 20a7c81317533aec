import { sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { notificationEmail } from './email-templates.js';
import { isNotificationKind, type NotificationPayload } from './notify.js';
import { settingsUrl, unsubscribePageUrl, unsubscribeToken } from './unsubscribe.js';

/** A notification claimed for e-mail, with what its recipient's e-mail needs. */
export type Claimed = {
  id: string;
  user_id: string;
  kind: string;
  payload: NotificationPayload;
  read_at: unknown;
  email: string;
  name: string;
  locale: Locale;
  status: string;
};

/**
 * Claims up to `limit` notifications waiting for an e-mail at once: they become `done` in this statement
 * (skip-locked, so two workers never take the same one). Call it in the transaction that writes the e-mails.
 */
async function claimImmediate(tx: DbOrTx, limit: number) {
  return rows<Claimed>(
    tx,
    sql`with due as (
          select id from notifications where email_state = 'email'
          order by created_at limit ${limit} for update skip locked
        )
        update notifications n set email_state = 'done'
        from due, users u
        where n.id = due.id and u.id = n.user_id
        returning n.id, n.user_id, n.kind, n.payload, n.read_at, u.email, u.name, u.locale, u.status`,
  );
}

/** Links that every notification e-mail of a person carries. */
export function linksFor(ctx: AppContext) {
  const publicUrl = ctx.config.publicUrl;
  return {
    publicUrl,
    settingsUrl: settingsUrl(publicUrl),
    unsubscribe: (userId: string, kind: Parameters<typeof unsubscribeToken>[2]) =>
      unsubscribePageUrl(publicUrl, unsubscribeToken(ctx.secret, userId, kind)),
  };
}

/**
 * The worker's "e-mail at once" task: writes an e-mail to the outbox for each notification waiting for one,
 * in the same transaction as the claim (if it fails, they stay waiting; nothing is lost). The outbox worker
 * sends over SMTP with retries; without SMTP the outbox keeps them for the administrator's page.
 * Already read (seen in the app within seconds) or disabled: claimed, no e-mail. Returns the e-mails written.
 */
export async function sendDueNotificationEmails(
  ctx: AppContext,
  now = new Date(),
  batch = 50,
): Promise<number> {
  const links = linksFor(ctx);
  let written = 0;
  for (let round = 0; round < 20; round++) {
    const { claimed, mails } = await ctx.db.transaction(async (tx) => {
      const rows = await claimImmediate(tx, batch);
      let mails = 0;
      for (const r of rows) {
        if (r.read_at || r.status === 'disabled' || !isNotificationKind(r.kind)) continue;
        const content = notificationEmail(r.locale, {
          ...links,
          name: r.name,
          item: { kind: r.kind, payload: r.payload },
          unsubscribeUrl: links.unsubscribe(r.user_id, r.kind),
          now,
        });
        await enqueueEmail(tx, Boolean(ctx.config.smtpUrl), r.email, content);
        mails++;
      }
      return { claimed: rows.length, mails };
    });
    written += mails;
    if (claimed < batch) break;
  }
  return written;
}
