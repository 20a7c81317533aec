import type { AppContext } from '../../../context.js';
import { audit } from '../../audit.js';
import * as repo from './repo.js';

export type PurgeResult = {
  statuses: number;
  placements: number;
  children: number;
  conferences: number;
  totals: number;
  /** Another process held the purge: it did the work. */
  skipped?: true;
};

/** The Danish calendar day of an instant (YYYY-MM-DD). */
const danishDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

/**
 * Retention (issue 17 part 2): deletes the per-child progression rows a set number of months (the institution's
 * retention_months) after the school year of their period or group ends (31 July), in one transaction: statuses,
 * then the groups' placements, then children with nothing left, and the children's lines of those groups'
 * conference snapshots; the totals stay, marked purged. Run by the worker's ticker; safe to run again (a second
 * run finds nothing) and from several workers at once (one takes the advisory lock, the others skip). Audit-logged
 * when it removed anything.
 */
export async function purgeExpiredProgression(
  ctx: Pick<AppContext, 'db'>,
  now = new Date(),
): Promise<PurgeResult> {
  const today = danishDay(now);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.tryLock(tx)))
      return { statuses: 0, placements: 0, children: 0, conferences: 0, totals: 0, skipped: true as const };
    const statuses = await repo.deleteStatuses(tx, today);
    const placements = await repo.deletePlacements(tx, today);
    const children = await repo.deleteOrphanChildren(tx);
    const conferences = await repo.stripSnapshots(tx, today);
    const totals = await repo.markTotals(tx, today, now);
    const result = { statuses, placements, children, conferences, totals };
    if (statuses + placements + children + conferences + totals > 0)
      await audit(tx, null, 'progression.retention_purge', 'instance', null, { ...result, today });
    return result;
  });
}
