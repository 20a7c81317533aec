import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wire } from '../../src/shared/contracts/common.js';
import type * as setup from '../../src/shared/contracts/observation-setup.js';
import type * as visits from '../../src/shared/contracts/observation-visits.js';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';
import { apiAs, type Json } from './training-support.js';

type SchemaOverview = Wire<typeof setup.SchemaOverview>;
type VisitDetail = Wire<typeof visits.VisitDetail>;

/*
 * Classroom observation (issue 6, O2 O3 O5 O6) on a phone: a learning guide conducts a visit that is answered
 * entirely offline (service worker + IndexedDB), reloaded offline, then synced exactly once when the network
 * returns; the teacher reads the guide and the visit, reflects and agrees a next step with the observer; the
 * next visit shows that next step first; a teacher's self-observation stays hidden from the leader.
 * Axe on each page at 360 and 1280, screenshots into E2E_SCREENSHOTS or /tmp/shots-e.
 */

let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS || '/tmp/shots-e';
fs.mkdirSync(shots, { recursive: true });
const s = { institutionId: '', visitId: '', rasmus: '', mette: '', total: 0, nextStep: '' };

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
  await page.setViewportSize(PHONE);
}

async function signedIn(account: string): Promise<{ context: BrowserContext; page: Page }> {
  const p = await newPage(browser, PHONE);
  await signIn(p.page, account);
  return p;
}

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launch();
  const leder = await apiAs(browser, 'leder');
  try {
    const me = (await leder.call('GET', '/observation/me')).json as unknown as {
      institutions: { id: string; name: string; can: { configure: boolean } }[];
    };
    const inst = me.institutions.find((i) => i.name === 'Solsikkeskolen' && i.can.configure);
    expect(inst, 'leder leads Solsikkeskolen').toBeTruthy();
    s.institutionId = inst?.id ?? '';
    let overview = (await leder.call('GET', `/observation/institutions/${s.institutionId}/schema`))
      .json as unknown as SchemaOverview;
    const starter = (await leder.call('GET', '/observation/starter')).json as { schema: Json; guide: string };
    if (!overview.current?.definition.focusAreas.some((a) => a.pupilItems.length)) {
      const made = await leder.call(
        'POST',
        `/observation/institutions/${s.institutionId}/schema`,
        starter.schema,
      );
      expect(made.status, made.text).toBe(201);
      overview = (await leder.call('GET', `/observation/institutions/${s.institutionId}/schema`))
        .json as unknown as SchemaOverview;
    }
    const guide = await leder.call('PUT', `/observation/institutions/${s.institutionId}/guide`, {
      body: starter.guide || 'Vi besøger hinanden for at lære.\n\nDet, vi ser, bruges kun til udvikling.',
      publish: true,
    });
    expect(guide.status, guide.text).toBe(200);
    const people =
      (await leder.call('GET', `/people?institutionId=${s.institutionId}&limit=200`)).json.items ?? [];
    const idOf = (email: string) =>
      String(people.find((p) => p.email === `${email}@demo.amongi.dk`)?.id ?? '');
    s.rasmus = idOf('ressourceperson');
    s.mette = idOf('medarbejder');
    expect(s.rasmus && s.mette).toBeTruthy();
    const delegated = await leder.call(
      'PUT',
      `/observation/institutions/${s.institutionId}/observers/${s.rasmus}`,
    );
    expect(delegated.status, delegated.text).toBe(204);
    // Two focus areas, one with pupil-interview items.
    const areas = overview.current?.definition.focusAreas ?? [];
    const withPupils = areas.find((a) => a.pupilItems.length);
    const chosen = [withPupils, areas.find((a) => a !== withPupils)].filter((a) => !!a);
    const pupilCount = overview.current?.definition.pupilCount ?? 3;
    s.total = chosen.reduce((n, a) => n + a.indicators.length + a.pupilItems.length * pupilCount, 0);
    const planned = await leder.call('POST', '/observation/visits', {
      institutionId: s.institutionId,
      teacherId: s.mette,
      observerId: s.rasmus,
      plannedFor: today(),
      classLabel: '5.b',
      subject: 'Dansk',
      grade: 5,
      focusAreaKeys: chosen.map((a) => a.key),
    });
    expect(planned.status, planned.text).toBe(201);
    s.visitId = String(planned.json.id);
  } finally {
    await leder.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Answers every item on the current screen (scale: the highest; yes/no: the last; count: 2; text: a sentence). */
async function answerScreen(page: Page): Promise<number> {
  const items = page.locator('.obs-step-body .obs-item');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    const item = items.nth(i);
    if (await item.locator('input[type=radio]').count()) await item.getByRole('radio').last().check();
    else if (await item.locator('input[type=number]').count()) {
      await item.getByRole('button', { name: /^Én mere/ }).click();
      await item.getByRole('button', { name: /^Én mere/ }).click();
    } else await item.locator('textarea').fill(`Svar ${i + 1} skrevet offline`);
  }
  return n;
}

