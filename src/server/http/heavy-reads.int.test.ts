import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../testing/fixtures.js';
import { createTestApp, secondApp, type TestApp, type TestClient } from '../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
let forvaltning: TestClient;

beforeAll(async () => {
  t = await createTestApp({ HEAVY_MAX_CONCURRENT: '2', HEAVY_MAX_PER_MINUTE: '25' });
  ids = await demoIds(t.ctx.db);
  leder = await t.as('leder');
  forvaltning = await t.as('forvaltning');
  // Sessions are loaded once and then cached: from here on the requests below reach the limiter without the database.
  for (const c of [leder, forvaltning]) expect((await c.get('/api/v1/me')).statusCode).toBe(200);
}, 60_000);
afterAll(() => t?.close());

const institutionData = () => `/api/v1/observation/institutions/${ids.institution.Solsikkeskolen}/data`;
const kommuneData = () => `/api/v1/observation/kommuner/${ids.kommune['Fjordby Kommune']}/data`;

/**
 * Runs `fn` while the observation tables are locked (on PGlite the one connection is held), so heavy reads that
 * got a turn cannot finish: what answers meanwhile was decided without the database.
 */
async function whileObservationIsLocked<T>(fn: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  await t.ctx.db.transaction(async (tx) => {
    const { rows } = (await tx.execute(
      sql`select tablename as name from pg_tables where schemaname = 'public' and tablename like 'observation%'`,
    )) as unknown as { rows: { name: string }[] };
    for (const { name } of rows) await tx.execute(sql.raw(`lock table "${name}" in access exclusive mode`));
    result = await fn();
  });
  return result as T;
}

describe('heavy reads are limited per person', () => {
  it('20 parallel requests from one person: 2 run, 8 wait their turn, 10 get 429 at once; others are not affected', async () => {
    const answered: LightMyRequestResponse[] = [];
    let all: Promise<LightMyRequestResponse[]> = Promise.resolve([]);
    let other: Promise<LightMyRequestResponse> = Promise.resolve({} as LightMyRequestResponse);
    await whileObservationIsLocked(async () => {
      all = Promise.all(
        Array.from({ length: 20 }, () =>
          leder.get(institutionData()).then((r) => {
            answered.push(r);
            return r;
          }),
        ),
      );
      other = forvaltning.get(kommuneData());
      // The refusals come back while the database is still held: no query was needed to refuse.
      const until = Date.now() + 10_000;
      while (answered.length < 10 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100)); // and no more than those
    });
    expect(answered.map((r) => r.statusCode)).toEqual(Array(10).fill(429));
    const refused = answered[0];
    expect(refused.json().error).toEqual({
      code: 'request.rate_limited',
      message: 'Du har sendt for mange tunge forespørgsler på kort tid. Vent lidt, og prøv igen.',
    });
    expect(refused.headers['retry-after']).toBe('1');

    // Released: the two running and the eight waiting finish; the other person and /healthz were never held up.
    const statuses = (await all).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await other).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('at most HEAVY_MAX_PER_MINUTE a minute (here 25), with Retry-After until the minute is over', async () => {
    // The first test started 20 (10 refused at once do not count): 10 used, 15 left this minute.
    const codes = [];
    for (let i = 0; i < 16; i++) codes.push((await leder.get(institutionData())).statusCode);
    expect(codes).toEqual([...Array(15).fill(200), 429]);
    const last = await leder.get(institutionData());
    expect(last.json().error.code).toBe('request.rate_limited');
    const wait = Number(last.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Ordinary reads are not limited, and neither is another person.
    expect((await leder.get('/api/v1/me')).statusCode).toBe(200);
    expect((await forvaltning.get(kommuneData())).statusCode).toBe(200);
  });

  it('the statistics, their CSV, the data CSV and the training overview are heavy too', async () => {
    const heavy = ['/api/v1/statistics', '/api/v1/statistics.csv', '/api/v1/training/overview'].concat(
      [institutionData(), kommuneData()].map((u) => `${u}.csv`),
    );
    // The leder has used up this minute: every heavy route now refuses them, whatever it is.
    for (const url of heavy) expect([url, (await leder.get(url)).statusCode]).toEqual([url, 429]);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('PostgreSQL: the minute is shared by every process', () => {
  it('25 a minute in all, whichever process answers (two apps on one database)', async () => {
    const second = await secondApp(t);
    await second.app.ready();
    try {
      const person = await t.as('ressourceperson');
      const cookies = Object.fromEntries(person.cookies);
      const on = async (app: typeof t.app) =>
        (await app.inject({ url: institutionData(), cookies })).statusCode === 429 ? 'refused' : 'served';
      const first = [];
      for (let i = 0; i < 15; i++) first.push(await on(t.app));
      for (let i = 0; i < 10; i++) first.push(await on(second.app));
      expect(first).toEqual(Array(25).fill('served'));
      expect([await on(second.app), await on(t.app)]).toEqual(['refused', 'refused']);
    } finally {
      await second.app.close();
    }
  });
});
