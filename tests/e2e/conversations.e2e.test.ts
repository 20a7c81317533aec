import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, openDataTool, PHONE, signIn } from './browser.js';

/**
 * Learning conversations between levels (issue 17 part 4): Frederik (forvaltning, Fjordby Kommune) prepares a data
 * package for Solsikkeskolen on a 1280 screen — two themes in his order, an uploaded absence table whose row error
 * he sees and fixes before anything is saved — and shares it; Lene (Solsikkeskolen's leader) reads it on a phone
 * with what was agreed last time, and writes the agreed focus in the record. Axe clean at 1280 and 360.
 */
let browser: Browser;
const run = Date.now().toString(36);
const TITLE = `Læringssamtale e2e ${run}`;
const FOCUS = `Hvordan bruger vi læsebåndet i hele indskolingen? ${run}`;
const SHOTS = process.env.E2E_SHOTS;

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const csvFile = (name: string, text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-conv-')), name);
  fs.writeFileSync(file, text);
  return file;
};

describe('learning conversations', () => {
  it('forvaltning prepares a package with prioritised themes and uploaded figures, and shares it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'forvaltning');
    await openDataTool(page, 'Læringssamtaler');
    await page.getByRole('heading', { level: 1, name: 'Læringssamtaler' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Solsikkeskolen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Enhed').selectOption({ label: 'Solsikkeskolen' });
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByRole('button', { name: 'Opret datapakke' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Two themes, then the second moved first (the most important at the top).
    for (const theme of ['Afprøvet og virket', 'Observationsdata']) {
      await page.getByLabel('Tilføj tema').selectOption({ label: theme });
      await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    }
    await page.getByRole('button', { name: 'Flyt op Observationsdata' }).click();
    await page.getByRole('button', { name: 'Gem temaer' }).click();
    await page.getByText('Temaerne er gemt.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Prioritet 1: Observationsdata' }).waitFor();

    // An uploaded table: a row error shown in Danish, nothing saved; the fixed file is added.
    await page.getByLabel('Overskrift').fill('Elevfravær pr. årgang');
    await page.getByLabel('Enhed for tallene').fill('%');
    await page
      .getByLabel('CSV-fil')
      .setInputFiles(csvFile('fravaer.csv', '\uFEFFÅrgang;Fravær\n0.–2. årgang;4,4\n3.–5. årgang;fem\n'));
    await page.getByRole('button', { name: 'Læs filen' }).click();
    await page.getByText('Filen har 1 fejl.', { exact: false }).waitFor();
    await page.getByText('Linje 3: »fem« er ikke et tal.').waitFor();
    expect(await page.getByRole('button', { name: 'Tilføj tallene til pakken' }).count()).toBe(0);
    await page
      .getByLabel('CSV-fil')
      .setInputFiles(csvFile('fravaer.csv', '\uFEFFÅrgang;Fravær\n0.–2. årgang;4,4\n3.–5. årgang;5,1\n'));
    await page.getByRole('button', { name: 'Læs filen' }).click();
    await page.getByText('Filen kan bruges: 2 tal.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Tilføj tallene til pakken' }).click();
    await page.getByRole('heading', { level: 3, name: 'Prioritet 3: Elevfravær pr. årgang' }).waitFor();
    await page.getByRole('cell', { name: '5,1 %' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/conversations-prepare-1280.png`, fullPage: true });

    await page.getByRole('button', { name: 'Del med enhedens ledelse' }).click();
    await page.getByRole('button', { name: 'Del og frys tallene' }).click();
    await page.getByText('Tallene blev frosset', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Gem temaer' }).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('the leader reads the shared package on a phone with last time’s agreement and writes the record', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'leder');
    await page.goto(new URL('/laeringssamtaler', page.url()).href);
    await page.getByRole('heading', { level: 1, name: 'Læringssamtaler' }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Sidst aftalte I/ }).waitFor();
    await page.getByText('Hvordan styrker vi elevernes læseforståelse i 3. årgang?').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'Prioritet 1: Observationsdata' }).waitFor();
    // Forvaltning's tools are not hers.
    expect(await page.getByRole('button', { name: 'Del med enhedens ledelse' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSideScroll(page)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/conversations-leader-360.png`, fullPage: true });

    await page
      .getByLabel('Hvordan gik det med det, I aftalte sidst?')
      .fill('Læsebåndet virkede i 3.a og 3.b.');
    await page.getByLabel('Aftalt fokus').fill(FOCUS);
    await page.getByRole('button', { name: 'Gem referatet' }).click();
    await page.getByText('Referatet er gemt.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Giv fokus videre' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    // The same page on a wide screen.
    const wide = await newPage(browser, DESKTOP);
    await signIn(wide.page, 'leder');
    await wide.page.goto(new URL('/laeringssamtaler', wide.page.url()).href);
    await wide.page.getByRole('link', { name: TITLE }).click();
    await wide.page.getByRole('heading', { level: 2, name: 'Referat af samtalen' }).waitFor();
    expect(await wide.page.getByLabel('Aftalt fokus').inputValue()).toBe(FOCUS);
    expect(await axeViolations(wide.page)).toEqual([]);
    if (SHOTS) await wide.page.screenshot({ path: `${SHOTS}/conversations-leader-1280.png`, fullPage: true });

    // The focus handed down: a learning focus area filled in for the observation setup (she saves it herself) …
    const back = wide.page.url();
    await wide.page.getByRole('link', { name: 'Tilføj som læringsfokus' }).click();
    await wide.page.getByText('Fokus fra læringssamtalen er tilføjet', { exact: false }).waitFor();
    const titles = wide.page.getByLabel('Titel', { exact: true });
    await titles.last().waitFor();
    expect(await titles.last().inputValue()).toBe(FOCUS);
    // … and the question of a new cycle in her own team.
    await wide.page.goto(back);
    await wide.page.getByRole('button', { name: 'Start forløb i Ledelsesteamet' }).click();
    await wide.page.getByRole('heading', { level: 1, name: `Fokus fra læringssamtalen: ${TITLE}` }).waitFor();
    expect(await wide.page.getByLabel('Undersøgelsesspørgsmål').inputValue()).toBe(FOCUS);
    await wide.context.close();
  }, 120_000);
});
