import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, PILLARS } from '../../../shared/catalogue.js';
import type { Visibility } from '../../../shared/constants.js';
import { DEMO_PASSWORD } from '../../demo/index.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, secondApp, type TestApp, TestClient } from '../../testing/harness.js';
import { cachesFor } from './caches.js';

type Facet = { value: string; count: number };
type Answer = {
  items: { id: string }[];
  total: number;
  facets: Record<string, Facet[]>;
  nextCursor: string | null;
};

/**
 * Search's memory (memory.ts) against the straight answer: one statement over the reader's scope, nothing
 * remembered (AMONGI_SEARCH_MEMORY=0). For readers of many visibility classes and queries with and without text,
 * filters and sorts, every page (paged to the end), total and facet count must be the same; and a video narrowed
 * to private must leave every other reader's results and counts at once — in a second app process too.
 */
describe('search memory', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const clients: Record<string, TestClient> = {};
  const made: string[] = [];

  const WORDS = ['kvartsur', 'glimmerlys', 'basaltsten'];
  const READERS = [
    'anonymous',
    'medarbejder',
    'medarbejder2',
    'leder',
    'forvaltning',
    'administrator',
    'redaktoer',
    'ressourceperson',
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids = await demoIds(db);
    const owners = [ids.user.medarbejder, ids.user.leder, ids.user.medarbejder2, ids.user.ressourceperson];
    const homes = [
      ids.institution.Solsikkeskolen,
      ids.institution.Solsikkeskolen,
      ids.institution['Børnehuset Mælkebøtten'],
      ids.institution.Solsikkeskolen,
    ];
    const visibilities: Visibility[] = ['public', 'institution', 'kommune', 'team', 'private'];
    // Ties on purpose: three videos share each moment, so time and then id decide the order.
    const base = Date.now() - 86_400_000;
    for (let i = 0; i < 45; i++) {
      const o = i % owners.length;
      const visibility = visibilities[i % visibilities.length];
      made.push(
        await insertVideo(db, {
          ownerId: owners[o],
          institutionId: homes[o],
          title: `${WORDS[i % 3]} ${i % 2 ? WORDS[(i + 1) % 3] : ''} nummer ${i}`,
          description: i % 4 === 0 ? `${WORDS[0]} ${WORDS[0]} igen` : 'en beskrivelse',
          visibility,
          teamId: visibility === 'team' ? ids.team.Matematikteamet : null,
          subject: `Hukommelsesfag ${i % 4}`,
          methods: [`Hukommelsesmetode ${i % 3}`, ...(i % 5 === 0 ? ['Hukommelsesmetode 9'] : [])],
          ageBand: AGE_BANDS[i % AGE_BANDS.length],
          pillars: PILLARS.filter((_, k) => (i + k) % 3 === 0),
          editorialState: i % 6 === 0 ? 'published' : 'none',
          readyAt: new Date(base + Math.floor(i / 3) * 1000),
        }),
      );
    }
    t.ctx.events.publish({ type: 'search.changed' });
    for (const name of READERS)
      clients[name] = name === 'anonymous' ? new TestClient(t.app) : await t.as(name);
  });
  afterAll(() => t.close());

  /** Every page of a query as one reader (limit 4), with each page's total and facets. */
  async function pages(client: TestClient, query: string) {
    const out: { ids: string[]; total: number; facets: Record<string, Facet[]> }[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 40; n++) {
      const res = await client.get(
        `/api/v1/videos?${query}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json() as Answer;
      out.push({ ids: a.items.map((i) => i.id), total: a.total, facets: a.facets });
      cursor = a.nextCursor;
      if (!cursor) break;
    }
    return out;
  }
  async function straight<T>(fn: () => Promise<T>): Promise<T> {
    process.env.AMONGI_SEARCH_MEMORY = '0';
    try {
      return await fn();
    } finally {
      delete process.env.AMONGI_SEARCH_MEMORY;
    }
  }

  it('gives every reader the same pages, totals and facet counts as one statement over their scope', async () => {
    const subject = async () => {
      const a = (await clients.medarbejder.get(`/api/v1/videos?q=${WORDS[0]}`)).json() as Answer;
      return a.facets.subject[0].value;
    };
    const s = await subject();
    const queries = [
      '',
      `q=${WORDS[0]}`,
      `q=${WORDS[1]}&sort=newest`,
      `q=${WORDS[2]}&sort=tried`,
      `q=${encodeURIComponent(`${WORDS[0]} OR ${WORDS[2]}`)}&subject=${s}`,
      `ageBand=${AGE_BANDS[1]}&pillar=${PILLARS[0]}`,
      `q=${WORDS[0]}&pillar=${PILLARS[1]}&pillar=${PILLARS[2]}&sort=relevance`,
      'sort=tried',
    ];
    let compared = 0;
    for (const reader of READERS)
      for (const q of queries) {
        const fromMemory = await pages(clients[reader], q);
        const expected = await straight(() => pages(clients[reader], q));
        expect(fromMemory, `${reader} ${q}`).toEqual(expected);
        compared += fromMemory.reduce((sum, p) => sum + p.ids.length, 0);
      }
    // Not vacuous: the readers find different things, and the memory answered (one text match per text).
    expect(compared).toBeGreaterThan(300);
    const found = async (r: string) => (await pages(clients[r], `q=${WORDS[0]}`))[0].total;
    expect(new Set(await Promise.all(READERS.map(found))).size).toBeGreaterThan(3);
    expect(cachesFor(t.ctx).texts.stats().hits).toBeGreaterThan(50);
  }, 180_000);

  it('drops a video narrowed to private from every other reader at once, in another process too', async () => {
    // A Solsikkeskolen video medarbejder owns, seen by its institution; leder is of the same institution.
    const target = made[1]; // index 1: owner leder, visibility institution
    const query = `q=${WORDS[1]}`;
    const count = async (c: TestClient) => {
      const all = await pages(c, query);
      return { total: all[0].total, ids: all.flatMap((p) => p.ids) };
    };
    const before = await count(clients.medarbejder);
    expect(before.ids).toContain(target);
    const other = t.database.kind === 'postgres' ? (await secondApp(t)).app : null;
    await other?.ready();
    const otherClient = other ? new TestClient(other) : null;
    if (otherClient) {
      await otherClient.login('medarbejder@demo.amongi.dk', DEMO_PASSWORD);
      expect((await count(otherClient)).ids).toContain(target);
    }
    const owner = clients.leder;
    const res = await owner.patch(`/api/v1/videos/${target}`, { visibility: 'private' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await count(clients.medarbejder);
    expect(after.ids).not.toContain(target);
    expect(after.total).toBe(before.total - 1);
    expect(after).toEqual(await straight(() => count(clients.medarbejder)));
    // The owner still finds it.
    expect((await count(owner)).ids).toContain(target);
    if (otherClient && other) {
      await expect
        .poll(async () => (await count(otherClient)).total, { timeout: 2000 })
        .toBe(before.total - 1);
      expect((await count(otherClient)).ids).not.toContain(target);
      await other.close();
    }
  }, 60_000);
});
