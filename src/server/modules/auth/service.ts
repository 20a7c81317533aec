import { type Locale, MIN_PASSWORD_LENGTH } from '../../../shared/constants.js';
import { dummyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../../auth/crypto.js';
import { createLimiter, RateLimiter } from '../../auth/rate-limit.js';
import { revokeSessionsOfUser } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { runInBackground } from '../../http/background.js';
import { AppError } from '../../http/errors.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { invitationEmail, resetEmail } from '../../mail/templates.js';
import * as repo from './repo.js';

export const INVITATION_DAYS = 14;
export const RESET_MINUTES = 60;

/**
 * Creates a single-use link token for the user (retiring their earlier ones of that purpose) and returns the URL
 * to put in the e-mail.
 */
export async function createAuthLink(
  db: DbOrTx,
  userId: string,
  purpose: 'invitation' | 'reset',
  publicUrl: string,
) {
  const token = randomToken();
  const ms = purpose === 'invitation' ? INVITATION_DAYS * 86400_000 : RESET_MINUTES * 60_000;
  await repo.retireAuthTokens(db, userId, purpose);
  await repo.insertAuthToken(db, {
    id: sha256(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + ms),
  });
  const page = purpose === 'invitation' ? 'invitation' : 'nulstil';
  return `${publicUrl}/${page}/${token}`;
}

export function createAuthService(ctx: AppContext) {
  const { perAccount, perIp, windowSeconds } = ctx.config.loginLimits;
  // Shared by every process on PostgreSQL (see createLimiter), so more web processes do not mean more guesses.
  const byAccount = createLimiter(ctx.database, 'login-account', perAccount, windowSeconds * 1000);
  const byIp = createLimiter(ctx.database, 'login-ip', perIp, windowSeconds * 1000);
  // Reset requests per address, in memory: the request does no database work at all (see requestReset); the
  // e-mails per account are capped by the shared byAccount limit, after the answer.
  const resetsByIp = new RateLimiter(perIp, windowSeconds * 1000);

  function checkPasswordStrength(password: string) {
    if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('auth.password_weak');
  }

  /**
   * Checks e-mail and password; returns the user id. Rate-limited per account and per IP: every attempt counts
   * up front (so parallel guesses count too), and a successful one is taken back, so a school whose staff share
   * one public IP is not locked out by its own sign-ins.
   */
  async function verifyLogin(email: string, password: string, ip: string) {
    const account = email.trim().toLowerCase();
    if ((await byIp.hit(ip)) || (await byAccount.hit(account))) throw new AppError('auth.rate_limited');
    const user = await repo.findUserByEmail(ctx.db, account);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user?.passwordHash || !ok) throw new AppError('auth.invalid_credentials');
    if (user.status === 'disabled') throw new AppError('auth.account_disabled');
    await byAccount.reset(account);
    await byIp.undo(ip);
    return user.id;
  }

  const createLink = (db: DbOrTx, userId: string, purpose: 'invitation' | 'reset') =>
    createAuthLink(db, userId, purpose, ctx.config.publicUrl);

  /** Sends an invitation e-mail (inside the caller's transaction). */
  async function sendInvitation(
    db: DbOrTx,
    user: { id: string; email: string; name: string; locale: Locale },
    inviterName: string,
    institutionName: string | null,
  ) {
    const url = await createLink(db, user.id, 'invitation');
    const content = invitationEmail(user.locale, {
      name: user.name,
      inviterName,
      institutionName,
      url,
      days: INVITATION_DAYS,
    });
    await enqueueEmail(db, !!ctx.config.smtpUrl, user.email, content);
  }

  /**
   * Always answers the same, whether or not the e-mail exists, and in the same time: the request only counts
   * the attempt per address (in memory) and hands the e-mail on. Looking the person up, making the link and queueing the
   * e-mail happen after the answer is sent, so no database work on the request can tell a known address apart.
   */
  async function requestReset(email: string, ip: string) {
    if (!resetsByIp.hit(ip)) throw new AppError('auth.rate_limited');
    const account = email.trim().toLowerCase();
    runInBackground(ctx.log, 'queueing a password-reset e-mail', () => sendReset(account));
  }

  /** The reset e-mail for a known, enabled person; at most LOGIN_MAX_PER_ACCOUNT a window (silently, as above). */
  async function sendReset(account: string) {
    const user = await repo.findUserByEmail(ctx.db, account);
    if (!user || user.status === 'disabled' || (await byAccount.hit(`reset:${account}`))) return;
    await ctx.db.transaction(async (tx) => {
      const url = await createLink(tx, user.id, 'reset');
      await enqueueEmail(
        tx,
        !!ctx.config.smtpUrl,
        user.email,
        resetEmail(user.locale, { name: user.name, url, minutes: RESET_MINUTES }),
      );
    });
  }

  async function checkToken(token: string, purpose: 'invitation' | 'reset') {
    const row = await repo.findAuthToken(ctx.db, sha256(token));
    if (!row || row.purpose !== purpose || row.usedAt) throw new AppError('auth.token_invalid');
    if (row.expiresAt.getTime() <= Date.now()) throw new AppError('auth.token_expired');
    const user = await repo.findUserById(ctx.db, row.userId);
    if (!user || user.status === 'disabled') throw new AppError('auth.token_invalid');
    return { row, user };
  }

  /** Describes a link before it is used (the invitation page greets the person by name). */
  async function describeToken(token: string, purpose: 'invitation' | 'reset') {
    const { user } = await checkToken(token, purpose);
    return { name: user.name, email: user.email };
  }

  /** Uses an invitation or reset link to set a password; all the user's other sessions end. Returns the user id. */
  async function completeToken(token: string, purpose: 'invitation' | 'reset', password: string) {
    checkPasswordStrength(password);
    const { row } = await checkToken(token, purpose);
    const passwordHash = await hashPassword(password);
    await ctx.events.transaction(ctx.db, async (tx, emit) => {
      if (!(await repo.useAuthToken(tx, row.id))) throw new AppError('auth.token_invalid');
      await repo.setPassword(tx, row.userId, passwordHash);
      await revokeSessionsOfUser(ctx, tx, row.userId, undefined, emit);
    });
    return row.userId;
  }

  async function changePassword(userId: string, sessionId: string, current: string, next: string) {
    checkPasswordStrength(next);
    const user = await repo.findUserById(ctx.db, userId);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current)))
      throw new AppError('auth.wrong_current_password');
    const passwordHash = await hashPassword(next);
    await ctx.events.transaction(ctx.db, async (tx, emit) => {
      await repo.setPassword(tx, userId, passwordHash);
      await revokeSessionsOfUser(ctx, tx, userId, sessionId, emit);
    });
  }

  return {
    verifyLogin,
    sendInvitation,
    requestReset,
    describeToken,
    completeToken,
    changePassword,
    checkPasswordStrength,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
