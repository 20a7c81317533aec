import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  csrfToken,
  DESKTOP,
  launch,
  newPage,
  PHONE,
  signIn,
  testVideo,
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';

let browser: Browser;
/** Names are unique per run: the e2e server may hold demo communities and earlier runs' data. */
const run = Date.now().toString(36);
const OPEN = `Læsebånd i praksis ${run}`;
const CLOSED = `Lukket værksted ${run}`;
const TITLE = `Læsebånd med makkerlæsning ${run}`;
const ids = { open: '', closed: '', video: '', post: '' };
const QUESTION = `Hvordan får I de stille elever med i makkerlæsningen? <b>${run}</b>`;
const EVENT = `Læringsdag om læsebånd ${run}`;
const YEAR = new Date().getFullYear() + 1;
const SHOTS = process.env.E2E_SHOTS;

/** Writes through the API with the page's own session. */
async function apiPost(page: Page, url: string, data: unknown = {}) {
  const res = await page.request.post(url, { headers: { 'X-CSRF-Token': await csrfToken(page) }, data });
  if (res.status() >= 300) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  browser = await launch();
  // Mette uploads a video shown to her school, creates an open and an invite-only community, shares the video
  // into the open one and invites Rasmus (same school) to the closed one.
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  ids.video = await uploadVideoViaApi(page, testVideo(), TITLE);
  await waitForReady(page, ids.video);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  await page.request.put(`/api/v1/videos/${ids.video}/consent`, { headers, data: { pupilsAppear: false } });
  await page.request.patch(`/api/v1/videos/${ids.video}`, { headers, data: { visibility: 'institution' } });
  ids.open = (
    await apiPost(page, '/api/v1/communities', {
      name: OPEN,
      description: 'Vi deler erfaringer med daglige læsebånd i indskolingen.',
    })
  ).id;
  ids.closed = (await apiPost(page, '/api/v1/communities', { name: CLOSED, access: 'invite' })).id;
  await apiPost(page, `/api/v1/communities/${ids.open}/videos`, { videoId: ids.video });
  const rasmus = (await (await page.request.get('/api/v1/people?q=Rasmus')).json()).items[0].id;
  await apiPost(page, `/api/v1/communities/${ids.closed}/invitations`, { personId: rasmus });
  await context.close();
}, 180_000);
afterAll(() => browser?.close());

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

describe('communities', () => {
  it('a teacher finds a community, joins it and sees its feed and her own', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'ressourceperson');
    await nav(page).getByRole('link', { name: 'Fællesskaber' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fællesskaber' }).waitFor();
    await page.getByLabel('Søg efter fællesskaber').fill(`læsebånd i praksis ${run}`);
    const others = page.getByRole('list', { name: 'Find flere fællesskaber' });
    await others.getByRole('link', { name: OPEN }).click();
    await page.getByRole('heading', { level: 1, name: OPEN }).waitFor();
    await page.getByRole('button', { name: 'Meld dig ind' }).click();
    await page.getByRole('button', { name: 'Forlad fællesskabet' }).waitFor();
    await page.getByText('2 medlemmer').waitFor();
    const feed = page.getByRole('list', { name: 'Nyt i fællesskabet' });
    await feed.getByRole('link', { name: TITLE }).waitFor();
    expect(await feed.getByText('Mette Nørgaard delte en video').count()).toBe(1);
    const members = page.getByRole('list', { name: 'Medlemmer' });
    // The member list refreshes after the count; wait for it before reading it.
    await members.getByText('Rasmus Kjær').waitFor();
    expect(await members.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Mette Nørgaard\s*Moderator/),
      expect.stringMatching(/^Rasmus Kjær/),
    ]);
    // A member has no moderator tools.
    expect(await page.getByRole('button', { name: 'Slet fællesskabet' }).count()).toBe(0);

    // The personal feed says where the video came from.
    await page.goto('/nyt');
    const mine = page.getByRole('list', { name: 'Mit nyt' });
    const item = mine.getByRole('listitem').filter({ hasText: TITLE });
    await item.first().waitFor();
    expect(await item.first().getByRole('link', { name: OPEN }).count()).toBe(1);
    await context.close();
  });

  it('an invited teacher accepts; she shares a video from the video page into a community', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'ressourceperson');
    await page.goto('/faellesskaber');
    const invitations = page.getByRole('list', { name: 'Invitationer til dig' });
    await invitations.getByRole('link', { name: CLOSED }).click();
    await page.getByText(`Du er inviteret til at være med i »${CLOSED}«.`).waitFor();
    await page.getByRole('button', { name: 'Tag imod invitationen' }).click();
    await page.getByRole('button', { name: 'Forlad fællesskabet' }).waitFor();

    await page.goto(`/videoer/${ids.video}`);
    const share = page.getByRole('region', { name: 'Del i fællesskab' });
    await share.getByRole('link', { name: OPEN }).waitFor(); // already shared there
    await share.getByLabel('Fællesskab').selectOption({ label: CLOSED });
    await share.getByRole('button', { name: 'Del i fællesskab' }).click();
    await share.getByText(`Videoen er delt i »${CLOSED}«.`, { exact: false }).waitFor();
    await share.getByRole('link', { name: CLOSED }).click();
    await page.getByRole('heading', { level: 1, name: CLOSED }).waitFor();
    await page.getByRole('list', { name: 'Nyt i fællesskabet' }).getByRole('link', { name: TITLE }).waitFor();
    await context.close();
  });

  it('a teacher creates a community; another institution cannot see the school video in its feed', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'medarbejder2');
    await page.goto('/faellesskaber');
    await page.getByRole('link', { name: 'Opret fællesskab' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opret et fællesskab' }).waitFor();
    await page.getByRole('button', { name: 'Opret fællesskab' }).click();
    await page.getByText('Skriv et navn til fællesskabet.').first().waitFor();
    await page.getByLabel('Navn').fill(`Vuggestuesprog ${run}`);
    await page.getByLabel('Beskrivelse').fill('Sprog og samtaler med de mindste.');
    await page.getByRole('button', { name: 'Opret fællesskab' }).click();
    await page.getByRole('heading', { level: 1, name: `Vuggestuesprog ${run}` }).waitFor();
    await page.getByText('Du er moderator.', { exact: false }).first().waitFor();

    // Mads joins the open community, but the video is only for Mette's school.
    await page.goto(`/faellesskaber/${ids.open}`);
    await page.getByRole('button', { name: 'Meld dig ind' }).click();
    await page.getByRole('button', { name: 'Forlad fællesskabet' }).waitFor();
    await page.getByText('Der er ikke sket noget, du kan se, i fællesskabet endnu.').waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    // The invite-only community does not exist for him.
    await page.goto(`/faellesskaber/${ids.closed}`);
    await page.getByRole('heading', { level: 1, name: 'Fællesskabet findes ikke' }).waitFor();
    await context.close();
  });
});

