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
    // A leder of one institution goes straight to it.
    await page.getByRole('heading', { level: 1, name: 'Solsikkeskolen' }).waitFor();
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
    // Importing is on the institution's page (not in the menu).
    await page.getByRole('link', { name: 'Importér medarbejdere' }).click();
    await page.getByLabel('CSV-fil').setInputFiles(csv);
    await page.getByRole('cell', { name: 'Søren Ærø' }).waitFor();
    await page.getByRole('button', { name: 'Importér 2 personer' }).click();
    await page.getByRole('button', { name: 'Importér en ny fil' }).waitFor();

    // The imported people are now in the institution's people list.
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Organisation' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Solsikkeskolen' }).waitFor();
    await page.getByRole('link', { name: 'Åse Østergård' }).waitFor();

    await page.getByRole('button', { name: 'Log ud', exact: true }).click();
    await page.waitForURL('**/log-ind**');
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    await context.close();
  });
});
