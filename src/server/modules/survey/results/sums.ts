import type { DbOrTx } from '../../../db/index.js';
import type { GroupSums, ItemSums } from './figures.js';
import * as repo from './repo.js';

/**
 * Per-group sums of closed rounds, remembered by the process and checked against the database on every use.
 * A closed round's answers no longer change: a sum is taken once (the per group × question sums of a kommune's
 * round read every scale answer, 100,000 rows and more) and reused while the round's fingerprint — its answers'
 * count and a checksum of their ids, its groups' count and its version — is what it was. Anything that could change
 * the figures (an institution removed with its groups and answers, a round reopened and answered again) changes the
 * fingerprint, which is read fresh on each request: only speed depends on this memory, never what is shown, and
 * several processes each keep their own. Bounded: the least recently used round is forgotten first.
 */

export type RoundSums = { sums: Map<string, GroupSums>; items: Map<string, Map<string, ItemSums>> };
type Entry = RoundSums & { fingerprint: string };

const REMEMBER = 64;
const remembered = new Map<string, Entry>();

/** The sums of each round (with per-question sums), from memory where the fingerprint still holds. */
export async function closedRoundSums(db: DbOrTx, roundIds: string[]): Promise<Map<string, RoundSums>> {
  const out = new Map<string, RoundSums>();
  if (!roundIds.length) return out;
  const prints = await repo.fingerprints(db, roundIds);
  await Promise.all(
    roundIds.map(async (id) => {
      const fingerprint = prints.get(id) ?? '';
      const known = remembered.get(id);
      if (known && known.fingerprint === fingerprint) {
        remembered.delete(id);
        remembered.set(id, known);
        out.set(id, known);
        return;
      }
      const [sums, items] = await Promise.all([repo.groupSums(db, [id]), repo.itemSums(db, id)]);
      const entry = { sums, items, fingerprint };
      remembered.delete(id);
      if (remembered.size >= REMEMBER) remembered.delete(remembered.keys().next().value as string);
      remembered.set(id, entry);
      out.set(id, entry);
    }),
  );
  return out;
}
