import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';

/* A newcomer's first minutes in demo mode (issue 15): the sign-in page offers the demo accounts with one click
   (the e2e server is demo mode on 127.0.0.1, so this browser is on "this machine"); the server side, and that
   the list stays empty elsewhere, is src/server/demo/sign-in.int.test.ts. */

const shots = process.env.E2E_SCREENSHOTS ?? '/tmp/shots-first-impressions';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('demo mode sign-in', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('lists the demo accounts and signs in with one click (%s)', async (label, viewport) => {
    const { context, page } = await newPage(browser, viewport);
    await page.goto('/log-ind');
    const list = page.getByRole('region', { name: 'Log ind med en demokonto' });
    // The nine named accounts (administrator … medarbejder3 in another kommune), not the fourteen colleagues.
    await expect.poll(() => list.getByRole('button').count()).toBe(9);
    await expect.poll(() => list.getByRole('button').first().textContent()).toContain('Asta Administrator');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, `login-demo-${label}.png`), fullPage: true });
    // One click: signed in as that person, on the front page.
    await list.getByRole('button', { name: /Mette Nørgaard/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));
    const me = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).email);
    expect(me).toBe('medarbejder@demo.amongi.dk');
    await context.close();
  });

  it('the administrator sees how far the demo videos are', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto('/log-ind');
    await page
      .getByRole('region', { name: 'Log ind med en demokonto' })
      .getByRole('button', { name: /Asta Administrator/ })
      .click();
    await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));
    const progress = await page.evaluate(async () => (await fetch('/api/v1/demo/media')).json());
    expect(progress.demo).toBe(true);
    expect(progress.total).toBeGreaterThan(0);
    // While they are being made the banner says "N af M demovideoer klar"; a finished demo shows no banner.
    if (!progress.done)
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'demovideoer klar' }).count())
        .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(shots, 'admin-demo-banner-desktop.png') });
    await context.close();
  });
});

describe("the PLF pillars in the kommune's own words", () => {
  it('forvaltning renames a pillar on its profile page; a teacher in the kommune reads it in the search filters', async () => {
    const f = await newPage(browser, PHONE);
    await signIn(f.page, 'forvaltning');
    await f.page.goto('/profil');
    const editor = f.page.getByRole('region', { name: 'PLF-søjlernes navne i Fjordby Kommune' });
    const second = editor.getByLabel('Søjle 2');
    // The demo's Fjordby follows its own house (seed 002), not the defaults.
    expect(await second.inputValue()).toBe('Børn og unges læring og udvikling i centrum');
    expect(await axeViolations(f.page)).toEqual([]);
    await second.scrollIntoViewIfNeeded();
    await f.page.screenshot({ path: path.join(shots, 'profile-pillars-phone.png'), fullPage: true });
    await editor.screenshot({ path: path.join(shots, 'profile-pillars-editor-phone.png') });
    await second.fill('Læring og trivsel for alle børn og unge');
    await editor.getByRole('button', { name: 'Gem navnene' }).click();
    await editor.getByText('Søjlernes navne er gemt.').waitFor();

    const m = await newPage(browser, DESKTOP);
    await signIn(m.page, 'medarbejder');
    await m.page.goto('/videoer');
    const group = m.page.getByRole('group', { name: 'PLF-søjle' });
    await group.getByText('Læring og trivsel for alle børn og unge').first().waitFor();
    await group.getByText('Reflekterende dialoger').first().waitFor();
    await m.page.screenshot({ path: path.join(shots, 'videos-pillars-desktop.png'), fullPage: true });

    // Back as the demo had it (other test files share this server).
    await second.fill('Børn og unges læring og udvikling i centrum');
    await editor.getByRole('button', { name: 'Gem navnene' }).click();
    await editor.getByText('Søjlernes navne er gemt.').waitFor();
    await f.context.close();
    await m.context.close();
  });
});

describe('pillars for an administrator', () => {
  it("an administrator opens a kommune's pillar names under Organisation", async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'administrator');
    await page.goto('/organisation');
    await page.getByText('PLF-søjler: Bakkedal Kommune').click();
    const editor = page.getByRole('region', { name: 'PLF-søjlernes navne i Bakkedal Kommune' });
    // Bakkedal keeps the defaults: the fields show them, and there is nothing to reset.
    expect(await editor.getByLabel('Søjle 5').inputValue()).toBe('Åben praksis');
    expect(await editor.getByRole('button', { name: 'Brug standardnavnene' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await editor.screenshot({ path: path.join(shots, 'organisation-pillars-desktop.png') });
    await context.close();
  });
});

describe('small things a newcomer meets', () => {
  it('the packages page opens on "Alle jeg kan se" for someone without packages of their own', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'laerer9');
    await page.goto('/pakker');
    const tabs = page.getByRole('navigation', { name: 'Vis læringspakker' });
    await expect
      .poll(() => tabs.getByRole('link', { name: 'Alle jeg kan se' }).getAttribute('aria-current'))
      .toBe('page');
    await page.locator('.pkg-card').first().waitFor();
    // "Mine" is still one click away, and then shows mine (none).
    await tabs.getByRole('link', { name: 'Mine' }).click();
    await expect
      .poll(() => tabs.getByRole('link', { name: 'Mine' }).getAttribute('aria-current'))
      .toBe('page');
    await page.screenshot({ path: path.join(shots, 'packages-mine-empty-phone.png'), fullPage: true });
    await context.close();
  });
});

describe('observation: whose visit, and what to follow up', () => {
  it('an observer sees the visits they carried out to follow up, not only the planned ones', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'ressourceperson');
    await page.goto('/observation');
    const follow = page.getByRole('region', { name: 'Besøg, du skal følge op på' });
    await follow.getByRole('listitem').first().waitFor();
    expect(await follow.locator('a.obs-row-action').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'observation-observer-desktop.png'), fullPage: true });
    await context.close();
  });

  it('the person visited reads "Dit besøg", not their own name', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'medarbejder');
    await page.goto('/observation');
    const toMe = page.getByRole('region', { name: 'Besøg i min undervisning' });
    await toMe.getByRole('listitem').first().waitFor();
    expect(await toMe.getByRole('link', { name: /^Dit besøg, / }).count()).toBeGreaterThan(0);
    expect(await toMe.getByText('Mette Nørgaard').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'observation-mine-phone.png'), fullPage: true });
    await context.close();
  });
});
