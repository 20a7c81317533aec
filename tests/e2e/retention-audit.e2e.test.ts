import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeCleanAtBothWidths, launch, newPage, signIn } from './browser.js';

/* Issue 20 parts 4–5: retention settings with the dry run, the audit log with filters and CSV, a person's own log. */
let browser: Browser;
const shots = process.env.E2E_SHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-e2e-retention-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('retention and the audit log', () => {
  it('an administrator changes a period and sees the dry run and the runs', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'administrator');
    await page.goto('/organisation');
    await page.getByRole('link', { name: 'Opbevaring af data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opbevaring af data' }).waitFor();
    const mails = page.getByRole('region', { name: 'Sendte e-mails' });
    await expect.poll(() => mails.getByLabel('Gem i').inputValue()).toBe('90');
    await mails.getByLabel('Gem i').selectOption('30');
    await mails.getByRole('button', { name: /^Gem/ }).click();
    await page.getByText('Gemt: Sendte e-mails').waitFor();
    await expect.poll(() => mails.getByText('Ændret', { exact: false }).count()).toBe(1);
    expect(await mails.getByLabel('Gem i').inputValue()).toBe('30');
    // The dry run: each kind says what a run now would delete (nothing this young), kept kinds say so.
    await mails.getByText('Intet at slette nu.').waitFor();
    await page
      .getByRole('region', { name: 'Originalfiler af uploads' })
      .getByText('Beholdes — intet slettes.')
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kørsler' }).waitFor();
    await expectAxeCleanAtBothWidths(page, 'retention', shots);
    // Set back so that later tests on this server see the defaults.
    await mails.getByLabel('Gem i').selectOption('90');
    await mails.getByRole('button', { name: /^Gem/ }).click();
    await expect.poll(() => mails.getByLabel('Gem i').inputValue()).toBe('90');
    await context.close();
  });

  it('an administrator filters the audit log and downloads it as CSV', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'administrator');
    await page.goto('/organisation');
    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await page.getByLabel('Handling').selectOption({ label: 'Indstillinger' });
    await page.getByLabel('Person').fill('Asta');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/group=settings/);
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'ændrede en opbevaringsperiode' }).first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.slice(1).every((r) => r.includes('Asta Administrator'))).toBe(true);
    await expectAxeCleanAtBothWidths(page, 'audit-log', shots);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som CSV' }).click(),
    ]);
    const file = path.join(shots, 'auditlog.csv');
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFTidspunkt;Person;E-mail;Handling;')).toBe(true);
    expect(csv).toContain('retention.settings');
    expect(csv).not.toContain('auth.sign_in'); // the filter applies to the file too
    await context.close();
  });

  it('a teacher sees her own log from her profile, and not the administrator’s pages', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await page.goto('/profil');
    await page.getByRole('link', { name: 'Se hvem der har set eller ændret dine data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log over mine data' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'loggede ind' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Dig' }).count()).toBeGreaterThan(0);
    await expectAxeCleanAtBothWidths(page, 'own-log', shots);
    expect((await page.request.get('/api/v1/audit-log')).status()).toBe(403);
    await page.goto('/organisation/log');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Auditlog' }).count()).toBe(0);
    await context.close();
  });
});
