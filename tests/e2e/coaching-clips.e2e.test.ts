import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  DESKTOP,
  expectAxeCleanAtBothWidths,
  launch,
  newPage,
  PHONE,
  signIn,
  testVideo,
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';

/*
 * Clips and side by side (issue 19 part C): the owner cuts a clip of a lesson on its page and shows the clip to
 * the institution (the lesson stays private: a leader gets 404 on it); on a phone the owner compares two lessons
 * side by side — the players stacked, one button plays both. Axe clean; screenshots at 360 and 1280 px.
 */
let browser: Browser;
let earlier: string;
let later: string;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-clips-shots-'));

const playerReady = (page: Page, n = 1) =>
  page.waitForFunction(
    (count) =>
      [...document.querySelectorAll<HTMLVideoElement>('main video')].filter((v) => v.readyState >= 1)
        .length >= count,
    n,
  );

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  earlier = await uploadVideoViaApi(page, testVideo(), 'Talsnak – første optagelse');
  later = await uploadVideoViaApi(page, testVideo(), 'Talsnak – seks uger senere');
  await waitForReady(page, earlier, 540_000);
  await waitForReady(page, later, 540_000);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  for (const id of [earlier, later])
    expect(
      (
        await page.request.put(`/api/v1/videos/${id}/consent`, { headers, data: { pupilsAppear: false } })
      ).status(),
    ).toBe(200);
  await context.close();
}, 600_000);
afterAll(() => browser?.close());

describe('clips and side by side', () => {
  it('the owner cuts a clip on the video page and shows it to the institution; the lesson stays private', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await page.goto(`/videoer/${later}`);
    const tool = page.getByRole('region', { name: 'Klip', exact: true });
    await playerReady(page);
    await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('main video');
      if (v) v.currentTime = 0.5;
    });
    await tool.getByRole('button', { name: 'Start her' }).click();
    await expect.poll(() => tool.getByLabel('Start').inputValue()).toMatch(/^0:00(\.\d)?$/);
    await tool.getByLabel('Slut').fill('0:02.5');
    await tool.getByText(/^Klippets længde: /).waitFor();
    await tool.getByLabel(/^Klippets titel/).fill('Eleverne forklarer');
    await tool.getByRole('button', { name: 'Lav klip' }).click();
    await tool.getByText('Klippet er klar.').waitFor({ timeout: 240_000 });
    await expectAxeCleanAtBothWidths(page, 'video-page-clip-tool', shots);
    await tool.getByRole('link', { name: 'Gå til klippet »Eleverne forklarer«' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eleverne forklarer' }).waitFor();
    const clipId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByText('Klip fra').waitFor();
    expect(await page.getByRole('link', { name: 'Talsnak – seks uger senere' }).count()).toBeGreaterThan(0);

    // Shown to the institution through the owner's own visibility form.
    const visibility = page.getByRole('region', { name: 'Hvem kan se videoen' });
    await visibility.getByRole('radio', { name: /^Institution/ }).check();
    await visibility.getByRole('button', { name: 'Gem synlighed' }).click();
    await expect
      .poll(
        async () =>
          ((await (await page.request.get(`/api/v1/videos/${clipId}`)).json()) as { visibility: string })
            .visibility,
      )
      .toBe('institution');
    await context.close();

    const leader = await newPage(browser);
    await signIn(leader.page, 'leder');
    expect((await leader.page.request.get(`/api/v1/videos/${clipId}`)).status()).toBe(200);
    expect((await leader.page.request.get(`/api/v1/videos/${later}`)).status()).toBe(404);
    await leader.context.close();
  }, 300_000);

  it('on a phone the owner compares two lessons: stacked players, one button plays both', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(PHONE);
    await signIn(page, 'medarbejder');
    await page.goto(`/videoer/${earlier}`);
    const compare = page.getByRole('region', { name: 'Sammenlign med en anden optagelse' });
    await compare.getByRole('button', { name: 'Sammenlign med en anden optagelse' }).click();
    await compare
      .getByLabel('Optagelse at sammenligne med')
      .selectOption({ label: 'Talsnak – seks uger senere' });
    await compare.getByRole('link', { name: 'Vis side om side' }).click();
    await page.getByRole('heading', { level: 1, name: 'Side om side' }).waitFor();
    await playerReady(page, 2);
    const boxes = await page.locator('.compare-side').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left };
      }),
    );
    expect(boxes).toHaveLength(2);
    expect(boxes[1].top).toBeGreaterThanOrEqual(boxes[0].bottom - 1);
    // An offset for the right side, by keyboard-reachable buttons.
    await page.getByRole('button', { name: 'Forskyd Højre: 1 sekund senere' }).click();
    expect(await page.getByLabel('Forskydning (sekunder)').nth(1).inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Afspil begge' }).click();
    await page.waitForFunction(() => {
      const vs = [...document.querySelectorAll<HTMLVideoElement>('main video')];
      return vs.length === 2 && vs.every((v) => !v.paused || v.ended);
    });
    await page.getByRole('button', { name: 'Pause begge' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLVideoElement>('main video')].every((v) => v.paused),
    );
    await expectAxeCleanAtBothWidths(page, 'compare', shots);
    // Side by side on a wide screen.
    const wide = await page
      .locator('.compare-side')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
    expect(wide[1]).toBeGreaterThan(wide[0] + 100);
    await context.close();
  }, 180_000);
});
