import { and, eq, sql } from 'drizzle-orm';
import { PROGRESSION_LIMITS } from '../../../shared/progression.js';
import type { DbOrTx } from '../../db/index.js';
import {
  progressionDelegations,
  progressionGroups,
  progressionSettings,
} from '../../db/progression-schema.js';
import { institutions, kommuner } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { type Action, type Actor, authorize, type ProgressionGroupResource } from '../../policy/index.js';

/**
 * The policy views of a progression group, an institution and a kommune (issue 17 part 2), loaded in one round
 * trip each and authorized: every service of the progression module goes through these before it reads or writes
 * anything. A group the actor may not know of is progression.group_not_found, like one that does not exist.
 */

export type InstitutionType = (typeof institutions.$inferSelect)['type'];

export type ProgressionInstitution = {
  id: string;
  name: string;
  type: InstitutionType;
  kommuneId: string;
  showFullNames: boolean;
  retentionMonths: number;
};

export type ProgressionGroupRow = {
  id: string;
  name: string;
  schoolYear: number;
  teamId: string | null;
  grade: number | null;
  ageBand: string | null;
  archivedAt: Date | null;
  institution: ProgressionInstitution;
  resource: ProgressionGroupResource;
};

const settingsColumns = {
  showFullNames: sql<boolean>`coalesce(${progressionSettings.showFullNames}, false)`,
  retentionMonths: sql<number>`coalesce(${progressionSettings.retentionMonths}, ${PROGRESSION_LIMITS.retentionMonths.default})::int`,
};

/**
 * The group, after `action` is allowed on it. `forUpdate` locks the group row (inside a transaction): every write
 * of a status takes it, so the group's totals are recomputed one writer at a time.
 */
export async function loadGroup(
  db: DbOrTx,
  actor: Actor,
  groupId: string,
  action: Action,
  opts: { forUpdate?: boolean } = {},
): Promise<ProgressionGroupRow> {
  const q = db
    .select({
      group: progressionGroups,
      institutionName: institutions.name,
      institutionType: institutions.type,
      kommuneId: institutions.kommuneId,
      ...settingsColumns,
      delegated: sql<boolean>`${progressionDelegations.userId} is not null`,
    })
    .from(progressionGroups)
    .innerJoin(institutions, eq(institutions.id, progressionGroups.institutionId))
    .leftJoin(progressionSettings, eq(progressionSettings.institutionId, progressionGroups.institutionId))
    .leftJoin(
      progressionDelegations,
      and(
        eq(progressionDelegations.groupId, progressionGroups.id),
        eq(progressionDelegations.userId, actor.id || '00000000-0000-0000-0000-000000000000'),
      ),
    )
    .where(eq(progressionGroups.id, groupId));
  const [row] = opts.forUpdate ? await q.for('update', { of: progressionGroups }) : await q;
  if (!row) throw new AppError('progression.group_not_found');
  const g = row.group;
  const resource: ProgressionGroupResource = {
    type: 'progression_group',
    id: g.id,
    institutionId: g.institutionId,
    kommuneId: row.kommuneId,
    teamId: g.teamId,
    delegated: !!row.delegated,
    showFullNames: !!row.showFullNames,
  };
  authorize(actor, action, resource);
  return {
    id: g.id,
    name: g.name,
    schoolYear: g.schoolYear,
    teamId: g.teamId,
    grade: g.grade,
    ageBand: g.ageBand,
    archivedAt: g.archivedAt,
    institution: {
      id: g.institutionId,
      name: row.institutionName,
      type: row.institutionType,
      kommuneId: row.kommuneId,
      showFullNames: !!row.showFullNames,
      retentionMonths: Number(row.retentionMonths),
    },
    resource,
  };
}

/** The institution with its progression settings, after `action` ('progression.setup', '….summary.institution'). */
export async function loadInstitution(
  db: DbOrTx,
  actor: Actor,
  institutionId: string,
  action: Action,
): Promise<ProgressionInstitution> {
  const [row] = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      type: institutions.type,
      kommuneId: institutions.kommuneId,
      ...settingsColumns,
    })
    .from(institutions)
    .leftJoin(progressionSettings, eq(progressionSettings.institutionId, institutions.id))
    .where(eq(institutions.id, institutionId));
  if (!row) throw new AppError('institution.not_found');
  authorize(actor, action, { type: 'institution', id: row.id, kommuneId: row.kommuneId });
  return { ...row, showFullNames: !!row.showFullNames, retentionMonths: Number(row.retentionMonths) };
}

/** The kommune, after `action` ('progression.summary.kommune'). */
export async function loadKommune(
  db: DbOrTx,
  actor: Actor,
  kommuneId: string,
  action: Action,
): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select({ id: kommuner.id, name: kommuner.name })
    .from(kommuner)
    .where(eq(kommuner.id, kommuneId));
  if (!row) throw new AppError('kommune.not_found');
  authorize(actor, action, { type: 'kommune', id: row.id });
  return row;
}