/** Polls long enough for a cold server and lazily loaded pages. */
const P = { timeout: 20_000 };

const stepIndicator = (page: Page) => page.locator('.obs-step-indicator');
const syncStatus = (page: Page) => page.locator('.obs-sync-text');

describe('observation visit on a phone, offline', () => {
  it('the learning guide answers every item offline, reloads offline, and it syncs exactly once', {
    timeout: 300_000,
  }, async () => {
    const { context, page } = await signedIn('ressourceperson');
    const puts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith(`/observation/visits/${s.visitId}/record`))
        puts.push(r.postData() ?? '');
    });
    await page.goto('/observation');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Besøg du skal gennemføre' }).isVisible(), P)
      .toBe(true);
    await expectAxeClean(page, 'hub-observer');
    await page.goto(`/observation/besoeg/${s.visitId}/gennemfoer`);
    await expect.poll(() => stepIndicator(page).textContent(), P).toBe('Fokusområde 1 af 2');
    // The service worker has taken over and keeps who is signed in.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 120_000 });
    await page.waitForFunction(
      async () => !!(await (await caches.open('amongi-me')).match('/api/v1/me', { ignoreVary: true })),
      null,
      { timeout: 60_000, polling: 250 },
    );
    await expectAxeClean(page, 'conduct-area');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Start tid' }).click();
    await page.getByLabel('Noter').fill('Rolig start. Eleverne kendte målet.');
    let answered = 0;
    for (let guard = 0; guard < 12; guard++) {
      const step = (await stepIndicator(page).textContent()) ?? '';
      if (step === 'Oversigt') break;
      if (step === 'Elevinterview') {
        await page.getByLabel('Antal elever i klassen').fill('24');
        await page.getByRole('button', { name: 'Træk elever' }).click();
        await expect
          .poll(() => page.locator('.obs-picked-numbers').textContent(), P)
          .toMatch(/^Elev nr\. \d+, \d+ og \d+$/);
        await expectAxeClean(page, 'conduct-pupils');
      } else answered += await answerScreen(page);
      await page.locator('.obs-step-nav .btn-primary').click();
    }
    expect(answered).toBe(s.total);
    await expect.poll(() => syncStatus(page).textContent(), P).toBe('Offline – svarene er gemt på enheden');
    await expect
      .poll(() => page.locator('.obs-summary .lead').textContent(), P)
      .toBe(`${s.total} af ${s.total} spørgsmål er besvaret.`);
    expect(puts.length, 'nothing reached the server while offline').toBe(0);

    // Reload with no network: the service worker brings the page back, IndexedDB the answers, step and notes.
    await page.reload();
    await expect.poll(() => stepIndicator(page).textContent(), { timeout: 15_000 }).toBe('Oversigt');
    await expect
      .poll(() => page.locator('.obs-summary .lead').textContent(), P)
      .toBe(`${s.total} af ${s.total} spørgsmål er besvaret.`);
    expect(await page.getByLabel('Noter').inputValue()).toBe('Rolig start. Eleverne kendte målet.');
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    await expectAxeClean(page, 'conduct-summary-offline');
    // Opened from the device: the page says so while the connection is away (and not after, below).
    expect(await page.locator('.obs-from-device').isVisible()).toBe(true);

    // The network returns: one sync carries every answer.
    await context.setOffline(false);
    await expect
      .poll(() => syncStatus(page).textContent(), { timeout: 30_000 })
      .toMatch(/^Synkroniseret kl\. /);
    await expect.poll(() => page.locator('.obs-from-device').count(), P).toBe(0);
    const rp = await apiAs(browser, 'ressourceperson');
    try {
      const visit = (await rp.call('GET', `/observation/visits/${s.visitId}`)).json as unknown as VisitDetail;
      expect(visit.answers.length).toBe(s.total);
      expect(visit.status).toBe('in_progress');
      expect(visit.notes).toBe('Rolig start. Eleverne kendte målet.');
      expect(visit.pupilNumbers).toHaveLength(3);
      expect(visit.classSize).toBe(24);
      const list = (await rp.call('GET', '/observation/visits?role=observer')).json.items ?? [];
      expect(list.filter((v) => v.id === s.visitId)).toHaveLength(1);
      // Sending the same batch again (same syncKey) is a replay that changes nothing.
      expect(puts.length).toBeGreaterThanOrEqual(1);
      const again = await rp.call('PUT', `/observation/visits/${s.visitId}/record`, JSON.parse(puts[0]));
      expect(again.status, again.text).toBe(200);
      expect(again.json.replay).toBe(true);
      expect(again.json.stored).toBe(0);
    } finally {
      await rp.close();
    }

    await page.getByRole('button', { name: 'Afslut besøget' }).click();
    await page.waitForURL((u) => u.pathname === `/observation/besoeg/${s.visitId}`, { timeout: 30_000 });
    await expect
      .poll(() => page.locator('.obs-visit-status').first().textContent(), P)
      .toContain('Gennemført');
    await page.screenshot({ path: path.join(shots, 'after-finish-phone.png'), fullPage: true });
    // Synced and completed: nothing about the visit stays on the device (a shared school tablet).
    const onDevice = () =>
      page.evaluate(async (visitId) => {
        const d = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('amongi-observation');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const keys = await Promise.all(
          ['visits', 'drafts', 'outbox'].map(
            (store) =>
              new Promise<string[]>((ok, fail) => {
                const r = d.transaction(store).objectStore(store).getAllKeys();
                r.onsuccess = () => ok(r.result.map(String));
                r.onerror = () => fail(r.error);
              }),
          ),
        );
        d.close();
        return keys.flat().filter((k) => k.endsWith(`:${visitId}`));
      }, s.visitId);
    await expect.poll(onDevice, P).toEqual([]);
    await context.close();
  });

  it('the teacher reads the guide and the visit, reflects and agrees a next step', {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await signedIn('medarbejder');
    await page.goto('/observation');
    await page
      .getByRole('link', { name: /^Læs guiden/ })
      .first()
      .click();
    await page.waitForURL(/\/observation\/guide\//);
    await expectAxeClean(page, 'guide');
    await page.getByRole('button', { name: 'Jeg har læst guiden' }).click();
    await expect.poll(() => page.getByText('Tak – du har læst guiden.').isVisible(), P).toBe(true);
    await page.goto('/observation');
    await expectAxeClean(page, 'hub-teacher');
    await page.locator(`a.obs-row-action[href="/observation/besoeg/${s.visitId}"]`).click();
    await page.waitForURL(`**/observation/besoeg/${s.visitId}`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Det blev set i lektionen' }).isVisible(), P)
      .toBe(true);
    expect(await page.getByText('Rolig start. Eleverne kendte målet.').isVisible()).toBe(true);
    await page
      .getByLabel('Lærerens egen refleksion')
      .fill('Jeg så, at målet hjalp de fleste, men ikke alle.');
    await page.getByRole('button', { name: 'Gem refleksion' }).click();
    await expect.poll(() => page.getByText('Gemt.').first().isVisible(), P).toBe(true);
    s.nextStep = 'Jeg skriver tegn på læring på tavlen i hver time i to uger.';
    await page.getByLabel('Prøvehandling').fill(s.nextStep);
    await page.getByRole('button', { name: 'Gem prøvehandling' }).click();
    await page.getByRole('button', { name: 'Jeg er enig i prøvehandlingen' }).click();
    await expect
      .poll(() => page.locator('.obs-agreement [role=status]').textContent(), P)
      .toMatch(/^Aftalt af Mette \d+\/\d+ · venter på Rasmus$/);
    await expectAxeClean(page, 'visit-teacher');
    await context.close();
  });

  it('the observer agrees too, and the next visit shows the agreed next step first', {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await signedIn('ressourceperson');
    await page.goto(`/observation/besoeg/${s.visitId}`);
    await page.getByRole('button', { name: 'Jeg er enig i prøvehandlingen' }).click();
    await expect
      .poll(() => page.locator('.obs-agreement [role=status]').textContent(), P)
      .toBe('Aftalt af Mette og Rasmus');
    const leder = await apiAs(browser, 'leder');
    let second = '';
    try {
      const planned = await leder.call('POST', '/observation/visits', {
        institutionId: s.institutionId,
        teacherId: s.mette,
        observerId: s.rasmus,
        plannedFor: today(),
        classLabel: '5.b',
        subject: 'Dansk',
        grade: 5,
        focusAreaKeys: [],
      });
      expect(planned.status, planned.text).toBe(201);
      second = String(planned.json.id);
    } finally {
      await leder.close();
    }
    await page.goto(`/observation/besoeg/${second}`);
    const earlier = page.getByRole('region', { name: 'Sidst aftalte I …' });
    await expect.poll(() => earlier.isVisible(), P).toBe(true);
    expect(await earlier.textContent()).toContain(s.nextStep);
    const conduct = page.getByRole('link', { name: 'Gennemfør besøget' });
    const first = await page.evaluate(() => {
      const e = document.querySelector('.obs-earlier');
      const c = document.querySelector('.obs-conduct-link');
      return !!e && !!c && !!(e.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(first, 'the earlier next step comes before everything else about the visit').toBe(true);
    expect(await conduct.isVisible()).toBe(true);
    await expectAxeClean(page, 'visit-next');
    await context.close();
  });

  it('a self-observation is the teacher’s own: the leader cannot open it', { timeout: 180_000 }, async () => {
    const { context, page } = await signedIn('medarbejder');
    await page.goto('/observation/egen');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Ny selvobservation' }).isVisible(), P)
      .toBe(true);
    await expectAxeClean(page, 'self');
    await page.getByLabel('Klasse eller gruppe').fill('5.b');
    await page.getByLabel(/^Fag/).fill('Dansk');
    await page.getByRole('button', { name: 'Opret og gå i gang' }).click();
    await page.waitForURL(/\/observation\/besoeg\/[^/]+\/gennemfoer$/);
    const selfId = page.url().split('/').at(-2) ?? '';
    await expect.poll(() => stepIndicator(page).textContent(), P).toMatch(/^Fokusområde 1 af \d+$/);
    await answerScreen(page);
    await expect
      .poll(() => syncStatus(page).textContent(), { timeout: 20_000 })
      .toMatch(/^Synkroniseret kl\. /);
    await context.close();

    const leder = await signedIn('leder');
    await leder.page.goto(`/observation/besoeg/${selfId}`);
    await expect
      .poll(() => leder.page.getByRole('heading', { name: 'Besøget findes ikke' }).isVisible(), P)
      .toBe(true);
    await expectAxeClean(leder.page, 'self-hidden-from-leader');
    const api = await apiAs(browser, 'leder');
    try {
      expect((await api.call('GET', `/observation/visits/${selfId}`)).status).toBe(404);
    } finally {
      await api.close();
    }
    await leder.context.close();
  });
});
