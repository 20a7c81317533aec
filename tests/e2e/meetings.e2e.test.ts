import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';

/**
 * Team meetings (issue 16, T3): Kasper (laerer8) plans a meeting of Indskolingsteamet at Kildeskolen and runs a
 * round on the shared screen at 1280 px; Louise, Thomas and Maria (laerer9–11) follow on 360 px phones and send
 * their contributions, which appear on the screen live (EventSource); the minutes print without the menu.
 */
let browser: Browser;
const run = Date.now().toString(36);
const TITLE = `Teammøde om leg ${run}`;
const PROMPT = `Hvad lagde I mærke til i dag? ${run}`;

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a team meeting in meeting mode', () => {
  it('a facilitator on 1280 runs one round with three members on 360 phones', async () => {
    const fac = await newPage(browser, DESKTOP);
    await signIn(fac.page, 'laerer8');
    const teams = (await (await fac.page.request.get('/api/v1/me/teams')).json()) as {
      items: { id: string; name: string }[];
    };
    const team = teams.items.find((t) => t.name === 'Indskolingsteamet');
    expect(team).toBeTruthy();
    const page = fac.page;
    await page.goto(`/team/${team?.id}/moeder`);
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByRole('button', { name: 'Opret mødet' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const meetingUrl = new URL(page.url()).pathname;
    // The rotation's first meeting: the first three members alphabetically (or the next ones after an earlier run).
    expect(await page.getByLabel('Facilitator').inputValue()).not.toBe('');
    await page.getByLabel('Facilitator').selectOption({ label: 'Kasper Winther' });
    await page.getByRole('button', { name: 'Tilføj punkt' }).first().click();
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await page.getByText('Planen er gemt.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Fælles skærm' }).click();
    await page.getByLabel('Spørgsmål til runden').fill(PROMPT);
    await page.getByRole('button', { name: 'Start runden' }).click();
    await page.getByText('Ordet har').waitFor();
    await page.getByText('Live', { exact: true }).waitFor();

    const phones: Page[] = [];
    for (const who of ['laerer9', 'laerer10', 'laerer11']) {
      const p = await newPage(browser, PHONE);
      await signIn(p.page, who);
      await p.page.goto(`${meetingUrl}/telefon`);
      await p.page.getByText(PROMPT).waitFor();
      await p.page.getByText('Live', { exact: true }).waitFor();
      phones.push(p.page);
    }
    for (const [i, p] of phones.entries()) {
      const text = `Bidrag ${i + 1} fra telefonen ${run}`;
      await p.getByLabel('Mit bidrag').fill(text);
      await p.getByRole('button', { name: 'Send bidrag' }).click();
      await p.getByText('Dit bidrag er sendt.').waitFor();
      // On the shared screen within a second, without reloading.
      await page.getByText(text).waitFor({ timeout: 1000 });
    }
    // The word goes on: Kasper spoke first, Louise (laerer9) is next, and her phone says so.
    await page.getByRole('button', { name: 'Giv ordet videre' }).click();
    await phones[0].getByText('Det er din tur').waitFor();
    expect(await noSideScroll(phones[0])).toBe(true);
    expect(await axeViolations(phones[0])).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Afslut runden' }).click();
    await page.getByText('Runden er slut.').waitFor();

    await page.goto(`${meetingUrl}/referat`);
    await page.getByRole('heading', { level: 1, name: `Referat: ${TITLE}` }).waitFor();
    expect(await page.getByText(`Bidrag 3 fra telefonen ${run}`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
  }, 120_000);
});
