import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  expectAxeCleanAtBothWidths,
  launch,
  newPage,
  signIn,
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';

/*
 * Typed feedback (issue 19 part B): the owner shares a private recording with the coach; the coach leaves three
 * typed comments at times; the owner filters by kind, jumps to a comment (the player's time changes), replies
 * and marks it "drøftet". Axe clean; screenshots at 360 and 1280 px.
 */
let browser: Browser;
let videoId: string;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-feedback-shots-'));

/** A 10-second test video. */
function tenSecondVideo(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-video-')), 'talsnak.mp4');
  execFileSync(
    process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg',
    [
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=25',
      '-f',
      'lavfi',
      '-i',
      'sine',
    ].concat(['-t', '10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out]),
    { stdio: 'ignore' },
  );
  return out;
}

const videoTime = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? -1);
const setVideoTime = (page: Page, s: number) =>
  page.evaluate((t) => {
    const v = document.querySelector<HTMLVideoElement>('main video');
    if (v) v.currentTime = t;
  }, s);

async function openVideo(page: Page) {
  await page.goto(`/videoer/${videoId}`);
  await page.getByRole('heading', { level: 2, name: /^Feedback/ }).waitFor();
  await page.waitForFunction(
    () => (document.querySelector<HTMLVideoElement>('main video')?.readyState ?? 0) >= 1,
  );
}

beforeAll(async () => {
  browser = await launch();
  const coach = await newPage(browser);
  await signIn(coach.page, 'ressourceperson');
  const coachId = (await (await coach.page.request.get('/api/v1/me')).json()) as {
    user?: { id: string };
    id?: string;
  };
  await coach.context.close();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  videoId = await uploadVideoViaApi(page, tenSecondVideo(), 'Talsnak til vejledning');
  await waitForReady(page, videoId, 540_000);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  const personId = coachId.user?.id ?? coachId.id;
  // The consent record says no pupils appear: the owner may share it.
  expect(
    (
      await page.request.put(`/api/v1/videos/${videoId}/consent`, { headers, data: { pupilsAppear: false } })
    ).status(),
  ).toBe(200);
  const shared = await page.request.post(`/api/v1/videos/${videoId}/grants`, {
    headers,
    data: { personId, expiresOn: null },
  });
  expect(shared.status(), await shared.text()).toBe(201);
  await context.close();
}, 600_000);
afterAll(() => browser?.close());

describe('typed feedback', () => {
  it('the coach leaves three typed comments at times', async () => {
    const coach = await newPage(browser);
    await signIn(coach.page, 'ressourceperson');
    await openVideo(coach.page);
    const panel = coach.page.getByRole('region', { name: /^Feedback/ });
    for (const [at, kind, text] of [
      [2, 'Styrke', 'Du venter på svar — flere rækker hånden.'],
      [5, 'Spørgsmål', 'Hvad sagde makkerparrene her? <script>alert(1)</script>'],
      [8, 'Forslag', 'Lad en elev gentage makkerens forklaring.'],
    ] as const) {
      await setVideoTime(coach.page, at);
      await panel.getByRole('button', { name: 'Brug tiden nu' }).click();
      await panel.getByRole('radio', { name: kind }).check();
      await panel.getByLabel('Din feedback').fill(text);
      await panel.getByRole('button', { name: 'Gem feedback' }).click();
      await panel.getByRole('list', { name: 'Feedback efter tid i optagelsen' }).getByText(text).waitFor();
    }
    const marks = panel.getByRole('toolbar', { name: 'Feedback på tidslinjen' }).getByRole('button');
    expect(await marks.count()).toBe(3);
    // One tab stop for all the marks; the arrow keys and End move between them.
    expect(await marks.evaluateAll((b) => b.filter((x) => x.tabIndex === 0).length)).toBe(1);
    await marks.first().focus();
    await coach.page.keyboard.press('End');
    expect(await marks.nth(2).evaluate((b) => b === document.activeElement)).toBe(true);
    await coach.page.keyboard.press('ArrowLeft');
    expect(await marks.nth(1).evaluate((b) => b === document.activeElement)).toBe(true);
    // HTML stays text.
    expect(await panel.getByText('<script>alert(1)</script>', { exact: false }).count()).toBe(1);
    await expectAxeCleanAtBothWidths(coach.page, 'coach', shots);
    await coach.context.close();
  }, 400_000);

  it('the owner filters by kind, jumps to a comment, replies and marks it drøftet', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await openVideo(page);
    const own = page.getByRole('region', { name: /^Feedback/ });
    const list = own.getByRole('list', { name: 'Feedback efter tid i optagelsen' });
    await list.getByRole('listitem').first().waitFor();
    expect(await list.locator(':scope > li').count()).toBe(3);
    await own.getByLabel('Vis type').selectOption({ label: 'Spørgsmål' });
    await expect.poll(() => list.locator(':scope > li').count(), { timeout: 20_000 }).toBe(1);
    expect(
      await own.getByRole('toolbar', { name: 'Feedback på tidslinjen' }).getByRole('button').count(),
    ).toBe(1);

    await setVideoTime(page, 0);
    await list.getByRole('button', { name: 'Spring til 0:05' }).click();
    await page.waitForFunction(() => {
      const t = document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? 0;
      return t >= 4.5 && t <= 5.6;
    });
    expect(Math.round(await videoTime(page))).toBe(5);
    // A mark on the timeline jumps too.
    await own.getByLabel('Vis type').selectOption({ label: 'Alle typer' });
    await own.getByRole('button', { name: /^Forslag ved 0:08/ }).click();
    await page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? 0) > 7,
    );

    const question = list.locator(':scope > li').filter({ hasText: 'makkerparrene' });
    await question.getByRole('button', { name: 'Svar' }).click();
    await question.getByLabel('Dit svar').fill('De forklarede med tallinjen.');
    await question.getByRole('button', { name: 'Send svar' }).click();
    await question.getByText('De forklarede med tallinjen.').waitFor();
    await question.getByRole('button', { name: 'Markér som drøftet' }).click();
    await question.getByText('Drøftet', { exact: true }).waitFor();
    await expectAxeCleanAtBothWidths(page, 'owner', shots);
    await context.close();
  }, 400_000);
});
