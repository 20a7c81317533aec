import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
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

/**
 * The walk-through after an upload (issue 15): "Gør videoen klar" at the top of the owner's video page takes
 * them through title, consent, visibility, subject/age/method and the editors, each step saved as it goes.
 * Screenshots of every step at 360 and 1280 into E2E_SCREENSHOTS or /tmp/shots-h4.
 */
const shots = process.env.E2E_SCREENSHOTS ?? '/tmp/shots-h4';
fs.mkdirSync(shots, { recursive: true });

const TITLE = 'Samtale i rundkreds om venskab';
let browser: Browser;
let videoId = '';
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const wizard = (page: Page) => page.getByRole('region', { name: 'Gør videoen klar' });
/** A step's heading: "Trin 2 af 5" above the question. */
const step = (n: number, question: string) =>
  new RegExp(`^Trin ${n} af 5\\W*${question.replace(/[?.]/g, '\\$&')}$`);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Axe at 1280 and 360, and a screenshot of the walk-through (and the page's top) at each. */
async function look(page: Page, name: string, part: Locator = wizard(page)) {
  for (const [label, size] of [
    ['1280', DESKTOP],
    ['360', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    expect(await axeViolations(page), `${name} at ${label}`).toEqual([]);
    await part.screenshot({ path: path.join(shots, `${name}-${label}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

describe('upload walk-through', () => {
  it('the owner uploads and is walked through every step; all of it is saved', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await page.goto('/videoer/ny');
    await page.getByLabel('Videofil').setInputFiles(testVideo());
    // The title is not filled in from the file name any more (it is optional here).
    expect(await page.getByLabel(/^Titel/).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Start upload' }).click();
    await page.waitForURL(/\/videoer\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    videoId = page.url().split('/').pop() as string;

    // At the top, before the player: step 1 of 5, the title field empty (the file name is not a title).
    const w = wizard(page);
    await w.waitFor({ timeout: 60_000 });
    await w.getByRole('heading', { name: step(1, 'Hvad viser videoen?') }).waitFor();
    const steps = w.getByRole('navigation', { name: 'Trin i Gør videoen klar' });
    expect(await steps.getByRole('button', { name: /Titel/ }).getAttribute('aria-current')).toBe('step');
    expect(await w.getByLabel('Titel').inputValue()).toBe('');
    await w.getByText('Filen hedder »klasserumsvideo.mp4«.').waitFor();
    await look(page, 'step1-title');
    await page.screenshot({ path: path.join(shots, 'step1-page-1280.png') });

    // Bad input: clear Danish errors, focus on the field.
    const next = w.getByRole('button', { name: 'Gem og gå videre' }).locator('visible=true');
    await next.click();
    await w.getByText('Skriv en titel, der fortæller, hvad videoen viser.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
    await w.getByLabel('Titel').fill('klasserumsvideo');
    await next.click();
    await w.getByText('Titlen er stadig filens navn. Skriv i stedet, hvad videoen viser.').waitFor();
    await w.getByLabel('Titel').fill(TITLE);
    await w.getByLabel(/^Beskrivelse/).fill('Børnene fortæller på skift, hvad en god ven gør.');
    await next.click();

    // Step 2: focus on its heading, which says where one is.
    await w.getByRole('heading', { name: step(2, 'Hvem er med i videoen?') }).waitFor();
    await expect.poll(() => focused(page)).toMatch(step(2, 'Hvem er med i videoen?'));
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const question = w.getByRole('group', { name: 'Er der børn eller elever i videoen?' });
    await question.getByLabel('Ja').check();
    await next.click();
    await w.getByText('Vælg, hvad der er givet samtykke til.').waitFor();
    await w.getByText('Skriv, hvem der har indhentet samtykket.').waitFor();
    await look(page, 'step2-consent-errors');
    await w.getByLabel('Samtykke indhentet til').selectOption('kommune');
    await w.getByLabel('Indhentet af').fill('Klasselæreren');

    // Back and forth: what was saved and what was typed are both still there.
    await w.getByRole('button', { name: 'Tilbage' }).locator('visible=true').click();
    await expect.poll(() => focused(page)).toMatch(step(1, 'Hvad viser videoen?'));
    expect(await w.getByLabel('Titel').inputValue()).toBe(TITLE);
    await steps.getByRole('button', { name: /Hvem er med/ }).click();
    expect(await w.getByLabel('Samtykke indhentet til').inputValue()).toBe('kommune');
    expect(await w.getByLabel('Indhentet af').inputValue()).toBe('Klasselæreren');
    await w.getByLabel('Dato for samtykket').fill('2026-08-20');
    await look(page, 'step2-consent');
    await next.click();

    // Step 3: public is beyond the consent (disabled, with the reason); institution it is.
    await w.getByRole('heading', { name: step(3, 'Hvem må se videoen?') }).waitFor();
    const levels = w.getByRole('group', { name: 'Synlighed' });
    expect(await levels.getByLabel('Offentlig').isDisabled()).toBe(true);
    await levels.getByLabel('Institution').check();
    await look(page, 'step3-visibility');
    await next.click();

    // Step 4: subject, age band, a method.
    await w.getByRole('heading', { name: step(4, 'Hvad handler videoen om?') }).waitFor();
    await w.getByLabel(/^Fag/).selectOption({ label: 'Dansk' });
    await w.getByLabel(/^Aldersgruppe/).selectOption({ label: '4.–6. klasse' });
    await w
      .getByRole('group', { name: /Metoder/ })
      .getByLabel('Feedback')
      .check();
    await look(page, 'step4-describe');
    await next.click();

    // Step 5: once the video is processed it may be sent to the editors; the consent is not for public.
    await w.getByRole('heading', { name: step(5, 'Skal videoen med i det fælles katalog?') }).waitFor();
    const send = w.getByRole('group', { name: 'Vil du sende videoen til redaktionen?' });
    await w.getByRole('button', { name: 'Afslut' }).click();
    await w.getByText('Vælg, om videoen skal sendes til redaktionen.').waitFor();
    await expect
      .poll(() => send.getByLabel('Ja, send den til redaktionen').isEnabled(), { timeout: 120_000 })
      .toBe(true);
    await send.getByLabel('Ja, send den til redaktionen').check();
    await w
      .getByText('Bemærk: samtykket tillader ikke, at videoen vises offentligt.', { exact: false })
      .waitFor();
    await w.getByText(TITLE, { exact: true }).waitFor();
    await look(page, 'step5-editors');
    await w.getByRole('button', { name: 'Afslut' }).click();

    const done = page.getByRole('region', { name: 'Videoen er klar' });
    await done.getByText('Videoen er sendt til redaktionen.', { exact: false }).waitFor();
    await expect.poll(() => focused(page)).toBe('Videoen er klar');
    await look(page, 'done', done);

    // Everything is saved on the server.
    const v = await (await page.request.get(`/api/v1/videos/${videoId}`)).json();
    expect(v).toMatchObject({
      title: TITLE,
      description: 'Børnene fortæller på skift, hvad en god ven gør.',
      visibility: 'institution',
      setup: 'finished',
      consent: { pupilsAppear: true, consentLevel: 'kommune', collectedBy: 'Klasselæreren' },
      catalogue: { subject: { label: 'Dansk' }, ageBand: 'kl4-6', editorialState: 'in_review' },
    });
    expect(v.catalogue.methods.map((m: { label: string }) => m.label)).toEqual(['Feedback']);

    // Consent and visibility are now in the settings, above the comments; the owner may try their shared video.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await wizard(page).count()).toBe(0);
    const settings = page.getByRole('region', { name: 'Indstillinger for videoen' });
    await settings.getByRole('region', { name: 'Samtykke' }).waitFor();
    await page
      .getByRole('region', { name: 'Afprøvet i praksis' })
      .getByRole('button', { name: 'Jeg har afprøvet det' })
      .waitFor();
    const order = await page.evaluate(() => {
      const at = (s: string) =>
        [...document.querySelectorAll('main h2')].findIndex((h) => h.textContent?.startsWith(s));
      return { settings: at('Indstillinger for videoen'), comments: at('Diskussion') };
    });
    expect(order.settings).toBeGreaterThanOrEqual(0);
    expect(order.comments).toBeGreaterThan(order.settings);
    await context.close();

    // Finished is remembered on the server: on another device (a phone, a new session) it stays gone.
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, 'medarbejder');
    await phone.page.goto(`/videoer/${videoId}`);
    await phone.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await phone.page.getByRole('region', { name: 'Indstillinger for videoen' }).waitFor();
    expect(await wizard(phone.page).count()).toBe(0);
    await phone.context.close();
  }, 240_000);

  it('closing it is remembered on every device, and it can be opened again', async () => {
    const one = await newPage(browser);
    await signIn(one.page, 'medarbejder');
    const id = await uploadVideoViaApi(one.page, testVideo(), 'Lukket vejledning');
    // The helper closes it; open it again from the settings.
    await waitForReady(one.page, id);
    await one.page.goto(`/videoer/${id}`);
    const settings = one.page.getByRole('region', { name: 'Indstillinger for videoen' });
    await settings.getByRole('button', { name: 'Gør videoen klar trin for trin' }).click();
    await wizard(one.page).waitFor();
    await expect.poll(() => focused(one.page)).toBe('Gør videoen klar');
    // While it is open, consent and visibility are only in it (not twice on the page).
    expect(await settings.getByRole('region', { name: 'Samtykke' }).count()).toBe(0);

    const two = await newPage(browser, PHONE);
    await signIn(two.page, 'medarbejder');
    await two.page.goto(`/videoer/${id}`);
    await wizard(two.page).waitFor();
    await wizard(two.page).getByRole('button', { name: 'Luk vejledningen' }).click();
    await two.page.getByRole('region', { name: 'Vejledningen er lukket' }).waitFor();
    await one.page.reload();
    await one.page.getByRole('heading', { level: 1, name: 'Lukket vejledning' }).waitFor();
    await settings.waitFor();
    expect(await wizard(one.page).count()).toBe(0);

    // Someone else who may watch it never sees the walk-through nor the owner's settings.
    await one.page.request.put(`/api/v1/videos/${id}/setup`, {
      headers: { 'X-CSRF-Token': await csrfToken(one.page) },
      data: { state: 'open' },
    });
    await one.page.request.put(`/api/v1/videos/${id}/consent`, {
      headers: { 'X-CSRF-Token': await csrfToken(one.page) },
      data: { pupilsAppear: false },
    });
    await one.page.request.patch(`/api/v1/videos/${id}`, {
      headers: { 'X-CSRF-Token': await csrfToken(one.page) },
      data: { visibility: 'institution' },
    });
    const colleague = await newPage(browser);
    await signIn(colleague.page, 'leder');
    await colleague.page.goto(`/videoer/${id}`);
    await colleague.page.getByRole('heading', { level: 1, name: 'Lukket vejledning' }).waitFor();
    await colleague.page.getByRole('region', { name: 'Afprøvet i praksis' }).waitFor();
    expect(await wizard(colleague.page).count()).toBe(0);
    expect(await colleague.page.getByRole('region', { name: 'Indstillinger for videoen' }).count()).toBe(0);
    await Promise.all([one.context.close(), two.context.close(), colleague.context.close()]);
  }, 180_000);

  it('no tried/worked box on one’s own private video', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    const id = await uploadVideoViaApi(page, testVideo(), 'Min egen private optagelse');
    await waitForReady(page, id);
    await page.goto(`/videoer/${id}`);
    const panel = page.getByRole('region', { name: 'Afprøvet i praksis' });
    await panel.getByText('Videoen er privat, så det kan ingen endnu.', { exact: false }).waitFor();
    expect(await panel.getByRole('button', { name: 'Jeg har afprøvet det' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Det virkede' }).count()).toBe(0);
    // The own private note is still there.
    await panel.getByRole('region', { name: 'Dine noter' }).waitFor();
    await look(page, 'own-private-tried', panel);
    await context.close();
  }, 180_000);

  it('the editor’s Udgiv is disabled with the reason when the consent does not allow public', async () => {
    expect(videoId).not.toBe('');
    const { context, page } = await newPage(browser);
    await signIn(page, 'redaktoer');
    await page.goto('/redaktion');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await item.waitFor();
    const publish = item.getByRole('button', { name: `Udgiv ${TITLE}` });
    expect(await publish.isDisabled()).toBe(true);
    const reason = 'Kan ikke udgives: samtykket tillader ikke offentlig visning.';
    await item.getByText(reason).waitFor();
    const described = await publish.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe(reason);
    await look(page, 'editor-queue', item);

    // On the video page too.
    await page.goto(`/videoer/${videoId}`);
    const section = page.getByRole('region', { name: 'Katalog' });
    const onPage = section.getByRole('button', { name: 'Udgiv' });
    await onPage.waitFor();
    expect(await onPage.isDisabled()).toBe(true);
    await section.getByText(reason).waitFor();
    await look(page, 'editor-video', section);
    // The server refuses it just the same.
    const token = await csrfToken(page);
    const res = await page.request.post(`/api/v1/videos/${videoId}/catalogue/publish`, {
      headers: { 'X-CSRF-Token': token },
    });
    expect(res.status()).toBe(409);
    await context.close();
  }, 120_000);
});
