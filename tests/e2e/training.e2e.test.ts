import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIcsLines, parseIcs } from '../../src/server/ics/ics.testing.js';
import {
  axeViolations,
  baseUrl,
  csrfToken,
  DESKTOP,
  launch,
  newPage,
  PHONE,
  signIn,
  testVideo,
  uploadVideoViaApi,
  waitForReady,
} from './browser.js';
import { apiAs, waitForMail } from './training-support.js';

/*
 * Demand-driven training (issue 5, V7 + I3) end to end: twelve demo teachers at two schools ask for training
 * in one method from two videos (five of them through a team ask, one more in the browser, the rest through
 * the API); the resource person gets the proposal and plans a course with two sessions in the browser; a
 * requester is notified in the app and by e-mail (a real SMTP server, see global-setup.ts), enrols and
 * downloads the .ics; the course is run, completed and documented with a video uploaded through the normal
 * pipeline, and both videos the asks came from link to it. Axe on every page of the journey, at 360 and 1280.
 */

let browser: Browser;
/** Screenshots: into E2E_SCREENSHOTS when set (as reflection.e2e does), else a fresh temporary folder. */
const shots = process.env.E2E_SCREENSHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-training-shots-'));
const COURSE_TITLE = 'Feedback der flytter læring – Fjordby, forår';
const DOC_TITLE = 'Dokumentation: træningsforløb i feedback';

/** Chosen in beforeAll: the method and the two ready videos the teachers ask from. */
const s = {
  method: { id: '', label: '' },
  videoA: { id: '', title: '' },
  videoB: { id: '', title: '' },
  courseId: '',
  docVideoId: '',
};

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

async function signedIn(account: string): Promise<{ context: BrowserContext; page: Page }> {
  const p = await newPage(browser);
  await signIn(p.page, account);
  return p;
}

/** The video page's "Træning i metoderne" section, and the method's own box in it. */
const trainingSection = (page: Page) => page.getByRole('region', { name: 'Træning i metoderne' });
const methodBox = (page: Page) => trainingSection(page).getByRole('group', { name: s.method.label });

/**
 * Picks the method: one nobody has asked for yet (Feedback, which the demo resource person covers, unless
 * another test took it), with at least two ready videos every teacher may watch; waits for the demo media
 * while the pipeline makes them. The resource person covers it (through the API when it is not Feedback).
 */
