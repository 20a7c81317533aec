import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { DEMO_PASSWORD } from './constants.js';
import { DEMO_ACCOUNTS } from './organisation.js';
import { progressLine } from './progress.js';

/* The sign-in page's demo accounts: only in demo mode, only over a socket on this machine (Host and proxy
   headers cannot open it). Run against a real listening socket, since the answer depends on the socket. */

let t: TestApp;
let port = 0;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '0.0.0.0', port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t?.close());

/** The machine's own non-loopback IPv4 address, if it has one. */
const outside = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

function get(host: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: { accounts: unknown[]; password: string | null } }>(
    (resolve, reject) => {
      const req = http.get({ host, port, path: '/api/v1/demo/accounts', headers }, (res) => {
        let s = '';
        res.on('data', (d) => (s += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(s) }));
      });
      req.on('error', reject);
    },
  );
}

describe('demo accounts on the sign-in page', () => {
  it('lists every demo account with the password to a browser on this machine', async () => {
    const r = await get('127.0.0.1');
    expect(r.status).toBe(200);
    expect(r.body.password).toBe(DEMO_PASSWORD);
    expect(r.body.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(r.body.accounts[0]).toEqual({
      email: 'administrator@demo.amongi.dk',
      name: 'Asta Administrator',
      role: 'administrator',
      at: null,
    });
  });

  it('lists nothing when a proxy header says the request came from elsewhere', async () => {
    for (const h of ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host']) {
      const r = await get('127.0.0.1', { [h]: h === 'forwarded' ? 'for=203.0.113.9' : '203.0.113.9' });
      expect(r.body, h).toEqual({ accounts: [], password: null });
    }
  });

  it.skipIf(!outside)(
    'lists nothing over a non-loopback address, whatever the Host header says',
    async () => {
      for (const host of [undefined, 'localhost', '127.0.0.1:3000', '[::1]']) {
        const r = await get(outside as string, host ? { host } : {});
        expect(r.status).toBe(200);
        expect(r.body, String(host)).toEqual({ accounts: [], password: null });
      }
    },
  );

  it('lists nothing outside demo mode, even on this machine', async () => {
    const off = await createTestApp({ DEMO: '0' });
    try {
      await off.app.listen({ host: '127.0.0.1', port: 0 });
      const p = (off.app.server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${p}/api/v1/demo/accounts`);
      expect(await res.json()).toEqual({ accounts: [], password: null });
    } finally {
      await off.close();
    }
    // A second whole app (database copy, build): on a loaded 2-core machine that alone took 27 s of the default 30.
  }, 90_000);
});

describe('demo media progress', () => {
  it('administrators see how many demo videos are ready; others are refused', async () => {
    const admin = await t.as('administrator');
    const r = await admin.get('/api/v1/demo/media');
    expect(r.statusCode).toBe(200);
    // Only the organisation is seeded here (no catalogue): nothing to wait for.
    expect(r.json()).toEqual({ demo: true, ready: 0, failed: 0, total: 0, done: true });
    for (const who of ['leder', 'redaktoer', 'medarbejder']) {
      const res = await (await t.as(who)).get('/api/v1/demo/media');
      expect(res.statusCode, who).toBe(403);
    }
    expect((await t.client().get('/api/v1/demo/media')).statusCode).toBe(401);
  });

  it('says the progress in Danish, and when it is done', () => {
    expect(progressLine({ ready: 23, failed: 0, total: 63 })).toBe('23 af 63 demovideoer klar');
    expect(progressLine({ ready: 63, failed: 0, total: 63 })).toBe('Alle 63 demovideoer er klar');
    expect(progressLine({ ready: 61, failed: 2, total: 63 })).toBe(
      'Demovideoerne er færdige: 61 af 63 klar, 2 kunne ikke laves',
    );
  });
});
