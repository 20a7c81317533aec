import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';

// The line in front of PGlite's one connection; PostgreSQL has a pool and no such line.
const pglite = !process.env.TEST_DATABASE_URL;

let t: TestApp;
let leder: TestClient;
let medarbejder: TestClient;
beforeAll(async () => {
  if (!pglite) return;
  t = await createTestApp({ DB_QUEUE_MAX: '3', DB_QUEUE_WAIT_MS: '1500' });
  leder = await t.as('leder');
  medarbejder = await t.as('medarbejder');
  expect((await leder.get('/api/v1/me/sessions')).statusCode).toBe(200);
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds PGlite's one connection (an open transaction) while `fn` runs. */
async function holdingTheConnection(fn: () => Promise<void>) {
  await t.ctx.db.transaction(async () => {
    await fn();
  });
}

describe.runIf(pglite)('PGlite: a short line with a clear 503 instead of waiting without end', () => {
  it('3 wait; more are refused at once with 503 server.busy and Retry-After; /healthz goes first', async () => {
    const order: string[] = [];
    const track = (name: string, p: Promise<LightMyRequestResponse>) =>
      p.then((r) => {
        order.push(`${name} ${r.statusCode}`);
        return r;
      });
    let requests: Promise<LightMyRequestResponse>[] = [];
    let health: Promise<LightMyRequestResponse> | undefined;
    await holdingTheConnection(async () => {
      requests = Array.from({ length: 6 }, (_, i) => track(`r${i}`, leder.get('/api/v1/me/sessions')));
      const until = Date.now() + 1000;
      while (order.length < 3 && Date.now() < until) await sleep(5);
      // The three over the line were answered while the connection was still held.
      expect(order).toEqual(['r3 503', 'r4 503', 'r5 503']);
      health = track('healthz', t.app.inject({ url: '/healthz' }));
      await sleep(50);
    });
    const answers = await Promise.all(requests);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 503, 503, 503]);
    expect(answers[3].json().error).toEqual({
      code: 'server.busy',
      message: 'Amongi har travlt lige nu. Prøv igen om lidt.',
    });
    expect(answers[3].headers['retry-after']).toBe('2');
    expect((await health)?.statusCode).toBe(200);
    // /healthz asked after the three waiting requests, and was answered before them.
    expect(order.slice(3)).toEqual(['healthz 200', 'r0 200', 'r1 200', 'r2 200']);
  });

  it('a request that waits longer than DB_QUEUE_WAIT_MS gets 503 server.busy instead of hanging', async () => {
    let answer: LightMyRequestResponse | undefined;
    await holdingTheConnection(async () => {
      const started = Date.now();
      void leder.get('/api/v1/me/sessions').then((r) => {
        answer = r;
      });
      while (!answer && Date.now() - started < 4000) await sleep(20);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    });
    expect(answer?.statusCode).toBe(503);
    expect(answer?.json().error.code).toBe('server.busy');
    // And once the connection is free again, everything answers normally.
    expect((await leder.get('/api/v1/me/sessions')).statusCode).toBe(200);
  });

  it('heavy reads take at most half the line: the light request of someone else still gets its place', async () => {
    const queue = t.database.queue;
    if (!queue) throw new Error('no PGlite queue');
    const order: string[] = [];
    let heavy: Promise<unknown> | undefined;
    let light: Promise<unknown> | undefined;
    await holdingTheConnection(async () => {
      // The statistics ask several queries at once: one waits (half of DB_QUEUE_MAX 3), the next is refused.
      heavy = leder.get('/api/v1/statistics').then((r) => order.push(`statistics ${r.statusCode}`));
      const until = Date.now() + 1000;
      while (!order.length && Date.now() < until) await sleep(5);
      expect(order).toEqual(['statistics 503']);
      expect(queue.heavyLength).toBe(1);
      light = medarbejder.get('/api/v1/me/sessions').then((r) => order.push(`sessions ${r.statusCode}`));
      while (queue.length < 2 && Date.now() < until) await sleep(5);
      expect(queue.length - queue.heavyLength).toBe(1);
    });
    await Promise.all([heavy, light]);
    expect(order).toEqual(['statistics 503', 'sessions 200']);
  });
});
