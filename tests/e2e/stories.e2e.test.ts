import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, launch, newPage, PHONE, signIn } from './browser.js';
import { apiAs } from './training-support.js';

/**
 * Practice stories (issue 16 part 4): Mette (medarbejder, Matematikteamet at Solsikkeskolen, Fjordby) writes the
 * story of a finished cycle — a save from an old version shows the other's change and keeps her text — and sends
 * it to the editors; the editor (redaktoer) publishes it; Tobias (medarbejder3, Bakkeskolen in another kommune)
 * finds it beside the videos by searching for "prøvehandling", opens it and starts a cycle from it in his team.
 * Set-up (the finished cycle) goes through the API; axe at 360 and 1280 on every new page.
 */
let browser: Browser;
const run = Date.now().toString(36);
const QUESTION = `Hvordan får vi eleverne til at forklare deres strategier? ${run}`;
const STORY = `Makkerforklaringer i matematik ${run}`;
const TRIED = `Vores prøvehandling: makkerpar forklarer deres strategi, før de regner videre. ${run}`;
const THEIRS = `Rasmus' udgave af det, vi lærte ${run}`;
const MINE = `Eleverne forklarede mere præcist, når makkeren måtte spørge ind ${run}`;
const SHOTS = process.env.E2E_SHOTS;
let cycleId = '';
let storyId = '';
/** A public video both teachers may watch: evidence of the cycle, linked by the story. */
let video = { id: '', title: '' };

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A Læringscirklen cycle of Matematikteamet with every answer filled in, moved on to "afsluttet". */
async function finishedCycle(member: Api): Promise<string> {
  const teams = (await member.call('GET', '/me/teams')).json.items as { id: string; name: string }[];
  const team = teams.find((t) => t.name === 'Matematikteamet');
  if (!team) throw new Error('no Matematikteamet');
  const templates = (await member.call('GET', `/inquiry/templates?teamId=${team.id}`)).json.items as {
    id: string;
    name: string;
    phases: { key: string; fields: { key: string; kind: string }[] }[];
  }[];
  const template = templates.find((t) => t.name === 'Læringscirklen') ?? templates[0];
  const made = await member.call('POST', `/teams/${team.id}/cycles`, {
    templateId: template.id,
    title: `Strategisamtaler ${run}`,
    question: QUESTION,
  });
  if (made.status !== 201) throw new Error(`cycle: ${made.status} ${made.text}`);
  const id = String(made.json.id);
  const evidence = await member.call('POST', `/cycles/${id}/evidence`, { kind: 'video', videoId: video.id });
  if (evidence.status !== 201) throw new Error(`evidence: ${evidence.status} ${evidence.text}`);
  const content = Object.fromEntries(
    template.phases.map((p) => [
      p.key,
      Object.fromEntries(p.fields.map((f) => [f.key, f.kind === 'date' ? '2026-11-02' : `Svar ${run}`])),
    ]),
  );
  let version = Number(made.json.version);
  for (const [i, state] of ['under', 'efter', 'afsluttet'].entries()) {
    const moved = await member.call('PATCH', `/cycles/${id}`, {
      version,
      state,
      ...(i === 0 ? { content } : {}),
    });
    if (moved.status !== 200) throw new Error(`move to ${state}: ${moved.status} ${moved.text}`);
    version = Number(moved.json.version);
  }
  return id;
}

