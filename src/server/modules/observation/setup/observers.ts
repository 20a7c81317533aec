import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadObservationScope } from '../resource.js';
import type { ObserversList } from '../types.js';
import * as repo from './repo.js';

/**
 * Learning guides a leader delegates classroom visits to (leaders observe without being listed). Those who may
 * observe (leaders and the delegated) see the list; only leaders change it. A delegation is kept when the person
 * leaves the institution but no longer counts (mayObserve asks for a role there too) and is not listed.
 */
export function createObserverService(ctx: AppContext) {
  const { db } = ctx;

  return {
    async list(actor: Actor, institutionId: string): Promise<ObserversList> {
      authorize(actor, 'observation.observe', await loadObservationScope(db, actor, institutionId));
      const rows = await repo.listObservers(db, institutionId);
      return { observers: rows.map((r) => ({ id: r.id, name: r.name, since: r.since.toISOString() })) };
    },

    /** Delegates visits to someone who works at the institution (again is fine). */
    async grant(actor: Actor, institutionId: string, userId: string): Promise<void> {
      authorize(actor, 'observation.configure', await loadObservationScope(db, actor, institutionId));
      await db.transaction(async (tx) => {
        if (!(await repo.holdsRoleAt(tx, userId, institutionId)))
          throw new AppError('observation.observer_not_in_institution');
        if (await repo.addObserver(tx, institutionId, userId, actor.id))
          await audit(tx, actor, 'observation.observer.grant', 'institution', institutionId, { userId });
      });
    },

    /** Takes the delegation back (nothing to take back is fine). Planned visits keep their observer. */
    async revoke(actor: Actor, institutionId: string, userId: string): Promise<void> {
      authorize(actor, 'observation.configure', await loadObservationScope(db, actor, institutionId));
      await db.transaction(async (tx) => {
        if (await repo.removeObserver(tx, institutionId, userId))
          await audit(tx, actor, 'observation.observer.revoke', 'institution', institutionId, { userId });
      });
    },
  };
}
