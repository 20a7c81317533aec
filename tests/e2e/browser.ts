import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_OPTIONS } from './chromium.js';

export const baseUrl = () => inject('baseUrl');

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * Content-Security-Policy violations (and malformed Permissions-Policy headers) seen in any browser context of
 * this test file since the last check; tests/e2e/csp-guard.ts fails every test that leaves one behind. Kept on
 * globalThis so the guard and the test file see the same list whatever module instance they load.
 */
const store = globalThis as { __amongiCspViolations?: string[] };
store.__amongiCspViolations ??= [];
const seen: string[] = store.__amongiCspViolations;

/** The violations recorded so far; the list is emptied. */
export function takeCspViolations(): string[] {
  return seen.splice(0);
}

const POLICY_MESSAGE = /Content Security Policy|Content-Security-Policy|Permissions-Policy/i;

/** Records every CSP violation in the context: the browser's console reports, and the DOM's violation events. */
async function watchCsp(context: BrowserContext) {
  context.on('console', (m) => {
    if (POLICY_MESSAGE.test(m.text())) seen.push(`${m.page()?.url() ?? '(worker)'}: ${m.text()}`);
  });
  await context.exposeBinding('__amongiCspViolation', ({ page }, text: string) => {
    seen.push(`${page.url()}: ${text}`);
  });
  // Init scripts and bindings are added by the DevTools protocol, so the CSP itself does not block them.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __amongiCspViolation: (t: string) => void })
        .__amongiCspViolation;
      void report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
}

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  // Every context a test opens (newPage, or an API session of its own) is watched for CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}

export async function newPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), locale: 'da-DK' });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, account: string, password = 'demo1234') {
  await page.goto('/log-ind');
  await page.getByLabel('E-mail').fill(account.includes('@') ? account : `${account}@demo.amongi.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));
}

/**
 * Opens one of the data tools the way a person does: "Data" in the main menu (opened first on a phone), then the
 * tool on the page that lists them.
 */
export async function openDataTool(page: Page, name: string) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Data', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Data og udvikling' }).waitFor();
  await page.getByRole('main').getByRole('link', { name, exact: true }).click();
}

/** axe-core WCAG 2.1 AA violations on the current page, as short readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** A 3-second test video (640×360 H.264 + AAC from ffmpeg's test sources), made once per test process. */
let testVideoPath: string | null = null;
export function testVideo(): string {
  if (testVideoPath && fs.existsSync(testVideoPath)) return testVideoPath;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-video-'));
  const out = path.join(dir, 'klasserumsvideo.mp4');
  execFileSync(
    process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg',
    [
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=25',
      '-f',
      'lavfi',
      '-i',
      'sine',
    ].concat(['-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out]),
    { stdio: 'ignore' },
  );
  testVideoPath = out;
  return out;
}

/** The CSRF token for API writes made with the page's own session (page.request shares its cookies). */
export async function csrfToken(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
}

/** Uploads a file with the tus protocol through the API (one PATCH) and returns the new video's id. */
export async function uploadVideoViaApi(page: Page, file: string, title: string): Promise<string> {
  const token = await csrfToken(page);
  const bytes = fs.readFileSync(file);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const created = await page.request.post('/api/v1/uploads', {
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `filename ${b64(path.basename(file))},title ${b64(title)}`,
      'X-CSRF-Token': token,
    },
  });
  if (created.status() !== 201) throw new Error(`upload: ${created.status()} ${await created.text()}`);
  const id = created.headers()['amongi-video-id'];
  // The walk-through "Gør videoen klar" a new upload opens is closed: these tests are about other things
  // (upload-walkthrough.e2e.test.ts goes through it).
  const closed = await page.request.put(`/api/v1/videos/${id}/setup`, {
    headers: { 'X-CSRF-Token': token },
    data: { state: 'dismissed' },
  });
  if (closed.status() !== 200) throw new Error(`setup: ${closed.status()} ${await closed.text()}`);
  const location = new URL(created.headers().location, baseUrl()).pathname;
  const sent = await page.request.patch(location, {
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
      'X-CSRF-Token': token,
    },
    data: bytes,
  });
  if (sent.status() !== 204) throw new Error(`upload PATCH: ${sent.status()} ${await sent.text()}`);
  return id;
}

/** Waits until the video has finished processing (ready, every rendition made), or throws with its failure. */
export async function waitForReady(
  page: Page,
  id: string,
  ms = 120_000,
  opts: { playable?: boolean } = {},
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const v = (await (await page.request.get(`/api/v1/videos/${id}`)).json()) as {
      status: string;
      failure: { message: string } | null;
      renditions?: unknown;
    };
    // Ready plays from its first rendition (issue 21); `playable` stops there, else every rendition is made.
    if (v.status === 'ready' && (opts.playable || !v.renditions)) return;
    if (v.status === 'failed') throw new Error(`video failed: ${v.failure?.message}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`video ${id} was not ready after ${ms} ms`);
}

/**
 * Axe clean at desktop and phone width, with a full-page screenshot of each into `shotsDir` (`<name>-<width>.png`)
 * to look at; the page is left at desktop width.
 */
export async function expectAxeCleanAtBothWidths(page: Page, name: string, shotsDir: string) {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    expect(await axeViolations(page), `${name} at ${label}`).toEqual([]);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}
