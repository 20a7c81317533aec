import type { NotificationKind } from '../../../shared/training.js';
import { signer } from '../../auth/crypto.js';
import type { AppContext } from '../../context.js';
import { isNotificationKind } from './notify.js';

/** What an unsubscribe link stops: e-mail about one kind, or (from a digest's header) the whole daily digest. */
export type UnsubscribeKind = NotificationKind | 'digest';

/**
 * A MAC with the 'unsubscribe' key (auth/crypto `signer`: its own derived key, never the instance secret),
 * cut to 128 bits: the whole token must stay under the router's 100-character path segment.
 */
const MAC_BYTES = 16;
const unsubscribeSigner = (secret: string) => signer(secret, 'unsubscribe', MAC_BYTES);

/**
 * base64url(<the person's id as 16 bytes><kind>) followed by the 22-character HMAC: no table, nothing to
 * guess, valid as long as the secret is. At most 77 characters and no dot (a dot would make the web server
 * take /afmeld/<token> for a file).
 */
export function unsubscribeToken(secret: string, userId: string, kind: UnsubscribeKind): string {
  const body = Buffer.concat([Buffer.from(userId.replaceAll('-', ''), 'hex'), Buffer.from(kind)]).toString(
    'base64url',
  );
  return `${body}${unsubscribeSigner(secret).sign(body)}`;
}

const MAC_LENGTH = 22;
export const TOKEN_PATTERN = '[A-Za-z0-9_-]{40,120}';

/** The person and kind a token was made for, or null when it is malformed or not signed by this instance. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: UnsubscribeKind } | null {
  if (!new RegExp(`^${TOKEN_PATTERN}$`).test(token)) return null;
  const body = token.slice(0, -MAC_LENGTH);
  if (!unsubscribeSigner(secret).verify(body, token.slice(-MAC_LENGTH))) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length <= 16) return null;
  const hex = bytes.subarray(0, 16).toString('hex');
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const kind = bytes.subarray(16).toString('utf8');
  if (kind !== 'digest' && !isNotificationKind(kind)) return null;
  return { userId, kind };
}

/** The page a person confirms on (link scanners only open it; nothing changes before the click). */
export const unsubscribePageUrl = (publicUrl: string, token: string) => `${publicUrl}/afmeld/${token}`;
/** The RFC 8058 one-click endpoint, for the List-Unsubscribe header. */
export const unsubscribeApiUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/v1/notifications/unsubscribe/${token}`;
export const settingsUrl = (publicUrl: string) => `${publicUrl}/notifikationer/indstillinger`;

/**
 * List-Unsubscribe headers for an outbox e-mail, derived at send time (the outbox keeps no headers): a
 * notification e-mail's plain text always ENDS with its own unsubscribe link, written by the template after
 * every user-provided value, and the token must verify — a link typed into a comment never qualifies.
 */
export function listUnsubscribeHeaders(
  publicUrl: string,
  secret: string,
  text: string,
): Record<string, string> | undefined {
  const prefix = `${publicUrl}/afmeld/`;
  const last = text.trimEnd().split('\n').at(-1) ?? '';
  const at = last.lastIndexOf(prefix);
  if (at < 0) return undefined;
  const token = last.slice(at + prefix.length);
  if (!readUnsubscribeToken(secret, token)) return undefined;
  return {
    'List-Unsubscribe': `<${unsubscribeApiUrl(publicUrl, token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/**
 * The mail worker's headers (mail/deliver.ts `MailHeaders`): on notification e-mails List-Unsubscribe
 * (RFC 2369) and one-click (RFC 8058), from their own link; nothing on other e-mails.
 */
export const notificationMailHeaders =
  (ctx: Pick<AppContext, 'config' | 'secret'>) =>
  (mail: { text: string }): Record<string, string> | undefined =>
    listUnsubscribeHeaders(ctx.config.publicUrl, ctx.secret, mail.text);
