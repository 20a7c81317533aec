import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import {
  observationObservers,
  observationVisitGuests,
  observationVisits,
} from '../../db/observation-schema.js';
import { institutions, roleGrants } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Actor, ObservationResource, VisitResource } from '../../policy/index.js';

/**
 * The policy views of observation (see policy/types): an institution with whether the actor was delegated visits
 * there, and a visit with its people and whether its observer may still observe. One round trip each.
 */

/** Throws institution.not_found when there is no such institution. */
export async function loadObservationScope(
  db: DbOrTx,
  actor: Actor,
  institutionId: string,
): Promise<ObservationResource> {
  const [row] = await db
    .select({
      kommuneId: institutions.kommuneId,
      delegated: sql<boolean>`exists (select 1 from ${observationObservers} o
        where o.institution_id = ${institutions.id} and o.user_id = ${actor.id || null})`,
    })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  if (!row) throw new AppError('institution.not_found');
  return { type: 'observation', institutionId, kommuneId: row.kommuneId, delegated: row.delegated };
}

/** The visit's id, always qualified (inside correlated subqueries an unqualified "id" is ambiguous). */
const visitId = sql`${observationVisits}."id"`;

/**
 * Throws observation.visit_not_found when there is no such visit. Pass `forUpdate` inside a transaction to lock
 * the visit row (syncing, agreeing on the next step).
 */
export async function loadVisitResource(
  db: DbOrTx,
  visitIdParam: string,
  opts: { forUpdate?: boolean } = {},
): Promise<VisitResource> {
  const v = observationVisits;
  const q = db
    .select({
      id: v.id,
      kind: v.kind,
      status: v.status,
      institutionId: v.institutionId,
      kommuneId: institutions.kommuneId,
      teacherId: v.teacherId,
      observerId: v.observerId,
      flag: v.flag,
      guestIds: sql<
        string[]
      >`array(select g.user_id from ${observationVisitGuests} g where g.visit_id = ${visitId})`,
      observerMayObserve: sql<boolean>`(
        exists (select 1 from ${roleGrants} rg where rg.user_id = ${v.observerId}
                and rg.institution_id = ${v.institutionId} and rg.role = 'leder')
        or (exists (select 1 from ${observationObservers} o where o.user_id = ${v.observerId}
                    and o.institution_id = ${v.institutionId})
            and exists (select 1 from ${roleGrants} rg where rg.user_id = ${v.observerId}
                        and rg.institution_id = ${v.institutionId})))`,
    })
    .from(v)
    .innerJoin(institutions, eq(institutions.id, v.institutionId))
    .where(and(eq(v.id, visitIdParam)));
  const [row] = opts.forUpdate ? await q.for('update', { of: v }) : await q;
  if (!row) throw new AppError('observation.visit_not_found');
  return { type: 'visit', ...row };
}
