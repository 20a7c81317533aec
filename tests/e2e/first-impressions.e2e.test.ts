import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE } from './browser.js';

/* A newcomer's first minutes in demo mode (issue 15): the sign-in page offers the demo accounts with one click
   (the e2e server is demo mode on 127.0.0.1, so this browser is on "this machine"); the server side, and that
   the list stays empty elsewhere, is src/server/demo/sign-in.int.test.ts. */

const shots = process.env.E2E_SCREENSHOTS ?? '/tmp/shots-first-impressions';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('demo mode sign-in', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('lists the demo accounts and signs in with one click (%s)', async (label, viewport) => {
    const { context, page } = await newPage(browser, viewport);
    await page.goto('/log-ind');
    const list = page.getByRole('region', { name: 'Log ind med en demokonto' });
    await expect.poll(() => list.getByRole('button').count()).toBe(8);
    await expect.poll(() => list.getByRole('button').first().textContent()).toContain('Asta Administrator');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, `login-demo-${label}.png`), fullPage: true });
    // One click: signed in as that person, on the front page.
    await list.getByRole('button', { name: /Mette Nørgaard/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).email);
    expect(me).toBe('medarbejder@demo.amongi.dk');
    await context.close();
  });

  it('the administrator sees how far the demo videos are', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto('/log-ind');
    await page
      .getByRole('region', { name: 'Log ind med en demokonto' })
      .getByRole('button', { name: /Asta Administrator/ })
      .click();
    await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));
    const progress = await page.evaluate(async () => (await fetch('/api/v1/demo/media')).json());
    expect(progress.demo).toBe(true);
    expect(progress.total).toBeGreaterThan(0);
    // While they are being made the banner says "N af M demovideoer klar"; a finished demo shows no banner.
    if (!progress.done)
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'demovideoer klar' }).count())
        .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'admin-demo-banner-desktop.png') });
    await context.close();
  });
});
