import { MIN_GROUP_SIZE_FLOOR, MIN_GROUP_SIZE_MAX } from '../../../../shared/observation.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadObservationScope } from '../resource.js';
import { minGroupSize, upsertMinGroupSize } from './schemas-repo.js';

/** The institution's observation settings: the smallest group of observed teachers its data is shown for (O4). */
export function createObservationSettingsService(ctx: AppContext) {
  const { db } = ctx;

  return {
    /** Leaders and those who see the data (forvaltning of the kommune). */
    async get(actor: Actor, institutionId: string): Promise<{ minGroupSize: number }> {
      const scope = await loadObservationScope(db, actor, institutionId);
      if (!can(actor, 'observation.configure', scope)) authorize(actor, 'observation.data', scope);
      return { minGroupSize: await minGroupSize(db, institutionId) };
    },

    async put(actor: Actor, institutionId: string, n: number): Promise<{ minGroupSize: number }> {
      authorize(actor, 'observation.configure', await loadObservationScope(db, actor, institutionId));
      if (n < MIN_GROUP_SIZE_FLOOR) throw new AppError('observation.min_group_size');
      if (n > MIN_GROUP_SIZE_MAX) throw new AppError('observation.min_group_size_max');
      await db.transaction(async (tx) => {
        const before = await minGroupSize(tx, institutionId);
        await upsertMinGroupSize(tx, institutionId, n, actor.id);
        await audit(tx, actor, 'observation.settings.update', 'institution', institutionId, {
          minGroupSize: { from: before, to: n },
        });
      });
      return { minGroupSize: n };
    },
  };
}
