import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { users } from '../../../db/schema.js';
import { notifyMany } from '../../notifications/index.js';

/**
 * Notifications about visits (I3). They carry who acted, the visit's date and its id for the link — never
 * anything recorded in the lesson. Call inside the transaction of the change; every recipient sees the visit.
 */
export type VisitNotificationKind =
  | 'observation.visit_planned'
  | 'observation.visit_recorded'
  | 'observation.next_step'
  | 'observation.self_invited';

export async function notifyAboutVisit(
  db: DbOrTx,
  kind: VisitNotificationKind,
  visit: { id: string; plannedFor: string },
  actorId: string,
  recipients: (string | null)[],
): Promise<void> {
  const to = [...new Set(recipients.filter((id): id is string => !!id && id !== actorId))];
  if (to.length === 0) return;
  const [author] = await db.select({ name: users.name }).from(users).where(eq(users.id, actorId));
  const payload = { visitId: visit.id, plannedFor: visit.plannedFor, authorName: author?.name ?? '' };
  await notifyMany(
    db,
    to.map((userId) => ({ userId, kind, payload })),
  );
}
