import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, openDataTool, PHONE, signIn } from './browser.js';

/*
 * The dataårshjul (issue 17 part 1): Lene, the leder of Solsikkeskolen, opens it from the menu, adds a reading
 * test to the school's plan for this school year, and finds it on the wheel, in the list beside it and month by
 * month; Fjordby Kommune's published plan is there, marked as the kommune's. Axe at 1280 and 360; screenshots
 * into E2E_SCREENSHOTS or /tmp/shots-evaluation.
 */
let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS || '/tmp/shots-evaluation';
fs.mkdirSync(shots, { recursive: true });
const TITLE = `Læseprøve i 2. klasse ${Date.now().toString(36)}`;

/** This school year's start year, Danish time (1 August – 31 July). */
function schoolYear(): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' })
    .format(new Date())
    .split('-')
    .map(Number);
  return m >= 8 ? y : y - 1;
}

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());

async function axeAndShots(pg: Page, name: string) {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await pg.setViewportSize(size);
    await pg.waitForTimeout(250);
    expect(await axeViolations(pg), `${name} at ${label}`).toEqual([]);
    expect(await pg.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await pg.screenshot({ path: path.join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await pg.setViewportSize(DESKTOP);
}

describe('the dataårshjul', () => {
  it('a leder adds an item and sees it on the wheel, in the list and month by month', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'leder');
    await openDataTool(page, 'Dataårshjul');
    await page.getByRole('heading', { level: 1, name: 'Dataårshjul' }).waitFor();
    const y = schoolYear();
    const label = `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
    await page.getByRole('heading', { name: `Skoleåret ${label}` }).waitFor();
    // The wheel is a picture with a text alternative; the list beside it is the content.
    const wheel = page.getByRole('img', { name: new RegExp(`Årshjul for skoleåret ${label}`) });
    await wheel.waitFor();
    const list = page.getByRole('list', { name: 'Alle punkter i skoleåret' });
    await list.getByText('Fra kommunen').first().waitFor();
    const arcsBefore = await page.locator('.eval-item-institution').count();
    await axeAndShots(page, 'wheel');

    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    const form = page.getByRole('region', { name: 'Nyt punkt i årshjulet' });
    await form.getByLabel('Plan').selectOption({ label: 'Solsikkeskolen' });
    // Without a title and dates the form says what is missing, on the fields.
    await form.getByRole('button', { name: 'Tilføj punktet' }).click();
    await form.getByText('Skriv en titel.').first().waitFor();
    await form.getByLabel('Titel').fill(TITLE);
    await form.getByLabel('Slags data').selectOption({ label: 'Læseprøve/ordblindetest' });
    await form.getByLabel('For hvem').fill('2.a og 2.b');
    await form.getByLabel('Ansvarlig person').selectOption({ label: 'Rasmus Kjær' });
    await form.getByLabel('Indsamling fra').fill(`${y + 1}-03-02`);
    await form.getByLabel('Indsamling til').fill(`${y + 1}-03-13`);
    await form.getByLabel('Analyseres den').fill(`${y + 1}-03-24`);
    await form.getByLabel('På hvilket møde').selectOption({ label: 'Læringssamtale' });
    await axeAndShots(page, 'form');
    await form.getByRole('button', { name: 'Tilføj punktet' }).click();
    await page.getByText('Punktet er tilføjet.').waitFor();

    const card = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TITLE }) });
    await card.waitFor();
    expect(await card.textContent()).toContain('Ansvarlig: Rasmus Kjær');
    expect(await card.textContent()).toContain('Læringssamtale');
    expect(await page.locator('.eval-item-institution').count()).toBe(arcsBefore + 1);
    // Hovering the card marks its arc on the wheel.
    await card.hover();
    expect(await page.locator('.eval-item-institution.is-selected').count()).toBe(1);
    await axeAndShots(page, 'wheel-added');

    await page.getByRole('button', { name: 'Måned for måned' }).click();
    const march = page.getByRole('region', { name: `marts ${y + 1}` });
    await march.getByText(`Indsamling begynder: ${TITLE}`).waitFor();
    await march.getByText(`Analyse: ${TITLE}`).waitFor();
    await axeAndShots(page, 'months');
    await context.close();
  });
});
