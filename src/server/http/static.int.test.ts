import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/harness.js';

/**
 * Issue 22: what a phone downloads. A build like `vite build` leaves it (a hashed script with its .br and .gz
 * twins, the shell, sw.js), served by the real app: the compressed twin the browser asks for, `Vary`, a year's
 * cache for hashed files and revalidation for the rest; JSON answers above 1 kB compressed per request.
 */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-web-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `ord ${i}`))};\n`;
const ASSET = '/assets/index-B4x9QaZ1.js';

let t: TestApp;
const previousWebDist = process.env.WEB_DIST_DIR;
beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  const file = path.join(dist, ASSET);
  fs.writeFileSync(file, script);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Amongi</title><link rel="preload" href="/api/v1/me" as="fetch" crossorigin="anonymous" /><div id="root"></div>',
  );
  fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  // The app reads the build's folder when it is built; put back after (other files may run in this worker next).
  process.env.WEB_DIST_DIR = dist;
  const { createTestApp } = await import('../testing/harness.js');
  t = await createTestApp();
  // As security-headers.int.test.ts: the import above loads the whole server when this file is a worker's first.
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (previousWebDist === undefined) delete process.env.WEB_DIST_DIR;
  else process.env.WEB_DIST_DIR = previousWebDist;
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('built files', () => {
  it('a hashed script: brotli when asked, gzip when asked, as it is otherwise; cached for a year', async () => {
    const br = await get(ASSET, 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 2);

    const gz = await get(ASSET, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get(ASSET);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    for (const r of [br, gz, plain]) {
      expect(r.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('the compressed twins are no URLs of their own', async () => {
    expect((await get(`${ASSET}.br`)).statusCode).toBe(404);
  });

  it('the shell (as a file and for client-side routes) and sw.js are revalidated on every use', async () => {
    for (const url of ['/', '/index.html', '/videoer', '/sw.js']) {
      const r = await get(url, 'br');
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
    }
  });
});

describe('the early /me request in the shell', () => {
  it('is left out without the signed-in hint cookie (no 401 for a visitor), kept with it; Vary: Cookie', async () => {
    for (const url of ['/', '/videoer']) {
      const anonymous = await get(url);
      expect(anonymous.body, url).toContain('<div id="root">');
      expect(anonymous.body, url).not.toContain('/api/v1/me');
      expect(String(anonymous.headers.vary), url).toMatch(/cookie/i);
      const hinted = await t.app.inject({ method: 'GET', url, headers: { cookie: 'amongi_signed_in=1' } });
      expect(hinted.body, url).toContain('<link rel="preload" href="/api/v1/me"');
    }
  });
});

describe('API answers', () => {
  it('JSON above 1 kB is compressed for a client that accepts it, with Vary', async () => {
    const r = await get('/api/openapi.json', 'br, gzip');
    expect(r.headers['content-encoding']).toBe('br');
    expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
    const json = JSON.parse(zlib.brotliDecompressSync(r.rawPayload).toString());
    expect(json.openapi).toBe('3.0.3');

    const signedIn = await t.as('administrator');
    const list = await signedIn.request('GET', '/api/v1/institutions', undefined, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(list.statusCode).toBe(200);
    expect(zlib.gunzipSync(list.rawPayload).length).toBeGreaterThan(1024);
    expect(list.headers['content-encoding']).toBe('gzip');
  });

  it('small answers and clients that do not accept compression get plain JSON', async () => {
    const small = await get('/api/v1/auth/csrf', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().token).toBeTruthy();
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().openapi).toBe('3.0.3');
  });
});