async function chooseMethodAndVideos() {
  const rp = await apiAs(browser, 'ressourceperson');
  const teacher = await apiAs(browser, 'laerer8');
  try {
    const coverage = (await rp.call('GET', '/training/coverage')).json as unknown as {
      methods: { id: string; label: string; covered: boolean }[];
    };
    expect(coverage.methods.find((m) => m.label === 'Feedback')?.covered).toBe(true);
    const untouched: typeof coverage.methods = [];
    for (const m of coverage.methods) {
      const d = await teacher.call('GET', `/training/methods/${m.id}/demand`);
      expect(d.status, d.text).toBe(200);
      if (d.json.count === 0 && d.json.course === null) untouched.push(m);
    }
    // Feedback first, then the other covered ones (the demo's own demand is for Klasseledelse).
    const rank = (m: (typeof untouched)[number]) => (m.label === 'Feedback' ? 0 : m.covered ? 1 : 2);
    untouched.sort((x, y) => rank(x) - rank(y));
    expect(untouched.length, 'a method nobody has asked for').toBeGreaterThan(0);
    const until = Date.now() + 540_000;
    while (Date.now() < until) {
      for (const m of untouched) {
        const list = await teacher.call('GET', `/videos?method=${m.id}&limit=100`);
        const ready = (list.json.items ?? []).filter((v) => v.status === 'ready') as {
          id: string;
          title: string;
        }[];
        if (ready.length < 2) continue;
        s.method = { id: m.id, label: m.label };
        s.videoA = { id: ready[0].id, title: ready[0].title };
        s.videoB = { id: ready[1].id, title: ready[1].title };
        if (!m.covered) {
          const methodIds = [...coverage.methods.filter((c) => c.covered).map((c) => c.id), m.id];
          expect((await rp.call('PUT', '/training/coverage', { methodIds })).status).toBe(200);
        }
        return;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    throw new Error('no method without demand had two ready videos');
  } finally {
    await rp.close();
    await teacher.close();
  }
}

beforeAll(async () => {
  browser = await launch();
  await chooseMethodAndVideos();
}, 600_000);
afterAll(() => browser?.close());

/** Presses a course step's button (Planlæg forløbet, Åbn for tilmelding, …) and confirms it in its dialog. */
async function nextStep(page: Page, button: string, state: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Forløbet er nu: ${state}.`).waitFor();
}

const localDate = (daysAhead: number) => {
  const d = new Date(Date.now() + daysAhead * 24 * 3600_000);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

describe('demand-driven training, from the first ask to the documentation', () => {
  it('a teacher asks for the whole team on one video: five of twelve, and he is one of them', async () => {
    const { context, page } = await signedIn('laerer8');
    await page.goto(`/videoer/${s.videoA.id}`);
    await page.getByRole('heading', { level: 1, name: s.videoA.title }).waitFor();
    const box = methodBox(page);
    await box.getByText('0 af 12 har bedt om det — der mangler 12').waitFor();
    await box
      .getByLabel(`Bed på vegne af et team om træning i ${s.method.label}`)
      .selectOption({ label: 'Indskolingsteamet (5 medlemmer)' });
    await box.getByRole('button', { name: 'Bed om træning for teamet' }).click();
    await box.getByText('5 af 12 har bedt om det — der mangler 7').waitFor();
    await box.getByText('Du har bedt om træning').waitFor();
    await box.getByText('Bedt om via teamet Indskolingsteamet', { exact: true }).waitFor();
    await box.getByText('Teamet Indskolingsteamet har bedt om træning.').waitFor();
    await expectAxeClean(page, 'training-video-section');
    await context.close();

    // A colleague in the team counts already, asked on her behalf.
    const louise = await apiAs(browser, 'laerer9');
    const d = (await louise.call('GET', `/training/methods/${s.method.id}/demand`)).json;
    expect([d.count, d.threshold, d.missing]).toEqual([5, 12, 7]);
    expect(d.mine).toMatchObject({
      asked: true,
      viaTeam: { name: 'Indskolingsteamet' },
      requestedByName: 'Kasper Winther',
    });
    await louise.close();
  }, 120_000);

  it('six more ask from the other video; a double ask counts once; the seventh, in the browser, reaches twelve', async () => {
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const t = await apiAs(browser, `laerer${n}`);
      const res = await t.call('POST', '/training/requests', { methodId: s.method.id, videoId: s.videoB.id });
      expect(res.status, res.text).toBeLessThan(300);
      await t.close();
    }
    // A double click (two at once) by one of them adds nothing.
    const again = await apiAs(browser, 'laerer6');
    const twice = await Promise.all(
      [1, 2].map(() =>
        again.call('POST', '/training/requests', { methodId: s.method.id, videoId: s.videoB.id }),
      ),
    );
    for (const r of twice) expect(r.status, r.text).toBeLessThan(300);
    expect((await again.call('GET', `/training/methods/${s.method.id}/demand`)).json.count).toBe(11);
    await again.close();

    const { context, page } = await signedIn('laerer7');
    await page.goto(`/videoer/${s.videoB.id}`);
    const box = methodBox(page);
    await box.getByText('11 af 12 har bedt om det — der mangler 1').waitFor();
    await box.getByRole('button', { name: `Vi vil gerne trænes i denne metode (${s.method.label})` }).click();
    await box
      .getByText('12 har bedt om det — grænsen på 12 er nået, så et træningsforløb kan blive til')
      .waitFor();
    // The proposal exists now and is linked from the method's box.
    const proposal = box.getByRole('link', { name: `Forslag til træningsforløb i ${s.method.label}` });
    await proposal.waitFor();
    s.courseId = ((await proposal.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(s.courseId).toMatch(/^[0-9a-f-]{36}$/);
    await context.close();
  }, 120_000);

  it('the proposal reaches the resource person, who plans a course with two sessions', async () => {
    const { context, page } = await signedIn('ressourceperson');
    const bell = page.getByRole('link', { name: /^Notifikationer, \d+ ulæst/ });
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
    await page
      .getByRole('link', {
        name: `Der er nok ønsker til et træningsforløb i ${s.method.label} — forslaget venter på at blive planlagt`,
      })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/traening/forloeb/${s.courseId}$`));
    await page
      .getByRole('heading', { level: 1, name: `Forslag til træningsforløb i ${s.method.label}` })
      .waitFor();
    // Who asked, from which institutions and which videos.
    await page.getByText('12 personer').waitFor();
    await page.getByText('Kildeskolen: 5').waitFor();
    await page.getByText('Solsikkeskolen: 7').waitFor();
    const sources = page.getByRole('list').filter({ has: page.getByRole('link', { name: s.videoA.title }) });
    await sources.getByRole('link', { name: s.videoB.title }).waitFor();
    const requesters = page.getByRole('table', { name: 'Hvem har bedt om træning' });
    await requesters.getByRole('rowheader', { name: 'Kasper Winther' }).waitFor();
    expect(await requesters.getByRole('row').count()).toBe(13);
    await expectAxeClean(page, 'training-course-proposed');

    // The overview lists it too.
    await page.goto('/traening');
    await page.getByRole('heading', { level: 1, name: 'Træning' }).waitFor();
    await page.getByText('12 — grænsen på 12 er nået').first().waitFor();
    await expectAxeClean(page, 'training-overview');
    await page
      .getByRole('link', { name: `Forslag til træningsforløb i ${s.method.label}` })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/traening/forloeb/${s.courseId}$`));

    // Plan it: title, description, seats, trainer (me), both schools the asks came from first in
    // line (the resource person sees only his own school in the organisation; the other is offered as asked).
    await page.getByLabel('Titel').fill(COURSE_TITLE);
    await page
      .getByLabel(/^Beskrivelse/)
      .fill('To eftermiddage om feedback, der flytter elevernes læring. Vi filmer anden gang.');
    await page.getByLabel(/^Antal pladser/).fill('20');
    await page.getByRole('button', { name: 'Tilføj mig selv' }).click();
    const institution = page.getByRole('combobox', { name: /^Institution/ });
    for (const school of ['Kildeskolen', 'Solsikkeskolen']) {
      const option = institution.locator('option', { hasText: school });
      await institution.selectOption((await option.getAttribute('value')) ?? '');
      await page.getByRole('button', { name: 'Tilføj institutionen' }).click();
      await expect.poll(() => option.count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await page.getByText('Planen er gemt.').waitFor();
    const facts = page.getByRole('region', { name: 'Om forløbet' });
    await facts.getByText(/^(Kildeskolen, Solsikkeskolen|Solsikkeskolen, Kildeskolen)$/).waitFor();

    // Two sessions a week apart, in the future; a comma in the place (escaped in the .ics).
    for (const [days, place] of [
      [14, 'Kildeskolen, personalerummet'],
      [21, 'Solsikkeskolen, lokale 12'],
    ] as const) {
      const form = page.getByRole('form', { name: 'Tilføj en session' });
      await form.getByLabel('Dato').fill(localDate(days));
      await form.getByLabel('Starter kl.').fill('14:00');
      await form.getByLabel('Slutter kl.').fill('16:00');
      await form.getByLabel(/^Sted/).fill(place);
      await form.getByRole('button', { name: 'Tilføj sessionen' }).click();
      await page.getByText(place, { exact: true }).waitFor();
      // The form empties itself once the course is fetched again; only then is it ready for the next one.
      await expect.poll(() => form.getByLabel(/^Sted/).inputValue()).toBe('');
    }
    await page.getByRole('heading', { name: /^Session 2/ }).waitFor();

    // Planned: the requesters are invited first and told so.
    await nextStep(page, 'Planlæg forløbet', 'Planlagt');
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await expectAxeClean(page, 'training-course-planned');
    await context.close();
  }, 240_000);

  it('a requester is told in the app and by e-mail, enrols and downloads the session as .ics', async () => {
    const link = `${baseUrl()}/traening/forloeb/${s.courseId}`;
    const mail = await waitForMail('laerer3@demo.amongi.dk', (m) => m.subject.includes('er planlagt'));
    expect(mail.subject).toBe(`Træningsforløbet »${COURSE_TITLE}« er planlagt — du kan tilmelde dig først`);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);

    const { context, page } = await signedIn('laerer3');
    await page.getByRole('link', { name: /^Notifikationer, \d+ ulæst/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
    await page
      .getByRole('link', {
        name: `Træningsforløbet »${COURSE_TITLE}« er planlagt — du kan tilmelde dig først`,
      })
      .click();
    await page.waitForURL(new RegExp(`/traening/forloeb/${s.courseId}$`));
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await page
      .getByText('Du er inviteret, fordi du bad om træning. Tilmeld dig for at få din plads.')
      .waitFor();
    await page.getByRole('button', { name: 'Tilmeld mig' }).click();
    await page.getByText('Du er tilmeldt forløbet.').first().waitFor();
    await page.getByText('1 af 20 pladser er taget.').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent i kalender (.ics) Session 1' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    checkIcsLines(text);
    expect(text.replace(/\r\n[ \t]/g, '')).toContain('LOCATION:Kildeskolen\\, personalerummet');
    const { events } = parseIcs(text);
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe(`${COURSE_TITLE} (1/2)`);
    expect(events[0].location).toBe('Kildeskolen, personalerummet');
    // 14:00 on the day, as typed into the form (the browser and this process share the machine's time zone).
    expect(events[0].startDate.toJSDate().toISOString()).toBe(
      new Date(`${localDate(14)}T14:00`).toISOString(),
    );
    expect(events[0].endDate.toJSDate().toISOString()).toBe(new Date(`${localDate(14)}T16:00`).toISOString());
    await expectAxeClean(page, 'training-course-enrolled');

    await page.goto('/notifikationer/indstillinger');
    await page.getByRole('heading', { level: 1, name: 'Notifikationsindstillinger' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Træning' }).waitFor();
    await expectAxeClean(page, 'notification-settings');
    await context.close();
  }, 180_000);

  it('the course is run, completed and documented; both videos it came from link to the documentation', async () => {
    const { context, page } = await signedIn('ressourceperson');
    // The documentation: filmed at the course, uploaded through the normal pipeline, shown to the kommune.
    s.docVideoId = await uploadVideoViaApi(page, testVideo(), DOC_TITLE);
    await waitForReady(page, s.docVideoId, 300_000);
    const headers = { 'X-CSRF-Token': await csrfToken(page) };
    const consent = await page.request.put(`/api/v1/videos/${s.docVideoId}/consent`, {
      headers,
      data: { pupilsAppear: false },
    });
    expect(consent.status()).toBe(200);
    const shared = await page.request.patch(`/api/v1/videos/${s.docVideoId}`, {
      headers,
      data: { visibility: 'kommune' },
    });
    expect(shared.status()).toBe(200);

    await page.goto(`/traening/forloeb/${s.courseId}`);
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await nextStep(page, 'Åbn for tilmelding', 'Åben for tilmelding');
    await nextStep(page, 'Start forløbet', 'I gang');
    await nextStep(page, 'Afslut forløbet', 'Gennemført');
    await page.getByLabel(/^Dokumentationsvideo/).selectOption({ label: DOC_TITLE });
    await page.getByRole('button', { name: 'Gem som dokumentation' }).click();
    await page.getByText('Dokumentationsvideoen er knyttet til forløbet.').waitFor();
    await page.getByRole('link', { name: `Se dokumentationen: ${DOC_TITLE}` }).waitFor();
    await expectAxeClean(page, 'training-course-documented');
    await context.close();

    for (const [account, video] of [
      ['laerer8', s.videoA],
      ['laerer3', s.videoB],
    ] as const) {
      const p = await signedIn(account);
      await p.page.goto(`/videoer/${video.id}`);
      const section = trainingSection(p.page);
      await section
        .getByRole('heading', { name: 'Træningsforløb gennemført — se dokumentationen' })
        .waitFor();
      await section.getByRole('link', { name: `Se dokumentationen: ${DOC_TITLE}` }).click();
      await p.page.waitForURL(new RegExp(`/videoer/${s.docVideoId}$`));
      await p.page.getByRole('heading', { level: 1, name: DOC_TITLE }).waitFor();
      await p.context.close();
    }
  }, 420_000);
});
