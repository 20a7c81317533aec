import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, PHONE, signIn, testVideo, uploadVideoViaApi, waitForReady } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const player = (page: Page) => page.getByRole('region', { name: /^Videoafspiller/ });
const currentTime = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? 0);

/** Presses play in the player and waits until the picture is really moving. */
async function playsFor(page: Page, seconds = 0.5) {
  await player(page).getByRole('button', { name: 'Afspil' }).click();
  await page.waitForFunction(
    (s) => (document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? 0) > s,
    seconds,
    { timeout: 30_000 },
  );
}

/** Upload bandwidth in bytes per second (-1: no limit), so the progress bar can be seen. */
async function throttleUpload(context: BrowserContext, page: Page, bytesPerSecond: number, offline = false) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

describe('videos: upload, playback, consent and visibility, share links', () => {
  it('a teacher uploads a video, plays it, shows it to the institution and shares it by link', async () => {
    const file = testVideo();
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');

    await nav(page).getByRole('link', { name: 'Videoer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Videoer' }).waitFor();
    await page.getByRole('link', { name: 'Upload video' }).click();
    await page.getByRole('heading', { level: 1, name: 'Upload video' }).waitFor();

    // The title is not the file name (the walk-through asks for one); a file that is not a video is refused
    // before anything is sent.
    const notVideo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-notvideo-')), 'noter.txt');
    fs.writeFileSync(notVideo, 'ikke en video');
    await page.getByLabel('Videofil').setInputFiles(notVideo);
    await page.getByText('Filen ser ikke ud til at være en video').first().waitFor();
    await page.getByLabel('Videofil').setInputFiles(file);
    expect(await page.getByLabel('Titel').inputValue()).toBe('');
    await page.getByLabel('Titel').fill('Brøker med pizzastykker');

    // Slow upload: the progress bar shows, the upload pauses, the connection drops, and it still finishes.
    const cdp = await throttleUpload(context, page, 60 * 1024);
    await page.getByRole('button', { name: 'Start upload' }).click();
    const bar = page.getByRole('progressbar', { name: 'Uploader klasserumsvideo.mp4' });
    await bar.waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByText('Forbindelsen blev afbrudt – uploaden fortsætter, når du er online igen').waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // Done: the video page follows the processing until the player appears.
    await page.waitForURL(/\/videoer\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const id = page.url().split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name: 'Brøker med pizzastykker' }).waitFor();
    await player(page).waitFor({ timeout: 120_000 });
    await playsFor(page);
    await player(page).getByRole('button', { name: 'Pause' }).click();
    // The seek slider speaks Danish and moves by keyboard.
    const seek = player(page).getByRole('slider', { name: 'Tidslinje' });
    await seek.focus();
    await page.keyboard.press('Home');
    expect(await currentTime(page)).toBeLessThan(0.1);
    await page.keyboard.press('End');
    expect(await seek.getAttribute('aria-valuetext')).toMatch(/^0:0[23] af 0:0[23]$/);

    // The walk-through "Gør videoen klar" is closed here (upload-walkthrough.e2e.test.ts goes through it):
    // consent and visibility are then under the video's settings.
    await page.getByRole('button', { name: 'Luk vejledningen' }).click();
    await page.getByRole('heading', { name: 'Vejledningen er lukket' }).waitFor();
    // Only private until the consent register says who is in the video.
    const visibility = page.getByRole('group', { name: 'Synlighed' });
    expect(await visibility.getByLabel('Institution').isDisabled()).toBe(true);
    await page.getByRole('group', { name: 'Er der børn eller elever i videoen?' }).getByLabel('Nej').check();
    await page.getByRole('button', { name: 'Gem samtykke' }).click();
    await page.getByText('Samtykket er gemt.').waitFor();
    await visibility.getByLabel('Institution').check();
    await page.getByRole('button', { name: 'Gem synlighed' }).click();
    await page.getByText('Synligheden er gemt: Institution.').waitFor();

    // A leder at the same school can watch it; a leder at another institution is told it does not exist.
    const colleague = await newPage(browser, PHONE);
    await signIn(colleague.page, 'leder');
    await colleague.page.goto(`/videoer/${id}`);
    await player(colleague.page).waitFor();
    await colleague.context.close();
    const outsider = await newPage(browser);
    await signIn(outsider.page, 'leder2');
    await outsider.page.goto(`/videoer/${id}`);
    await outsider.page.getByRole('heading', { level: 1, name: 'Videoen findes ikke' }).waitFor();
    expect((await outsider.page.request.get(`/api/v1/videos/${id}`)).status()).toBe(404);
    await outsider.context.close();

    // Captions: a WebVTT file becomes a track with a captions button in the player.
    const vtt = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-vtt-')), 'dansk.vtt');
    fs.writeFileSync(vtt, 'WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nNu deler vi pizzaen i otte stykker.\n');
    await page.getByLabel('Undertekstfil (WebVTT)').setInputFiles(vtt);
    await page.getByRole('button', { name: 'Upload undertekster' }).click();
    await page.getByText('Underteksterne »Dansk« er gemt.').waitFor();
    await player(page).getByRole('button', { name: 'Undertekster' }).waitFor();
    expect(await page.locator('main video track[kind="captions"]').count()).toBe(1);

    // A share link works without signing in, until it is revoked.
    await page.getByLabel('Linket virker i').selectOption('7d');
    await page.getByRole('button', { name: 'Opret delingslink' }).click();
    const url = await page.getByLabel('Nyt delingslink').inputValue();
    expect(url).toMatch(/\/del\/[A-Za-z0-9_-]+$/);
    const guest = await newPage(browser, PHONE);
    await guest.page.goto(new URL(url).pathname);
    await guest.page.getByRole('heading', { level: 1, name: 'Brøker med pizzastykker' }).waitFor();
    await playsFor(guest.page);
    // Pasted into a chat, the link shows a preview: the served page carries Open Graph tags with the poster.
    const html = await (await guest.page.request.get(new URL(url).pathname)).text();
    expect(html).toContain('<meta property="og:title" content="Brøker med pizzastykker" />');
    expect(html).toMatch(/<meta property="og:image" content="http[^"]+\/poster\.jpg" \/>/);

    await page.getByRole('button', { name: /^Træk tilbage/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, træk linket tilbage' }).click();
    await page.getByText('Trukket tilbage', { exact: true }).waitFor();
    await guest.page.reload();
    await guest.page.getByRole('heading', { level: 1, name: 'Linket virker ikke' }).waitFor();
    await guest.page.getByText('Det kan være udløbet eller trukket tilbage').waitFor();
    await guest.context.close();

    // The owner still plays the video after the revocation renewed its media addresses.
    await page.reload();
    await playsFor(page, 0.2);

    // Delete, after a confirmation.
    await page.getByRole('button', { name: 'Slet video' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, slet videoen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Videoer' }).waitFor();
    await page.getByText('Videoen »Brøker med pizzastykker« er slettet.').waitFor();
    expect((await page.request.get(`/api/v1/videos/${id}`)).status()).toBe(404);
    await context.close();
  });

  it('a failed video shows its Danish reason with Prøv igen and Slet video', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'medarbejder');
    const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-fake-')), 'optagelse.mp4');
    fs.writeFileSync(fake, 'dette er ikke en video\n'.repeat(200));
    const id = await uploadVideoViaApi(page, fake, 'Ødelagt optagelse');
    await page.goto(`/videoer/${id}`);
    await page.getByText('Filen er ikke en video.').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Prøv igen' }).waitFor();
    await page.getByRole('button', { name: 'Slet video' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, slet videoen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Videoer' }).waitFor();
    await context.close();
  });

  it('the list shows status badges, and the player answers to its keyboard shortcuts', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    const id = await uploadVideoViaApi(page, testVideo(), 'Genvejstasterne');
    await page.goto('/videoer?vis=mine');
    const mine = page.getByRole('list', { name: 'Mine videoer' });
    await mine.getByRole('link', { name: 'Genvejstasterne' }).waitFor();
    await waitForReady(page, id);
    await page.reload();
    await mine.getByText('Klar', { exact: true }).first().waitFor();
    await mine.getByRole('link', { name: 'Genvejstasterne' }).click();
    await player(page).waitFor();
    await player(page).getByRole('button', { name: 'Lyd fra' }).focus();
    await page.keyboard.press('k');
    await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('main video')?.paused);
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('main video')?.paused);
    await page.keyboard.press('m');
    expect(await page.evaluate(() => document.querySelector<HTMLVideoElement>('main video')?.muted)).toBe(
      true,
    );
    // The button's state follows the video's after React renders: wait for it rather than race it.
    await player(page).getByRole('button', { name: 'Lyd fra', pressed: true }).waitFor();
    expect(await player(page).getByRole('button', { name: 'Lyd fra' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await context.close();
  });
});
