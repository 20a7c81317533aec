import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { createTestDatabase } from '../testing/harness.js';
import { createJobs, JOBS, type Jobs } from './index.js';

let database: Database;
let drop: () => Promise<void>;
let jobs: Jobs;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  jobs = createJobs(database, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await drop?.();
});

describe('job queue', () => {
  it('runs background work (demo content) only after the work people wait for', async () => {
    // Queued first, but in the background: a real upload queued later goes ahead of all of them.
    for (const id of ['demo-1', 'demo-2', 'demo-3'])
      await jobs.send('video.publish', { videoId: id, background: true }, { key: id });
    await jobs.send('video.publish', { videoId: 'upload' }, { key: 'upload' });
    const order: string[] = [];
    const done = new Promise<void>((resolve) =>
      jobs.work('video.publish', async ({ videoId }) => {
        order.push(videoId);
        if (order.length === 4) resolve();
      }),
    );
    await done;
    // The queue's workers fetch at once (concurrency 2), so which handler starts first is a race; the upload must
    // be in the first fetch round (without priorities it would come last: it was queued after the demo jobs).
    expect(order.indexOf('upload')).toBeLessThan(JOBS['video.publish'].concurrency);
    expect(order.filter((id) => id !== 'upload').sort()).toEqual(['demo-1', 'demo-2', 'demo-3']);
  }, 60_000);
});
