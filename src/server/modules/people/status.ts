import { and, inArray, ne, sql } from 'drizzle-orm';
import { revokeSessionsOfUser } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { users } from '../../db/schema.js';
import type { DomainEvent } from '../../events/types.js';
import { AppError } from '../../http/errors.js';
import { countActiveAdministrators } from './repo.js';

/**
 * Disabling and reactivating people in bulk, for the system (a staff sync) rather than a person at the controls:
 * the same path as the people service's status change — status 'disabled' with disabled_at set, every session
 * revoked, the last active administrator guarded (person.last_administrator rolls the caller's transaction
 * back). Never deletes. Returns the events to publish once the caller's transaction has committed.
 */
export async function disablePeople(ctx: AppContext, tx: DbOrTx, userIds: string[]): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  if (!userIds.length) return events;
  const changed = await tx
    .update(users)
    .set({ status: 'disabled', disabledAt: sql`coalesce(${users.disabledAt}, now())` })
    .where(and(inArray(users.id, userIds), ne(users.status, 'disabled')))
    .returning({ id: users.id });
  for (const { id } of changed) {
    await revokeSessionsOfUser(ctx, tx, id, undefined, (e) => events.push(e));
    events.push({ type: 'person.changed', userId: id });
  }
  if ((await countActiveAdministrators(tx)) < 1) throw new AppError('person.last_administrator');
  return events;
}

/**
 * Reactivates disabled people: 'active' when they have a password (they had signed in), else 'invited' again;
 * disabled_at is cleared.
 */
export async function reactivatePeople(tx: DbOrTx, userIds: string[]): Promise<DomainEvent[]> {
  if (!userIds.length) return [];
  const changed = await tx
    .update(users)
    .set({
      status: sql`case when ${users.passwordHash} is not null then 'active' else 'invited' end::user_status`,
      disabledAt: null,
    })
    .where(and(inArray(users.id, userIds), sql`${users.status} = 'disabled'`))
    .returning({ id: users.id });
  return changed.map(({ id }) => ({ type: 'person.changed', userId: id }) as DomainEvent);
}
