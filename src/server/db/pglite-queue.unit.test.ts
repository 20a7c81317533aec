import { describe, expect, it } from 'vitest';
import { LIGHT_BURST, QueryQueue, queryLane } from './pglite-queue.js';

/** A query that runs until `release()` is called, recording when it started. */
function held(queue: QueryQueue, order: string[], name: string, lane?: 'heavy') {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const work = () =>
    queue.run(async () => {
      order.push(name);
      await gate;
    });
  const done = lane ? queryLane.run(lane, work) : work();
  return { done, release };
}

/** A query that starts and ends at once. */
const quick = (queue: QueryQueue, order: string[], name: string, lane?: 'heavy') => {
  const work = () => queue.run(async () => void order.push(name));
  return lane ? queryLane.run(lane, work) : work();
};

describe("PGlite's line: the light lane passes the heavy one, fairly", () => {
  it('a light query asked after three heavy ones runs before them', async () => {
    const q = new QueryQueue({ maxWaiting: 64, maxWaitMs: 10_000 });
    const order: string[] = [];
    const first = held(q, order, 'running', 'heavy');
    const waiting = [1, 2, 3].map((i) => quick(q, order, `heavy${i}`, 'heavy'));
    const light = quick(q, order, 'light');
    expect(q.length).toBe(4);
    first.release();
    await Promise.all([first.done, light, ...waiting]);
    expect(order).toEqual(['running', 'light', 'heavy1', 'heavy2', 'heavy3']);
  });

  it(`while heavy ones wait, at most ${LIGHT_BURST} light ones go in a row; then a heavy one`, async () => {
    const q = new QueryQueue({ maxWaiting: 64, maxWaitMs: 10_000 });
    const order: string[] = [];
    const first = held(q, order, 'running');
    const heavy = [1, 2].map((i) => quick(q, order, `heavy${i}`, 'heavy'));
    const light = Array.from({ length: LIGHT_BURST + 2 }, (_, i) => quick(q, order, `light${i + 1}`));
    first.release();
    await Promise.all([first.done, ...heavy, ...light]);
    const lights = Array.from({ length: LIGHT_BURST }, (_, i) => `light${i + 1}`);
    expect(order).toEqual([
      'running',
      ...lights,
      'heavy1',
      `light${LIGHT_BURST + 1}`,
      `light${LIGHT_BURST + 2}`,
      'heavy2',
    ]);
  });

  it('priority (/healthz) still goes first, and the limit counts both lanes', async () => {
    const q = new QueryQueue({ maxWaiting: 2, maxWaitMs: 10_000 });
    const order: string[] = [];
    const first = held(q, order, 'running');
    const a = quick(q, order, 'heavy', 'heavy');
    const b = quick(q, order, 'light');
    await expect(quick(q, order, 'refused')).rejects.toMatchObject({ code: 'server.busy' });
    const health = q.run(async () => void order.push('healthz'), true);
    first.release();
    await Promise.all([first.done, a, b, health]);
    expect(order).toEqual(['running', 'healthz', 'light', 'heavy']);
  });
});
