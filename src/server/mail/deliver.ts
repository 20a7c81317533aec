import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context.js';
import { claimDue, markAttemptFailed, markSent } from './outbox.js';

const MAX_ATTEMPTS = 6;

/**
 * Headers an e-mail gets at send time, derived from the outbox row (the outbox keeps no headers): e.g. the
 * notifications module's List-Unsubscribe. Mail itself knows nothing of what it sends.
 */
export type MailHeaders = (mail: { text: string }) => Record<string, string> | undefined;

/** Sends due outbox e-mails over SMTP; returns how many were sent. Safe to run from several workers. */
export async function deliverDueEmails(
  ctx: AppContext,
  transport: Transporter,
  headers: MailHeaders,
  batch = 20,
) {
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
        headers: headers(mail),
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
export function startMailWorker(
  ctx: AppContext,
  headers: MailHeaders,
  intervalMs = 2000,
): () => Promise<void> {
  if (!ctx.config.smtpUrl) return async () => {};
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = deliverDueEmails(ctx, transport, headers).catch((err) =>
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
