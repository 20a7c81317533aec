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
/** A ready video of medarbejder's, shown to the institution, with a share link. */
let video = { id: '', share: '' };
beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  const id = await uploadVideoViaApi(page, testVideo(), 'Tilgængelighed i klassen');
  await waitForReady(page, id);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  await page.request.put(`/api/v1/videos/${id}/consent`, { headers, data: { pupilsAppear: false } });
  await page.request.patch(`/api/v1/videos/${id}`, { headers, data: { visibility: 'institution' } });
  const share = await page.request.post(`/api/v1/videos/${id}/shares`, { headers, data: { duration: '1d' } });
  video = { id, share: new URL((await share.json()).url).pathname };
  await context.close();
});
afterAll(() => browser?.close());

/** Ids for detail pages, read through the API with the page's own session. */
async function firstIds(page: Page) {
  const get = async (url: string) => (await page.request.get(url)).json();
  const institutions = (await get('/api/v1/institutions')).items;
  const solsikke = institutions.find((i: { name: string }) => i.name === 'Solsikkeskolen');
  const teams = (await get(`/api/v1/institutions/${solsikke.id}/teams`)).items;
  const people = (await get(`/api/v1/people?institutionId=${solsikke.id}`)).items;
  return { institution: solsikke.id, team: teams[0].id, person: people[0].id };
}

async function scan(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.getByRole('heading', { level: 1 }).count(), `${path}: one h1`).toBe(1);
  expect(await axeViolations(page), path).toEqual([]);
  // No horizontal scrolling of the page itself: wide tables scroll inside their own .table-wrap.
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(width[0], `${path}: page width`).toBeLessThanOrEqual(width[1]);
}

const bad = 'ugyldig-token-0123456789abcdef';
const PAGES: Record<string, (ids: Awaited<ReturnType<typeof firstIds>>) => string[]> = {
  '': () => [
    '/log-ind',
    '/glemt-adgangskode',
    `/invitation/${bad}`,
    `/nulstil/${bad}`,
    '/findes-ikke',
    video.share,
    `/del/${bad}`,
    '/tilgaengelighed',
    '/privatliv',
  ],
  administrator: (ids) => [
    '/',
    '/organisation',
    `/organisation/institutioner/${ids.institution}`,
    `/organisation/teams/${ids.team}`,
    '/organisation/personer',
    `/organisation/personer/${ids.person}`,
    '/organisation/inviter',
    '/import',
    '/udbakke',
    '/profil',
  ],
  // The pages with the widest tables: statistics, the staff's training demand, the observation data.
  leder: () => [
    '/',
    '/organisation',
    '/import',
    `/videoer/${video.id}`,
    '/statistik',
    '/traening',
    '/observation/data',
  ],
  medarbejder: () => ['/', '/profil', '/organisation', '/videoer', '/videoer/ny', `/videoer/${video.id}`],
  leder2: () => [`/videoer/${video.id}`],
};

for (const [name, viewport] of [
  ['phone 360 px', PHONE],
  ['desktop 1280 px', DESKTOP],
] as const) {
  describe(`axe WCAG 2.1 AA, ${name}`, () => {
    for (const [account, pages] of Object.entries(PAGES)) {
      it(account || 'signed out', async () => {
        const { context, page } = await newPage(browser, viewport);
        if (account) await signIn(page, account);
        const ids =
          account === 'administrator' ? await firstIds(page) : ({} as Awaited<ReturnType<typeof firstIds>>);
        for (const path of pages(ids)) await scan(page, path);
        await context.close();
      });
    }
  });
}

it("the accessibility statement and the privacy page are reachable from every page's footer", async () => {
  const { context, page } = await newPage(browser, PHONE);
  await page.goto('/log-ind');
  const footer = page.getByRole('navigation', { name: 'Om siden' });
  await footer.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' }).waitFor();
  await page.getByRole('link', { name: /Digitaliseringsstyrelsen/ }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/tilgaengelighed');
  await footer.getByRole('link', { name: 'Privatliv' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sådan behandler Amongi dine oplysninger' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/privatliv');
  await context.close();
});
