/**
 * The organisation directory — every kommune and institution with their counts — read by most pages and changed
 * rarely, kept in memory. This process reloads it after each of its own organisation writes; another web process
 * sees a change within `ttlMs`, as with the session cache (docs/decisions/0002-session-cache.md). Callers filter it
 * through the policy layer.
 */
export function createDirectory<T>(load: () => Promise<T>, ttlMs = 10_000) {
  let cached: { at: number; value: Promise<T> } | undefined;
  return {
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
}
