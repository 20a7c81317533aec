import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfToken, expectAxeCleanAtBothWidths, launch, newPage, signIn } from './browser.js';

let browser: Browser;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-e2e-mydata-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('Mine data (issue 20 part 3)', () => {
  it('a teacher asks for her data, waits for it and downloads a ZIP with index.html and JSON', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'medarbejder');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { name: string };
    await page.goto('/profil');
    await page.getByRole('link', { name: /Mine data/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine data' }).waitFor();
    await page.getByRole('button', { name: 'Bestil mine data' }).click();
    const link = page.getByRole('link', { name: /Hent ZIP/ });
    await link.waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(shots, 'mine-data.zip');
    await download.saveAs(file);
    const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const text = (n: string) => new TextDecoder().decode(files[n]);
    expect(Object.keys(files)).toContain('index.html');
    expect(text('index.html')).toContain(me.name);
    expect(text('index.html')).not.toContain('<script');
    expect(JSON.parse(text('profile.json'))[0].name).toBe(me.name);
    expect(JSON.parse(text('roles.json')).length).toBeGreaterThan(0);
    await expectAxeCleanAtBothWidths(page, 'mine-data', shots);
    await context.close();
  });

  it('an administrator sees what erasing a person removes and keeps, then erases a throwaway person', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'administrator');
    const res = await page.request.post('/api/v1/people', {
      headers: { 'x-csrf-token': await csrfToken(page) },
      data: {
        name: 'Kortvarig Testperson',
        email: `kort.${Date.now()}@example.dk`,
        grant: { role: 'medarbejder', institutionId: await solsikke(page) },
      },
    });
    expect(res.status()).toBe(201);
    const person = (await res.json()) as { id: string };
    await page.goto(`/organisation/personer/${person.id}`);
    await page.getByRole('heading', { level: 2, name: 'Slet personen' }).waitFor();
    await page.getByRole('button', { name: 'Vis hvad der slettes' }).click();
    await page.getByRole('heading', { level: 3, name: 'Fjernes' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Tidligere medarbejder/ }).waitFor();
    await page.getByText(/Anonyme svar i undersøgelser/).waitFor();
    await expectAxeCleanAtBothWidths(page, 'erasure-preview', shots);
    // A wrong name is refused in Danish; the right one erases.
    await page.getByLabel(/Skriv "Kortvarig Testperson"/).fill('Kortvarig');
    await page.getByRole('button', { name: 'Slet personen for altid' }).click();
    await page.getByText('Skriv personens fulde navn nøjagtigt som vist.').first().waitFor();
    await page.getByLabel(/Skriv "Kortvarig Testperson"/).fill('Kortvarig Testperson');
    await page.getByRole('button', { name: 'Slet personen for altid' }).click();
    await page.waitForURL('**/organisation/personer');
    expect((await page.request.get(`/api/v1/people/${person.id}`)).status()).toBe(404);
    await context.close();
    console.log(`screenshots in ${shots}`);
  });
});

async function solsikke(page: import('playwright-core').Page): Promise<string> {
  const list = (await (await page.request.get('/api/v1/institutions')).json()) as {
    items?: { id: string; name: string }[];
  };
  const found = (list.items ?? (list as unknown as { id: string; name: string }[])).find(
    (i) => i.name === 'Solsikkeskolen',
  );
  if (!found) throw new Error('Solsikkeskolen not found');
  return found.id;
}
