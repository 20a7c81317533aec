import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, normaliseCode } from '../../../shared/survey.js';
import { randomToken, sha256 } from '../../auth/crypto.js';

/**
 * A survey invitation's secrets: the link's token (256 bits) and the printed code (12 characters of 32, 60 bits).
 * Only their SHA-256 digests are stored (`survey_invitations.token_hash` / `code_hash`), each with its own label,
 * so one can never be taken for the other.
 */
export const hashLinkToken = (token: string) => sha256(`survey-link\0${token}`);
export const hashCode = (code: string) => sha256(`survey-code\0${normaliseCode(code)}`);

export function newCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}
/** A code as printed: ABCD-EFGH-JKLM. */
export const formatCode = (code: string) =>
  normaliseCode(code)
    .match(/.{1,4}/g)
    ?.join('-') ?? '';

export function newInvitationSecrets() {
  const token = randomToken(32);
  const code = newCode();
  return { token, code, tokenHash: hashLinkToken(token), codeHash: hashCode(code) };
}

/**
 * What a person typed or followed: a link's token (43 base64url characters) or a printed code (12 characters,
 * with or without dashes and spaces). Both are looked up by their digest.
 */
export function invitationLookup(secret: string): { column: 'token_hash' | 'code_hash'; hash: string } {
  const code = normaliseCode(secret);
  if (code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)))
    return { column: 'code_hash', hash: hashCode(code) };
  return { column: 'token_hash', hash: hashLinkToken(secret) };
}
