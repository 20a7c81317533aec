import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, openDataTool, PHONE, signIn } from './browser.js';

/*
 * The staff survey's administration (issue 18): forvaltning starts a round for Fjordby's schools, reminds, moves
 * the close day, prints a code list and closes the round; makes a new questionnaire version, adds and moves a
 * question and publishes it. The leder sees the rounds that asked their school and their response with small
 * groups withheld; medarbejder answers their open invitation through "Besvar nu". Axe at 1280 and 360;
 * screenshots into E2E_SCREENSHOTS or /tmp/shots-survey-admin.
 */
let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS || '/tmp/shots-survey-admin';
fs.mkdirSync(shots, { recursive: true });
const RUN = Date.now().toString(36);
const ROUND = `Trivselsrunde ${RUN}`;

/** A day `n` days from today, Danish time. */
function dayFromToday(n: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
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

describe('the staff survey’s administration', () => {
  it('forvaltning starts a round for the schools, reminds, moves the close day, prints codes and closes it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'forvaltning');
    await openDataTool(page, 'Medarbejderundersøgelse');
    await page.getByRole('heading', { level: 1, name: 'Medarbejderundersøgelse' }).waitFor();
    await page.getByRole('heading', { name: 'Runder i Fjordby Kommune' }).waitFor();
    await page.locator('.survey-round').first().waitFor();
    await axeAndShots(page, 'home');

    await page.getByRole('link', { name: 'Ny runde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny runde' }).waitFor();
    // Without a name and institutions the form says what is missing, on the fields.
    await page.getByRole('button', { name: 'Opret og send invitationer' }).click();
    await page.getByText('Skriv rundens navn.').waitFor();
    await page.getByText('Vælg mindst én institution.').waitFor();
    await page.getByLabel('Rundens navn').fill(ROUND);
    await page.getByRole('button', { name: 'Vælg alle skoler' }).click();
    await expect.poll(() => page.getByLabel('Solsikkeskolen').isChecked()).toBe(true);
    expect(await page.getByLabel('Klub Lynet').isChecked()).toBe(false);
    await page.getByLabel('Mindste gruppe').fill('2');
    await page.getByRole('button', { name: 'Opret og send invitationer' }).click();
    await page.getByText('Skriv et helt tal fra 3 til 50.').waitFor();
    await page.getByLabel('Mindste gruppe').fill('5');
    await page.getByText('alle medarbejdere i de 2 valgte institutioner').waitFor();
    await axeAndShots(page, 'new');
    await page.getByRole('button', { name: 'Opret og send invitationer' }).click();

    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await page.getByText('Runden er oprettet, og invitationerne er på vej.').waitFor();
    await page.getByRole('heading', { name: 'Solsikkeskolen' }).waitFor();
    await page.getByRole('table', { name: 'Svar i Solsikkeskolen' }).waitFor();
    await axeAndShots(page, 'round');

    await page.getByRole('button', { name: 'Send påmindelse' }).click();
    await page.getByText(/Påmindelsen er sendt til \d+/).waitFor();

    await page.getByRole('button', { name: 'Flyt lukkedag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flyt lukkedagen' });
    await dialog.getByLabel('Ny lukkedag').fill(dayFromToday(21));
    await dialog.getByRole('button', { name: 'Flyt' }).click();
    await page.getByText(/Runden lukker nu/).waitFor();

    await page.getByRole('link', { name: 'Kodeliste til udskrift' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kodeliste' }).waitFor();
    await page.getByText('Koderne vises kun én gang.').waitFor();
    await page.getByLabel('Institution').selectOption({ label: 'Kildeskolen' });
    await page.getByRole('button', { name: 'Lav kodeliste' }).click();
    await page.getByRole('heading', { name: `${ROUND} · Kildeskolen` }).waitFor();
    const codes = await page.locator('.survey-code').allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await axeAndShots(page, 'codes');

    await page.getByRole('navigation', { name: 'Brødkrummesti' }).getByRole('link', { name: ROUND }).click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await page.getByRole('button', { name: 'Luk runden nu' }).click();
    await page
      .getByRole('dialog', { name: 'Luk runden nu?' })
      .getByRole('button', { name: 'Luk runden nu' })
      .click();
    await page.getByText('Runden er lukket. Resultaterne kan nu ses.').waitFor();
    await page.getByRole('link', { name: 'Se resultater' }).waitFor();
    await context.close();
  }, 240_000);

  it('forvaltning makes a new questionnaire version, adds and moves a question, and publishes it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'forvaltning');
    await page.goto('/medarbejderundersoegelse/spoergeskemaer');
    await page.getByRole('heading', { level: 1, name: 'Spørgeskemaer' }).waitFor();
    await page
      .getByRole('button', { name: /^Ny version/ })
      .first()
      .click();
    await page.waitForURL(/\/spoergeskemaer\/[0-9a-f-]{36}$/);
    await page.getByRole('form', { name: 'Tilføj et spørgsmål' }).waitFor();
    await page.locator('.survey-item').first().waitFor();
    const count = await page.locator('.survey-item').count();
    const form = page.getByRole('form', { name: 'Tilføj et spørgsmål' });
    await form.getByLabel('Dimension').selectOption({ label: 'Tillid og samhørighed med kolleger' });
    await form.getByLabel('Spørgsmålet på dansk').fill(`Vi hjælper hinanden, når det brænder på ${RUN}`);
    await form.getByRole('button', { name: 'Tilføj' }).click();
    await page.getByText('Spørgsmålet er tilføjet.').waitFor();
    await expect.poll(() => page.locator('.survey-item').count()).toBe(count + 1);
    const last = page.locator('.survey-item').last();
    expect(await last.textContent()).toContain(RUN);
    await last.getByRole('button', { name: /^Op spørgsmål/ }).click();
    await page.getByText(`Flyttet til plads ${count} af ${count + 1}.`).waitFor();
    // Focus stays on the button pressed.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Op');
    await axeAndShots(page, 'editor');
    await page.getByRole('button', { name: 'Udgiv versionen' }).click();
    await page
      .getByRole('dialog', { name: 'Udgiv versionen?' })
      .getByRole('button', { name: 'Udgiv versionen' })
      .click();
    await page.getByText('Udgivet', { exact: true }).waitFor();
    await page.getByText(/Denne version er udgivet og ligger fast/).waitFor();
    await axeAndShots(page, 'published');
    await context.close();
  }, 180_000);

  it('the leder sees the rounds that asked the school; medarbejder answers through »Besvar nu«', async () => {
    const leder = await newPage(browser, DESKTOP);
    leder.context.setDefaultTimeout(30_000);
    await signIn(leder.page, 'leder');
    await leder.page.goto('/medarbejderundersoegelse');
    await leder.page.getByRole('heading', { name: 'Runder, der spørger Solsikkeskolen' }).waitFor();
    await leder.page.locator('.survey-round a.survey-round-name').first().click();
    await leder.page.getByRole('heading', { name: 'Svar indtil nu' }).waitFor();
    expect(await leder.page.locator('.survey-response h3').allTextContents()).toEqual(['Solsikkeskolen']);
    await axeAndShots(leder.page, 'leder-round');
    await leder.context.close();

    const staff = await newPage(browser, PHONE);
    staff.context.setDefaultTimeout(30_000);
    await signIn(staff.page, 'medarbejder');
    await staff.page.goto('/medarbejderundersoegelse');
    await staff.page.getByRole('heading', { name: 'Du er inviteret' }).waitFor();
    await axeAndShots(staff.page, 'staff-home');
    await staff.page
      .getByRole('button', { name: /^Besvar nu/ })
      .first()
      .click();
    await staff.page.waitForURL(/\/svar#.+/);
    await staff.page.getByText('Dit svar er anonymt:').waitFor();
    await staff.context.close();
  }, 180_000);
});
