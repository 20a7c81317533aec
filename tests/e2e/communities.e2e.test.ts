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
const ids = { open: '', closed: '', video: '' };

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
    await page.getByText('Der er ikke delt nogen videoer, du kan se', { exact: false }).waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    // The invite-only community does not exist for him.
    await page.goto(`/faellesskaber/${ids.closed}`);
    await page.getByRole('heading', { level: 1, name: 'Fællesskabet findes ikke' }).waitFor();
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
