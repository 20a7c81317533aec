import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/index.js';
import { err } from '../../testing/fixtures.js';
import { createTestApp, secondApp, type TestApp } from '../../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_IP: '5' });
});
afterAll(() => t?.close());

/** A browser at its own IP address, so each test starts with fresh per-IP counters. */
let nextIp = 10;
function browser() {
  const c = t.client();
  c.remoteAddress = `192.0.2.${nextIp++}`;
  return c;
}
const login = (c: ReturnType<typeof browser>, account: string, password: string, headers = {}) =>
  c.post('/api/v1/auth/login', { email: `${account}@demo.amongi.dk`, password }, { headers });

describe('login rate limits', () => {
  it('per account: past 3 failures → 429 auth.rate_limited, and even the right password is refused', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(err(await login(browser(), 'leder', 'forkert-kode')));
    expect(results).toEqual([
      [401, 'auth.invalid_credentials'],
      [401, 'auth.invalid_credentials'],
      [401, 'auth.invalid_credentials'],
      [429, 'auth.rate_limited'],
    ]);
    const right = await login(browser(), 'leder', DEMO_PASSWORD);
    expect(err(right)).toEqual([429, 'auth.rate_limited']);
    expect(right.json().error.message).toBe('For mange loginforsøg. Vent lidt, og prøv igen.');
    expect(right.cookies.some((c) => c.name === 'amongi_session')).toBe(false);
    const en = await login(browser(), 'leder', DEMO_PASSWORD, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Too many sign-in attempts. Wait a while and try again.');
    // Other accounts are not affected; the limit is on the account, case-insensitively.
    expect((await login(browser(), 'leder2', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(err(await login(browser(), 'LEDER', DEMO_PASSWORD))).toEqual([429, 'auth.rate_limited']);
  });

  it('per account: a successful sign-in starts the count again', async () => {
    const c = browser();
    const codes = [];
    for (const password of ['x1', 'x2', DEMO_PASSWORD, 'x3', 'x4', 'x5', 'x6'])
      codes.push((await login(c, 'medarbejder', password)).statusCode);
    expect(codes).toEqual([401, 401, 200, 401, 401, 401, 429]);
  });

  it('per IP: past 5 failures from one address → 429 for any account; other addresses still sign in', async () => {
    const c = browser();
    const accounts = ['forvaltning', 'ressourceperson', 'redaktoer', 'medarbejder2', 'administrator'];
    for (const a of accounts)
      expect(err(await login(c, a, 'forkert-kode'))).toEqual([401, 'auth.invalid_credentials']);
    expect(err(await login(c, 'forvaltning', DEMO_PASSWORD))).toEqual([429, 'auth.rate_limited']);
    expect(err(await login(c, 'ingen.konto', 'forkert-kode'))).toEqual([429, 'auth.rate_limited']);
    expect((await login(browser(), 'forvaltning', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('per IP: successful sign-ins do not use up the budget (a school behind one NAT address)', async () => {
    const school = browser();
    const codes = [];
    for (let i = 0; i < 8; i++)
      codes.push((await login(school, i % 2 ? 'redaktoer' : 'ressourceperson', DEMO_PASSWORD)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    for (let i = 0; i < 5; i++)
      expect((await login(school, `ingen${i}`, 'forkert-kode')).statusCode).toBe(401);
    expect(err(await login(school, 'ressourceperson', DEMO_PASSWORD))).toEqual([429, 'auth.rate_limited']);
  });

  it('password reset requests are limited per IP too', async () => {
    const c = browser();
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push((await c.post('/api/v1/auth/password-reset', { email: `ingen${i}@example.dk` })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('behind one reverse proxy (TRUST_PROXY=1)', () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await createTestApp({ TRUST_PROXY: '1', LOGIN_MAX_PER_IP: '5' });
  });
  afterAll(() => p?.close());

  /** A request arriving from the proxy (10.0.0.1) with the X-Forwarded-For it passes on. */
  const viaProxy = (xff: string, account = 'ingen.konto') => {
    const c = p.client();
    c.remoteAddress = '10.0.0.1';
    return c.post(
      '/api/v1/auth/login',
      { email: `${account}@demo.amongi.dk`, password: 'forkert-kode' },
      { headers: { 'x-forwarded-for': xff } },
    );
  };

  it('keys the per-IP limit on the address the proxy saw, not on a leftmost entry the client wrote itself', async () => {
    const codes = [];
    // The client sends its own X-Forwarded-For, different every time; the proxy appends the real address.
    for (let i = 0; i < 7; i++) codes.push((await viaProxy(`203.0.113.${i}, 198.51.100.7`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Another real client behind the same proxy is not affected; nor is one with a spoofed copy of the first's address.
    expect((await viaProxy('198.51.100.8')).statusCode).toBe(401);
    expect((await viaProxy('198.51.100.7, 198.51.100.9')).statusCode).toBe(401);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('PostgreSQL: every process shares the sign-in limits', () => {
  it('3 failures for one account spread over two apps on one database → the 4th attempt is refused on either', async () => {
    const second = await secondApp(t);
    await second.app.ready();
    try {
      const attempt = async (app: typeof t.app, password: string) => {
        const csrf = await app.inject({ url: '/api/v1/auth/csrf', remoteAddress: `198.51.100.${nextIp++}` });
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: `198.51.100.${nextIp++}`,
          cookies: Object.fromEntries(csrf.cookies.map((c) => [c.name, c.value])),
          headers: { 'x-csrf-token': csrf.json().token },
          payload: { email: 'leder2@demo.amongi.dk', password },
        });
        return res.statusCode;
      };
      const codes = [await attempt(t.app, 'x1'), await attempt(second.app, 'x2'), await attempt(t.app, 'x3')];
      codes.push(await attempt(second.app, DEMO_PASSWORD), await attempt(t.app, DEMO_PASSWORD));
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await second.app.close();
    }
  });
});
