import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from '../modules/notifications/unsubscribe.js';
import {
  MEDIA_LIFETIME_SECONDS,
  MEDIA_STEP_SECONDS,
  signedMediaPrefix,
  verifyMediaSignature,
} from '../modules/videos/signing.js';
import * as crypto from './crypto.js';
import { deriveKey, SIGNING_PURPOSES, type SigningPurpose, signer } from './crypto.js';
import { csrfToken, csrfTokenValid } from './session.js';

const SECRET = 'test-secret-'.padEnd(40, 'x');
const VIDEO = '0b9f6c1e-3d2a-4c5b-9e8f-7a6b5c4d3e2f';
const USER = '5f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const NOW = Date.UTC(2026, 11, 6, 10, 17, 0);

/** Base64url of a SHA-256 HMAC with the bare secret: how CSRF and media were signed before (v1). */
const v1 = (message: string) => createHmac('sha256', SECRET).update(message).digest('base64url');

/** A media prefix's parts as the route parses them. */
function parts(prefix: string) {
  const [videoId, version, expires, sig] = prefix.split('/').slice(3, 7);
  return { videoId, version, expires, sig };
}
const issuedExpires = Number(parts(signedMediaPrefix(SECRET, VIDEO, 3, NOW)).expires);

/**
 * Every signer as its module uses it: the message it signs, the MAC length, and its verifier. The messages
 * are the ones each module verifies, so a positive control (same purpose) proves the table is not vacuous.
 */
const TARGETS: Record<
  SigningPurpose,
  { message: string; bytes: number; accepts: (mac: string, message: string) => boolean }
> = {
  csrf: {
    message: 'a-cookie-value-of-the-client-choosing',
    bytes: 32,
    accepts: (mac, seed) => csrfTokenValid(SECRET, seed, mac),
  },
  media: {
    message: `${VIDEO}:3:${issuedExpires}`,
    bytes: 24,
    accepts: (sig, m) => {
      const [videoId, version, expires] = m.split(':');
      return verifyMediaSignature(SECRET, { videoId, version, expires, sig }, NOW) !== null;
    },
  },
  unsubscribe: {
    message: Buffer.concat([Buffer.from(USER.replaceAll('-', ''), 'hex'), Buffer.from('digest')]).toString(
      'base64url',
    ),
    bytes: 16,
    accepts: (mac, body) => readUnsubscribeToken(SECRET, `${body}${mac}`) !== null,
  },
};

describe('one key per purpose', () => {
  it('nothing can sign with the bare instance secret any more', () => {
    expect(Object.keys(crypto)).not.toContain('hmac');
    const keys = SIGNING_PURPOSES.map((p) => deriveKey(SECRET, p).toString('hex'));
    expect(new Set(keys).size).toBe(SIGNING_PURPOSES.length);
    expect(keys).not.toContain(Buffer.from(SECRET).toString('hex'));
    expect(deriveKey(`${SECRET}y`, 'media').equals(deriveKey(SECRET, 'media'))).toBe(false);
  });

  it.each(SIGNING_PURPOSES.flatMap((from) => SIGNING_PURPOSES.map((to) => [from, to] as const)))(
    'a %s signature of the exact message a %s verifier checks is accepted only by its own purpose',
    (from, to) => {
      const target = TARGETS[to];
      // The strongest forgery: the other purpose's MAC of the very message, cut to the expected length.
      const mac = signer(SECRET, from, target.bytes).sign(target.message);
      expect(target.accepts(mac, target.message)).toBe(from === to);
      expect(signer(SECRET, to).verify(target.message, signer(SECRET, from).sign(target.message))).toBe(
        from === to,
      );
    },
  );

  it("the CSRF endpoint's answer for any cookie value is no media signature and no unsubscribe link", () => {
    for (const to of ['media', 'unsubscribe'] as const) {
      const { message, accepts } = TARGETS[to];
      const token = csrfToken(SECRET, message);
      for (const length of [22, 32, 43]) expect(accepts(token.slice(0, length), message)).toBe(false);
    }
  });
});

describe('rotation: signatures made before the fix stop working', () => {
  it('an old media URL signature (HMAC of the bare secret) is refused', () => {
    const old = v1(`media:${VIDEO}:3:${issuedExpires}`).slice(0, 32);
    const p = { videoId: VIDEO, version: '3', expires: String(issuedExpires) };
    expect(verifyMediaSignature(SECRET, { ...p, sig: old }, NOW)).toBeNull();
    expect(verifyMediaSignature(SECRET, parts(signedMediaPrefix(SECRET, VIDEO, 3, NOW)), NOW)).toEqual({
      version: 3,
    });
  });

  it('an old CSRF token is refused', () => {
    const seed = 'a-cookie-value-of-the-client-choosing';
    expect(csrfTokenValid(SECRET, seed, v1(seed))).toBe(false);
    expect(csrfTokenValid(SECRET, seed, csrfToken(SECRET, seed))).toBe(true);
  });

  it('an old unsubscribe link (v1 key) is refused', () => {
    const body = TARGETS.unsubscribe.message;
    const oldKey = createHash('sha256').update(`amongi unsubscribe v1\0${SECRET}`).digest();
    const old = createHmac('sha256', oldKey).update(body).digest().subarray(0, 16).toString('base64url');
    expect(readUnsubscribeToken(SECRET, `${body}${old}`)).toBeNull();
    expect(readUnsubscribeToken(SECRET, unsubscribeToken(SECRET, USER, 'digest'))).toEqual({
      userId: USER,
      kind: 'digest',
    });
  });
});

describe('media URLs: the expiry is capped when verifying', () => {
  const media = signer(SECRET, 'media', 24);
  const check = (expires: string | number, version = '3', now = NOW) =>
    verifyMediaSignature(
      SECRET,
      {
        videoId: VIDEO,
        version,
        expires: String(expires),
        sig: media.sign(`${VIDEO}:${version}:${expires}`),
      },
      now,
    );

  it('a correctly signed prefix with a far-future expiry is refused', () => {
    const tenYears = Math.ceil((NOW / 1000 + 10 * 365 * 86400) / MEDIA_STEP_SECONDS) * MEDIA_STEP_SECONDS;
    expect(check(tenYears)).toBeNull();
    expect(check(issuedExpires + MEDIA_STEP_SECONDS)).toBeNull();
  });

  it('accepts what is issued, up to now + lifetime + one step, and nothing past or odd', () => {
    expect(issuedExpires * 1000).toBeGreaterThan(NOW + MEDIA_LIFETIME_SECONDS * 1000);
    expect(check(issuedExpires)).toEqual({ version: 3 });
    // Issued at the very start of an hour, checked a moment earlier (another process's clock): still fine.
    const latest = Math.floor(
      (NOW / 1000 + MEDIA_LIFETIME_SECONDS + MEDIA_STEP_SECONDS) / MEDIA_STEP_SECONDS,
    );
    expect(check(latest * MEDIA_STEP_SECONDS)).toEqual({ version: 3 });
    expect(check(issuedExpires, '3', issuedExpires * 1000 + 1)).toBeNull(); // expired
    expect(check(issuedExpires - 1)).toBeNull(); // not a whole step: never issued
    expect(check(`0${issuedExpires}`)).toBeNull();
    expect(check(`${issuedExpires}.0`)).toBeNull();
    expect(check(issuedExpires, '03')).toBeNull();
  });
});