describe('talking in a community (issue 15)', () => {
  it('a member asks a question, another replies and creates an event whose .ics downloads', async () => {
    // Rasmus asks.
    const rasmus = await newPage(browser);
    await signIn(rasmus.page, 'ressourceperson');
    await rasmus.page.goto(`/faellesskaber/${ids.open}`);
    const composer = rasmus.page.getByRole('region', { name: 'Skriv i fællesskabet' });
    await composer.getByRole('radio', { name: 'Spørgsmål' }).check();
    await composer.getByRole('button', { name: 'Del i fællesskabet' }).click();
    await composer.getByText('Skriv noget i opslaget.').first().waitFor();
    await composer.getByLabel('Dit spørgsmål').fill(QUESTION);
    await composer.getByRole('button', { name: 'Del i fællesskabet' }).click();
    await rasmus.page.getByText('Dit opslag er delt i fællesskabet.').waitFor();
    const feed = rasmus.page.getByRole('list', { name: 'Nyt i fællesskabet' });
    const link = feed.getByRole('link', { name: QUESTION, exact: true });
    await link.waitFor();
    // The markup is text, not HTML.
    expect(await feed.locator('b').count()).toBe(0);
    ids.post = (await link.getAttribute('href'))?.split('/').pop() ?? '';
    expect(ids.post).toMatch(/^[0-9a-f-]{36}$/);

    // Mette reads it from her feed and replies.
    const mette = await newPage(browser);
    await signIn(mette.page, 'medarbejder');
    await mette.page.goto(`/faellesskaber/${ids.open}`);
    await mette.page
      .getByRole('list', { name: 'Nyt i fællesskabet' })
      .getByRole('link', { name: QUESTION, exact: true })
      .click();
    await mette.page.getByRole('heading', { level: 1, name: 'Spørgsmål fra Rasmus Kjær' }).waitFor();
    await mette.page.getByText(QUESTION).waitFor();
    const replies = mette.page.getByRole('region', { name: 'Svar' });
    await replies.getByLabel('Skriv et svar').fill('Vi lader dem læse for en bamse først.');
    await replies.getByRole('button', { name: 'Send svar' }).click();
    await replies.getByText('Vi lader dem læse for en bamse først.').waitFor();

    // Rasmus sees the reply under his question.
    await rasmus.page.goto(`/faellesskaber/${ids.open}/opslag/${ids.post}`);
    await rasmus.page
      .getByRole('region', { name: 'Svar' })
      .getByText('Vi lader dem læse for en bamse først.')
      .waitFor();

    // Mette creates an event; it shows among the coming events, with its calendar file.
    await mette.page.goto(`/faellesskaber/${ids.open}`);
    const form = mette.page.getByRole('region', { name: 'Skriv i fællesskabet' });
    await form.getByRole('radio', { name: 'Begivenhed' }).check();
    await form.getByLabel('Titel').fill(EVENT);
    await form.getByLabel('Dato').fill(`${YEAR}-03-10`);
    await form.getByLabel('Starter kl.').fill('09:00');
    await form.getByLabel('Slutter kl.').fill('15:30');
    await form.getByLabel('Sted').fill('Solsikkeskolen, lokale 12');
    await form.getByLabel('Beskrivelse').fill('Vi prøver makkerlæsning i praksis.');
    await form.getByRole('button', { name: 'Opret begivenhed' }).click();
    await mette.page.getByText('Begivenheden er oprettet.', { exact: false }).waitFor();
    const coming = mette.page.getByRole('region', { name: 'Kommende begivenheder' });
    await coming.getByRole('link', { name: EVENT, exact: true }).waitFor();
    await coming.getByText(`kl. 09.00–15.30`, { exact: false }).waitFor();
    const [download] = await Promise.all([
      mette.page.waitForEvent('download'),
      coming.getByRole('link', { name: `Føj til kalender (.ics) ${EVENT}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path()) as string, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${EVENT}`);
    expect(ics).toContain(`DTSTART:${YEAR}0310T080000Z`);
    // The event is in the community's feed too.
    await mette.page
      .getByRole('list', { name: 'Nyt i fællesskabet' })
      .getByRole('link', { name: EVENT, exact: true })
      .waitFor();

    if (SHOTS)
      for (const [w, h] of [
        [360, 740],
        [1280, 800],
      ]) {
        await mette.page.setViewportSize({ width: w, height: h });
        await mette.page.waitForLoadState('networkidle');
        await mette.page.screenshot({ path: `${SHOTS}/community-${w}.png`, fullPage: true });
        await mette.page.goto(`/faellesskaber/${ids.open}/opslag/${ids.post}`);
        await mette.page.getByText('Vi lader dem læse for en bamse først.').waitFor();
        await mette.page.screenshot({ path: `${SHOTS}/post-${w}.png`, fullPage: true });
        await mette.page.goto(`/faellesskaber/${ids.open}`);
        await mette.page.getByRole('region', { name: 'Kommende begivenheder' }).waitFor();
      }
    await rasmus.context.close();
    await mette.context.close();
  });

  it('a moderator removes a shared video from the community', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await page.goto(`/faellesskaber/${ids.closed}`);
    const feed = page.getByRole('list', { name: 'Nyt i fællesskabet' });
    await feed.getByRole('link', { name: TITLE }).waitFor();
    await feed.getByRole('button', { name: `Fjern fra fællesskabet ${TITLE}` }).click();
    const dialog = page.getByRole('dialog', { name: `Fjern »${TITLE}« fra fællesskabet?` });
    await dialog.getByRole('button', { name: 'Fjern videoen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Der er ikke sket noget, du kan se, i fællesskabet endnu.').waitFor();
    await context.close();
  });

  it('someone outside the community cannot read the question', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'leder2');
    await page.goto(`/faellesskaber/${ids.open}/opslag/${ids.post}`);
    await page.getByRole('heading', { level: 1, name: 'Opslaget findes ikke' }).waitFor();
    expect(await page.getByText(QUESTION).count()).toBe(0);
    await page.goto(`/faellesskaber/${ids.open}`);
    await page.getByRole('heading', { level: 1, name: OPEN }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(QUESTION).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Skriv i fællesskabet' }).count()).toBe(0);
    await context.close();
  });
});

for (const [name, viewport] of [
  ['phone 360 px', PHONE],
  ['desktop 1280 px', DESKTOP],
] as const) {
  describe(`communities pages: axe WCAG 2.1 AA, ${name}`, () => {
    for (const account of ['medarbejder', 'ressourceperson']) {
      it(account, async () => {
        const { context, page } = await newPage(browser, viewport);
        await signIn(page, account);
        for (const path of [
          '/faellesskaber',
          '/faellesskaber/ny',
          `/faellesskaber/${ids.open}`,
          `/faellesskaber/${ids.closed}`,
          `/faellesskaber/${ids.open}/opslag/${ids.post}`,
          '/nyt',
          `/videoer/${ids.video}`,
        ]) {
          await page.goto(path);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          expect(await page.getByRole('heading', { level: 1 }).count(), `${path}: one h1`).toBe(1);
          expect(await axeViolations(page), path).toEqual([]);
        }
        await context.close();
      });
    }
  });
}
