import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context.js';
import { listUnsubscribeHeaders } from '../modules/notifications/unsubscribe.js';
import { claimDue, markAttemptFailed, markSent } from './outbox.js';

const MAX_ATTEMPTS = 6;

/** Sends due outbox e-mails over SMTP; returns how many were sent. Safe to run from several workers. */
export async function deliverDueEmails(ctx: AppContext, transport: Transporter, batch = 20) {
  let sent = 0;
  const due = await claimDue(ctx.db, batch);
  for (const mail of due) {
    try {
      await transport.sendMail({
        from: ctx.config.mailFrom,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Notification e-mails: List-Unsubscribe (RFC 2369) and one-click (RFC 8058), from their own link.
        headers: listUnsubscribeHeaders(ctx.config.publicUrl, ctx.secret, mail.text),
      });
      await markSent(ctx.db, mail.id);
      sent++;
    } catch (err) {
      ctx.log.warn({ err, to: mail.toAddress }, 'e-mail delivery failed');
      await markAttemptFailed(ctx.db, mail.id, mail.attempts, String((err as Error).message), MAX_ATTEMPTS);
    }
  }
  return sent;
}

/** The worker's mail loop: polls the outbox every `intervalMs` while SMTP is configured. Returns a stop function. */
export function startMailWorker(ctx: AppContext, intervalMs = 2000): () => Promise<void> {
  if (!ctx.config.smtpUrl) return async () => {};
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = deliverDueEmails(ctx, transport).catch((err) =>
      ctx.log.error({ err }, 'mail worker tick failed'),
    );
    await running;
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer = setTimeout(tick, 200);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    transport.close();
  };
}
