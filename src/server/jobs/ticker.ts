import type { AppContext } from '../context.js';

/** Work that finds in the database what is due and does it; safe to run from several workers at once. */
export type TickerTask = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

/**
 * The worker's clock for scheduled work (notification e-mails, digests, reminders): no cron, no queue. Every
 * task runs once at start (so the worker catches up after downtime) and then whenever `everyMs` has passed,
 * one task at a time, never two runs of the same task at once. A failing task is logged and tried again at its
 * next turn. Returns stop(), which waits for the task that is running.
 */
export function startTicker(
  ctx: Pick<AppContext, 'log'>,
  tasks: TickerTask[],
  opts: { firstDelayMs?: number } = {},
): () => Promise<void> {
  if (tasks.length === 0) return async () => {};
  const lastRun = new Map<string, number>();
  const step = Math.max(20, Math.min(1000, ...tasks.map((t) => t.everyMs)));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runDue = async () => {
    for (const task of tasks) {
      if (stopped) return;
      const last = lastRun.get(task.name);
      const now = Date.now();
      if (last !== undefined && now - last < task.everyMs) continue;
      lastRun.set(task.name, now);
      try {
        await task.run(new Date(now));
      } catch (err) {
        ctx.log.error({ err, task: task.name }, 'scheduled task failed');
      }
    }
  };
  const tick = () => {
    running = runDue().finally(() => {
      if (!stopped) timer = setTimeout(tick, step);
    });
  };
  timer = setTimeout(tick, opts.firstDelayMs ?? 500);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
