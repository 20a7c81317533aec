import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, PHONE } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('keyboard only, on a phone-sized screen', () => {
  it('signs in, opens the menu and follows a link without a mouse', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto('/log-ind');
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent?.trim(),
      );

    // Tab from the top of the page until the e-mail field has focus (skip link, logo, language come first).
    for (let i = 0; i < 8 && (await focused()) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('email');
    await page.keyboard.type('medarbejder@demo.amongi.dk');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // After signing in, focus is on the new page's heading: the menu button is behind it, in the header.
    for (let i = 0; i < 10 && !(await menu.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const profile = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Profil' });
    for (let i = 0; i < 30 && !(await profile.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/profil');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });
});
