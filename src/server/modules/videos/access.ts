import { type Visibility, widerThan } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import { allowedVisibility, type Consent } from './consent.js';
import * as grants from './grants-repo.js';
import * as repo from './repo.js';
import * as shares from './shares-repo.js';

/** Who may watch a video: its visibility (and team), and the widest visibility its consent record allows. */
export type AccessState = { visibility: Visibility; teamId: string | null; consentAllows: Visibility };

export const accessOf = (v: {
  visibility: Visibility;
  teamId: string | null;
  consent: Consent;
}): AccessState => ({
  visibility: v.visibility,
  teamId: v.teamId,
  consentAllows: allowedVisibility(v.consent),
});

/**
 * Which share links (V5) a video in this state allows, when they are made and as long as they live.
 *
 * A share link reaches anyone who holds it, signed in or not, so it always reaches people outside the
 * visibility. What a teacher expects:
 * - consent below public: none. Guardians who did not agree to public showing did not agree to a link that
 *   anyone can forward either (the consent register's rule since I5).
 * - private ("Privat (kun dig)", "Kun du kan se videoen"): none. A teacher who makes a video private means
 *   "nobody else, from now on"; a link that still plays it would break the word on the button. Making it
 *   private is also the quick way to end every link at once.
 * - team, institution, kommune: links that expire (1, 7 or 30 days): the teacher deliberately shows the video
 *   to someone outside the circle for a while (a mentor, a course, a parent evening); they stay listed, can be
 *   revoked one by one and end by themselves. Narrowing between these keeps them: the link's audience is the
 *   person it was given to, not the visibility.
 * - public: also links that never expire. A never-expiring link is a publication; it needs the video to be
 *   public and ends when it no longer is (owner, editor unpublishing, or consent).
 */
export function sharesAllowed(
  s: Pick<AccessState, 'visibility' | 'consentAllows'>,
): 'all' | 'expiring' | 'none' {
  if (s.consentAllows !== 'public' || s.visibility === 'private') return 'none';
  return s.visibility === 'public' ? 'all' : 'expiring';
}

/** Whether a share link that expires at `expiresAt` (null: never) is allowed by `allowed`. */
export const shareAllowed = (allowed: ReturnType<typeof sharesAllowed>, expiresAt: Date | null) =>
  allowed === 'all' || (allowed === 'expiring' && expiresAt !== null);

/** True when `to` no longer shows the video to some people `from` showed it to. */
function narrows(from: AccessState, to: AccessState) {
  return (
    widerThan(from.visibility, to.visibility) ||
    (from.visibility === 'team' && to.visibility === 'team' && from.teamId !== to.teamId)
  );
}

/**
 * THE way a video's access changes, in the caller's transaction, after the caller wrote the new visibility and
 * consent (owner's edit, editor's unpublishing, consent register): the share links the new state does not allow
 * end, and when that ended any or the visibility (or team) narrowed, the access version rises, so every media
 * URL handed out before (also to share-link viewers) stops working. Returns what happened; the caller publishes
 * `video.access.changed` once the transaction committed (the media access and search caches subscribe).
 */
export async function applyAccess(tx: DbOrTx, videoId: string, from: AccessState, to: AccessState) {
  const allowed = sharesAllowed(to);
  const sharesEnded =
    allowed === 'all' ? 0 : await shares.revokeShares(tx, videoId, { keepExpiring: allowed === 'expiring' });
  // Personal shares (issue 19) outlive any visibility (private is their point) but not the consent: when it no
  // longer allows showing the video to anyone but the owner, they end too.
  const grantsEnded = grantsAllowed(to) ? 0 : await grants.deleteAllGrants(tx, videoId);
  const changed = sharesEnded > 0 || grantsEnded > 0 || narrows(from, to);
  if (changed) await repo.bumpAccess(tx, videoId, { visibility: to.visibility });
  return { changed, sharesEnded, grantsEnded };
}

/** Whether personal shares (issue 19) are allowed: the consent lets the video be shown beyond its owner. */
export const grantsAllowed = (s: Pick<AccessState, 'consentAllows'>) => s.consentAllows !== 'private';
