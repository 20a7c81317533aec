import { hmac, safeEqual } from '../../auth/crypto.js';

/**
 * Media files (playlists, segments, posters, sprites, captions) are served under a signed, expiring prefix:
 *   /media/v/<videoId>/<accessVersion>/<expires>/<signature>/<file>
 * The API hands the prefix out only after the policy allowed the viewer; the player then fetches every file
 * relative to it (playlists use relative paths). A narrowed access (accessVersion raised) or an expired prefix
 * stops working; nothing about the path can be guessed for a video one may not see.
 */
export const MEDIA_PREFIX = '/media/v';
const LIFETIME_SECONDS = 4 * 60 * 60;
const STEP_SECONDS = 60 * 60;

const payload = (videoId: string, version: number, expires: number) =>
  `media:${videoId}:${version}:${expires}`;

/** The signed prefix (ends with '/'). Expiry is rounded up to the hour so that URLs, and browser caches, stay stable. */
export function signedMediaPrefix(
  secret: string,
  videoId: string,
  version: number,
  now = Date.now(),
): string {
  const expires = Math.ceil((now / 1000 + LIFETIME_SECONDS) / STEP_SECONDS) * STEP_SECONDS;
  const sig = hmac(secret, payload(videoId, version, expires)).slice(0, 32);
  return `${MEDIA_PREFIX}/${videoId}/${version}/${expires}/${sig}/`;
}

/** Checks a signed prefix's parts; the caller still compares `version` with the video's current access version. */
export function verifyMediaSignature(
  secret: string,
  p: { videoId: string; version: string; expires: string; sig: string },
  now = Date.now(),
): { version: number } | null {
  const version = Number(p.version);
  const expires = Number(p.expires);
  if (!Number.isInteger(version) || !Number.isInteger(expires) || expires * 1000 < now) return null;
  const expected = hmac(secret, payload(p.videoId, version, expires)).slice(0, 32);
  return safeEqual(expected, p.sig) ? { version } : null;
}
