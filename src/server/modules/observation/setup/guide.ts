import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadObservationScope } from '../resource.js';
import type { VisitGuide } from '../types.js';
import * as repo from './repo.js';

/**
 * O6: the institution's visit guide. Leaders write it as a draft and publish it; everyone who sees the institution
 * reads the published guide (staff never see a draft). A person confirms reading it; publishing a changed guide
 * asks everyone to read it again.
 */
export function createGuideService(ctx: AppContext) {
  const { db } = ctx;

  async function view(actor: Actor, institutionId: string, leader: boolean): Promise<VisitGuide> {
    const g = await repo.findGuide(db, institutionId, actor.id);
    const shown = g && (leader || g.publishedAt !== null);
    return {
      institutionId,
      body: shown ? g.body : '',
      publishedAt: g?.publishedAt?.toISOString() ?? null,
      updatedAt: shown ? g.updatedAt.toISOString() : null,
      updatedBy:
        shown && g.updatedById && g.updatedByName !== null
          ? { id: g.updatedById, name: g.updatedByName }
          : null,
      read: !!g?.read,
    };
  }

  return {
    async get(actor: Actor, institutionId: string): Promise<VisitGuide> {
      const scope = await loadObservationScope(db, actor, institutionId);
      authorize(actor, 'observation.guide', scope);
      return view(actor, institutionId, can(actor, 'observation.configure', scope));
    },

    /**
     * Saves the body. publish=true publishes it (publishedAt moves to now unless the published body is unchanged);
     * publish=false keeps it a draft, or takes a published guide back to a draft.
     */
    async put(
      actor: Actor,
      institutionId: string,
      input: { body: string; publish: boolean },
    ): Promise<VisitGuide> {
      authorize(actor, 'observation.configure', await loadObservationScope(db, actor, institutionId));
      await db.transaction(async (tx) => {
        const before = await repo.lockGuide(tx, institutionId);
        const unchanged = before?.publishedAt && before.body === input.body;
        const publishedAt = !input.publish ? null : unchanged ? (before.publishedAt as Date) : new Date();
        await repo.upsertGuide(tx, institutionId, { body: input.body, publishedAt, updatedBy: actor.id });
        await audit(tx, actor, 'observation.guide.save', 'institution', institutionId, {
          published: input.publish,
          length: input.body.length,
        });
      });
      return view(actor, institutionId, true);
    },

    /** The person confirms reading the published guide (again is fine). */
    async markRead(actor: Actor, institutionId: string): Promise<void> {
      authorize(actor, 'observation.guide', await loadObservationScope(db, actor, institutionId));
      const g = await repo.findGuide(db, institutionId, actor.id);
      if (!g?.publishedAt) throw new AppError('observation.guide_not_published');
      await repo.recordGuideRead(db, institutionId, actor.id);
    },
  };
}
