import { auditLabel } from '../../../shared/audit-actions.js';
import { RETENTION_DEFAULTS, RETENTION_KINDS, type RetentionKind } from '../../../shared/retention.js';
import type { AppContext } from '../../context.js';
import { type Actor, authorize } from '../../policy/index.js';
import { audit } from '../audit.js';
import * as repo from './repo.js';
import { cutoffOf, periods } from './run.js';

/** A run still 'running' this long after it started was cut off (its worker stopped). */
const INTERRUPTED_AFTER_MS = 6 * 3_600_000;

const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/** A due item's note for the page: nothing personal (a status, an action's label, a size). */
function note(kind: RetentionKind, raw: string, locale: 'da' | 'en') {
  if (kind === 'audit') return auditLabel(raw, locale);
  if (kind === 'originals' || kind === 'data_exports') {
    const mb = Number(raw) / 1_000_000;
    return `${mb.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })} MB`;
  }
  return raw;
}

export function createRetentionService(ctx: AppContext, opts: { erasureAvailable: boolean }) {
  const { db } = ctx;
  return {
    /** Periods, the dry run (what a run now would remove, oldest first) and the last runs. */
    async overview(actor: Actor, locale: 'da' | 'en', now = new Date()) {
      authorize(actor, 'retention.manage', { type: 'instance' });
      const p = await periods(db);
      const kinds = [];
      for (const kind of RETENTION_KINDS) {
        const { days, changedAt } = p[kind];
        const cutoff = days === null ? null : cutoffOf(now, days);
        const due = cutoff ? await repo.countDue(db, kind, cutoff) : 0;
        const oldest = cutoff && due ? await repo.oldestDue(db, kind, cutoff, 3) : [];
        kinds.push({
          kind,
          days,
          defaultDays: RETENTION_DEFAULTS[kind],
          changedAt,
          due,
          oldest: oldest.map((o) => ({ at: asDate(o.at), note: note(kind, o.note, locale) })),
          blocked:
            kind === 'deactivated_accounts' && !opts.erasureAvailable
              ? locale === 'da'
                ? 'Sletning af personer er ikke tilgængelig endnu; kontiene bliver stående.'
                : 'Erasing people is not available yet; the accounts stay.'
              : null,
        });
      }
      const runs = (await repo.recentRuns(db, 30)).map((r) => ({
        ...r,
        status:
          r.status === 'running' && now.getTime() - r.startedAt.getTime() > INTERRUPTED_AFTER_MS
            ? ('interrupted' as const)
            : r.status,
      }));
      return {
        kinds,
        fixed: [
          { kind: 'sessions' as const, due: await repo.expiredSessions(db, now) },
          { kind: 'progression' as const, due: null },
        ],
        runs,
      };
    },

    async set(actor: Actor, kind: RetentionKind, days: number | null) {
      authorize(actor, 'retention.manage', { type: 'instance' });
      await db.transaction(async (tx) => {
        const before = (await periods(tx))[kind].days;
        await repo.setDays(tx, kind, days, actor.id);
        await audit(tx, actor, 'retention.settings', 'instance', null, { kind, from: before, to: days });
      });
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
