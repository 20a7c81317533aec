import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wire } from '../../src/shared/contracts/common.js';
import type * as setup from '../../src/shared/contracts/observation-setup.js';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';
import { apiAs } from './training-support.js';

type SchemaOverview = Wire<typeof setup.SchemaOverview>;

/*
 * Dagtilbud as a first-class user (issue 15): a børnehus leader meets the words of a børnehus (barn, pædagog,
 * læreplanstema, besøg i læringsmiljøet), "Brug startskemaet" gives the dagtilbud schema about the learning
 * environment, and a visit in Børnehuset Mælkebøtten reads as one; a school leader still reads elev and lærer.
 * The administrator makes a new børnehus (no schema yet) and makes leder2 its leader too, so the starter is
 * offered on every run. Axe at 360 and 1280; screenshots into E2E_SCREENSHOTS or /tmp/shots-dagtilbud.
 */

let browser: Browser;
const shots = process.env.E2E_SCREENSHOTS || '/tmp/shots-dagtilbud';
fs.mkdirSync(shots, { recursive: true });
type Api = Awaited<ReturnType<typeof apiAs>>;
let admin: Api;
let leder2: Api;
const s = {
  house: '',
  houseName: `Børnehuset Solstrålen ${Date.now() % 100000}`,
  maelk: '',
  visit: '',
  school: '',
};
/** School words that must not meet a pædagog. */
const SCHOOL_WORDS = /\b(elev|elever|elevinterview|lærer|lærere|lektion|fag|klassetrin)\b/i;

async function page(account: string) {
  const p = await newPage(browser, DESKTOP);
  p.context.setDefaultTimeout(60_000);
  p.context.setDefaultNavigationTimeout(90_000);
  await signIn(p.page, account);
  return p;
}

async function axeAndShots(pg: Page, name: string) {
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await pg.setViewportSize(size);
    await pg.waitForTimeout(250);
    expect(await axeViolations(pg), `${name} at ${label}`).toEqual([]);
    await pg.screenshot({ path: path.join(shots, `${name}-${label}.png`), fullPage: true });
  }
  await pg.setViewportSize(DESKTOP);
}

const mainText = (pg: Page) => pg.locator('main').innerText();

beforeAll(async () => {
  browser = await launch();
  admin = await apiAs(browser, 'administrator');
  leder2 = await apiAs(browser, 'leder2');
  const kommuner = (await admin.call('GET', '/kommuner')).json.items ?? [];
  const fjordby = kommuner.find((k) => k.name === 'Fjordby Kommune');
  if (!fjordby) throw new Error('no Fjordby Kommune');
  const made = await admin.call('POST', '/institutions', {
    kommuneId: fjordby.id,
    name: s.houseName,
    type: 'dagtilbud',
  });
  if (made.status !== 201) throw new Error(`institution: ${made.status} ${made.text}`);
  s.house = String(made.json.id);
  const me = (await leder2.call('GET', '/me')).json as { id: string; grants: { institutionName: string }[] };
  const granted = await admin.call('POST', `/people/${me.id}/grants`, {
    role: 'leder',
    institutionId: s.house,
  });
  if (granted.status >= 300) throw new Error(`grant: ${granted.status} ${granted.text}`);
  const obsMe = (await leder2.call('GET', '/observation/me')).json as unknown as {
    institutions: { id: string; name: string }[];
  };
  s.maelk = obsMe.institutions.find((i) => i.name === 'Børnehuset Mælkebøtten')?.id ?? '';
  const visits = (await leder2.call('GET', `/observation/visits?institutionId=${s.maelk}&status=completed`))
    .json.items as { id: string; kind: string }[];
  s.visit = visits.find((v) => v.kind === 'visit')?.id ?? '';
  const leder = await apiAs(browser, 'leder');
  const school = (await leder.call('GET', '/observation/visits?status=completed&role=observer')).json
    .items as {
    id: string;
  }[];
  s.school = school[0]?.id ?? '';
  await leder.close();
  if (!s.maelk || !s.visit || !s.school) throw new Error(`demo visits missing: ${JSON.stringify(s)}`);
});

afterAll(async () => {
  await admin?.close();
  await leder2?.close();
  await browser?.close();
});

const SLOW = 240_000;

