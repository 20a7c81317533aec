import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  csrfToken,
  DESKTOP,
  launch,
  newPage,
  openDataTool,
  PHONE,
  signIn,
  testVideo,
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';

let browser: Browser;
/** A ready video of medarbejder's, shown to Solsikkeskolen. */
let videoId = '';
beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  videoId = await uploadVideoViaApi(page, testVideo(), 'Makkerlæsning med rollekort');
  // Generous: on a cold start the demo videos go through the same pipeline first.
  await waitForReady(page, videoId, 450_000);
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  await page.request.put(`/api/v1/videos/${videoId}/consent`, { headers, data: { pupilsAppear: false } });
  await page.request.patch(`/api/v1/videos/${videoId}`, { headers, data: { visibility: 'institution' } });
  await context.close();
}, 480_000);
afterAll(() => browser?.close());

/** Fewer than the minimum group tried it: the panel says only that (no split). */
const FEW = 'Færre end 3 har afprøvet den endnu – om den virkede, vises først, når mindst 3 har.';
const panel = (page: Page) => page.getByRole('region', { name: 'Afprøvet i praksis' });
const figures = (page: Page) => panel(page).locator('.impact-figures');

async function panelViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('.reflection-panel')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('reflection and impact on the video page', () => {
  it('a teacher marks "afprøvet" and "virkede", and the figures change', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'ressourceperson');
    await page.goto(`/videoer/${videoId}`);
    await panel(page).waitFor();
    await expect.poll(() => figures(page).textContent()).toBe('Ingen har afprøvet den endnu.');

    const tried = panel(page).getByRole('button', { name: 'Jeg har afprøvet det' });
    const worked = panel(page).getByRole('button', { name: 'Det virkede' });
    expect(await tried.getAttribute('aria-pressed')).toBe('false');
    await tried.click();
    await expect.poll(() => tried.getAttribute('aria-pressed')).toBe('true');
    // One who tried: only that few have, never how many say it worked (ADR 0009, minimum group 3).
    await expect.poll(() => figures(page).textContent()).toBe(FEW);
    await worked.click();
    await expect.poll(() => worked.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => figures(page).textContent()).toBe(FEW);

    // A short reflection, shared with colleagues.
    await panel(page)
      .getByLabel('Kort refleksion')
      .fill('Rollekortene gav de stille elever en tydelig opgave.');
    await panel(page).getByLabel('Del med andre').check();
    await panel(page).getByRole('button', { name: 'Gem refleksion' }).click();
    await panel(page).getByText('Din refleksion er gemt og delt med andre.').waitFor();
    await panel(page).getByText('Rollekortene gav de stille elever en tydelig opgave.').last().waitFor();

    // The private note saves itself and is announced.
    const note = panel(page).getByLabel('Din note');
    await panel(page)
      .getByText('Kun du kan se dine noter – ingen andre, heller ikke ledere eller administratorer.')
      .waitFor();
    // Said once (issue 15: the label, the line and the hint each said it).
    expect(
      await panel(page)
        .getByText(/Kun du kan se/)
        .count(),
    ).toBe(1);
    await note.fill('Prøv med 4.b på torsdag – husk rollekort i to farver.');
    await panel(page)
      .getByText(/^Noten er gemt kl\. \d\d[.:]\d\d\.$/)
      .waitFor();

    if (SHOTS) {
      await panel(page).screenshot({ path: `${SHOTS}/reflection-desktop.png` });
    }
    expect(await panelViolations(page)).toEqual([]);

    // After a reload everything is still there.
    await page.reload();
    await expect.poll(() => worked.getAttribute('aria-pressed')).toBe('true');
    expect(await note.inputValue()).toBe('Prøv med 4.b på torsdag – husk rollekort i to farver.');
    await context.close();
  });

  it('a colleague adds to the figures, sees the shared reflection but never the note; a failed save rolls back; the split from three', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'leder');
    await page.goto(`/videoer/${videoId}`);
    await panel(page).waitFor();
    await expect.poll(() => figures(page).textContent()).toBe(FEW);
    await panel(page).getByText('Rollekortene gav de stille elever en tydelig opgave.').waitFor();
    await panel(page).getByText('Rasmus Kjær', { exact: false }).waitFor();
    expect(await panel(page).getByLabel('Din note').inputValue()).toBe('');
    expect(await page.content()).not.toContain('husk rollekort i to farver');

    // The server refuses: the button and the figures go back, and the person is told.
    const tried = panel(page).getByRole('button', { name: 'Jeg har afprøvet det' });
    await page.route('**/api/v1/videos/*/signal', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal.error', message: 'Der skete en fejl.' } }),
      }),
    );
    await tried.click();
    await panel(page).getByRole('alert').getByText('Dit svar blev ikke gemt.', { exact: false }).waitFor();
    await expect.poll(() => tried.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => figures(page).textContent()).toBe(FEW);
    await page.unroute('**/api/v1/videos/*/signal');

    await tried.click();
    await expect.poll(() => tried.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => figures(page).textContent()).toBe(FEW);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reflection-phone.png`, fullPage: true });
    expect(await panelViolations(page)).toEqual([]);
    await context.close();

    // A third who tried it: now the split is shown (one of the three said it worked).
    const third = await newPage(browser);
    await signIn(third.page, 'medarbejder');
    await third.page.goto(`/videoer/${videoId}`);
    await panel(third.page).waitFor();
    await expect.poll(() => figures(third.page).textContent()).toBe(FEW);
    await panel(third.page).getByRole('button', { name: 'Jeg har afprøvet det' }).click();
    await expect
      .poll(() => figures(third.page).textContent())
      .toMatch(/^3 har afprøvet den · 1 af dem siger, den virkede \(33\s%\)$/);
    await third.context.close();
  });

  it('playing the video starts a view and reports the watched seconds', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    await page.goto(`/videoer/${videoId}`);
    const player = page.getByRole('region', { name: /^Videoafspiller/ });
    await player.waitFor();
    const started = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith(`/videos/${videoId}/views`),
    );
    await player.getByRole('button', { name: 'Afspil' }).click();
    await started;
    const reported = page.waitForRequest(
      (r) => r.method() === 'PATCH' && /\/views\/[0-9a-f-]{36}$/.test(r.url()),
      {
        timeout: 30_000,
      },
    );
    // The 3-second video plays to its end: the end is reported, and the view counts as completed.
    const patch = await reported;
    const answer = await patch.response();
    expect(answer?.status()).toBe(200);
    const body = (await answer?.json()) as { watchedSeconds: number; completed: boolean };
    expect(body.watchedSeconds).toBeGreaterThan(0);
    await context.close();
  });
});

describe('statistics page', () => {
  it('editors, forvaltning and administrators find it in the menu; tables, CSV and axe at both widths', async () => {
    for (const [who, viewport] of [
      ['administrator', DESKTOP],
      ['forvaltning', PHONE],
      ['redaktoer', DESKTOP],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      await signIn(page, who);
      await openDataTool(page, 'Statistik');
      await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
      await page.getByRole('table', { name: /^Samlede tal for/ }).waitFor();
      await page.getByRole('table', { name: /^Visninger og afprøvninger efter fag/ }).waitFor();
      await page.getByText(/færre end 3 personer bag et tal/).waitFor();
      await page.waitForLoadState('networkidle');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/statistik-${who}.png`, fullPage: true });
      expect(await axeViolations(page), who).toEqual([]);

      // The period filter and the CSV file of the same table.
      await page.getByLabel('Fra').fill('2020-01-01');
      await page.getByRole('button', { name: 'Vis' }).click();
      await page.waitForURL(/fra=2020-01-01/);
      // Whole months: the page says which period it shows.
      await page.getByText(/^Viser hele måneder: 1\. januar 2020 – \d+\. \p{L}+ \d{4}\.$/u).waitFor();
      const link = page.getByRole('link', { name: 'Hent som CSV' });
      await expect.poll(() => link.getAttribute('href')).toContain('from=2020-01-01');
      const href = (await link.getAttribute('href')) as string;
      const csv = await page.request.get(href);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect(await csv.text()).toContain('Gruppe;Værdi;Videoer;Visninger');
      await context.close();
    }
  });

  // A leder sees their own institution's statistics (issue 15: leader.e2e.test.ts); a teacher sees none.
  it('teachers do not see it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    // Not among the data tools the teacher is offered.
    await page.goto('/data');
    await page.getByRole('heading', { level: 1, name: 'Data og udvikling' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Observation', exact: true }).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Statistik' }).count()).toBe(0);
    await page.goto('/statistik');
    await page.getByText('Statistikken er for redaktører, forvaltning, ledere og administratorer.').waitFor();
    expect((await page.request.get('/api/v1/statistics')).status()).toBe(403);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
