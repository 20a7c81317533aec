import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, signIn } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** What each role's main navigation must (and must not) offer. */
const NAV: Record<string, { shows: string[]; hides: string[] }> = {
  administrator: { shows: ['Forside', 'Organisation', 'Udbakke', 'Profil'], hides: ['Import'] },
  leder: { shows: ['Forside', 'Organisation', 'Data', 'Profil'], hides: ['Udbakke', 'Import'] },
  forvaltning: { shows: ['Forside', 'Profil'], hides: ['Udbakke', 'Import'] },
  ressourceperson: { shows: ['Forside', 'Profil'], hides: ['Organisation', 'Import', 'Udbakke'] },
  medarbejder: { shows: ['Forside', 'Profil'], hides: ['Organisation', 'Import', 'Udbakke'] },
  redaktoer: { shows: ['Forside', 'Profil'], hides: ['Organisation', 'Import', 'Udbakke'] },
  medarbejder2: { shows: ['Forside', 'Profil'], hides: ['Organisation', 'Import', 'Udbakke'] },
};

describe('each role signs in, sees the right navigation, and signs out', () => {
  for (const [account, nav] of Object.entries(NAV)) {
    it(account, async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, account);
      const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
      for (const name of nav.shows)
        expect(await menu.getByRole('link', { name, exact: true }).count(), name).toBe(1);
      for (const name of nav.hides)
        expect(await menu.getByRole('link', { name, exact: true }).count(), name).toBe(0);
      await page.getByRole('button', { name: 'Log ud' }).click();
      await page.waitForURL('**/log-ind**');
      await page.goto('/profil');
      await page.waitForURL('**/log-ind**');
      await context.close();
    });
  }
});