/** Axe clean and no sideways scrolling at 1280 and 360; screenshots when E2E_SHOTS names a folder. */
async function checkBothWidths(page: Page, name: string) {
  for (const [label, size] of [
    ['1280', DESKTOP],
    ['360', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    expect(await axeViolations(page), `${name} at ${label}`).toEqual([]);
    const [scroll, inner] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scroll, `${name} at ${label}: page width`).toBeLessThanOrEqual(inner);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/stories-${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  browser = await launch();
  const reader = await apiAs(browser, 'medarbejder3');
  const first = (await reader.call('GET', '/videos?limit=1')).json.items?.[0];
  if (!first) throw new Error('medarbejder3 sees no video');
  video = { id: String(first.id), title: String(first.title) };
  await reader.close();
  const member = await apiAs(browser, 'medarbejder');
  cycleId = await finishedCycle(member);
  await member.close();
}, 120_000);
afterAll(() => browser?.close());

describe('practice stories', () => {
  it('a team member writes the story of a finished cycle; a stale save keeps her text and shows the other change', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder');
    await page.goto(`/forloeb/${cycleId}`);
    await page.getByRole('link', { name: 'Skriv praksisfortælling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Praksisfortælling' }).waitFor();
    // The question comes from the cycle.
    expect(await page.getByLabel('Undersøgelsesspørgsmål').inputValue()).toBe(QUESTION);
    await page.getByLabel('Titel').fill(STORY);
    await page.getByLabel('For hvem og under hvilke forhold').fill(`4. årgang, to klasser ${run}`);
    await page.getByLabel('Det prøvede vi').fill(TRIED);
    await page.getByLabel('Det lærte vi').fill(`Første udgave ${run}`);
    await page.getByRole('checkbox', { name: video.title }).check();
    // Without a visibility the form says what is missing.
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Vælg, hvem der kan læse fortællingen.').waitFor();
    // Each choice says who will see it; this one is public (anyone, also without signing in).
    await page.getByRole('radio', { name: 'Alle kommuner' }).check();
    await page.getByText('også i andre kommuner – kan læse den').waitFor();
    await page.getByRole('radio', { name: 'Offentlig' }).check();
    await page.getByText('også uden at logge ind').waitFor();
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Fortællingen er gemt.').waitFor();

    // Someone else saves meanwhile; her next save is refused, her text stays, and theirs is shown beside it.
    const other = await apiAs(browser, 'medarbejder');
    const now = (await other.call('GET', `/cycles/${cycleId}/story`)).json as Record<string, unknown>;
    storyId = String(now.id);
    const put = await other.call('PUT', `/cycles/${cycleId}/story`, {
      version: now.version,
      title: now.title,
      context: now.context,
      question: now.question,
      tried: now.tried,
      learned: THEIRS,
      visibility: now.visibility,
      videoIds: (now.videos as { id: string }[]).map((v) => v.id),
    });
    expect(put.status).toBe(200);
    await page.getByLabel('Det lærte vi').fill(MINE);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('har gemt fortællingen, mens du skrev').waitFor();
    await page.getByText(THEIRS).waitFor();
    expect(await page.getByLabel('Det lærte vi').inputValue()).toBe(MINE);
    await checkBothWidths(page, 'editor');
    await page.getByRole('button', { name: 'Gem oven på deres ændring' }).click();
    await page.getByText('Fortællingen er gemt.').waitFor();
    const saved = (await other.call('GET', `/cycles/${cycleId}/story`)).json;
    expect(saved.learned).toBe(MINE);
    expect((saved.videos as { id: string }[]).map((v) => v.id)).toEqual([video.id]);

    await page.getByRole('button', { name: 'Send til redaktionen' }).click();
    await page.getByText('Fortællingen er sendt til redaktionen.').waitFor();
    await page.getByText('Hos redaktionen', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Træk tilbage' }).waitFor();
    await other.close();

    // In review, a teacher in another kommune cannot read it.
    const outsider = await apiAs(browser, 'medarbejder3');
    expect((await outsider.call('GET', `/stories/${storyId}`)).status).toBe(404);
    await outsider.close();
    await context.close();
  });

  it('the editor publishes it from the review tab', async () => {
    expect(storyId).not.toBe('');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'redaktoer');
    await page.goto('/redaktion/fortaellinger');
    await page.getByRole('heading', { level: 1, name: 'Redaktion' }).waitFor();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: STORY }) });
    await item.waitFor();
    await checkBothWidths(page, 'review');
    await item.getByRole('button', { name: `Udgiv ${STORY}` }).click();
    await page.getByText(`"${STORY}" er udgivet.`).waitFor();
    await context.close();
  });

  it('a teacher in another kommune finds it beside the videos and starts a cycle from it', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'medarbejder3');
    await page.goto(`/videoer?q=${encodeURIComponent(`prøvehandling ${run}`)}`);
    const beside = page.getByRole('region', { name: 'Praksisfortællinger' });
    await beside.getByRole('link', { name: STORY }).waitFor();
    await beside.getByRole('link', { name: /Se (alle \d+|den ene) praksisfortælling/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Praksisfortællinger' }).waitFor();
    await page.getByRole('link', { name: STORY }).waitFor();
    await checkBothWidths(page, 'list');

    await page.getByRole('link', { name: STORY }).click();
    await page.getByRole('heading', { level: 1, name: STORY }).waitFor();
    await page.getByText(TRIED).waitFor();
    await page.getByText(MINE).waitFor();
    await page.getByRole('region', { name: 'Videoer' }).getByRole('link', { name: video.title }).waitFor();
    await checkBothWidths(page, 'story');

    await page.getByRole('button', { name: 'Vi vil prøve det i vores team' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Naturfagsteamet/ }).check();
    await dialog.getByRole('button', { name: 'Start forløbet' }).click();
    await page.waitForURL(/\/forloeb\/[0-9a-f-]{36}$/);
    await page.getByText('Forløbet er startet ud fra praksisfortællingen.').waitFor();
    const started = new URL(page.url()).pathname.split('/').pop();
    expect(started).not.toBe(cycleId);
    const me = await apiAs(browser, 'medarbejder3');
    const story = (await me.call('GET', `/stories/${storyId}`)).json;
    expect(story.triedCount).toBe(1);
    await me.close();

    // The video's page names the stories that used it.
    await page.goto(`/videoer/${video.id}`);
    await page
      .getByRole('region', { name: 'Praksisfortællinger med denne video' })
      .getByRole('link', { name: STORY })
      .waitFor();
    await context.close();
  });

  it('someone not signed in finds the public story beside the public videos and reads it, without the button to try it', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`/videoer?q=${encodeURIComponent(`prøvehandling ${run}`)}`);
    await page
      .getByRole('region', { name: 'Praksisfortællinger' })
      .getByRole('link', { name: 'Se den ene praksisfortælling' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Praksisfortællinger' }).waitFor();
    await page.getByRole('link', { name: STORY }).click();
    await page.getByRole('heading', { level: 1, name: STORY }).waitFor();
    await page.getByText(TRIED).waitFor();
    await page.getByText('1 team har prøvet den').first().waitFor();
    expect(await page.getByRole('button', { name: 'Vi vil prøve det i vores team' }).count()).toBe(0);
    await context.close();
  });
});
