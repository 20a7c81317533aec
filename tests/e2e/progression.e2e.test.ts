import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, openDataTool, PHONE, signIn } from './browser.js';

/**
 * Progression overview (issue 17 part 2): Lene (leder at Solsikkeskolen) sets up a class with the "3. årgang" team
 * and a period; Mette (in that team) adds six children by code and fills the period by keyboard on a tablet and
 * sees the summary change; Lene sees the class; Frederik (forvaltning) sees only the summary, never the class;
 * Mette records a læringssamtale with Rasmus as resource person, and the next one shows its follow-up.
 */
let browser: Browser;
const run = Date.now().toString(36);
const GROUP = `3.E ${run}`;
const PERIOD = `Vinter ${run}`;
const CODES = ['01', '02', '03', '04', '05', '06'].map((n) => `E${run}-${n}`);
const FOLLOW_UP = `Vi tester læsehastighed igen om seks uger ${run}`;
const TABLET = { width: 768, height: 1024 };
const SHOTS = process.env.E2E_SHOTS;
let groupUrl = '';

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());

const grid = (page: Page) => page.getByRole('grid', { name: 'Læsning' });
const cell = (page: Page, code: string, status: string) =>
  grid(page).getByRole('gridcell', { name: new RegExp(`^Elev ${code}, Læsning, ${PERIOD}: ${status}`) });

