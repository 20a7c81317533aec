import type { EventBus } from '../../events/index.js';

/**
 * The organisation directory — every kommune and institution with their counts — read by most pages and changed
 * rarely, kept in memory. Every process reloads it after the events `directory.changed` and `directory.renamed`
 * (published by the organisation writes; on PostgreSQL they reach the other processes through NOTIFY) and when
 * its LISTEN connection was lost; `ttlMs` bounds the rest. Callers filter it through the policy layer.
 */
export function createDirectory<T>(load: () => Promise<T>, ttlMs = 10_000, events?: EventBus) {
  let cached: { at: number; value: Promise<T> } | undefined;
  const directory = {
    get(now = Date.now()): Promise<T> {
      if (!cached || now - cached.at >= ttlMs) {
        const entry = { at: now, value: load() };
        cached = entry;
        entry.value.catch(() => {
          if (cached === entry) cached = undefined;
        });
      }
      return cached.value;
    },
    /** After a write: the next read loads afresh (a read already under way keeps its answer). */
    invalidate() {
      cached = undefined;
    },
  };
  events?.subscribe('directory.changed', directory.invalidate);
  events?.subscribe('directory.renamed', directory.invalidate);
  events?.onReset(directory.invalidate);
  return directory;
}
