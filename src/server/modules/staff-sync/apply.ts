import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import type { DomainEvent } from '../../events/types.js';
import { disablePeople, reactivatePeople } from '../people/index.js';
import * as repo from './repo.js';

/**
 * What a source may do to a person, shared by CSV runs and SCIM: a person is the source's alone when every grant
 * they hold is an institution grant inside its scope. Such a person is disabled when they leave; someone who
 * also works elsewhere (or holds a kommune or global role) only loses the scope's grants and teams.
 */

export type Scope = { institutionIds: Set<string> };
export type SourceRef = { id: string; name: string };

export async function ownedBySource(db: DbOrTx, scope: Scope, userIds: string[]) {
  const grants = await repo.grantsOfUsers(db, userIds);
  const elsewhere = new Set<string>();
  for (const g of grants)
    if (!g.institutionId || !scope.institutionIds.has(g.institutionId)) elsewhere.add(g.userId);
  return new Set(userIds.filter((id) => !elsewhere.has(id)));
}

/** Deactivates people who left the source: see above. Audited per person; returns events to publish after commit. */
export async function deactivate(
  ctx: AppContext,
  tx: DbOrTx,
  source: SourceRef,
  scope: Scope,
  userIds: string[],
  extra: (userId: string) => Record<string, unknown> = () => ({}),
): Promise<DomainEvent[]> {
  if (!userIds.length) return [];
  const owned = await ownedBySource(tx, scope, userIds);
  const shared = userIds.filter((id) => !owned.has(id));
  const events = await disablePeople(ctx, tx, [...owned]);
  await repo.removeFromInstitutions(tx, shared, [...scope.institutionIds]);
  for (const id of shared) events.push({ type: 'person.changed', userId: id });
  await repo.markDeactivated(tx, source.id, userIds);
  await repo.insertAuditEntries(
    tx,
    userIds.map((id) => ({
      action: owned.has(id) ? 'staff_sync.deactivate' : 'staff_sync.remove_from_scope',
      subjectType: 'person',
      subjectId: id,
      details: { source: source.id, sourceName: source.name, ...extra(id) },
    })),
  );
  return events;
}

export async function reactivate(tx: DbOrTx, source: SourceRef, userIds: string[]) {
  if (!userIds.length) return [];
  const events = await reactivatePeople(tx, userIds);
  await repo.insertAuditEntries(
    tx,
    events.map((e) => ({
      action: 'staff_sync.reactivate',
      subjectType: 'person',
      subjectId: 'userId' in e ? e.userId : null,
      details: { source: source.id, sourceName: source.name },
    })),
  );
  return events;
}

export async function scopeOfSource(db: DbOrTx, source: { id: string; kommuneId: string | null }) {
  const institutions = await repo.scopeInstitutions(db, source);
  return { institutions, scope: { institutionIds: new Set(institutions.map((i) => i.id)) } };
}
