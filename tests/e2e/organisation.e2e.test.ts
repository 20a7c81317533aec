import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, signIn } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('a leder manages their institution', () => {
  it('creates a team, imports staff from a CSV file, and signs out', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'leder');

    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Organisation' })
      .click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Solsikkeskolen' }).first().click();
    await page.getByLabel('Teamets navn').fill('Naturfag <i>udskoling</i>');
    await page.getByLabel('Type').selectOption('fagteam');
    await page.getByRole('button', { name: 'Opret team' }).click();
    // The name is shown as text, not as HTML.
    await page.getByText('Naturfag <i>udskoling</i>', { exact: true }).first().waitFor();

    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-csv-')), 'medarbejdere.csv');
    fs.writeFileSync(
      csv,
      '\uFEFFnavn;e-mail;institution;team;rolle\n' +
        'Søren Ærø;soeren.aeroe@skole.example;Solsikkeskolen;Matematikteamet;medarbejder\n' +
        'Åse Østergård;aase.oestergaard@skole.example;Solsikkeskolen;;ressourceperson\n',
    );
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('CSV-fil').setInputFiles(csv);
    await page.getByRole('cell', { name: 'Søren Ærø' }).waitFor();
    await page.getByRole('button', { name: /Importér/ }).click();
    await page.getByRole('status').filter({ hasText: /2/ }).first().waitFor();

    // The imported people are now in the institution's people list.
    await page.goto('/organisation');
    await page.getByRole('link', { name: 'Solsikkeskolen' }).first().click();
    await page.getByText('Åse Østergård').first().waitFor();

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/log-ind**');
    expect(await page.getByRole('button', { name: 'Log ind' }).count()).toBe(1);
    await context.close();
  });
});
