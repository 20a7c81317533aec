import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../testing/harness.js';
import { APP_CSP, PERMISSIONS_POLICY, RESOURCE_CSP } from './security-headers.js';

// A small built web app of our own (shell, a hashed script, its source map, the service worker): app.ts reads
// WEB_DIST_DIR when it is loaded, so the harness is imported only after it is set.
const web = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-web-'));
fs.mkdirSync(path.join(web, 'assets'));
fs.writeFileSync(
  path.join(web, 'index.html'),
  '<!doctype html><html><head><title>Amongi</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
);
fs.writeFileSync(
  path.join(web, 'assets/index-abc123.js'),
  'console.log("amongi");\n//# sourceMappingURL=index-abc123.js.map\n',
);
fs.writeFileSync(path.join(web, 'assets/index-abc123.js.map'), '{"version":3,"sources":["secret.ts"]}');
fs.writeFileSync(path.join(web, 'assets/index-abc123.css'), 'body{margin:0}');
fs.writeFileSync(path.join(web, 'sw.js'), 'self.addEventListener("fetch", () => {});');
// The app reads the build's folder when it is built; put back after (other files may run in this worker next).
const previousWebDist = process.env.WEB_DIST_DIR;

let t: TestApp;
let c: TestClient;
beforeAll(async () => {
  process.env.WEB_DIST_DIR = web;
  const { createTestApp } = await import('../testing/harness.js');
  t = await createTestApp();
  c = await t.as('medarbejder');
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (previousWebDist === undefined) delete process.env.WEB_DIST_DIR;
  else process.env.WEB_DIST_DIR = previousWebDist;
  fs.rmSync(web, { recursive: true, force: true });
});

type Headers = Record<string, string | string[] | number | undefined>;

/** The headers every response must carry, whatever answered it. */
function expectBaseHeaders(h: Headers) {
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('same-origin');
  expect(h['permissions-policy']).toBe(PERMISSIONS_POLICY);
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['strict-transport-security']).toBeUndefined(); // PUBLIC_URL is http here
}

describe('security headers', () => {
  it('the HTML shell (any client-side route) runs under the app CSP: no inline script, no framing', async () => {
    for (const url of ['/', '/videoer/abc', '/del/not-a-real-token']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectBaseHeaders(res.headers);
      expect(res.headers['content-security-policy']).toBe(APP_CSP);
    }
    const directives = new Map(
      APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(APP_CSP).not.toMatch(/unsafe-eval|report-only|\*/);
  });

  it('API answers, errors and 404s get the strict resource CSP and the same headers', async () => {
    const answers = [
      await c.get('/api/v1/me'), // 200 JSON
      await t.client().get('/api/v1/me'), // 401
      await c.get('/api/v1/no-such-route'), // 404 under /api
      await c.get('/no-such-file.png'), // 404 for a file that is not there
      await c.post('/api/v1/auth/login', '{not json', { headers: { 'content-type': 'application/json' } }), // 400
      await t.client().get('/healthz'),
      await t.client().get('/api/openapi.json'),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 404, 404, 400, 200, 200]);
    for (const res of answers) {
      expectBaseHeaders(res.headers);
      expect(res.headers['content-security-policy']).toBe(RESOURCE_CSP);
    }
  });

  it('static files carry them too; scripts (the service worker) get the app CSP', async () => {
    const script = await c.get('/assets/index-abc123.js');
    const worker = await c.get('/sw.js');
    const style = await c.get('/assets/index-abc123.css');
    for (const res of [script, worker, style]) {
      expect(res.statusCode).toBe(200);
      expectBaseHeaders(res.headers);
    }
    expect(script.headers['content-security-policy']).toBe(APP_CSP);
    expect(worker.headers['content-security-policy']).toBe(APP_CSP);
    expect(style.headers['content-security-policy']).toBe(RESOURCE_CSP);
  });

  it('a source map is never served, even when the build left one in the web folder', async () => {
    const res = await c.get('/assets/index-abc123.js.map');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('secret.ts');
    expect(res.json().error.code).toBe('route.not_found');
    expectBaseHeaders(res.headers);
    expect((await c.get('/assets/index-abc123.js.map?x=1')).statusCode).toBe(404);
  });

  it('a media file (signed URL) and a refused media URL carry them', async () => {
    const { insertVideo } = await import('../testing/catalogue.js');
    const { demoIds } = await import('../testing/fixtures.js');
    const { signedMediaPrefix } = await import('../modules/videos/signing.js');
    const { accessState } = await import('../modules/videos/repo.js');
    const ids = await demoIds(t.ctx.db);
    const id = await insertVideo(t.ctx.db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
    });
    await t.ctx.storage.putBytes(`videos/${id}/poster.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const version = (await accessState(t.ctx.db, id))?.accessVersion ?? 0;
    const prefix = signedMediaPrefix(t.ctx.secret, id, version);
    const poster = await t.client().get(`${prefix}poster.jpg`);
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
    expectBaseHeaders(poster.headers);
    expect(poster.headers['content-security-policy']).toBe(RESOURCE_CSP);
    const refused = await t.client().get(`${prefix.replace(/\/[^/]+\/$/, '/xxxx/')}poster.jpg`);
    expect(refused.statusCode).toBe(404);
    expectBaseHeaders(refused.headers);
  });

  it('tus upload answers (written straight to the socket, not through Fastify) carry them', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = (await c.get('/api/v1/auth/csrf')).json().token as string;
    const res = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrf,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `filename ${Buffer.from('a.mp4').toString('base64')}`,
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe(RESOURCE_CSP);
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('HSTS is sent when the public address is https', async () => {
    const { createTestApp } = await import('../testing/harness.js');
    const https = await createTestApp({ PUBLIC_URL: 'https://amongi.example.dk' });
    try {
      for (const url of ['/', '/api/v1/me', '/nope.png']) {
        const res = await https.client().get(url);
        expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
        expect(res.headers['x-frame-options']).toBe('DENY');
      }
    } finally {
      await https.close();
    }
  });
});