describe('a børnehus speaks its own words', () => {
  it(
    '"Brug startskemaet" gives a new børnehus the dagtilbud schema, in a pædagog’s words; it saves as version 1',
    async () => {
      const { context, page: pg } = await page('leder2');
      await pg.goto(`/observation/opsaetning?institution=${s.house}`);
      await pg.getByRole('heading', { name: 'Opsætning af observation', level: 1 }).waitFor();
      await pg.getByText(s.houseName, { exact: true }).first().waitFor();
      await pg.getByText('Her fastlægger I husets læringsfokus', { exact: false }).waitFor();
      await pg.getByRole('button', { name: 'Brug startskemaet' }).click();
      await pg.getByText('Gemmer som version 1', { exact: false }).waitFor();
      const titles = await pg
        .locator('li.obsl-area')
        .getByRole('textbox', { name: 'Titel' })
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(titles).toEqual([
        'Læringsmiljøet hele dagen',
        'Leg og børnefællesskaber',
        'Relationer og børneperspektivet',
        'De seks læreplanstemaer i praksis',
      ]);
      // The interview is of the children; the labels say so (not "Elevinterview", "Spørgsmål til eleverne").
      await pg.getByRole('group', { name: 'Børneinterview: antal børn' }).waitFor();
      await pg.getByRole('radio', { name: '3 børn' }).waitFor();
      expect(await pg.getByText('Spørgsmål til børnene', { exact: true }).count()).toBeGreaterThan(0);
      expect(await pg.getByText(/Elevinterview|Spørgsmål til eleverne/).count()).toBe(0);
      const fields = await pg
        .locator('li.obsl-area textarea, li.obsl-area input[type="text"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join('\n'));
      expect(fields).toContain('Alsidig personlig udvikling, social udvikling');
      expect(fields).not.toMatch(/\belev|lærer|lektion|tavle/i);
      await axeAndShots(pg, 'dagtilbud-setup');
      await pg.getByRole('button', { name: 'Gem som version 1' }).click();
      await pg.getByText('Skemaet er gemt som version 1.', { exact: false }).waitFor();
      const saved = (await leder2.call('GET', `/observation/institutions/${s.house}/schema`))
        .json as unknown as SchemaOverview;
      expect(saved.current?.definition.focusAreas[3].title).toBe('De seks læreplanstemaer i praksis');
      // The guide's starter is the børnehus one too.
      await pg.getByRole('button', { name: 'Brug forslaget til en guide' }).click();
      await expect
        .poll(() => pg.getByRole('textbox', { name: 'Guidens tekst' }).inputValue())
        .toContain('Hvorfor besøger vi hinandens læringsmiljøer?');
      await context.close();
    },
    SLOW,
  );

  it(
    'a visit in Mælkebøtten reads as a visit to the learning environment: pædagog, børneinterview, læreplanstema',
    async () => {
      const { context, page: pg } = await page('leder2');
      await pg.goto(`/observation/besoeg/${s.visit}`);
      const h1 = pg.getByRole('heading', { level: 1 });
      await h1.waitFor();
      expect(await h1.innerText()).toMatch(/^Besøg i læringsmiljøet hos /);
      await pg.getByRole('heading', { name: 'Det blev set i læringsmiljøet' }).waitFor();
      await pg.getByRole('heading', { name: 'Børneinterview' }).waitFor();
      await pg.locator('dt', { hasText: 'Pædagog' }).first().waitFor();
      await pg.locator('dt', { hasText: 'Gruppe og læreplanstema' }).waitFor();
      expect(await mainText(pg)).not.toMatch(SCHOOL_WORDS);
      await axeAndShots(pg, 'dagtilbud-visit');
      // The hub and the self-observation form speak the same words.
      await pg.goto('/observation/egen');
      await pg.getByRole('heading', { name: 'Selvobservation', level: 1 }).waitFor();
      await pg.getByLabel('Læreplanstema', { exact: false }).first().waitFor();
      expect(await pg.getByLabel('Klassetrin').count()).toBe(0);
      expect(await mainText(pg)).not.toMatch(SCHOOL_WORDS);
      await context.close();
    },
    SLOW,
  );

  it(
    'a school leader still reads lærer, elevinterview and klasse og fag',
    async () => {
      const { context, page: pg } = await page('leder');
      await pg.goto(`/observation/besoeg/${s.school}`);
      await pg.getByRole('heading', { name: 'Det blev set i lektionen' }).waitFor();
      await pg.getByRole('heading', { name: 'Elevinterview' }).waitFor();
      await pg.locator('dt', { hasText: 'Klasse og fag' }).waitFor();
      expect(await pg.locator('dt', { hasText: /^Lærer$/ }).count()).toBe(1);
      expect(await mainText(pg)).not.toMatch(/læringsmiljøet hos|Børneinterview|læreplanstema/i);
      await context.close();
    },
    SLOW,
  );
});
