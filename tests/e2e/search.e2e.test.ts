import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';

/** A published demo video (src/server/demo/videos.ts), public, with "lærerne" in its title. */
const TEACHERS = 'Sådan samler lærerne op på dagens læringsmål';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  // The demo videos go through the real pipeline after start-up: wait until this one is searchable.
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  const until = Date.now() + 110_000;
  for (;;) {
    const res = await page.request.get(`/api/v1/videos?q=${encodeURIComponent('lærer')}&limit=100`);
    const titles = ((await res.json()).items ?? []).map((i: { title: string }) => i.title);
    if (titles.includes(TEACHERS)) break;
    if (Date.now() > until) throw new Error('the demo video never became searchable');
    await new Promise((r) => setTimeout(r, 1000));
  }
  await context.close();
});
afterAll(() => browser?.close());

const results = (page: Page) => page.getByRole('list', { name: 'Søgeresultater' });
const summary = (page: Page) => page.locator('.search-summary [role="status"]');
const total = async (page: Page) => Number((await summary(page).textContent())?.match(/\d+/)?.[0]);
const facet = (page: Page, group: string, name: RegExp) =>
  page.getByRole('group', { name: group, exact: true }).getByRole('checkbox', { name });
/** The subject facet across the catalogue, which holds schools' subjects and dagtilbud's læreplanstemaer. */
const SUBJECTS = 'Fag / læreplanstema';
/** The count a facet option shows, e.g. "Dansk (5)" → 5. */
const countOf = async (page: Page, group: string, label: string) => {
  const option = page
    .getByRole('group', { name: group, exact: true })
    .locator('.facet-option', { hasText: label })
    .first();
  return Number((await option.locator('[aria-hidden="true"]').textContent())?.replace(/\D/g, ''));
};

describe('search (V3) and the home page', () => {
  it('searches "lærer" from the home page, finds "lærerne", and narrows by a facet as the counts change', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Hvad vil du se i dag?' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nyeste videoer' }).waitFor();
    await page.getByRole('combobox', { name: 'Søg blandt praksisvideoer' }).fill('lærer');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(/\/videoer\?q=l%C3%A6rer/);
    await results(page).getByRole('link', { name: TEACHERS }).waitFor();
    await summary(page)
      .getByText(/videoer matcher »lærer«/)
      .waitFor();
    const before = await total(page);
    const danskBefore = await countOf(page, SUBJECTS, 'Dansk');
    const ageBefore = await countOf(page, 'Aldersgruppe', '4.–6. klasse');
    expect(danskBefore).toBeGreaterThan(0);
    expect(danskBefore).toBeLessThan(before);

    // Narrow to the subject Dansk: fewer results, every one of them Dansk, and the other facets recount.
    await facet(page, SUBJECTS, /^Dansk\b/).check();
    await page.waitForURL(/subject=/);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('.search-summary [role="status"]')?.textContent?.match(/\d+/)?.[0]) ===
        n,
      danskBefore,
    );
    expect(await total(page)).toBeLessThan(before);
    const topics = await results(page).locator('.video-card-topic').allTextContents();
    expect(topics.length).toBe(danskBefore);
    for (const topic of topics) expect(topic).toMatch(/^Dansk/);
    expect(await countOf(page, 'Aldersgruppe', '4.–6. klasse')).toBeLessThanOrEqual(ageBefore);
    await results(page).getByRole('link', { name: TEACHERS }).waitFor();
    // The filter is in the URL: a reload (or a shared link) shows the same.
    await page.reload();
    await facet(page, SUBJECTS, /^Dansk\b/).waitFor();
    expect(await facet(page, SUBJECTS, /^Dansk\b/).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Fag', exact: true }).count()).toBe(0);
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('.search-summary [role="status"]')?.textContent?.match(/\d+/)?.[0]) ===
        n,
      danskBefore,
    );
    // Narrowed to a school's age band, the subject facet speaks the school's word.
    await facet(page, 'Aldersgruppe', /^4\.–6\. klasse/).check();
    await page.waitForURL(/ageBand=/);
    await facet(page, 'Fag', /^Dansk\b/).waitFor();
    expect(await facet(page, 'Fag', /^Dansk\b/).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: SUBJECTS, exact: true }).count()).toBe(0);

    // Suggestions while typing: pick the video with the keyboard and land on its page with related videos.
    const box = page.getByRole('combobox', { name: 'Søg efter videoer' });
    await box.fill('');
    await box.pressSequentially('lærern', { delay: 50 });
    const option = page.getByRole('option', { name: new RegExp(`^${TEACHERS}`) });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    for (let i = 0; i < 8 && (await option.getAttribute('aria-selected')) !== 'true'; i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: TEACHERS }).waitFor();
    const related = page.getByRole('list', { name: 'Relaterede videoer' });
    await related.waitFor();
    expect(await related.getByRole('link').count()).toBeGreaterThan(0);
    expect(await related.getByRole('link', { name: TEACHERS }).count()).toBe(0);
    await context.close();
  });

  it('keeps "Mine videoer" one click away', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'medarbejder');
    await page.goto('/videoer');
    await page.getByRole('link', { name: 'Mine videoer' }).click();
    await page.waitForURL(/vis=mine/);
    await page.getByRole('list', { name: 'Mine videoer' }).waitFor();
    await context.close();
  });

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    it(`home and search pages pass axe at ${width} width`, async () => {
      const { context, page } = await newPage(browser, viewport);
      await signIn(page, 'medarbejder');
      for (const path of ['/', '/videoer', `/videoer?q=${encodeURIComponent('lærer')}`]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.locator('.video-card').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), `${path} at ${width}`).toEqual([]);
      }
      // With the phone's filter panel shown and the suggestions open.
      if (width === 'phone') await page.getByRole('button', { name: 'Filtre' }).click();
      await page.getByRole('combobox', { name: 'Søg efter videoer' }).fill('');
      await page.getByRole('combobox', { name: 'Søg efter videoer' }).pressSequentially('lær', { delay: 50 });
      await page.getByRole('listbox').waitFor();
      expect(await axeViolations(page), `suggestions at ${width}`).toEqual([]);
      await context.close();
    });
});
