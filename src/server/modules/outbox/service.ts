import type { AppContext } from '../../context.js';
import { listOutbox } from '../../mail/outbox.js';
import { type Actor, authorize } from '../../policy/index.js';

export function createOutboxService(ctx: AppContext) {
  return {
    async list(actor: Actor, opts: { limit: number; before?: Date }) {
      authorize(actor, 'outbox.read', { type: 'instance' });
      const rows = await listOutbox(ctx.db, { limit: opts.limit + 1, before: opts.before });
      const items = rows.slice(0, opts.limit);
      return {
        items,
        nextBefore: rows.length > opts.limit ? (items.at(-1)?.createdAt.toISOString() ?? null) : null,
      };
    },
  };
}
export type OutboxService = ReturnType<typeof createOutboxService>;
