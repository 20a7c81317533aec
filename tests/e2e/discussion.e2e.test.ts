import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';

/*
 * The discussion on a video (V4): a comment anchored at 0:05 seeks the player, a reply @mentions a colleague who
 * is notified, a report reaches the moderation queue. Axe on the video page, /notifikationer and /moderation.
 */
let browser: Browser;
let videoId: string;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-discussion-shots-'));

/** An 8-second test video, long enough to anchor a comment at 0:05. */
function eightSecondVideo(): string {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-video-')), 'morgenmoede.mp4');
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
    ].concat(['-t', '8', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out]),
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

async function expectAxeClean(page: Page, name: string) {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    expect(await axeViolations(page), `${name} at ${label}`).toEqual([]);
    await page.screenshot({ path: path.join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  browser = await launch();
  // The video: uploaded by Mette through the API, shown to her institution.
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  videoId = await uploadVideoViaApi(page, eightSecondVideo(), 'Morgenmøde i 3. klasse');
  // The demo videos may still be going through the pipeline on a cold cache: allow for the queue.
  await waitForReady(page, videoId, 540_000);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  expect(
    (
      await page.request.put(`/api/v1/videos/${videoId}/consent`, { headers, data: { pupilsAppear: false } })
    ).status(),
  ).toBe(200);
  expect(
    (
      await page.request.patch(`/api/v1/videos/${videoId}`, { headers, data: { visibility: 'institution' } })
    ).status(),
  ).toBe(200);
  await context.close();
}, 600_000);
afterAll(() => browser?.close());

describe('discussion', () => {
  it('posts a comment anchored at 0:05 and seeks the player to it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await page.goto(`/videoer/${videoId}`);
    await page.getByRole('heading', { level: 2, name: /^Diskussion/ }).waitFor();
    await page.locator('main video').waitFor();
    await page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('main video')?.readyState ?? 0) >= 1,
    );

    await setVideoTime(page, 5.2);
    const anchor = page.getByLabel('Knyt til tidspunktet 0:05 i videoen');
    await anchor.waitFor();
    await anchor.check();
    await page
      .getByLabel('Skriv en kommentar')
      .fill(
        'Læg mærke til overgangen her.\n\n- Eleverne rejser sig\n- Læreren venter\n\nSe [guiden](https://emu.dk/x) <script>alert(1)</script> [klik](javascript:alert(1))',
      );
    await page.getByRole('button', { name: 'Send kommentar' }).click();
    const comment = page.getByRole('article', { name: 'Mette Nørgaard' }).first();
    await comment.waitFor();
    await page.getByRole('status').filter({ hasText: 'Din kommentar er sendt.' }).waitFor();

    // Safe formatting: a list, one real link with rel, the script and the javascript: link as plain text.
    expect(await comment.getByRole('listitem').allTextContents()).toEqual([
      'Eleverne rejser sig',
      'Læreren venter',
    ]);
    const link = comment.getByRole('link', { name: 'guiden' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(await comment.getByRole('link').count()).toBe(1);
    expect(await comment.textContent()).toContain('<script>alert(1)</script> [klik](javascript:alert(1))');

    await setVideoTime(page, 1);
    await comment.getByRole('button', { name: 'Gå til 0:05' }).click();
    await page.waitForFunction(() => {
      const t = document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? 0;
      return t >= 4.9 && t <= 5.6;
    });
    expect(Math.round(await videoTime(page))).toBe(5);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('.player') === document.querySelector('.player'),
      ),
    ).toBe(true);

    // A reply that mentions Rasmus through the people picker.
    await comment.getByRole('button', { name: /^Svar/ }).click();
    await comment.getByRole('button', { name: 'Nævn en person' }).click();
    await page.getByLabel('Søg efter en person at nævne').fill('Rasmus');
    await page.getByRole('button', { name: 'Rasmus Kjær' }).click();
    const reply = page.getByLabel('Dit svar til Mette Nørgaard');
    expect(await reply.inputValue()).toMatch(/^@\[Rasmus Kjær\]\([0-9a-f-]{36}\) $/);
    await reply.pressSequentially('kan du se på det?');
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.getByText('@Rasmus Kjær').waitFor();

    await expectAxeClean(page, 'video-discussion');
    await context.close();
  });

  it('notifies the person mentioned, who opens the comment from /notifikationer and reports it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'ressourceperson');
    const bell = page.getByRole('link', { name: /^Notifikationer, \d+ ulæst/ });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
    await page
      .getByRole('link', { name: 'Mette Nørgaard nævnte dig i en kommentar til »Morgenmøde i 3. klasse«' })
      .waitFor();
    await expectAxeClean(page, 'notifications');

    await page.getByRole('link', { name: /nævnte dig/ }).click();
    await page.waitForURL(/\/videoer\/.*#kommentar-/);
    const hash = new URL(page.url()).hash;
    await page.waitForFunction((h) => document.activeElement?.id === h.slice(1), hash);
    await page.getByRole('link', { name: 'Notifikationer' }).waitFor();

    // Report Mette's top-level comment.
    const top = page.getByRole('article', { name: 'Mette Nørgaard' }).first();
    await top.getByRole('button', { name: /^Anmeld/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Anmeld kommentaren' });
    await dialog.getByLabel(/Hvorfor anmelder du den/).fill('Forkert gengivelse af forløbet');
    await dialog.getByRole('button', { name: 'Send anmeldelse' }).click();
    await top.getByText('Du har anmeldt denne kommentar').waitFor();
    await context.close();
  });

  it('shows the report to an administrator on /moderation, who hides the comment', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'administrator');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Moderation' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const item = page.getByRole('article', { name: 'Kommentar til »Morgenmøde i 3. klasse«' });
    await item.getByText('Forkert gengivelse af forløbet').waitFor();
    await expectAxeClean(page, 'moderation');
    await item.getByRole('button', { name: 'Skjul kommentaren' }).click();
    await page.getByText('Der er ingen åbne anmeldelser.').waitFor();

    // Everyone else now sees the placeholder.
    const other = await newPage(browser);
    await signIn(other.page, 'ressourceperson');
    await other.page.goto(`/videoer/${videoId}`);
    await other.page.getByText('Skjult af en moderator').first().waitFor();
    await other.context.close();
    await context.close();
  });
});
