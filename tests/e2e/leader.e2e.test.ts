import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE } from './browser.js';
import { apiAs } from './training-support.js';

/*
 * Issue 15, end to end in Chromium against the real server: a leder sees their own staff's training demand on
 * /traening (by method, with who asked) and their own institution's statistics on /statistik; a medarbejder sees
 * neither; the observation data page opens on a short summary and shows one focus area at a time. Axe at 360 and
 * 1280; screenshots into E2E_SCREENSHOTS or /tmp/shots-leader.
 */

let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS || '/tmp/shots-leader';
fs.mkdirSync(shots, { recursive: true });
const SLOW = 120_000;

/** Signs in through the form (the demo's one-click accounts sit beside it: the exact button is "Log ind"). */
async function signInAs(page: Page, account: string) {
  await page.goto('/log-ind');
  await page.getByLabel('E-mail').fill(`${account}@demo.amongi.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/log-ind'));
}

async function axeAndShots(page: Page, name: string) {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300);
    expect(await axeViolations(page), `${name} at ${viewport.width}`).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${name} fits ${viewport.width}`).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(shots, `${name}-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("a leder sees their own house's training demand and statistics", () => {
  it(
    '/traening: the staff’s demand by method with who asked, as the API says it; not for a medarbejder',
    async () => {
      const api = await apiAs(browser, 'leder');
      const me = await api.call('GET', '/me');
      const grant = (
        me.json.grants as { role: string; institutionId: string; institutionName: string }[]
      ).find((g) => g.role === 'leder');
      expect(grant).toBeTruthy();
      const demand = await api.call('GET', `/training/institutions/${grant?.institutionId}/demand`);
      expect(demand.status).toBe(200);
      const methods = demand.json.methods as {
        method: { label: string };
        count: number;
        requesters: { name: string }[];
      }[];
      expect(methods.length).toBeGreaterThan(0);
      await api.close();

      const { context, page } = await newPage(browser, DESKTOP);
      await signInAs(page, 'leder');
      await page.goto('/traening');
      const section = page.getByRole('region', { name: `Efterspørgsel på ${grant?.institutionName}` });
      await section.waitFor();
      for (const m of methods) {
        await section.getByRole('heading', { name: m.method.label, level: 3 }).waitFor();
        const who = section.getByRole('list', { name: `Hvem har bedt om det i ${m.method.label}` });
        for (const r of m.requesters) await who.getByText(r.name).waitFor();
      }
      // "15 af 12" never: a count above the threshold is said as the threshold reached.
      const body = await page.locator('body').innerText();
      const over = [...body.matchAll(/(\d+) af (\d+)/g)].filter((m) => Number(m[1]) > Number(m[2]));
      expect(over.map((m) => m[0])).toEqual([]);
      await axeAndShots(page, 'traening-leder');
      await context.close();

      // A medarbejder of the same school does not get the section, and the API refuses them.
      const { context: c2, page: p2 } = await newPage(browser, DESKTOP);
      await signInAs(p2, 'medarbejder');
      await p2.goto('/traening');
      await p2.getByRole('heading', { name: 'Mine ønsker' }).waitFor();
      expect(await p2.getByText(/Efterspørgsel på/).count()).toBe(0);
      const res = await p2.request.get(`/api/v1/training/institutions/${grant?.institutionId}/demand`);
      expect(res.status()).toBe(403);
      await c2.close();
    },
    SLOW,
  );

  it(
    '/statistik: the leder’s own institution, with the same suppression',
    async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signInAs(page, 'leder');
      await page.goto('/statistik');
      await page.getByRole('heading', { name: 'Statistik', level: 1 }).waitFor();
      await page.getByText('Tallene dækker de videoer fra Solsikkeskolen').waitFor();
      await page.getByText('Står færre end 3 personer bag et tal', { exact: false }).waitFor();
      await axeAndShots(page, 'statistik-leder');
      await context.close();
    },
    SLOW,
  );
});

describe('the observation data page says something', () => {
  it(
    'opens on what stands out, then one focus area at a time, offering only breakdowns that can be shown',
    async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signInAs(page, 'leder');
      await page.goto('/observation/data');
      const summary = page.getByRole('region', { name: 'Det står frem' });
      await summary.waitFor();
      await summary.getByText(/I alt \d+ besøg hos \d+ lærere\./).waitFor();
      await summary.getByRole('heading', { name: 'Stærkest' }).waitFor();
      await summary.getByRole('heading', { name: 'Svagest' }).waitFor();
      // Values in Danish: "4,6 af 7" (a comma), never "4.6".
      const text = await summary.innerText();
      expect(text).toMatch(/\d,\d af 7|\d+\s% ja/);
      expect(text).not.toMatch(/\d\.\d af/);
      expect(text).not.toMatch(/\.\./);

      // The details: one focus area at a time.
      const details = page.getByRole('region', { name: 'Detaljer' });
      const choice = details.getByLabel('Fokusområde');
      const areas = await choice.locator('option').allInnerTexts();
      expect(areas.length).toBeGreaterThan(1);
      await expect.poll(() => details.locator('h3.obsl-area-title').innerText()).toBe(areas[0]);
      await choice.selectOption({ label: areas[1] });
      await expect.poll(() => details.locator('h3.obsl-area-title').innerText()).toBe(areas[1]);
      expect(new URL(page.url()).searchParams.get('omraade')).toBeTruthy();

      // Only breakdowns that can be shown are offered; the page says why the others are not.
      const offered = await page.getByLabel('Opdel efter').locator('option').allInnerTexts();
      const api = await apiAs(browser, 'leder');
      const me = await api.call('GET', '/me');
      const inst = (me.json.grants as { role: string; institutionId: string }[]).find(
        (g) => g.role === 'leder',
      );
      const data = await api.call('GET', `/observation/institutions/${inst?.institutionId}/data`);
      await api.close();
      const labels: Record<string, string> = { term: 'Termin', subject: 'Fag', grade: 'Klassetrin' };
      const breakdowns = data.json.breakdowns as { by: string; available: boolean; groups: number }[];
      expect(offered.sort()).toEqual(
        breakdowns
          .filter((b) => b.available)
          .map((b) => labels[b.by])
          .sort(),
      );
      for (const b of breakdowns.filter((x) => !x.available && x.groups > 1))
        await page.getByText(`Opdeling efter ${labels[b.by].toLowerCase()} tilbydes ikke her`).waitFor();

      // Much shorter than every area's charts at once (it was about 11,000 px at 1280).
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(7000);
      // Chart labels in Danish number format: a decimal comma, never a point.
      const chartTexts = await page.locator('.obsl-chart svg text').allTextContents();
      expect(chartTexts.length).toBeGreaterThan(0);
      expect(chartTexts.filter((x) => /^\d+\.\d+$/.test(x.trim()))).toEqual([]);
      await axeAndShots(page, 'observation-data');
      await context.close();
    },
    SLOW,
  );
});
