import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';
import { waitForMail } from './training-support.js';

/*
 * The staff survey end to end (issue 18 "E2E"): forvaltning starts a round for Solsikkeskolen (smallest group 3);
 * three teachers answer on 360 px phones from the links in their e-mails — one saves a draft on the phone, comes
 * back through the same link and sends it then; a used link says so. Forvaltning closes the round; the leder sees
 * the school's line with its small departments withheld. Forvaltning's analysis of the demo's closed round shows
 * the scatter with the fitted line and the table beside it. Axe clean on every page; screenshots into E2E_SHOTS
 * (or /tmp/shots-survey).
 */
let browser: Browser;
const shots = process.env.E2E_SHOTS || process.env.E2E_SCREENSHOTS || '/tmp/shots-survey';
fs.mkdirSync(shots, { recursive: true });
const RUN = Date.now().toString(36);
const ROUND = `Runde ${RUN}`;
const PEOPLE = ['laerer1', 'laerer2', 'laerer4'];
let roundUrl = '';

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());

async function check(pg: Page, name: string) {
  expect(await axeViolations(pg), name).toEqual([]);
  expect(await pg.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
  await pg.screenshot({ path: path.join(shots, `survey-${name}.png`), fullPage: true });
}

/** The personal link in the round's e-mail to a demo account. */
async function linkFor(local: string): Promise<string> {
  const mail = await waitForMail(`${local}@demo.amongi.dk`, (m) => m.text.includes(ROUND));
  const found = mail.text.match(/https?:\/\/[^\s]+\/svar#[A-Za-z0-9_-]+/);
  if (!found) throw new Error(`no link in the e-mail to ${local}: ${mail.text}`);
  // The token is after '#' (never sent to the server): keep it.
  const url = new URL(found[0]);
  return url.pathname + url.hash;
}

const stepHeading = (pg: Page) => pg.locator('#sv-step-heading');

/** Answers every statement of the steps from here to the review with one choice; `steps` limits how many. */
async function answerSteps(pg: Page, choice: string, steps = 99) {
  for (let s = 0; s < steps; s++) {
    const before = await stepHeading(pg).textContent();
    if (before === 'Send dit svar') return;
    const questions = pg.locator('.sv-question');
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).getByText(choice, { exact: true }).click();
    const text = pg.locator('.sv-text textarea');
    if ((await text.count()) > 0) await text.first().fill('Vi lærer meget af at se hinandens undervisning.');
    await pg.locator('.sv-next').click();
    await expect.poll(() => stepHeading(pg).textContent()).not.toBe(before);
  }
}

describe('the staff survey end to end', () => {
  it('forvaltning starts a round for Solsikkeskolen', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'forvaltning');
    await page.goto('/medarbejderundersoegelse/ny');
    await page.getByRole('heading', { level: 1, name: 'Ny runde' }).waitFor();
    await page.getByLabel('Rundens navn').fill(ROUND);
    await page.getByLabel('Solsikkeskolen').check();
    await page.getByLabel('Mindste gruppe').fill('3');
    await check(page, 'new-round');
    await page.getByRole('button', { name: 'Opret og send invitationer' }).click();
    await page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    roundUrl = new URL(page.url()).pathname;
    expect(roundUrl).toMatch(/^\/medarbejderundersoegelse\/runder\/[0-9a-f-]{36}$/);
    await context.close();
  }, 180_000);

  it('three teachers answer on their phones; one saves a draft and sends it later; a used link says so', async () => {
    const links = new Map<string, string>();
    for (const who of PEOPLE) links.set(who, await linkFor(who));

    // Sofie and Henrik answer straight through.
    for (const [i, who] of PEOPLE.slice(0, 2).entries()) {
      const { context, page } = await newPage(browser, PHONE);
      context.setDefaultTimeout(30_000);
      await page.goto(links.get(who) as string);
      await page.getByText('Dit svar er anonymt:').waitFor();
      // An anonymous respondent is not invited to sign in here.
      expect(await page.getByRole('link', { name: 'Log ind' }).count()).toBe(0);
      if (i === 0) await check(page, 'answer-phone');
      await answerSteps(page, i === 0 ? 'Enig' : 'Helt enig');
      await stepHeading(page).getByText('Send dit svar').waitFor();
      if (i === 0) await check(page, 'review-phone');
      await page.getByRole('button', { name: 'Send svar' }).click();
      await page.getByRole('heading', { name: 'Tak for dit svar' }).waitFor();
      if (i === 0) await check(page, 'thanks-phone');
      // The link works once (opened again in a new tab: the same address in this one is no new visit).
      const again = await context.newPage();
      await again.goto(links.get(who) as string);
      await again.getByText('Dit svar er allerede modtaget.').waitFor();
      await context.close();
    }

    // Morten answers two steps, saves for later, and comes back on the same phone.
    const { context, page } = await newPage(browser, PHONE);
    context.setDefaultTimeout(30_000);
    await page.goto(links.get('laerer4') as string);
    await page.getByText('Dit svar er anonymt:').waitFor();
    await answerSteps(page, 'Uenig', 2);
    await page.getByRole('button', { name: 'Send senere' }).click();
    await page.getByRole('heading', { name: 'Dit svar er gemt på denne enhed' }).waitFor();
    await check(page, 'later-phone');
    const again = await context.newPage();
    await page.close();
    await again.goto(links.get('laerer4') as string);
    await again.getByText('Vi har hentet de svar, du gemte på denne enhed.').waitFor();
    await answerSteps(again, 'Hverken enig eller uenig');
    await again.getByRole('button', { name: 'Send svar' }).click();
    await again.getByRole('heading', { name: 'Tak for dit svar' }).waitFor();
    await context.close();
  }, 300_000);

  it('forvaltning closes the round; the leder sees the school with its small departments withheld', async () => {
    const f = await newPage(browser, DESKTOP);
    f.context.setDefaultTimeout(30_000);
    await signIn(f.page, 'forvaltning');
    await f.page.goto(roundUrl);
    await f.page.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await f.page.getByRole('button', { name: 'Luk runden nu' }).click();
    await f.page
      .getByRole('dialog', { name: 'Luk runden nu?' })
      .getByRole('button', { name: 'Luk runden nu' })
      .click();
    await f.page.getByText('Runden er lukket. Resultaterne kan nu ses.').waitFor();
    await f.context.close();

    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'leder');
    await page.goto(`${roundUrl}/resultater`);
    await page.getByRole('heading', { level: 1, name: `Resultater: ${ROUND}` }).waitFor();
    const table = page.getByRole('table', { name: /Resultater pr\. institution, afdeling og rollegruppe/ });
    await table.waitFor();
    // The school as a whole (3 answers, the round's smallest group) shows; its departments of 1–2 do not.
    await table
      .getByText(/^3 af \d+$/)
      .first()
      .waitFor();
    await expect.poll(() => table.getByText('Færre end 3 svar — vises ikke').count()).toBeGreaterThan(0);
    await check(page, 'results-leder-desktop');
    await page.setViewportSize(PHONE);
    await check(page, 'results-leder-phone');
    await context.close();
  }, 180_000);

  it('forvaltning’s analysis of the demo’s closed round: the scatter with the fitted line, and the table', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'forvaltning');
    await page.goto('/medarbejderundersoegelse/analyse');
    await page
      .getByRole('heading', { level: 1, name: 'Analyse: social kapital og læringsfællesskab' })
      .waitFor();
    const year = new Date().getFullYear() - 1;
    await page.getByLabel('Runde').selectOption({ label: `Medarbejderundersøgelse ${year}` });
    await page
      .getByText(new RegExp(`^Medarbejderundersøgelse ${year}: \\d+ afdelinger med mindst 5 svar`))
      .waitFor();
    const scatter = page.locator('.sv-scatter').first();
    await scatter.locator('svg').first().waitFor();
    expect(await scatter.locator('[stroke="#0b5cad"]').count()).toBeGreaterThan(0);
    expect(await scatter.locator('circle').count()).toBeGreaterThanOrEqual(8);
    await page
      .getByText(/point social kapital ≈ .+ point PLF; R²/)
      .first()
      .waitFor();
    const points = page.getByRole('table', { name: /Afdelingernes tal: Medarbejdere/ });
    await points.waitFor();
    expect(await points.locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
    await page
      .getByText(/afdelinger? vises ikke \(færre end 5 svar\)/)
      .first()
      .waitFor();
    await check(page, 'analysis-desktop');
    await page.setViewportSize(PHONE);
    await check(page, 'analysis-phone');
    await context.close();
  }, 180_000);
  it('the front page: the leder sees the school’s trend; forvaltning picks an institution of the kommune', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    context.setDefaultTimeout(30_000);
    await signIn(page, 'leder');
    const year = new Date().getFullYear() - 1;
    const lederCard = page.locator('.sv-trend-card');
    await lederCard
      .getByRole('table', { name: /^Solsikkeskolen: social kapital og PLF pr\. runde/ })
      .waitFor();
    await lederCard.getByRole('link', { name: `Medarbejderundersøgelse ${year}` }).waitFor();
    await context.close();

    const f = await newPage(browser, DESKTOP);
    f.context.setDefaultTimeout(30_000);
    await signIn(f.page, 'forvaltning');
    const card = f.page.locator('.sv-trend-card');
    await card.getByLabel('Institution').selectOption({ label: 'Solsikkeskolen' });
    await card.getByRole('table', { name: /^Solsikkeskolen: social kapital og PLF pr\. runde/ }).waitFor();
    expect(await card.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await card.getByRole('link', { name: 'Se kommunens analyse' }).waitFor();
    await check(f.page, 'trend-forvaltning-desktop');
    await f.page.setViewportSize(PHONE);
    await check(f.page, 'trend-forvaltning-phone');
    await f.context.close();
  }, 180_000);
});
