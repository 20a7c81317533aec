import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfToken,
  DESKTOP,
  expectAxeCleanAtBothWidths,
  launch,
  newPage,
  PHONE,
  signIn,
  testVideo,
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';

/*
 * Own recordings (issue 19 part A): a new upload is private and says so; the owner shares it with the coach in
 * "Del med kollegaer"; the coach (a second context) finds it under "Delt med mig" and plays it; the leader gets
 * 404; the owner removes access and the coach gets 404. Axe clean; screenshots at 360 and 1280 px.
 */
let browser: Browser;
let videoId: string;
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-grants-shots-'));

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await signIn(page, 'medarbejder');
  videoId = await uploadVideoViaApi(page, testVideo(), 'Min lektion til vejledning');
  await waitForReady(page, videoId, 540_000);
  // No pupils appear: the consent lets the owner share it.
  const headers = { 'X-CSRF-Token': await csrfToken(page) };
  const consent = await page.request.put(`/api/v1/videos/${videoId}/consent`, {
    headers,
    data: { pupilsAppear: false },
  });
  expect(consent.status()).toBe(200);
  await page.request.put(`/api/v1/videos/${videoId}/setup`, { headers, data: { state: 'finished' } });
  await context.close();
}, 600_000);
afterAll(() => browser?.close());

describe('sharing one’s own recording', () => {
  it('private by default; shared with the coach, who plays it from "Delt med mig"; the leader gets 404', async () => {
    const owner = await newPage(browser);
    await signIn(owner.page, 'medarbejder');
    await owner.page.goto(`/videoer/${videoId}`);
    const section = owner.page.getByRole('region', { name: 'Del med kollegaer' });
    await section.getByText('Kun dig og de kolleger, du har delt med').waitFor();
    await section.getByLabel('Søg efter navn').fill('Rasmus');
    const person = section.getByLabel('Kollega');
    // Wait for the filtered list: choosing from the unfiltered one races its re-render (the choice would reset).
    await expect
      .poll(async () => {
        const names = await person.locator('option:not([value=""])').allTextContents();
        return names.length > 0 && names.every((n) => n.includes('Rasmus'));
      })
      .toBe(true);
    await person.selectOption({ label: 'Rasmus Kjær' });
    await section.getByRole('button', { name: 'Del optagelsen' }).click();
    await section
      .getByRole('list', { name: 'Delt med' })
      .getByRole('button', { name: 'Fjern adgang Rasmus Kjær' })
      .waitFor();
    await expectAxeCleanAtBothWidths(owner.page, 'owner', shots);

    const coach = await newPage(browser);
    await signIn(coach.page, 'ressourceperson');
    await coach.page.goto('/videoer?vis=delt');
    const shared = coach.page.getByRole('list', { name: 'Delt med mig' });
    await shared.getByRole('link', { name: 'Min lektion til vejledning' }).waitFor();
    await expectAxeCleanAtBothWidths(coach.page, 'shared-with-me', shots);
    await shared.getByRole('link', { name: 'Min lektion til vejledning' }).click();
    await coach.page.getByRole('heading', { level: 1, name: 'Min lektion til vejledning' }).waitFor();
    await coach.page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('main video')?.readyState ?? 0) >= 2,
    );
    await coach.page.evaluate(async () => {
      const v = document.querySelector<HTMLVideoElement>('main video');
      if (!v) return;
      v.muted = true;
      await v.play();
    });
    await coach.page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('main video')?.currentTime ?? 0) > 0.2,
    );
    // The coach sees no owner's tools.
    expect(await coach.page.getByRole('region', { name: 'Del med kollegaer' }).count()).toBe(0);

    const leader = await newPage(browser);
    await signIn(leader.page, 'leder');
    expect((await leader.page.request.get(`/api/v1/videos/${videoId}`)).status()).toBe(404);
    await leader.context.close();

    // Taken back: the coach's next request is 404.
    await section.getByRole('button', { name: 'Fjern adgang Rasmus Kjær' }).click();
    await owner.page.getByRole('dialog').getByRole('button', { name: 'Fjern adgang' }).click();
    await section.getByText('Du har ikke delt optagelsen med nogen.').waitFor();
    expect((await coach.page.request.get(`/api/v1/videos/${videoId}`)).status()).toBe(404);
    // Her "Delt med mig" no longer lists it (the demo lesson medarbejder shared with her stays).
    await coach.page.goto('/videoer?vis=delt');
    await coach.page.getByRole('list', { name: 'Delt med mig' }).waitFor();
    expect(await coach.page.getByRole('link', { name: 'Min lektion til vejledning' }).count()).toBe(0);
    await coach.context.close();
    await owner.context.close();
  }, 300_000);
});
