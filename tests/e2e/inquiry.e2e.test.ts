import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, csrfToken, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';

/**
 * Team spaces and inquiry cycles (issue 16): Mette (medarbejder, in Matematikteamet at Solsikkeskolen) opens her
 * team, starts a Læringscirklen cycle, writes the question and a data-plan line with an owner, adds a note as
 * evidence and moves the cycle to "under"; Sofie (laerer1, same school, not in the team) cannot open it.
 */
let browser: Browser;
const run = Date.now().toString(36);
const TITLE = `Begrundelser i matematik ${run}`;
const QUESTION = `Hvordan får vi flere elever til at begrunde deres svar? ${run}`;
const DATA_LINE = `Exit-sedler fra 4.b ${run}`;
const NOTE = `Fire elever begrundede uden at blive spurgt ${run}`;
const SHOTS = process.env.E2E_SHOTS;
let cycleUrl = '';
let teamUrl = '';

beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('team space and inquiry cycle', () => {
  it('a teacher opens her team, starts a Læringscirklen cycle, plans data, adds a note and moves to "under"', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await nav(page).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine teams' }).waitFor();
    await page.getByRole('link', { name: 'Matematikteamet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matematikteamet' }).waitFor();
    teamUrl = new URL(page.url()).pathname;
    const members = page.getByRole('list', { name: 'Medlemmer' });
    await members.getByText('Rasmus Kjær').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Start et nyt forløb' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nyt forløb' }).waitFor();
    // Without a template the form says what is missing, on the field.
    await page.getByRole('button', { name: 'Start forløbet' }).click();
    await page.getByText('Vælg en skabelon.').waitFor();
    await page.getByRole('radio', { name: 'Læringscirklen' }).check();
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Undersøgelsesspørgsmål').fill(QUESTION);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start forløbet' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    cycleUrl = new URL(page.url()).pathname;
    expect(cycleUrl).toMatch(/^\/forloeb\/[0-9a-f-]{36}$/);
    expect(await page.getByLabel('Undersøgelsesspørgsmål').inputValue()).toBe(QUESTION);
    await page
      .getByRole('heading', { level: 2, name: /Før: planlæg/ })
      .getByText('Her er I nu')
      .waitFor();

    // A line of the data plan with an owner and dates.
    const plan = page.locator('form.inquiry-new-task').filter({ hasText: 'Tilføj til dataplanen' });
    await plan.getByLabel('Hvilke data?').fill(DATA_LINE);
    await plan.getByLabel('Ansvarlig').selectOption({ label: 'Rasmus Kjær' });
    await plan.getByLabel('Samlet senest').fill('2027-01-15');
    await plan.getByLabel('Analyseres den').fill('2027-01-20');
    await plan.getByRole('button', { name: 'Tilføj linje' }).click();
    const dataPlan = page.getByRole('list', { name: 'Dataplan' });
    const line = dataPlan.getByRole('listitem').filter({ hasText: DATA_LINE });
    await line.waitFor();
    expect(await line.textContent()).toContain('Rasmus Kjær');

    // A note as evidence; the help text says never names.
    const evidence = page.getByRole('region', { name: 'Data og dokumentation' });
    await evidence.getByText('Aldrig navne: skriv "en elev" eller "elev A".').waitFor();
    await evidence.getByLabel('Note', { exact: true }).fill(NOTE);
    await evidence.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await page.getByRole('list', { name: 'Data og dokumentation' }).getByText(NOTE).waitFor();

    // Move on to "under": the page lists the required answers still missing, and the server refuses until
    // they are there; filled in, the move takes them along.
    const missing = page.locator('.inquiry-missing');
    await missing.getByText('Før I kan gå videre til "Under", skal disse felter udfyldes:').waitFor();
    expect(await missing.getByRole('listitem').allTextContents()).toEqual([
      'Nysgerrighed og spørgsmål: Det undrer os',
      'Indsaml og fokusér data: Det ser vi efter',
    ]);
    await page.getByRole('button', { name: 'Gå videre til "Under"' }).click();
    await page.getByText('Nogle felter skal udfyldes, før forløbet kan gå videre.').waitFor();
    await page.getByLabel('Det undrer os').fill('Mange elever svarer uden at begrunde.');
    await page.getByLabel('Det ser vi efter').fill('Hvornår eleverne begrunder et svar.');
    expect(await missing.count()).toBe(0);
    await page.getByRole('button', { name: 'Gå videre til "Under"' }).click();
    await page
      .getByRole('heading', { level: 2, name: /Under: afprøv/ })
      .getByText('Her er I nu')
      .waitFor();
    expect(await page.locator('.inquiry-steps [aria-current="step"]').textContent()).toBe('Under');
    // "Del med ledelsen" is off by default, and explained.
    const share = page.getByRole('switch', { name: 'Del med ledelsen' });
    expect(await share.isChecked()).toBe(false);
    await page.getByText(/skolens ledelse kan læse hele forløbet/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/inquiry-cycle-1280.png`, fullPage: true });

    // What she saved is there after a reload, and the team space lists the cycle in "under".
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByLabel('Undersøgelsesspørgsmål').inputValue()).toBe(QUESTION);
    await page.goto(teamUrl);
    const current = page.getByRole('list', { name: 'Igangværende forløb' });
    await current.getByRole('link', { name: TITLE }).waitFor();
    expect(await current.getByRole('listitem').filter({ hasText: TITLE }).textContent()).toContain('Under');
    await context.close();
  });

  it('a colleague who is not in the team cannot open the cycle', async () => {
    expect(cycleUrl).not.toBe('');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'laerer1');
    // Sofie is at the same school but not in the cycle's team (she is in Indskolingen, an afdeling).
    await nav(page).getByRole('link', { name: 'Videoer' }).waitFor();
    await page.goto(cycleUrl);
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    expect(await page.getByText(QUESTION).count()).toBe(0);
    const api = await page.request.get(`/api/v1${cycleUrl.replace('/forloeb/', '/cycles/')}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe('inquiry.cycle_not_found');
    await page.goto(teamUrl);
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a stale save of the agreement shows the other’s text and keeps one’s own', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto(teamUrl);
    await page.getByRole('button', { name: 'Redigér aftalen' }).click();
    const mine = `Vi mødes hver tirsdag ${run}`;
    await page.getByRole('textbox', { name: /Jeres samarbejdsaftale/ }).fill(mine);
    // Rasmus saves meanwhile, from the same version.
    const other = await newPage(browser, DESKTOP);
    await signIn(other.page, 'ressourceperson');
    const teamId = teamUrl.split('/').pop();
    const space = await (await other.page.request.get(`/api/v1/teams/${teamId}/space`)).json();
    const theirs = `Vi skiftes til at lede møderne ${run}`;
    const put = await other.page.request.put(`/api/v1/teams/${teamId}/agreement`, {
      headers: { 'X-CSRF-Token': await csrfToken(other.page) },
      data: { text: theirs, version: space.agreement.version },
    });
    expect(put.status()).toBe(200);
    await other.context.close();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page
      .getByRole('alert')
      .getByText(/En anden har gemt en ændring imens/)
      .waitFor();
    await page.getByText(theirs).waitFor();
    expect(await page.getByRole('textbox', { name: /Jeres samarbejdsaftale/ }).inputValue()).toBe(mine);
    await page.getByRole('textbox', { name: /Jeres samarbejdsaftale/ }).fill(`${theirs}\n${mine}`);
    await page.getByRole('button', { name: 'Gem oven på deres ændring' }).click();
    await page.getByText('Samarbejdsaftalen er gemt.').waitFor();
    expect(await page.locator('.inquiry-text').first().textContent()).toBe(`${theirs}\n${mine}`);
    await context.close();
  });

  it('a stale save of an answer shows the other’s text beside one’s own, and saves on top of it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto(cycleUrl);
    const question = page.getByLabel('Undersøgelsesspørgsmål');
    await question.waitFor();
    const mine = `Hvordan begrunder eleverne, når de arbejder i makkerpar? ${run}`;
    await question.fill(mine);
    await page.getByText('Du har ændringer, der ikke er gemt.').waitFor();
    // Rasmus changes the question meanwhile.
    const other = await newPage(browser, DESKTOP);
    await signIn(other.page, 'ressourceperson');
    const api = `/api/v1${cycleUrl.replace('/forloeb/', '/cycles/')}`;
    const current = await (await other.page.request.get(api)).json();
    const theirs = `Hvornår begrunder eleverne uden at blive spurgt? ${run}`;
    const patch = await other.page.request.patch(api, {
      headers: { 'X-CSRF-Token': await csrfToken(other.page) },
      data: { version: current.version, question: theirs },
    });
    expect(patch.status()).toBe(200);
    await other.context.close();
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/En anden har gemt en ændring imens/)
      .waitFor();
    await page.getByText(theirs).waitFor();
    expect(await question.inputValue()).toBe(mine);
    await page.getByRole('button', { name: /Brug deres tekst/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem oven på deres ændring' }).click();
    await page.getByText('Gemt.').waitFor();
    const saved = await (await page.request.get(api)).json();
    expect(saved.question).toBe(mine);
    await context.close();
  });

  it('"Del med ledelsen": the school leader reads the cycle while it is shared, and not after', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto(cycleUrl);
    const share = page.getByRole('switch', { name: 'Del med ledelsen' });
    await share.check();
    await page.getByText('Forløbet er nu delt med ledelsen.').waitFor();
    const leader = await newPage(browser, DESKTOP);
    await signIn(leader.page, 'leder');
    await leader.page.goto(cycleUrl);
    await leader.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await leader.page.getByText(/Du læser forløbet, fordi teamet har delt det med ledelsen/).waitFor();
    // Read only: no fields, no state buttons, no switch.
    expect(await leader.page.getByRole('textbox').count()).toBe(0);
    expect(await leader.page.getByRole('switch').count()).toBe(0);
    expect(await leader.page.getByRole('button', { name: /Gå videre til/ }).count()).toBe(0);
    expect(await axeViolations(leader.page)).toEqual([]);
    await share.uncheck();
    await page.getByText('Forløbet er ikke længere delt med ledelsen.').waitFor();
    await leader.page.reload();
    await leader.page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    await leader.context.close();
    await context.close();
  });

  it('every page works on a phone (360 px): no sideways scrolling, axe clean', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'medarbejder');
    const teamId = teamUrl.split('/').pop();
    for (const [name, path] of [
      ['team', '/team'],
      ['space', teamUrl],
      ['new-cycle', `/team/${teamId}/nyt-forloeb`],
      ['cycle', cycleUrl],
      ['tasks', '/opgaver'],
    ]) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await noSideScroll(page), `${path} scrolls sideways`).toBe(true);
      expect(await axeViolations(page), path).toEqual([]);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/inquiry-${name}-360.png`, fullPage: true });
    }
    // The data-plan line with Rasmus as owner is not Mette's: her task list does not show it.
    await page.goto('/opgaver');
    await page.getByRole('heading', { level: 1, name: 'Mine opgaver' }).waitFor();
    expect(await page.getByText(DATA_LINE).count()).toBe(0);
    await context.close();
  });
});
