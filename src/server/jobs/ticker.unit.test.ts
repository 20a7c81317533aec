import { describe, expect, it, vi } from 'vitest';
import { startTicker } from './ticker.js';

const log = () => ({ error: vi.fn() });

describe('ticker', () => {
  it('runs each task at start and again after its interval, one at a time; a failure is logged, not thrown', async () => {
    const l = log();
    const order: string[] = [];
    let active = 0;
    let overlapped = false;
    const task = (name: string, fail = false) => ({
      name,
      everyMs: 20,
      run: async (now: Date) => {
        expect(now).toBeInstanceOf(Date);
        active++;
        if (active > 1) overlapped = true;
        order.push(name);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (fail) throw new Error('boom');
      },
    });
    const stop = startTicker({ log: l } as never, [task('a'), task('b', true)], { firstDelayMs: 0 });
    await vi.waitFor(() => expect(order.filter((n) => n === 'b').length).toBeGreaterThanOrEqual(3), {
      timeout: 5000,
    });
    await stop();
    const count = order.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(order.length).toBe(count); // stopped: nothing runs any more
    expect(overlapped).toBe(false);
    expect(order.slice(0, 2)).toEqual(['a', 'b']);
    expect(l.error).toHaveBeenCalledWith(expect.objectContaining({ task: 'b' }), 'scheduled task failed');
  });

  it('stop() waits for the task that is running', async () => {
    let finished = false;
    const stop = startTicker(
      { log: log() } as never,
      [
        {
          name: 'slow',
          everyMs: 1000,
          run: async () => {
            await new Promise((r) => setTimeout(r, 50));
            finished = true;
          },
        },
      ],
      { firstDelayMs: 0 },
    );
    await new Promise((r) => setTimeout(r, 10));
    await stop();
    expect(finished).toBe(true);
  });
});
