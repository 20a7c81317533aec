import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

/*
 * A private recording shared with one coach (issue 19) is seen by its owner and that coach only. This walks EVERY
 * GET route of the API (from the OpenAPI document, so a new list or count is covered the day it is added) as the
 * people around the owner — her leader, a colleague, the kommune, the editor, the administrator, a stranger in
 * another kommune — and checks that no answer names the recording: not its id, not its title, not the coach's
 * feedback on it. Routes with path parameters are called with every id that fits the parameter's name (the
 * recording, its owner, her institution, kommune and teams), so per-person and per-place pages are walked too.
 */

const TITLE = 'Fortrolig optagelse qx7';
const FEEDBACK = 'Feedbacktekst zr4 til optagelsen';

/**
 * The administrators' audit log (issue 20 part 5) names the recording's id as the subject of its share — that is
 * its purpose (who shared what with whom); no title or text.
 */
const ALLOWED = [/^\/api\/v1\/audit-log(\.csv)?(\?|$)/];

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let video: string;

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  const owner = await t.as('medarbejder');
  video = await insertVideo(t.ctx.db, {
    ownerId: ids.user.medarbejder,
    institutionId: ids.institution.Solsikkeskolen,
    title: TITLE,
    visibility: 'private',
    teamId: ids.team.Matematikteamet,
  });
  const consent = await owner.put(`/api/v1/videos/${video}/consent`, {
    pupilsAppear: true,
    consentLevel: 'institution',
    collectedBy: 'Skolens kontor',
  });
  expect(consent.statusCode).toBe(200);
  const granted = await owner.post(`/api/v1/videos/${video}/grants`, {
    personId: ids.user.ressourceperson,
    expiresOn: null,
  });
  expect(granted.statusCode).toBe(201);
  const coach = await t.as('ressourceperson');
  const fb = await coach.post(`/api/v1/videos/${video}/feedback`, {
    atSeconds: 5,
    kind: 'strength',
    body: FEEDBACK,
  });
  expect(fb.statusCode).toBe(201);
}, 120_000);
afterAll(() => t?.close());

type Operation = { parameters?: { in: string; name: string; required?: boolean }[] };

/** The values to try for a path parameter, by its name; none: the route is not walked. */
function candidates(name: string): string[] {
  const place = [ids.institution.Solsikkeskolen, ids.kommune['Fjordby Kommune']];
  const teams = [ids.team.Matematikteamet];
  switch (name) {
    case 'videoId':
      return [video];
    case 'institutionId':
      return [ids.institution.Solsikkeskolen];
    case 'kommuneId':
      return [ids.kommune['Fjordby Kommune']];
    case 'teamId':
      return teams;
    case 'userId':
    case 'personId':
      return [ids.user.medarbejder];
    case 'id':
      return [video, ids.user.medarbejder, ...place, ...teams];
    default:
      return [];
  }
}

/** Every GET path of the API with its parameters filled in every way `candidates` allows. */
async function walk(): Promise<string[]> {
  const doc = (await t.client().get('/api/openapi.json')).json() as {
    paths: Record<string, { get?: Operation }>;
  };
  const urls: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!item.get || !path.startsWith('/api/v1/')) continue;
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    let filled = [path];
    for (const p of params) filled = filled.flatMap((u) => candidates(p).map((v) => u.replace(`{${p}}`, v)));
    urls.push(...filled);
    // A route that searches is also asked for the recording's own words.
    if (item.get.parameters?.some((q) => q.in === 'query' && q.name === 'q'))
      urls.push(...filled.map((u) => `${u}?q=${encodeURIComponent('Fortrolig qx7')}`));
  }
  return urls;
}

describe('a private recording shared with a coach, in every GET answer', () => {
  it('the walk reaches the lists and pages where a shared recording could show', async () => {
    const urls = await walk();
    for (const must of [
      '/api/v1/videos',
      '/api/v1/videos?q=Fortrolig%20qx7',
      '/api/v1/videos/suggest?q=Fortrolig%20qx7',
      '/api/v1/me/shared-with-me',
      '/api/v1/home',
    ])
      expect(urls, must).toContain(must);
    expect(urls.length).toBeGreaterThan(80);
    // The check itself can fail: the coach's "Delt med mig" and the owner's list do name it.
    const coach = await t.as('ressourceperson');
    expect((await coach.get('/api/v1/me/shared-with-me')).body).toContain(TITLE);
    const owner = await t.as('medarbejder');
    expect((await owner.get(`/api/v1/videos/${video}/feedback`)).body).toContain(FEEDBACK);
  });

  for (const who of ['leder', 'laerer1', 'forvaltning', 'redaktoer', 'administrator', 'medarbejder3'])
    it(`${who}: no answer names it`, async () => {
      const c = await t.as(who);
      const leaks: string[] = [];
      for (const url of await walk()) {
        if (ALLOWED.some((r) => r.test(url))) continue;
        const res = await c.get(url);
        if (res.statusCode >= 500) leaks.push(`${url}: ${res.statusCode}`);
        if (res.statusCode !== 200) continue;
        for (const secret of [video, TITLE, FEEDBACK])
          if (res.body.includes(secret)) leaks.push(`${url} names ${secret === video ? 'its id' : secret}`);
      }
      expect(leaks).toEqual([]);
    }, 120_000);
});
