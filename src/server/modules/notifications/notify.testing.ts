import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { expect } from 'vitest';
import { mentionToken } from '../../../shared/comment-format.js';
import { notifications } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { deliverDueEmails } from '../../mail/deliver.js';
import { rows } from '../../testing/fixtures.js';
import type { TestApp, TestClient } from '../../testing/harness.js';
import type { ReceivedMail } from '../../testing/smtp.js';
import { sendDueNotificationEmails } from './email.js';
import { notificationMailHeaders } from './unsubscribe.js';

/** Test helpers for notification delivery (I3). */

/** The worker's two steps: notifications → outbox, outbox → SMTP. Returns how many e-mails the SMTP server took. */
export async function runMailWorker(t: TestApp, smtpUrl: string) {
  await sendDueNotificationEmails(t.ctx);
  return deliverOutbox(t, smtpUrl);
}

export async function deliverOutbox(t: TestApp, smtpUrl: string) {
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    return await deliverDueEmails(t.ctx, transport, notificationMailHeaders(t.ctx));
  } finally {
    transport.close();
  }
}

/** A person's notifications as stored (kind, email_state, payload), newest first. */
export const storedFor = (t: TestApp, userId: string) =>
  rows<{ id: string; kind: string; email_state: string | null; payload: Record<string, unknown> }>(
    t.ctx.db,
    sql`select id, kind, email_state, payload from notifications where user_id = ${userId}
        order by created_at desc, id desc`,
  );

/** Posts a comment on a video mentioning people; returns its id. */
export async function mention(
  c: TestClient,
  videoId: string,
  people: { id: string; name: string }[],
  text = 'Se lige',
  parentId?: string,
) {
  const body = `${text} ${people.map((p) => mentionToken(p)).join(' ')}`;
  const res = await c.post(`/api/v1/videos/${videoId}/comments`, { body, ...(parentId ? { parentId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Every unsubscribe token in a text (links `<publicUrl>/afmeld/<token>`), in order. */
export function unsubscribeTokens(text: string): string[] {
  return [...text.matchAll(/http:\/\/amongi\.test\/afmeld\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
}

export const mailTo = (received: ReceivedMail[], email: string) =>
  received.filter((m) => m.to.includes(email));

/** The notifications of one kind a person got, oldest first (straight from the database). */
export async function notificationsOf(db: DbOrTx, userId: string, kind?: string) {
  const rows = await db
    .select({ kind: notifications.kind, payload: notifications.payload, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.createdAt);
  return rows.filter((r) => !kind || r.kind === kind);
}
