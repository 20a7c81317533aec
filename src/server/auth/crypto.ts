import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
/** A digest of a random token (stored instead of the token); never a MAC: it takes no key. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Everything the instance signs, one purpose each. Nothing signs with the instance secret itself: each purpose
 * has its own key, so a token of one purpose (e.g. a CSRF token, which is a MAC of a value the client chooses)
 * is worthless for every other. A new signed thing gets a new purpose here, never an existing one.
 *   csrf         the CSRF token: MAC of the random value in the HttpOnly CSRF cookie
 *   media        the signed, expiring prefix of a video's media files (playlists, segments, posters, captions)
 *   unsubscribe  the one-click unsubscribe link in notification e-mails
 *   idp-secret   not a MAC key: the AES-256-GCM key that encrypts identity providers' client secrets at rest
 *                (encryptSecret/decryptSecret); not in SIGNING_PURPOSES, so signer() refuses it
 * Share links, invitations, password resets and calendar feeds are random tokens stored as a SHA-256 digest:
 * nothing about them is signed.
 */
export const SIGNING_PURPOSES = ['csrf', 'media', 'unsubscribe'] as const;
export type SigningPurpose = (typeof SIGNING_PURPOSES)[number];
/** Keys that encrypt rather than sign; derived the same way, under their own labels. */
type EncryptionPurpose = 'idp-secret';

/**
 * The version of the derivation and of the signed payload. Raising it makes every signature issued before stop
 * working (v1 was HMAC(secret, message) for CSRF and media, and SHA-256(label‖secret) as the unsubscribe key).
 */
const SIGNING_VERSION = 'v2';

const keys = new Map<string, Buffer>();
/** The key of one purpose: HKDF-SHA256 of the instance secret, with the purpose and version as its label. */
export function deriveKey(secret: string, purpose: SigningPurpose | EncryptionPurpose): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(
      hkdfSync('sha256', secret, 'amongi signing', `amongi ${purpose} ${SIGNING_VERSION}`, 32),
    );
    if (keys.size > 100) keys.clear(); // one secret per process in practice; tests build a few
    keys.set(id, key);
  }
  return key;
}

export type Signer = {
  readonly purpose: SigningPurpose;
  /** The MAC of `message`, base64url, `bytes` long before encoding. */
  sign(message: string): string;
  /** True when `mac` is this purpose's MAC of `message` (constant-time comparison). */
  verify(message: string, mac: string): boolean;
};

/**
 * Signs and verifies for one purpose: HMAC-SHA256 with the purpose's derived key over a payload that names the
 * version and the purpose too (`amongi/v2/<purpose>` NUL message), cut to `bytes` (at least 16 = 128 bits).
 */
export function signer(secret: string, purpose: SigningPurpose, bytes = 32): Signer {
  if (!SIGNING_PURPOSES.includes(purpose) || bytes < 16 || bytes > 32)
    throw new Error(`signer: bad purpose or length (${purpose}, ${bytes})`);
  const key = deriveKey(secret, purpose);
  const sign = (message: string) =>
    createHmac('sha256', key)
      .update(`amongi/${SIGNING_VERSION}/${purpose}\0${message}`)
      .digest()
      .subarray(0, bytes)
      .toString('base64url');
  return { purpose, sign, verify: (message, mac) => safeEqual(sign(message), mac) };
}

/**
 * Encrypts a secret kept at rest (an identity provider's client secret) with AES-256-GCM under the 'idp-secret'
 * key: base64url(iv ‖ tag ‖ ciphertext), the purpose bound in as associated data.
 */
export function encryptSecret(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, 'idp-secret'), iv);
  cipher.setAAD(Buffer.from('amongi idp-secret'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plain secret of `encryptSecret`; throws when it was changed or made with another instance secret. */
export function decryptSecret(secret: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, 'idp-secret'), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from('amongi idp-secret'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

const argonOptions = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};
export const hashPassword = (password: string) => hash(password, argonOptions);
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
/** A hash to verify against when the account does not exist, so timing does not reveal which e-mails exist. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
};
