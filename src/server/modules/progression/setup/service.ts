import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/progression.js';
import type { ErrorCode } from '../../../../shared/errors.js';
import { DEFAULT_AREAS, PROGRESSION_LIMITS as L, schoolYearOf } from '../../../../shared/progression.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { progressionAreas, progressionGroups, progressionPeriods } from '../../../db/progression-schema.js';
import { isUniqueViolation } from '../../../db/rows.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadInstitution } from '../resource.js';
import * as repo from './repo.js';

/**
 * Progression setup (issue 17 part 2): the institution's leders set whether full names are kept and for how long
 * per-child rows are kept, the areas (the defaults of the institution's kind come on first read), the assessment
 * periods, the groups (class team, klassetrin / aldersgruppe) and which ressourcepersoner are delegated to a group.
 * Something with recorded data is archived, not deleted. An area, period or group of an institution the actor
 * does not lead answers its not_found code (404), like one that does not exist.
 */

type In<T extends z.ZodType> = z.output<T>;

const area = (a: { id: string; name: string; position: number; archivedAt: Date | null }) => ({
  id: a.id,
  name: a.name,
  position: a.position,
  archived: a.archivedAt !== null,
});
const period = (p: { id: string; name: string; schoolYear: number; startsOn: string; endsOn: string }) => ({
  id: p.id,
  name: p.name,
  schoolYear: p.schoolYear,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
});

/** A unique violation on a name becomes progression.name_taken. */
async function named<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('progression.name_taken');
    throw err;
  }
}

/** The period's school year, when its dates are in order and within one school year (1 August – 31 July). */
function periodYear(startsOn: string, endsOn: string): number {
  const year = schoolYearOf(startsOn);
  if (endsOn < startsOn || schoolYearOf(endsOn) !== year) throw new AppError('progression.period_dates');
  return year;
}

