import type { AppContext } from '../../../context.js';
import {
  type Actor,
  can,
  forvaltningKommuneIds,
  memberInstitutionIds,
  type ObservationResource,
} from '../../../policy/index.js';
import type { ObservationMe } from '../types.js';
import * as repo from './repo.js';

/**
 * GET /observation/me: the institutions where the person holds a role, with what they may do there, and the
 * kommuner whose data they see as forvaltning. Two queries however many institutions.
 */
export function createObservationMeService(ctx: AppContext) {
  const { db } = ctx;

  return {
    async me(actor: Actor): Promise<ObservationMe> {
      const [rows, kommuner] = await Promise.all([
        repo.institutionsForMe(db, actor.id, memberInstitutionIds(actor)),
        repo.kommunerByIds(db, forvaltningKommuneIds(actor)),
      ]);
      return {
        institutions: rows.map((r) => {
          const scope: ObservationResource = {
            type: 'observation',
            institutionId: r.id,
            kommuneId: r.kommuneId,
            delegated: r.delegated,
          };
          return {
            id: r.id,
            name: r.name,
            kommuneId: r.kommuneId,
            can: {
              configure: can(actor, 'observation.configure', scope),
              observe: can(actor, 'observation.observe', scope),
              data: can(actor, 'observation.data', scope),
              self: can(actor, 'observation.self', scope),
            },
            schema: r.schema ? { id: r.schema.id, version: Number(r.schema.version) } : null,
            guide: { published: r.guidePublished, read: r.guideRead },
          };
        }),
        kommuner,
      };
    },
  };
}
