import { eq } from 'drizzle-orm';
import { wordKind } from '../../../../shared/vocabulary.js';
import type { DbOrTx } from '../../../db/index.js';
import { observationVisits } from '../../../db/observation-schema.js';
import { institutions, users } from '../../../db/schema.js';
import { notifyMany } from '../../notifications/index.js';

/**
 * Notifications about visits (I3). They carry who acted, the visit's date, its id for the link and the words of
 * its institution (`words`: skole, dagtilbud or klub) — never
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
  // The sentence speaks the words of the visit's institution ("et besøg i dit læringsmiljø" in a dagtilbud).
  const [place] = await db
    .select({ type: institutions.type })
    .from(observationVisits)
    .innerJoin(institutions, eq(institutions.id, observationVisits.institutionId))
    .where(eq(observationVisits.id, visit.id));
  const payload = {
    visitId: visit.id,
    plannedFor: visit.plannedFor,
    authorName: author?.name ?? '',
    words: wordKind(place?.type),
  };
  await notifyMany(
    db,
    to.map((userId) => ({ userId, kind, payload })),
  );
}
