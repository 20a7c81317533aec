import type { FastifyBaseLogger } from 'fastify';

/** Work a request started but does not wait for (e.g. a password-reset e-mail), per process. */
const running = new Set<Promise<void>>();

/**
 * Runs `work` after the current request has answered (on a later turn of the event loop), so none of it is on
 * the request's time. Failures are logged. `backgroundSettled()` waits for it (on close, and in tests).
 */
export function runInBackground(log: FastifyBaseLogger, what: string, work: () => Promise<void>) {
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((err) => log.error({ err }, `${what} failed`))
    .finally(() => running.delete(p));
  running.add(p);
}

/** Resolves when every piece of background work (including work started meanwhile) has finished. */
export async function backgroundSettled() {
  while (running.size > 0) await Promise.allSettled([...running]);
}