export function createSetupService(ctx: AppContext) {
  const db = ctx.db;

  /** Leads the institution of a thing (area, period, group), else that thing's not_found (404). */
  function leads<T extends { institutionId: string; kommuneId: string }>(
    actor: Actor,
    row: T | undefined,
    missing: ErrorCode,
  ): T {
    if (
      !row ||
      !can(actor, 'progression.setup', {
        type: 'institution',
        id: row.institutionId,
        kommuneId: row.kommuneId,
      })
    )
      throw new AppError(missing);
    return row;
  }

  async function read(
    tx: DbOrTx,
    actor: Actor,
    institutionId: string,
  ): Promise<In<typeof c.ProgressionSetup>> {
    const inst = await loadInstitution(tx, actor, institutionId, 'progression.setup');
    await repo.ensureAreas(tx, inst.id, DEFAULT_AREAS[wordKind(inst.type)]);
    // One query after another: inside a transaction they share one connection.
    const areas = await repo.listAreas(tx, inst.id);
    const periods = await repo.listPeriods(tx, inst.id);
    const groups = await repo.listGroups(tx, { institutionId: inst.id });
    const resourcePersons = await repo.resourcePersons(tx, inst.id);
    return {
      institution: { id: inst.id, name: inst.name, type: inst.type },
      settings: { showFullNames: inst.showFullNames, retentionMonths: inst.retentionMonths },
      areas: areas.map(area),
      periods: periods.map(period),
      groups,
      resourcePersons,
    };
  }

  async function groupAnswer(tx: DbOrTx, id: string) {
    const [g] = await repo.listGroups(tx, { ids: [id] });
    return g;
  }

  return {
    get: (actor: Actor, institutionId: string) => read(db, actor, institutionId),

    /** Turning full names off erases every stored full name of the institution's children at once. */
    updateSettings: (actor: Actor, institutionId: string, v: In<typeof c.ProgressionSettingsUpdate>) =>
      db.transaction(async (tx) => {
        const inst = await loadInstitution(tx, actor, institutionId, 'progression.setup');
        await repo.upsertSettings(tx, inst.id, v);
        const erased = v.showFullNames ? 0 : await repo.eraseFullNames(tx, inst.id);
        await audit(tx, actor, 'progression.settings', 'institution', inst.id, { ...v, erasedNames: erased });
        return read(tx, actor, inst.id);
      }),

    createArea: (actor: Actor, institutionId: string, v: In<typeof c.AreaCreate>) =>
      db.transaction(async (tx) => {
        const inst = await loadInstitution(tx, actor, institutionId, 'progression.setup');
        await repo.ensureAreas(tx, inst.id, DEFAULT_AREAS[wordKind(inst.type)]);
        const next = await repo.nextAreaPosition(tx, inst.id);
        if (next.count >= L.areas) throw new AppError('progression.too_many');
        const [row] = await named(() =>
          tx
            .insert(progressionAreas)
            .values({ institutionId: inst.id, name: v.name, position: next.position })
            .returning(),
        );
        return area(row);
      }),

    updateArea: (actor: Actor, id: string, v: In<typeof c.AreaUpdate>) =>
      db.transaction(async (tx) => {
        const a = leads(actor, await repo.areaById(tx, id), 'progression.area_not_found');
        const set: Partial<typeof progressionAreas.$inferInsert> = {};
        if (v.name !== undefined) set.name = v.name;
        if (v.position !== undefined) set.position = v.position;
        if (v.archived !== undefined) set.archivedAt = v.archived ? (a.archivedAt ?? new Date()) : null;
        if (!Object.keys(set).length) return area(a);
        const [row] = await named(() =>
          tx.update(progressionAreas).set(set).where(eq(progressionAreas.id, id)).returning(),
        );
        return area(row);
      }),

    deleteArea: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        leads(actor, await repo.areaById(tx, id), 'progression.area_not_found');
        if (await repo.areaInUse(tx, id)) throw new AppError('progression.in_use');
        await tx.delete(progressionAreas).where(eq(progressionAreas.id, id));
      }),

    createPeriod: (actor: Actor, institutionId: string, v: In<typeof c.PeriodCreate>) =>
      db.transaction(async (tx) => {
        const inst = await loadInstitution(tx, actor, institutionId, 'progression.setup');
        const schoolYear = periodYear(v.startsOn, v.endsOn);
        if ((await repo.periodsInYear(tx, inst.id, schoolYear)) >= L.periodsPerYear)
          throw new AppError('progression.too_many');
        const [row] = await named(() =>
          tx
            .insert(progressionPeriods)
            .values({
              institutionId: inst.id,
              name: v.name,
              schoolYear,
              startsOn: v.startsOn,
              endsOn: v.endsOn,
            })
            .returning(),
        );
        return period(row);
      }),

    /** New dates must stay in the period's school year once statuses are recorded in it. */
    updatePeriod: (actor: Actor, id: string, v: In<typeof c.PeriodUpdate>) =>
      db.transaction(async (tx) => {
        const p = leads(actor, await repo.periodById(tx, id), 'progression.period_not_found');
        const startsOn = v.startsOn ?? p.startsOn;
        const endsOn = v.endsOn ?? p.endsOn;
        const schoolYear = periodYear(startsOn, endsOn);
        if (schoolYear !== p.schoolYear) {
          if (await repo.periodInUse(tx, id)) throw new AppError('progression.in_use');
          if ((await repo.periodsInYear(tx, p.institutionId, schoolYear)) >= L.periodsPerYear)
            throw new AppError('progression.too_many');
        }
        const [row] = await named(() =>
          tx
            .update(progressionPeriods)
            .set({ name: v.name ?? p.name, startsOn, endsOn, schoolYear })
            .where(eq(progressionPeriods.id, id))
            .returning(),
        );
        return period(row);
      }),

    deletePeriod: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        leads(actor, await repo.periodById(tx, id), 'progression.period_not_found');
        if (await repo.periodInUse(tx, id)) throw new AppError('progression.in_use');
        await tx.delete(progressionPeriods).where(eq(progressionPeriods.id, id));
      }),

    createGroup: (actor: Actor, institutionId: string, v: In<typeof c.GroupCreate>) =>
      db.transaction(async (tx) => {
        const inst = await loadInstitution(tx, actor, institutionId, 'progression.setup');
        if (v.teamId && !(await repo.teamAt(tx, inst.id, v.teamId)))
          throw new AppError('progression.team_elsewhere');
        const [row] = await named(() =>
          tx
            .insert(progressionGroups)
            .values({
              institutionId: inst.id,
              name: v.name,
              schoolYear: v.schoolYear,
              teamId: v.teamId,
              grade: v.grade,
              ageBand: v.ageBand,
            })
            .returning({ id: progressionGroups.id }),
        );
        await audit(tx, actor, 'progression.group.create', 'progression_group', row.id, { teamId: v.teamId });
        return groupAnswer(tx, row.id);
      }),

    updateGroup: (actor: Actor, id: string, v: In<typeof c.GroupUpdate>) =>
      db.transaction(async (tx) => {
        const g = leads(actor, await repo.groupById(tx, id), 'progression.group_not_found');
        if (v.teamId && !(await repo.teamAt(tx, g.institutionId, v.teamId)))
          throw new AppError('progression.team_elsewhere');
        const set: Partial<typeof progressionGroups.$inferInsert> = {};
        if (v.name !== undefined) set.name = v.name;
        if (v.teamId !== undefined) set.teamId = v.teamId;
        if (v.grade !== undefined) set.grade = v.grade;
        if (v.ageBand !== undefined) set.ageBand = v.ageBand;
        if (v.archived !== undefined) set.archivedAt = v.archived ? new Date() : null;
        if (Object.keys(set).length) {
          await named(() => tx.update(progressionGroups).set(set).where(eq(progressionGroups.id, id)));
          if (v.teamId !== undefined)
            await audit(tx, actor, 'progression.group.team', 'progression_group', id, { teamId: v.teamId });
        }
        return groupAnswer(tx, id);
      }),

    deleteGroup: (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        leads(actor, await repo.groupById(tx, id), 'progression.group_not_found');
        if (await repo.groupInUse(tx, id)) throw new AppError('progression.in_use');
        await tx.delete(progressionGroups).where(eq(progressionGroups.id, id));
      }),

    /** Only the institution's ressourcepersoner (active, holding the role) may be delegated; else 400. */
    putDelegations: (actor: Actor, groupId: string, v: In<typeof c.DelegationsUpdate>) =>
      db.transaction(async (tx) => {
        const g = leads(actor, await repo.groupById(tx, groupId), 'progression.group_not_found');
        const allowed = new Set((await repo.resourcePersons(tx, g.institutionId)).map((p) => p.id));
        const userIds = [...new Set(v.userIds)];
        if (userIds.some((u) => !allowed.has(u))) throw new AppError('progression.not_delegable');
        await repo.replaceDelegations(tx, groupId, userIds, actor.id);
        await audit(tx, actor, 'progression.delegations', 'progression_group', groupId, { userIds });
        return groupAnswer(tx, groupId);
      }),
  };
}
