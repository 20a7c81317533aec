import { signer } from '../../auth/crypto.js';

/**
 * Media files (playlists, segments, posters, sprites, captions) are served under a signed, expiring prefix:
 *   /media/v/<videoId>/<accessVersion>/<expires>/<signature>/<file>
 * The API hands the prefix out only after the policy allowed the viewer; the player then fetches every file
 * relative to it (playlists use relative paths). A narrowed access (accessVersion raised) or an expired prefix
 * stops working; nothing about the path can be guessed for a video one may not see.
 *
 * The signature is a MAC with the 'media' key (auth/crypto `signer`), 24 bytes (32 characters). Verification
 * caps the expiry: a prefix never lives longer than the lifetime plus the rounding step, whatever it says.
 */
export const MEDIA_PREFIX = '/media/v';
export const MEDIA_LIFETIME_SECONDS = 4 * 60 * 60;
export const MEDIA_STEP_SECONDS = 60 * 60;
const MAC_BYTES = 24;

const mediaSigner = (secret: string) => signer(secret, 'media', MAC_BYTES);
const message = (videoId: string, version: number, expires: number) => `${videoId}:${version}:${expires}`;

/**
 * The signed prefix (ends with '/'). Expiry is rounded up to the hour so that URLs, and browser caches, stay stable.
 * `notAfter` (ms) ends it earlier, at the whole step at or before it: a personal share's end (issue 19), which is
 * Danish midnight and so always a whole hour — the files stop when the share does, not up to five hours later.
 */
export function signedMediaPrefix(
  secret: string,
  videoId: string,
  version: number,
  now = Date.now(),
  notAfter?: number,
): string {
  const latest = Math.ceil((now / 1000 + MEDIA_LIFETIME_SECONDS) / MEDIA_STEP_SECONDS) * MEDIA_STEP_SECONDS;
  const expires =
    notAfter === undefined
      ? latest
      : Math.min(latest, Math.floor(notAfter / 1000 / MEDIA_STEP_SECONDS) * MEDIA_STEP_SECONDS);
  const sig = mediaSigner(secret).sign(message(videoId, version, expires));
  return `${MEDIA_PREFIX}/${videoId}/${version}/${expires}/${sig}/`;
}

/** A non-negative integer written the one way it is issued (no sign, exponent, leading zero or fraction). */
const canonical = (s: string) => (/^(0|[1-9]\d{0,14})$/.test(s) ? Number(s) : null);

/** Checks a signed prefix's parts; the caller still compares `version` with the video's current access version. */
export function verifyMediaSignature(
  secret: string,
  p: { videoId: string; version: string; expires: string; sig: string },
  now = Date.now(),
): { version: number } | null {
  const version = canonical(p.version);
  const expires = canonical(p.expires);
  if (version === null || expires === null) return null;
  // Issued expiries are whole steps, at most one step beyond now + lifetime; anything else was not issued here.
  const latest = now / 1000 + MEDIA_LIFETIME_SECONDS + MEDIA_STEP_SECONDS;
  if (expires * 1000 < now || expires > latest || expires % MEDIA_STEP_SECONDS !== 0) return null;
  return mediaSigner(secret).verify(message(p.videoId, version, expires), p.sig) ? { version } : null;
}
