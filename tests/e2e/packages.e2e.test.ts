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
/** A learning package of medarbejder's, shown to the institution: text, video, two questions, text. */
let pkg = '';
const ITEMS = [
  { kind: 'text', title: 'Velkommen til mødet', body: 'I dag ser vi på, hvordan eleverne kommer i gang.' },
  { kind: 'video', body: 'Læg mærke til de første to minutter.' },
  { kind: 'question', body: 'Hvad gjorde læreren, før eleverne gik i gang?' },
  { kind: 'question', body: 'Hvad kunne I prøve i jeres egne klasser i næste uge?' },
  { kind: 'text', title: 'Aftaler', body: 'Skriv en prøvehandling ned, og aftal hvornår I følger op.' },
];

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  const video = await uploadVideoViaApi(page, testVideo(), 'Opstart i 4.b');
  await waitForReady(page, video, 540_000);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  await page.request.put(`/api/v1/videos/${video}/consent`, { headers, data: { pupilsAppear: false } });
  await page.request.patch(`/api/v1/videos/${video}`, { headers, data: { visibility: 'institution' } });
  const res = await page.request.post('/api/v1/packages', {
    headers,
    data: {
      title: 'Gode overgange i undervisningen',
      description: 'En pakke til teammødet om at komme godt i gang.',
      facilitationGuide: 'Start med en runde, hvor alle siger én ting. Brug 10 minutter på videoen.',
      visibility: 'institution',
      items: ITEMS.map((i) => (i.kind === 'video' ? { ...i, videoId: video } : i)),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  pkg = (await res.json()).id;
  await context.close();
  // The demo videos may still be going through the pipeline on a first start: the upload waits its turn.
}, 600_000);
afterAll(() => browser?.close());

/** The visible item's heading and the live progress text. */
async function state(page: Page) {
  const heading = (await page.locator('.present-stage h2').textContent())?.trim();
  const progress = (await page.locator('.present-progress[aria-live="polite"]').textContent())?.trim();
  return { heading, progress };
}

describe('learning packages', () => {
  it('presents a package by keyboard: →, ←, End, Esc', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'leder');
    await page.goto(`/pakker/${pkg}`);
    await page.getByRole('heading', { level: 1, name: 'Gode overgange i undervisningen' }).waitFor();
    await page.getByRole('link', { name: 'Præsentér' }).click();
    await page.waitForURL(`**/pakker/${pkg}/praesenter**`);
    await page.locator('.present-stage h2').waitFor();
    expect(await state(page)).toEqual({ heading: 'Velkommen til mødet', progress: 'Element 1 / 5' });
    // The current item holds focus, so a clicker's keys reach the page.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('present-stage'))).toBe(true);

    await page.keyboard.press('ArrowRight');
    await page.locator('.present-slide-video').waitFor();
    expect(await state(page)).toEqual({ heading: 'Opstart i 4.b', progress: 'Element 2 / 5' });
    // The video plays in the real player, from its signed playlist.
    await page.locator('.present-player video').waitFor();
    expect(await page.getByRole('button', { name: /Afspil/ }).count()).toBeGreaterThan(0);

    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state(page)).progress).toBe('Element 3 / 5');
    expect((await state(page)).heading).toBe('Refleksionsspørgsmål');
    await expect
      .poll(() => page.locator('.present-question').textContent())
      .toBe('Hvad gjorde læreren, før eleverne gik i gang?');

    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await state(page)).progress).toBe('Element 2 / 5');

    await page.keyboard.press('End');
    await expect.poll(async () => state(page)).toEqual({ heading: 'Aftaler', progress: 'Element 5 / 5' });
    await page.keyboard.press('ArrowRight'); // stays on the last item
    expect((await state(page)).progress).toBe('Element 5 / 5');

    await page.keyboard.press('Home');
    await expect.poll(async () => (await state(page)).progress).toBe('Element 1 / 5');

    // The facilitation guide opens beside the item; Esc closes it first, then leaves.
    await page.getByRole('button', { name: 'Facilitatorguide' }).click();
    await expect.poll(() => page.locator('#present-guide').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#present-guide').isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.pathname === `/pakker/${pkg}`);
    await page.getByRole('heading', { level: 1, name: 'Gode overgange i undervisningen' }).waitFor();
    await context.close();
  });

  it('copies a package and edits the copy with keyboard-accessible reordering', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'leder');
    await page.goto(`/pakker/${pkg}`);
    await page.getByRole('button', { name: 'Kopiér og tilpas' }).click();
    await page.waitForURL(/\/pakker\/[0-9a-f-]+\/rediger$/);
    await page.getByRole('heading', { level: 1, name: /Gode overgange i undervisningen \(kopi\)/ }).waitFor();
    // Move item 3 (the first question) up with the keyboard; focus stays on the moved item's button.
    const up = page.getByRole('button', { name: 'Flyt op element 3, Refleksionsspørgsmål' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Flyt op element 2, Refleksionsspørgsmål');
    await page.getByRole('button', { name: 'Gem indhold' }).click();
    await page.getByText('Indholdet er gemt.').waitFor();
    const id = new URL(page.url()).pathname.split('/')[2];
    const copy = await (await page.request.get(`/api/v1/packages/${id}`)).json();
    expect(copy.items.map((i: { kind: string }) => i.kind)).toEqual([
      'text',
      'question',
      'video',
      'question',
      'text',
    ]);
    // The original is unchanged.
    const orig = await (await page.request.get(`/api/v1/packages/${pkg}`)).json();
    expect(orig.items.map((i: { kind: string }) => i.kind)).toEqual(ITEMS.map((i) => i.kind));
    await context.close();
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    it(`axe finds nothing on the package pages and in present mode (${name})`, async () => {
      const { context, page } = await newPage(browser, viewport);
      await signIn(page, 'medarbejder');
      for (const path of [
        '/pakker',
        '/pakker?vis=alle',
        `/pakker/${pkg}`,
        `/pakker/${pkg}/rediger`,
        '/pakker/ny',
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
        expect(await axeViolations(page), path).toEqual([]);
      }
      await page.goto(`/pakker/${pkg}/praesenter?nr=2`);
      await page.locator('.present-player video').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), 'present: video').toEqual([]);
      await page.keyboard.press('ArrowRight');
      await page.getByRole('button', { name: 'Facilitatorguide' }).click();
      await page.locator('#present-guide').waitFor();
      expect(await axeViolations(page), 'present: question with guide').toEqual([]);
      await context.close();
    });
});
