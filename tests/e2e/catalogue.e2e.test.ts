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
/** A ready institution video of medarbejder's, with consent for public viewing (no pupils on camera). */
let videoId = '';
const TITLE = 'Kooperativ læring i 5.b';

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  videoId = await uploadVideoViaApi(page, testVideo(), TITLE);
  // The server may be busy transcoding the demo videos on a loaded machine: allow for it.
  await waitForReady(page, videoId, 480_000);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  await page.request.put(`/api/v1/videos/${videoId}/consent`, { headers, data: { pupilsAppear: false } });
  await page.request.patch(`/api/v1/videos/${videoId}`, { headers, data: { visibility: 'institution' } });
  await context.close();

  // An editor has added a duplicate of an existing method tag, which the teacher then uses.
  const editor = await newPage(browser);
  await signIn(editor.page, 'redaktoer');
  const made = await editor.page.request.post('/api/v1/taxonomy', {
    headers: { 'X-CSRF-Token': await csrfToken(editor.page) },
    data: { kind: 'method', label: 'Kooperativ læring' },
  });
  expect(made.status()).toBe(201);
  await editor.context.close();
}, 540_000);
afterAll(() => browser?.close());

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

describe('catalogue: metadata, taxonomy merge and the editorial workflow', () => {
  it('the owner describes and submits a video; an editor merges two method tags and publishes it', async () => {
    const owner = await newPage(browser);
    await signIn(owner.page, 'medarbejder');
    await owner.page.goto(`/videoer/${videoId}`);
    const section = owner.page.getByRole('region', { name: 'Katalog' });
    await section.getByText('Ikke i kataloget').waitFor();
    await section.getByRole('button', { name: 'Redigér katalogoplysninger' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Katalogoplysninger' });
    await dialog.getByLabel('Fag').selectOption({ label: 'Dansk' });
    await dialog.getByLabel('Aldersgruppe').selectOption({ label: '4.–6. klasse' });
    await dialog.getByRole('checkbox', { name: 'Kooperativ læring' }).check();
    await dialog.getByRole('checkbox', { name: 'Feedback' }).check();
    await dialog.getByRole('checkbox', { name: 'Reflekterende dialog' }).check();
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByRole('listitem').filter({ hasText: 'Kooperativ læring' }).waitFor();
    await section.getByRole('button', { name: 'Indsend til kataloget' }).click();
    await section.getByText('Videoen er indsendt. Redaktionen gennemgår den.').waitFor();
    await section.getByText('Venter på redaktionen').waitFor();
    await owner.context.close();

    const { context, page } = await newPage(browser);
    await signIn(page, 'redaktoer');
    await nav(page).getByRole('link', { name: 'Redaktion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Redaktion' }).waitFor();

    // Merge the duplicate tag into the established one, after the dialog says what will happen.
    await page
      .getByRole('navigation', { name: 'Redaktionens sider' })
      .getByRole('link', { name: 'Emneord' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Emneord' }).waitFor();
    const row = page.getByRole('listitem').filter({ hasText: /^Kooperativ læring/ });
    await row.getByText('bruges af 1 video').waitFor();
    await row.getByRole('button', { name: 'Flet Kooperativ læring' }).click();
    const merge = page.getByRole('dialog', { name: 'Flet “Kooperativ læring” ind i et andet emneord' });
    await merge.getByLabel('Behold dette emneord').selectOption({ label: 'Cooperative learning' });
    await merge
      .getByText(
        '1 video med “Kooperativ læring” får “Cooperative learning” i stedet, og “Kooperativ læring” slettes.',
        {
          exact: false,
        },
      )
      .waitFor();
    await merge.getByRole('button', { name: 'Flet emneord' }).click();
    await page.getByText('“Kooperativ læring” er flettet ind i “Cooperative learning”.').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Kooperativ læring/ })
      .waitFor({ state: 'detached' });

    // The review queue shows the video with its consent status; publish it.
    await page
      .getByRole('navigation', { name: 'Redaktionens sider' })
      .getByRole('link', { name: 'Gennemsyn' })
      .click();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await item.getByText('Samtykke tillader offentlig visning').waitFor();
    await item.getByText('Cooperative learning').waitFor();
    await item.getByRole('button', { name: `Udgiv ${TITLE}` }).click();
    await page.getByText(`“${TITLE}” er udgivet i kataloget.`).waitFor();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Udgivet', exact: true }).click();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: TITLE }) })
      .waitFor();
    await context.close();

    // Anyone signed in now sees it curated and tagged with the kept term.
    const other = await newPage(browser);
    await signIn(other.page, 'medarbejder2');
    await other.page.goto(`/videoer/${videoId}`);
    const seen = other.page.getByRole('region', { name: 'Katalog' });
    await seen.getByText('Kurateret').waitFor();
    await seen.getByText('Cooperative learning').waitFor();
    expect(await seen.getByText('Kooperativ læring').count()).toBe(0);
    expect(await seen.getByRole('button').count()).toBe(0);
    await other.context.close();
  });

  it('an editor makes a collection and puts the published video in it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'redaktoer');
    await page.goto('/redaktion/samlinger');
    await page.getByRole('heading', { level: 1, name: 'Samlinger' }).waitFor();
    await page.getByLabel('Titel').fill('Samarbejde i klassen');
    await page.getByRole('button', { name: 'Opret samling' }).click();
    await page.getByText('Samlingen “Samarbejde i klassen” er oprettet.').waitFor();
    const card = page.getByRole('region', { name: /Samarbejde i klassen/ });
    await card.getByLabel('Udgivet video til “Samarbejde i klassen”').selectOption({ label: TITLE });
    await card.getByRole('button', { name: 'Tilføj video' }).click();
    await card.getByRole('link', { name: TITLE }).waitFor();
    const api = await (await page.request.get('/api/v1/collections')).json();
    const c = api.items.find((i: { title: string }) => i.title === 'Samarbejde i klassen');
    expect(c.videos.map((v: { id: string }) => v.id)).toEqual([videoId]);
    await context.close();
  });

  it('a teacher cannot open the editorial pages', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    expect(await nav(page).getByRole('link', { name: 'Redaktion' }).count()).toBe(0);
    await page.goto('/redaktion');
    await page.getByRole('heading', { level: 1, name: 'Ingen adgang' }).waitFor();
    await context.close();
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    it(`editorial pages and the video page pass axe at ${name} width`, async () => {
      const { context, page } = await newPage(browser, viewport);
      await signIn(page, 'redaktoer');
      for (const path of [
        '/redaktion',
        '/redaktion?status=published',
        '/redaktion/emneord',
        '/redaktion/samlinger',
        `/videoer/${videoId}`,
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('heading', { level: 1 }).count(), `${path}: one h1`).toBe(1);
        expect(await axeViolations(page), path).toEqual([]);
        // Nothing on the page itself reaches past the window (the shared header is not this page's).
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map((e) => `${e.tagName}.${e.className}`),
        );
        expect(wide, `${path}: no sideways scrolling`).toEqual([]);
      }
      // The merge dialog too.
      await page.goto('/redaktion/emneord');
      await page.getByRole('button', { name: 'Flet Feedback' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page), 'merge dialog').toEqual([]);
      await context.close();
    });
});
