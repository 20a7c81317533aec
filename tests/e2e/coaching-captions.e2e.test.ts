import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn, waitForReady } from './browser.js';

/**
 * Issue 19 part E: medarbejder's captioned demo lesson (src/server/demo/coaching-captions.ts) — she corrects a
 * caption and adds a chapter in the editor; search then finds the lesson by the new word; the "Kapitler" list on
 * the video page seeks the player. Axe clean; screenshots at 360 and 1280 (E2E_SCREENSHOTS=dir).
 */
const LESSON = 'Min lektion: talsnak i 3. årgang (seks uger senere)';
let browser: Browser;
let id: string;

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  // The demo lesson is one of the last demo videos to get its media (after start-up, from an empty cache in a fresh
  // clone): find it among her own videos in any state, then wait until it plays.
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await page.request.get(`/api/v1/videos?mine=true&limit=100`);
    const hit = ((await res.json()).items ?? []).find((i: { title: string }) => i.title === LESSON);
    if (hit) {
      id = hit.id;
      break;
    }
    if (Date.now() > until) throw new Error('the captioned demo lesson was not seeded');
    await new Promise((r) => setTimeout(r, 1000));
  }
  await waitForReady(page, id, 420_000);
  await context.close();
}, 500_000);
afterAll(() => browser?.close());

const shots = process.env.E2E_SCREENSHOTS;

describe('captions and chapters (V9)', () => {
  it('the owner edits a cue and adds a chapter; search finds the word; the chapter list seeks the player', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto(`/videoer/${id}`);
    const chapters = page.getByRole('region', { name: 'Kapitler' });
    await chapters.getByRole('button', { name: /Ventetid før spørgsmålet/ }).waitFor();
    await chapters.getByRole('link', { name: 'Redigér undertekster og kapitler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Undertekster og kapitler' }).waitFor();

    const first = page.getByRole('textbox', { name: 'Tekst for undertekst 1' });
    await expect.poll(() => first.inputValue()).toBe('Godmorgen! I dag starter vi med makkersnak.');
    await first.fill('Godmorgen! I dag taler vi om kvasikrystaller og <script>.');
    // A reversed time is marked next to the cue before anything is sent.
    const end = page.getByRole('textbox', { name: 'Slut for undertekst 2' });
    await end.fill('0:01');
    await end.blur();
    await page.getByText('Sluttiden skal ligge efter starttiden.').waitFor();
    await end.fill('0:03.6');
    await end.blur();
    await page.getByRole('button', { name: 'Gem undertekster' }).click();
    await page.getByText('Underteksterne er gemt.').waitFor();

    await page.getByRole('button', { name: 'Kapitel her' }).click();
    // The player is at 0, where the first chapter starts: the new row (second) says so until its time is moved.
    await page.getByRole('textbox', { name: 'Titel på kapitel 2' }).fill('Tavlen og tallene');
    await page.getByText('Et andet kapitel starter samme sted.').waitFor();
    const start = page.getByRole('textbox', { name: 'Start for kapitel 2' });
    await start.fill('0:02');
    await start.blur();
    await expect.poll(() => page.getByText('Et andet kapitel starter samme sted.').count()).toBe(0);
    await page.getByRole('button', { name: 'Gem kapitler' }).click();
    await page.getByText('Kapitlerne er gemt.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/captions-editor-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    if (shots) await page.screenshot({ path: `${shots}/captions-editor-360.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);

    // Search finds the lesson by the word just written into a caption.
    await page.goto(`/videoer?q=${encodeURIComponent('kvasikrystaller')}`);
    await page.getByRole('list', { name: 'Søgeresultater' }).getByRole('link', { name: LESSON }).click();
    const list = page.getByRole('region', { name: 'Kapitler' });
    await list.getByRole('button', { name: /Tavlen og tallene/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector('video')?.currentTime ?? -1))
      .toBeCloseTo(2, 0);
    const track = await page.evaluate(() =>
      document.querySelector('track[kind="chapters"]')?.getAttribute('src'),
    );
    expect(track).toMatch(/chapters\.vtt\?v=2$/);
    expect(await axeViolations(page)).toEqual([]);
    if (shots) await list.screenshot({ path: `${shots}/chapters-list-1280.png` });
    await context.close();
  });

  it('a colleague who may watch sees the chapters but no editor', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'ressourceperson');
    await page.goto(`/videoer/${id}`);
    const list = page.getByRole('region', { name: 'Kapitler' });
    await list.getByRole('button', { name: /Opstart og makkersnak/ }).waitFor();
    expect(await list.getByRole('link', { name: 'Redigér undertekster og kapitler' }).count()).toBe(0);
    if (shots) await list.screenshot({ path: `${shots}/chapters-list-360.png` });
    await page.goto(`/videoer/${id}/undertekster`);
    await page.getByText('Du kan ikke redigere underteksterne på denne video.').waitFor();
    await context.close();
  });
});
