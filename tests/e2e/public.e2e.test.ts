import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';

/** A published demo video (src/server/demo/videos.ts), public, with "lærerne" in its title. */
const PUBLIC_VIDEO = 'Sådan samler lærerne op på dagens læringsmål';

let browser: Browser;
/** A demo video a signed-in teacher may watch but that is not public (found below). */
let hidden: { id: string; title: string };

beforeAll(async () => {
  browser = await launch();
  // The demo videos go through the real pipeline after start-up: wait until the public one is searchable.
  const { context, page } = await newPage(browser);
  const until = Date.now() + 110_000;
  for (;;) {
    const res = await page.request.get(`/api/v1/videos?q=${encodeURIComponent('lærerne')}&limit=100`);
    const titles = ((await res.json()).items ?? []).map((i: { title: string }) => i.title);
    if (titles.includes(PUBLIC_VIDEO)) break;
    if (Date.now() > until) throw new Error('the public demo video never became searchable');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const publicIds = new Set(
    ((await (await page.request.get('/api/v1/videos?limit=100')).json()).items as { id: string }[]).map(
      (i) => i.id,
    ),
  );
  await signIn(page, 'medarbejder');
  const mine = (await (await page.request.get('/api/v1/videos?limit=100')).json()).items as {
    id: string;
    title: string;
  }[];
  const found = mine.find((i) => !publicIds.has(i.id));
  if (!found) throw new Error('the demo has no video shared with the school only');
  hidden = found;
  await context.close();
});
afterAll(() => browser?.close());

describe('the public front page (issue 15): Amongi without signing in', () => {
  it('an anonymous visit to / makes no failing request and logs no console error; signing in and out still works', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    const errors: string[] = [];
    const failed: string[] = [];
    const asked: string[] = [];
    // Each request counts for the visit it was made in: one the previous page left in flight is not this visit's
    // (nor is the browser's "Failed to load resource" line about it, which can arrive after the next visit began).
    let visit = 0;
    const madeIn = new WeakMap<Request, number>();
    const lastAskedIn = new Map<string, number>();
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const leftOver =
        m.text().startsWith('Failed to load resource') && lastAskedIn.get(m.location().url) !== visit;
      if (!leftOver) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      madeIn.set(r, visit);
      lastAskedIn.set(r.url(), visit);
      asked.push(new URL(r.url()).pathname);
    });
    // A request the next navigation cuts off (net::ERR_ABORTED) did not fail at the server.
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText;
      if (madeIn.get(r) === visit && why !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${why}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && madeIn.get(r.request()) === visit) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/');
    await page.getByRole('list', { name: 'Nyeste offentlige videoer' }).getByRole('link').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(asked).not.toContain('/api/v1/me');

    // Signed in, the hint cookie is there and the app asks who it is; signed out, it is gone again.
    await signIn(page, 'medarbejder');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    const hint = async () => (await context.cookies()).find((c) => c.name === 'amongi_signed_in');
    expect((await hint())?.httpOnly).toBe(false);
    expect(asked).toContain('/api/v1/me');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/log-ind**');
    expect(await hint()).toBeUndefined();
    // Back on the front page after signing out: again no /me and nothing red.
    // (What the signed-in page still had in flight as one signed out is not part of this visit.)
    visit = 1;
    for (const list of [asked, errors, failed]) list.length = 0;
    await page.goto('/');
    await page.getByRole('list', { name: 'Nyeste offentlige videoer' }).getByRole('link').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).not.toContain('/api/v1/me');
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });

  it('explains Amongi, searches the public catalogue and plays a public video; axe clean', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Lær af hinandens praksis' }).waitFor();
    expect(page.url()).not.toContain('/log-ind');
    await page.getByRole('heading', { level: 2, name: 'Nyeste offentlige videoer' }).waitFor();
    await page.getByRole('list', { name: 'Nyeste offentlige videoer' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('link', { name: 'Log ind' }).count()).toBeGreaterThan(0);
    // No navigation of the signed-in app, and nothing that is not public on the page.
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    expect(await page.getByText(hidden.title, { exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Søg blandt offentlige videoer' }).fill('lærerne');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await page.waitForURL(/\/videoer\?q=l%C3%A6rerne/);
    await page.getByRole('heading', { level: 1, name: 'Offentlige videoer' }).waitFor();
    const results = page.getByRole('list', { name: 'Søgeresultater' });
    await results.getByRole('link', { name: PUBLIC_VIDEO }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await results.getByRole('link', { name: PUBLIC_VIDEO }).click();
    await page.getByRole('heading', { level: 1, name: PUBLIC_VIDEO }).waitFor();
    await page.locator('video').waitFor();
    await page.getByText('Offentlig video', { exact: true }).waitFor();
    // The player's stream answers without a session (a signed URL handed out through the policy).
    const id = new URL(page.url()).pathname.split('/').pop();
    const detail = await (await page.request.get(`/api/v1/videos/${id}`)).json();
    expect((await page.request.get(detail.playlistUrl)).status()).toBe(200);
    // Comments and notes are for colleagues who are signed in: not on the public page.
    expect(await page.getByRole('heading', { name: 'Diskussion' }).count()).toBe(0);
    await page.getByText('Log ind for at kommentere').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a video that is not public is "not found" without signing in, and shown once signed in', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`/videoer/${hidden.id}`);
    await page.getByRole('heading', { level: 1, name: 'Videoen findes ikke' }).waitFor();
    expect(await page.getByText(hidden.title).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The API says the same, whatever the page shows.
    expect((await page.request.get(`/api/v1/videos/${hidden.id}`)).status()).toBe(404);
    const search = await (
      await page.request.get(`/api/v1/videos?q=${encodeURIComponent(hidden.title)}`)
    ).json();
    expect(search.items.map((i: { id: string }) => i.id)).not.toContain(hidden.id);

    await signIn(page, 'medarbejder');
    await page.goto(`/videoer/${hidden.id}`);
    await page.getByRole('heading', { level: 1, name: hidden.title }).waitFor();
    await context.close();
  });

  it('on a phone: the front page reads well and is axe clean', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Lær af hinandens praksis' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nyeste offentlige videoer' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the personal front page (issue 15)', () => {
  it('a pædagog sees videos for the youngest, changes it on the profile, and "Se alt" is one click away', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder2');
    await page.goto('/');
    await page.getByText('Forsiden viser videoer til det, vi tror, du arbejder med').waitFor();
    const newest = page.getByRole('list', { name: 'Nyeste videoer' });
    await newest.getByRole('link').first().waitFor();
    const cards = await newest.locator('.video-card').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c).not.toMatch(/klasse/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Ret det på din profil' }).click();
    await page.getByRole('heading', { level: 2, name: 'Det arbejder jeg med' }).waitFor();
    const ages = page.getByRole('group', { name: 'Aldersgrupper' });
    expect(await ages.getByRole('checkbox', { name: '0–2 år' }).isChecked()).toBe(true);
    await ages.getByRole('checkbox', { name: '0–2 år' }).uncheck();
    await ages.getByRole('checkbox', { name: '4.–6. klasse' }).check();
    await page.getByRole('group', { name: 'Fag og temaer' }).getByRole('checkbox', { name: 'Dansk' }).check();
    await page.getByRole('button', { name: 'Gem det, jeg arbejder med' }).click();
    await page.getByText('Gemt. Forsiden følger nu dine valg.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forside' }).click();
    await page.getByText('Forsiden viser videoer til det, du arbejder med.').waitFor();
    await newest
      .getByText(/4\.–6\. klasse/)
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Se alt', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/videoer' && u.search === '');
    await page.getByRole('heading', { level: 1, name: 'Videoer' }).waitFor();
    await context.close();
  });
});