describe('progression overview', () => {
  it('a leader sets up a class with its class team and a period', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'leder');
    await openDataTool(page, 'Progression');
    await page.getByRole('heading', { level: 1, name: 'Progression' }).waitFor();
    await page.getByRole('link', { name: 'Opsætning Solsikkeskolen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opsætning: Solsikkeskolen' }).waitFor();
    // Turning names off is explained before it erases anything (names are off here: the box starts unchecked).
    await page.getByText('Navnene vises aldrig for ledelse, ressourcepersoner eller forvaltning.').waitFor();

    const periods = page.locator('form').filter({ hasText: 'Tilføj periode' });
    await periods.getByLabel('Navn').fill(PERIOD);
    await periods.getByLabel('Fra').fill('2027-01-04');
    await periods.getByLabel('Til').fill('2027-01-29');
    await periods.getByRole('button', { name: 'Tilføj periode' }).click();
    await page
      .getByRole('list', { name: 'Vurderingsperioder' })
      .getByRole('listitem')
      .filter({ hasText: PERIOD })
      .waitFor();

    const groups = page.locator('form').filter({ hasText: 'Tilføj klasse' });
    await groups.getByLabel('Navn').fill(GROUP);
    await groups.getByLabel('Klasseteam').selectOption({ label: '3. årgang' });
    await groups.getByLabel('Klassetrin').selectOption({ label: '3. klasse' });
    await groups.getByRole('button', { name: 'Tilføj klasse' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: GROUP }) });
    await card.getByText('Klasseteam: 3. årgang').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/progression-setup-1280.png`, fullPage: true });
    await context.close();
  });

  it('a teacher in the class team adds children and fills a period by keyboard on a tablet', async () => {
    const { context, page } = await newPage(browser, TABLET);
    await signIn(page, 'medarbejder');
    await page.goto('/progression');
    await page.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${GROUP}`) }).waitFor();
    groupUrl = new URL(page.url()).pathname;
    expect(groupUrl).toMatch(/^\/progression\/grupper\/[0-9a-f-]{36}$/);

    // Children by code (the hint says never CPR numbers).
    await page.getByText(/Skriv aldrig CPR-numre/).waitFor();
    for (const code of CODES) {
      await page.getByLabel('Kode').fill(code);
      await page.getByRole('button', { name: 'Tilføj elev' }).click();
      await grid(page).getByRole('rowheader', { name: code }).waitFor();
    }
    expect(await axeViolations(page)).toEqual([]);

    // The grid is one tab stop: Tab from the last area button lands on its first cell; arrows move, G/Y/R and
    // 1/2/3 set a status on the way down the new period's column.
    await page.getByRole('button', { name: 'Læsning' }).click();
    await page.getByRole('group', { name: 'Område' }).getByRole('button').last().focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(await focused()).toMatch(new RegExp(`^Elev ${CODES[0]}, Læsning, `));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(new RegExp(`^Elev ${CODES[1]}, `));
    await cell(page, CODES[0], 'ikke vurderet').focus();
    for (const key of ['g', 'y', 'r', '1', '2', 'G']) {
      await page.keyboard.press(key);
      await page.keyboard.press('ArrowDown');
    }
    await cell(page, CODES[0], 'Grøn').waitFor();
    await cell(page, CODES[1], 'Gul').waitFor();
    await cell(page, CODES[2], 'Rød').waitFor();
    await cell(page, CODES[5], 'Grøn').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Gemt: Elev/ })
      .waitFor();
    const summary = page.getByRole('region', { name: 'Opsummering: Læsning' });
    const line = () => summary.getByRole('definition').last().textContent();
    await expect.poll(line).toBe('3 grøn, 2 gul, 1 rød');

    // Delete clears; Enter opens score and note for the focused cell.
    await cell(page, CODES[2], 'Rød').focus();
    await page.keyboard.press('Delete');
    await cell(page, CODES[2], 'ikke vurderet').waitFor();
    await expect.poll(line).toBe('3 grøn, 2 gul, 0 rød');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog');
    await editor.getByRole('radio', { name: 'Gul' }).check();
    await editor.getByLabel('Score').fill('23');
    await editor.getByLabel('Kort note').fill('Læser langsomt, men sikkert');
    await editor.getByRole('button', { name: 'Gem' }).click();
    await editor.waitFor({ state: 'detached' });
    await cell(page, CODES[2], 'Gul, score 23').waitFor();
    await expect.poll(line).toBe('3 grøn, 3 gul, 0 rød');
    // Settled: saved, and the grid's refetch after the last write is done.
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^Gemt: Elev ${CODES[2]}`) })
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/progression-grid-768.png`, fullPage: true });

    // Saved on the server: a reload shows the same.
    await page.reload();
    await cell(page, CODES[2], 'Gul, score 23, note: Læser langsomt, men sikkert').waitFor();
    await cell(page, CODES[0], 'Grøn').waitFor();

    // The export needs a reason, and says it is logged.
    await page.getByRole('button', { name: 'Hent som regneark' }).click();
    const exporting = page.getByRole('dialog');
    await exporting.getByText(/bliver skrevet i logbogen/).waitFor();
    await exporting.getByRole('button', { name: 'Hent filen' }).click();
    await exporting.getByText('Skriv en begrundelse på mindst 10 tegn.').waitFor();
    await exporting
      .getByLabel('Hvorfor skal oversigten ud af Amongi?')
      .fill('Overlevering til 4. klasses team');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporting.getByRole('button', { name: 'Hent filen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(fs.readFileSync(await download.path(), 'utf8')).toContain(CODES[2]);
    await exporting.waitFor({ state: 'detached' });
    await context.close();
  });

  it('a tap on a phone opens the picker; the grid scrolls in its own region', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'medarbejder');
    await page.goto(groupUrl);
    await cell(page, CODES[3], 'Grøn').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rød' }).click();
    await cell(page, CODES[3], 'Rød').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/progression-grid-360.png`, fullPage: true });
    await context.close();
  });

  it('the leader sees the class; two writing the same cell: the second sees the first and chooses', async () => {
    const leader = await newPage(browser, DESKTOP);
    await signIn(leader.page, 'leder');
    await leader.page.goto(groupUrl);
    await cell(leader.page, CODES[0], 'Grøn').waitFor();
    await cell(leader.page, CODES[4], 'Gul').waitFor();
    const teacher = await newPage(browser, TABLET);
    await signIn(teacher.page, 'medarbejder');
    await teacher.page.goto(groupUrl);
    await cell(teacher.page, CODES[4], 'Gul').focus();
    await teacher.page.keyboard.press('r');
    await teacher.page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^Gemt: Elev ${CODES[4]}`) })
      .waitFor();

    // The leader's grid still shows Gul: her write is refused, and she sees Mette's value beside her own.
    await cell(leader.page, CODES[4], 'Gul').focus();
    await leader.page.keyboard.press('g');
    const conflict = leader.page.getByRole('region', { name: 'Ikke gemt – vælg hvad der skal stå' });
    await conflict.getByText(/Mette Nørgaard har gemt\s*Rød\.\s*Du skrev\s*Grøn/).waitFor();
    expect(await axeViolations(leader.page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Behold min' }).click();
    await leader.page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^Gemt: Elev ${CODES[4]}`) })
      .waitFor();
    expect(await conflict.count()).toBe(0);
    await teacher.page.reload();
    await cell(teacher.page, CODES[4], 'Grøn').waitFor();
    await teacher.context.close();
    await leader.context.close();
  });

  it('forvaltning sees only the summary', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'forvaltning');
    await page.goto('/progression');
    await page.getByRole('link', { name: 'Fjordby Kommune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overblik: Fjordby Kommune' }).waitFor();
    await page.getByRole('table').getByRole('rowheader', { name: 'Solsikkeskolen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Solsikkeskolen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overblik: Solsikkeskolen' }).waitFor();
    // No link into a class: forvaltning cannot open one, and a typed address answers "not found".
    expect(await page.getByRole('table').getByRole('link').count()).toBe(0);
    await page.goto(groupUrl);
    await page
      .getByRole('alert')
      .getByText('Gruppen findes ikke, eller du har ikke adgang til den.')
      .waitFor();
    expect(await page.getByRole('grid').count()).toBe(0);
    await context.close();
  });

  it('a læringssamtale is recorded, and the next one starts from its follow-up', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto(groupUrl);
    await page.getByRole('link', { name: 'Læringssamtaler' }).click();
    await page.getByRole('heading', { level: 1, name: `Læringssamtaler: ${GROUP}` }).waitFor();
    await page.getByRole('link', { name: 'Ny læringssamtale' }).click();
    await page.getByLabel('Fokus', { exact: true }).fill('Læsning: elever på gul');
    await page.getByLabel('Hvorfor det fokus?').fill('Tre elever står stille siden efteråret.');
    await page.getByLabel('Ressourceperson').selectOption({ label: 'Rasmus Kjær' });
    await page.getByLabel('Deltagere').fill('Klasseteamet og læsevejlederen');
    await page.getByLabel('Det beslutter vi at gøre').fill('Daglig makkerlæsning i ti minutter.');
    await page.getByLabel('Opfølgning').fill(FOLLOW_UP);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem samtalen' }).click();
    // The overview at that moment is kept with it, read-only.
    await page.getByRole('heading', { level: 2, name: 'Oversigten ved samtalen' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Læsning' }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/progression-conference-1280.png`, fullPage: true });

    await page.getByRole('link', { name: 'Læringssamtaler' }).click();
    await page.getByRole('link', { name: 'Ny læringssamtale' }).click();
    const previous = page.getByRole('region', { name: /^Sidste gang/ });
    await previous.getByText(FOLLOW_UP).waitFor();
    await previous.getByText('Daglig makkerlæsning i ti minutter.').waitFor();
    await page.getByLabel('Hvordan gik det med det, I besluttede sidst?').fill('To af tre er rykket op.');
    await page.getByLabel('Fokus', { exact: true }).fill('Læsning: de sidste på gul');
    await page.getByRole('button', { name: 'Gem samtalen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Oversigten ved samtalen' }).waitFor();
    expect(await page.getByLabel('Hvordan gik det med det, I besluttede sidst?').inputValue()).toBe(
      'To af tre er rykket op.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
