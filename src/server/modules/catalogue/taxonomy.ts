import type { TermKind } from '../../../shared/catalogue.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { isUniqueViolation } from '../../db/rows.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, can } from '../../policy/index.js';
import { audit } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import { lockMethod, mergeMethodDemand, methodHasTraining } from '../training/index.js';
import * as repo from './repo.js';

/** The taxonomy is small; lists return it whole, up to this many terms. */
export const MAX_TERMS = 2000;

const MANAGE = { type: 'instance' } as const;

/** A concurrent add or rename hit the unique index on (kind, lower(label)): the same answer as the check. */
function duplicateOnRace(err: unknown): never {
  if (isUniqueViolation(err)) throw new AppError('taxonomy.duplicate');
  throw err;
}

/** Only editors see how many videos use a term: a count over every video would tell others about private ones. */
function present(actor: Actor, t: repo.TermRow) {
  return can(actor, 'taxonomy.manage', MANAGE) ? t : { id: t.id, kind: t.kind, label: t.label };
}

/**
 * The taxonomy of subjects and method tags (V1). Everyone signed in reads it (for pickers); editors add, rename,
 * merge and delete terms. Renames and merges refresh the search documents of every video that uses the term.
 */
export function createTaxonomyService(ctx: AppContext) {
  const { db } = ctx;

  async function loadTerm(tx: DbOrTx, id: string) {
    const t = await repo.getTerm(tx, id);
    if (!t) throw new AppError('taxonomy.not_found');
    return t;
  }

  async function unique(tx: DbOrTx, kind: TermKind, label: string, except?: string) {
    const found = await repo.findTermByLabel(tx, kind, label);
    if (found && found.id !== except) throw new AppError('taxonomy.duplicate');
  }

  return {
    async list(actor: Actor, kind?: TermKind) {
      const rows = await repo.listTerms(db, kind, MAX_TERMS);
      return { items: rows.map((t) => present(actor, t)) };
    },

    async create(actor: Actor, v: { kind: TermKind; label: string }) {
      authorize(actor, 'taxonomy.manage', MANAGE);
      const id = await db
        .transaction(async (tx) => {
          await unique(tx, v.kind, v.label);
          const made = await repo.insertTerm(tx, v.kind, v.label);
          await audit(tx, actor, 'taxonomy.create', 'taxonomy_term', made, v);
          return made;
        })
        .catch(duplicateOnRace);
      return present(actor, await loadTerm(db, id));
    },

    async rename(actor: Actor, id: string, label: string) {
      authorize(actor, 'taxonomy.manage', MANAGE);
      await db
        .transaction(async (tx) => {
          const t = await loadTerm(tx, id);
          if (t.label === label) return;
          await unique(tx, t.kind, label, id);
          await repo.renameTerm(tx, id, label);
          await refreshSearchDocuments(tx, await repo.videosUsingTerm(tx, id));
          await audit(tx, actor, 'taxonomy.rename', 'taxonomy_term', id, { from: t.label, to: label });
        })
        .catch(duplicateOnRace);
      ctx.events.publish({ type: 'catalogue.changed' });
      return present(actor, await loadTerm(db, id));
    },

    /** Merges term `id` into `intoId`: every link moves to the kept term (none lost, no duplicates); `id` goes. */
    async merge(actor: Actor, id: string, intoId: string) {
      authorize(actor, 'taxonomy.manage', MANAGE);
      if (id === intoId) throw new AppError('taxonomy.merge_invalid');
      await db.transaction(async (tx) => {
        const from = await loadTerm(tx, id);
        const into = await loadTerm(tx, intoId);
        if (from.kind !== into.kind) throw new AppError('taxonomy.merge_invalid');
        // Training requests, courses and coverage move to the kept method (V7) before the term goes.
        if (from.kind === 'method') await mergeMethodDemand(tx, id, intoId);
        const affected = await repo.videosUsingTerm(tx, id);
        const moved = await repo.mergeTerm(tx, id, intoId);
        await refreshSearchDocuments(tx, affected);
        await audit(tx, actor, 'taxonomy.merge', 'taxonomy_term', intoId, {
          merged: { id, label: from.label },
          into: { id: intoId, label: into.label },
          videos: affected.length,
          ...moved,
        });
      });
      ctx.events.publish({ type: 'catalogue.changed' });
      return present(actor, await loadTerm(db, intoId));
    },

    /** Deletes a term no video uses and nobody asked training in; a term in use is merged instead. */
    async remove(actor: Actor, id: string) {
      authorize(actor, 'taxonomy.manage', MANAGE);
      await db.transaction(async (tx) => {
        const t = await loadTerm(tx, id);
        // The method's lock keeps a request from slipping in between the check and the delete.
        if (t.kind === 'method' && (await lockMethod(tx, id)) && (await methodHasTraining(tx, id)))
          throw new AppError('taxonomy.in_use');
        if (!(await repo.deleteUnusedTerm(tx, id))) throw new AppError('taxonomy.in_use');
        await audit(tx, actor, 'taxonomy.delete', 'taxonomy_term', id, { kind: t.kind, label: t.label });
      });
    },
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
