import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('logs in with JSON, sets an HttpOnly SameSite=Lax cookie, and /me returns the person with memberships', async () => {
    const c = t.client();
    const res = await c.login('leder@demo.amongi.dk', 'demo1234');
    const cookie = String(res.headers['set-cookie'])
      .split(/,(?=\s*amongi)/)
      .find((h) => h.includes('amongi_session'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: 'leder@demo.amongi.dk',
      grants: [{ role: 'leder', institutionName: 'Solsikkeskolen' }],
      teams: [{ name: 'Ledelsesteamet' }],
    });
  });

  it('refuses a login without a CSRF token', async () => {
    const res = await t
      .client()
      .post('/api/v1/auth/login', { email: 'leder@demo.amongi.dk', password: 'demo1234' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf_invalid');
  });

  it('refuses a CSRF token that belongs to another browser', async () => {
    const a = t.client();
    const b = t.client();
    await a.get('/api/v1/auth/csrf');
    const token = (await b.get('/api/v1/auth/csrf')).json().token;
    a.csrf = token;
    const res = await a.post('/api/v1/auth/login', { email: 'leder@demo.amongi.dk', password: 'demo1234' });
    expect(res.json().error.code).toBe('auth.csrf_invalid');
  });

  it('answers a wrong password with a Danish message, or English by Accept-Language', async () => {
    const c = t.client();
    const da = await c.post('/api/v1/auth/login', { email: 'leder@demo.amongi.dk', password: 'forkert' });
    expect(da.statusCode).toBe(401);
    expect(da.json()).toEqual({
      error: { code: 'auth.invalid_credentials', message: 'Forkert e-mail eller adgangskode.' },
    });
    const en = await c.post(
      '/api/v1/auth/login',
      { email: 'leder@demo.amongi.dk', password: 'forkert' },
      { headers: { 'accept-language': 'en-GB,en;q=0.9' } },
    );
    expect(en.json().error.message).toBe('Wrong e-mail or password.');
  });

  it('logs out and the session no longer works', async () => {
    const c = await t.as('medarbejder');
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    const token = c.cookies.get('amongi_session');
    await c.post('/api/v1/auth/logout');
    expect(c.cookies.has('amongi_session')).toBe(false);
    c.cookies.set('amongi_session', token as string);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('auth.session_expired');
  });
});

describe('the signed-in hint cookie (no /me request for an anonymous visitor)', () => {
  const hintHeader = (res: { headers: Record<string, unknown> }) =>
    String(res.headers['set-cookie'])
      .split(/,(?=\s*amongi)/)
      .find((h) => h.includes('amongi_signed_in='));

  it('comes with the session at sign-in, readable by the page and holding no secret; goes at sign-out', async () => {
    const c = t.client();
    const res = await c.login('leder@demo.amongi.dk', 'demo1234');
    const hint = hintHeader(res);
    expect(hint).toMatch(/^amongi_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/Max-Age=\d+/);
    // It grants nothing alone: the hint without the session is anonymous (and the answer clears the hint).
    const alone = t.client();
    alone.cookies.set('amongi_signed_in', '1');
    const me = await alone.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('auth.required');
    expect(alone.cookies.has('amongi_signed_in')).toBe(false);

    expect(c.cookies.get('amongi_signed_in')).toBe('1');
    await c.post('/api/v1/auth/logout');
    expect(c.cookies.has('amongi_signed_in')).toBe(false);
  });

  it('an expired session still answers 401 auth.session_expired (the app sends one to sign in), and the hint goes', async () => {
    const c = await t.as('medarbejder');
    expect(c.cookies.get('amongi_signed_in')).toBe('1');
    const token = c.cookies.get('amongi_session') as string;
    await c.post('/api/v1/auth/logout');
    c.cookies.set('amongi_session', token);
    c.cookies.set('amongi_signed_in', '1');
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('auth.session_expired');
    expect(c.cookies.has('amongi_signed_in')).toBe(false);
  });

  it('a signed-in request keeps the hint', async () => {
    const c = await t.as('medarbejder');
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(hintHeader(me)).toBeUndefined();
    expect(c.cookies.get('amongi_signed_in')).toBe('1');
  });
});

describe('health', () => {
  it('reports ok when the database answers', async () => {
    const res = await t.client().get('/healthz');
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
