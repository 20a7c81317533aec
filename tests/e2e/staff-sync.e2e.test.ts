import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeCleanAtBothWidths, launch, newPage, signIn } from './browser.js';

/* Issue 20 part 2: an administrator adds a CSV source at a URL (served here on loopback), runs it, sees the run. */
let browser: Browser;
let server: http.Server;
let csvUrl = '';
const shots = process.env.E2E_SHOTS_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-e2e-sync-'));
beforeAll(async () => {
  browser = await launch();
  server = http.createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/csv; charset=utf-8' })
      .end(
        'navn;e-mail;institution;team;rolle\n' +
          'Sofie Synk;sofie.synk@bakke.dk;Bakkeskolen;Naturfagsteamet;medarbejder\n' +
          'Søren Synk;soeren.synk@bakke.dk;Bakkeskolen;;medarbejder\n' +
          'Forkert;forkert@sol.dk;Solsikkeskolen;;medarbejder\n',
      ),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  csvUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/personale.csv`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
});

describe('staff sync', () => {
  it('an administrator adds a URL source, runs it and reads the run; a SCIM token is shown once', {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'administrator');
    await page.goto('/organisation');
    await page.getByRole('link', { name: 'Synkronisering af medarbejdere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Synkronisering af medarbejdere' }).waitFor();
    const add = page.getByRole('region', { name: 'Tilføj en kilde' });
    await add.getByLabel('Type af kilde').selectOption('csv_url');
    await add.getByLabel('Navn', { exact: true }).fill('Bakkeskolens personaleliste');
    await add.getByLabel('Adresse (URL)').fill(csvUrl);
    await add.getByLabel('Hvor ofte').selectOption({ label: 'Kun når I trykker Kør nu' });
    await add.getByLabel(/^Bakkeskolen/).check();
    await add.getByRole('button', { name: 'Tilføj kilde' }).click();
    await page.getByText('Kilden Bakkeskolens personaleliste er tilføjet.').waitFor();
    const card = page.getByRole('region', { name: 'Bakkeskolens personaleliste' });
    await card.getByText('Kilden har ikke kørt endnu.').waitFor();
    await card.getByRole('button', { name: /^Kør nu/ }).click();
    await card.getByText('2 oprettet', { exact: false }).waitFor();
    await card.getByText('1 række med fejl', { exact: false }).waitFor();
    expect(await card.getByText('Gennemført').count()).toBeGreaterThan(0);
    await card.getByRole('button', { name: /^Vis kørsler/ }).click();
    await card.getByRole('table').getByText('linje 4', { exact: false }).waitFor();
    await card.getByText('2 medarbejdere styres af kilden').waitFor();
    await expectAxeCleanAtBothWidths(page, 'staff-sync', shots);

    // A SCIM source: its token appears once on the page, never in the list afterwards.
    await add.getByLabel('Type af kilde').selectOption('scim');
    await add.getByLabel('Navn', { exact: true }).fill('Bakkedal brugerstyring');
    await add.getByLabel(/^Bakkeskolen/).check();
    await add.getByLabel('Institution for nye medarbejdere').selectOption({ label: 'Bakkeskolen' });
    await add.getByRole('button', { name: 'Tilføj kilde' }).click();
    const token = (await page.getByTestId('scim-token').textContent()) ?? '';
    expect(token).toMatch(/^amongi_scim_/);
    const res = await page.request.get('/scim/v2/ServiceProviderConfig', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status()).toBe(200);
    await expectAxeCleanAtBothWidths(page, 'staff-sync-token', shots);
    await page.reload();
    await page.getByRole('region', { name: 'Bakkedal brugerstyring' }).waitFor();
    expect(await page.getByText(token).count()).toBe(0);
    await context.close();
  });

  it('is not offered to a leder, and the API refuses them', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'leder');
    const res = await page.request.get('/api/v1/staff-sync/sources');
    expect(res.status()).toBe(403);
    await context.close();
  });
});
