import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/progression.js';
import type { DbOrTx } from '../../../db/index.js';
import { progressionDelegations, progressionGroups } from '../../../db/progression-schema.js';
import { institutions, kommuner } from '../../../db/schema.js';
import { type Actor, forvaltningKommuneIds, isLederOf, progressionCircle } from '../../../policy/index.js';
import {
  progressionGroupsReadable,
  progressionSummaryInstitutions,
} from '../../../policy/sql-progression.js';

/**
 * GET /progression/me: the groups whose grid I may open (why: class team, leader, delegated) — not archived, newest
 * school year first — the institutions whose summary I may read (and whether I set them up), and the kommuner whose
 * summary I may read (forvaltning). Lists filter with the SQL twins of the rules.
 */
export async function myProgression(db: DbOrTx, actor: Actor): Promise<z.output<typeof c.MyProgression>> {
  const groups = await db
    .select({
      id: progressionGroups.id,
      name: progressionGroups.name,
      schoolYear: progressionGroups.schoolYear,
      teamId: progressionGroups.teamId,
      institutionId: institutions.id,
      institutionName: institutions.name,
      institutionType: institutions.type,
      kommuneId: institutions.kommuneId,
      delegated: sql<boolean>`exists (select 1 from ${progressionDelegations} d
        where d.group_id = ${progressionGroups.id} and d.user_id = ${actor.id || null})`,
    })
    .from(progressionGroups)
    .innerJoin(institutions, eq(institutions.id, progressionGroups.institutionId))
    .where(and(isNull(progressionGroups.archivedAt), progressionGroupsReadable(actor)))
    .orderBy(sql`${progressionGroups.schoolYear} desc`, asc(institutions.name), asc(progressionGroups.name));
  const insts = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      type: institutions.type,
      kommuneId: institutions.kommuneId,
    })
    .from(institutions)
    .where(progressionSummaryInstitutions(actor))
    .orderBy(asc(institutions.name));
  const kommuneIds = forvaltningKommuneIds(actor);
  const komm = kommuneIds.length
    ? await db
        .select({ id: kommuner.id, name: kommuner.name })
        .from(kommuner)
        .where(inArray(kommuner.id, kommuneIds))
        .orderBy(asc(kommuner.name))
    : [];
  return {
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      schoolYear: g.schoolYear,
      institution: { id: g.institutionId, name: g.institutionName, type: g.institutionType },
      // The session's teams can lag a membership change by a moment: the list (from the database) decides.
      why:
        progressionCircle(actor, {
          institutionId: g.institutionId,
          kommuneId: g.kommuneId,
          teamId: g.teamId,
          delegated: !!g.delegated,
          showFullNames: false,
        }) ?? 'team',
    })),
    institutions: insts.map((i) => ({
      id: i.id,
      name: i.name,
      type: i.type,
      canSetUp: isLederOf(actor, i.id),
    })),
    kommuner: komm,
  };
}
