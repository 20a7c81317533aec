import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newPage, signIn, takeCspViolations } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app under its Content-Security-Policy', () => {
  it('the shell is served with an enforced CSP, and the app and its service worker run under it', async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto('/');
    const headers = res?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy-report-only']).toBeUndefined();
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    await signIn(page, 'medarbejder');
    // The service worker (a file, /sw.js: no inline registration script) installs and precaches under it.
    const sw = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(sw).toBe(`${baseUrl()}/sw.js`);
    await context.close();
  });

  it('an injected inline script does not run, and the guard reports it (so any test causing one fails)', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/log-ind');
    await page.getByLabel('E-mail').waitFor();
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => takeCspViolations().join('\n'), { timeout: 5000 }).toContain('script-src');
    await context.close();
  });

  it('another site cannot frame the app (frame-ancestors / X-Frame-Options)', async () => {
    const { context, page } = await newPage(browser);
    // A page that is not the app (about:blank, no policy of its own) tries to frame it.
    await page.setContent(`<iframe src="${baseUrl()}/log-ind" title="framed"></iframe>`);
    await expect.poll(() => takeCspViolations().join('\n'), { timeout: 5000 }).toContain('frame-ancestors');
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed?.url() ?? '').not.toContain('/log-ind');
    takeCspViolations();
    await context.close();
  });

  it('the production build has no source maps, and none is served', async () => {
    const dist = path.resolve(process.env.WEB_DIST_DIR ?? 'dist/web');
    const files = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts)
      expect(fs.readFileSync(path.join(dist, f), 'utf8'), f).not.toContain('sourceMappingURL=');
    const shell = await (await fetch(`${baseUrl()}/`)).text();
    const entry = /<script type="module"[^>]* src="([^"]+)"/.exec(shell)?.[1];
    expect(entry).toMatch(/^\/assets\/.+\.js$/);
    expect((await fetch(`${baseUrl()}${entry}`)).status).toBe(200);
    expect((await fetch(`${baseUrl()}${entry}.map`)).status).toBe(404);
  });
});
