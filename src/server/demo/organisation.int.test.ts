import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/crypto.js';
import { users } from '../db/schema.js';
import { err, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_PASSWORD } from './constants.js';
import { DEMO_ACCOUNTS, disableDemoPasswords, seedDemo } from './organisation.js';

/* Outside demo mode (main.ts calls disableDemoPasswords at start) no demo account may be used to sign in. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.db.insert(users).values({
    email: 'rigtig@kommune.dk',
    name: 'Rigtig Bruger',
    status: 'active',
    passwordHash: await hashPassword('en rigtig adgangskode'),
  });
});
afterAll(() => t?.close());

const outboxTo = async (to: string) =>
  (await rows(t.ctx.db, sql`select 1 from outbox_emails where to_address = ${to}`)).length;

describe('demo accounts outside demo mode', () => {
  it('every demo account signs in while demo mode is on', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const c = t.client();
      await c.login(a.email, DEMO_PASSWORD);
      const me = (await c.get('/api/v1/me')).json();
      expect(me.email).toBe(a.email);
      expect(me.grants.map((g: { role: string }) => g.role)).toContain(a.role);
    }
  });

  it('disableDemoPasswords removes the passwords: sign-in fails and open sessions end', async () => {
    const open = await t.as('leder');
    expect(await disableDemoPasswords(t.ctx.db)).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    for (const a of DEMO_ACCOUNTS) {
      const res = await t.client().post('/api/v1/auth/login', { email: a.email, password: DEMO_PASSWORD });
      expect(err(res)).toEqual([401, 'auth.invalid_credentials']);
    }
    expect(err(await open.get('/api/v1/me'))).toEqual([401, 'auth.session_expired']);
    const left = await rows(
      t.ctx.db,
      sql`select count(*)::int as n from users where email like '%@demo.amongi.dk' and password_hash is not null`,
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('no demo account can get a password another way (reset link), including the invited colleagues', async () => {
    for (const email of [
      'leder@demo.amongi.dk',
      'anders.lund@demo.amongi.dk',
      'karin.thomsen@demo.amongi.dk',
    ]) {
      expect((await t.client().post('/api/v1/auth/password-reset', { email })).statusCode).toBe(200);
      expect(await outboxTo(email)).toBe(0);
    }
  });

  it('is idempotent, leaves other accounts alone, and seeding again does not bring the demo back', async () => {
    expect(await disableDemoPasswords(t.ctx.db)).toBe(0);
    expect(await seedDemo(t.ctx.db)).toBe(false);
    await t.client().login('rigtig@kommune.dk', 'en rigtig adgangskode');
    const res = await t
      .client()
      .post('/api/v1/auth/login', { email: 'leder@demo.amongi.dk', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(401);
  });
});
