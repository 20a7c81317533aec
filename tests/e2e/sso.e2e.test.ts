import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestProvider,
  type TestProvider,
} from '../../src/server/modules/auth/oidc/test-provider.testing.js';
import { baseUrl, expectAxeCleanAtBothWidths, launch, newPage, signIn } from './browser.js';

/*
 * Issue 20 part 1: an administrator adds the loopback OpenID Connect provider in the UI; a teacher signs in
 * through it and lands on the front page with the right institution; a pupil gets the Danish "for staff" page.
 */

const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3413);
let browser: Browser;
let idp: TestProvider;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-e2e-sso-'));

beforeAll(async () => {
  browser = await launch();
  idp = await startTestProvider({
    port: IDP_PORT,
    publicUrl: baseUrl(),
    accounts: {
      'sofie.sso': {
        email: 'sofie.sso@skole.dk',
        email_verified: true,
        name: 'Sofie Sso Lærer',
        aktoer_gruppe: 'Lærer',
      },
      'elev.sso': { email: 'elev.sso@skole.dk', email_verified: true, aktoer_gruppe: 'Elev' },
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await idp?.close();
  console.log(`screenshots in ${shots}`);
});

const field = (page: Page, name: RegExp) => page.getByRole('textbox', { name });

describe('single sign-on (issue 20 part 1)', () => {
  it('an administrator adds the provider on /organisation/log-ind', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'administrator');
    await page.goto('/organisation');
    await page.getByRole('link', { name: 'Log ind med andre tjenester' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log ind med andre tjenester' }).waitFor();
    await expect(page.getByText(`${baseUrl()}/api/v1/auth/oidc/callback`)).toBeTruthy();
    await page.getByRole('button', { name: 'Tilføj log-ind-tjeneste' }).click();
    await page.getByLabel('Type', { exact: true }).selectOption('generic');
    await field(page, /^Navn på knappen/).fill('Kommunens log-ind');
    await field(page, /^Udsteder/).fill(idp.issuer);
    await field(page, /^Klient-id/).fill(idp.clientId);
    await page.getByLabel(/^Klienthemmelighed/).fill(idp.clientSecret);
    await field(page, /^Scopes/).fill('openid email profile uni');
    await field(page, /^Brugertype( \(valgfri\))?$/).fill('aktoer_gruppe');
    await field(page, /^Brugertyper og roller/).fill('Lærer = medarbejder\nElev = elev');
    await page.getByLabel('Opret nye personer ved første log ind').check();
    await page.getByLabel('Institution for nye personer').selectOption({ label: 'Solsikkeskolen' });
    await expectAxeCleanAtBothWidths(page, 'sso-admin-form', shots);
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await page.getByText('Log-ind-tjenesten er tilføjet.').waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Kommunens log-ind' });
    await card.getByText('Gemt (vises ikke)').waitFor();
    expect(await page.content()).not.toContain(idp.clientSecret);
    await expectAxeCleanAtBothWidths(page, 'sso-admin-list', shots);
    await context.close();
  });

  it('a teacher signs in through it and lands on the front page with her institution', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/log-ind');
    const button = page.getByRole('link', { name: 'Log ind med Kommunens log-ind' });
    await button.waitFor();
    await expectAxeCleanAtBothWidths(page, 'sso-login', shots);
    await button.click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByLabel('Brugernavn').fill('sofie.sso');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL((u) => u.origin === baseUrl() && u.pathname === '/');
    const me = (await (await page.request.get('/api/v1/me')).json()) as {
      email: string;
      grants: { role: string; institutionName: string | null }[];
    };
    expect(me.email).toBe('sofie.sso@skole.dk');
    expect(me.grants).toEqual([
      expect.objectContaining({ role: 'medarbejder', institutionName: 'Solsikkeskolen' }),
    ]);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'sso-front-page-desktop.png'), fullPage: true });
    // Signing out ends the provider's session too (RP-initiated logout) and comes back to the sign-in page.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByRole('button', { name: 'Ja, log ud' }).click();
    await page.waitForURL((u) => u.origin === baseUrl() && u.pathname === '/log-ind');
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);
    await context.close();
  });

  it('a pupil is refused with the Danish page for staff only', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/log-ind');
    await page.getByRole('link', { name: 'Log ind med Kommunens log-ind' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByLabel('Brugernavn').fill('elev.sso');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL((u) => u.pathname === '/log-ind/fejl');
    await page.getByRole('heading', { level: 1, name: 'Amongi er for medarbejdere' }).waitFor();
    await page.getByText('Elever kan ikke logge ind i Amongi').waitFor();
    await expectAxeCleanAtBothWidths(page, 'sso-refused', shots);
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);
    await context.close();
  });
});
