import { describe, expect, it } from 'vitest';
import { isLoopbackHost, safeReturnPath } from '../../../../shared/sso.js';
import { decryptSecret, encryptSecret, signer } from '../../../auth/crypto.js';
import { AppError } from '../../../http/errors.js';
import { checkIssuer } from './client.js';

const SECRET = 'test-secret-'.padEnd(40, 'x');

describe('client secrets at rest (idp-secret key)', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encryptSecret(SECRET, 'client-secret-æøå');
    const b = encryptSecret(SECRET, 'client-secret-æøå');
    expect(a).not.toBe(b);
    expect(a).not.toContain('client-secret');
    expect(decryptSecret(SECRET, a)).toBe('client-secret-æøå');
  });

  it('refuses a changed ciphertext and another instance secret', () => {
    const sealed = Buffer.from(encryptSecret(SECRET, 'hemmelig'), 'base64url');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(SECRET, sealed.toString('base64url'))).toThrow();
    expect(() =>
      decryptSecret('another-secret-'.padEnd(40, 'y'), encryptSecret(SECRET, 'hemmelig')),
    ).toThrow();
  });

  it('is no signing purpose: signer() refuses it', () => {
    expect(() => signer(SECRET, 'idp-secret' as never)).toThrow();
  });
});

describe('return_to: only a path in this app', () => {
  it.each([
    ['/videoer?side=2', '/videoer?side=2'],
    ['/profil', '/profil'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/a\\b', '/'],
    ['/a\nb', '/'],
    ['/log-ind', '/'],
    ['', '/'],
    [undefined, '/'],
    [`/${'a'.repeat(600)}`, '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe('issuers: https, or http only on this machine', () => {
  it.each([
    ['https://broker.unilogin.dk/auth/realms/broker', true],
    ['http://127.0.0.1:3411', true],
    ['http://localhost:8080', true],
    ['http://[::1]:8080', true],
    ['http://idp.kommune.dk', false],
    ['http://127.0.0.1.nip.io', false],
    ['ftp://idp.kommune.dk', false],
  ])('%s → %s', (issuer, ok) => {
    const run = () => checkIssuer(issuer);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow(AppError);
  });
  it('loopback names', () => {
    expect(isLoopbackHost('127.0.0.2')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.evil')).toBe(false);
  });
});
