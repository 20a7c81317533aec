import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RoleGroup } from '../../../../shared/survey.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { institutions } from '../../../db/schema.js';
import { surveyQuestionnaires, surveyRoundInstitutions, surveyRounds } from '../../../db/survey-schema.js';

/** A round as the services read it: its row, its questionnaire's name and version, and its institutions. */
export type RoundRow = typeof surveyRounds.$inferSelect & {
  questionnaire: { id: string; nameDa: string; nameEn: string; version: number };
  institutions: { id: string; name: string }[];
};

const roundColumns = {
  round: surveyRounds,
  qId: surveyQuestionnaires.id,
  qNameDa: surveyQuestionnaires.nameDa,
  qNameEn: surveyQuestionnaires.nameEn,
  qVersion: surveyQuestionnaires.version,
};

/** Rounds by id, or a kommune's, or those that asked an institution; newest first, with their institutions. */
export async function loadRounds(
  db: DbOrTx,
  where: { ids: string[] } | { kommuneId: string } | { institutionId: string },
  opts: { forUpdate?: boolean; limit?: number } = {},
): Promise<RoundRow[]> {
  const filter =
    'ids' in where
      ? inArray(surveyRounds.id, where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000'])
      : 'kommuneId' in where
        ? eq(surveyRounds.kommuneId, where.kommuneId)
        : inArray(
            surveyRounds.id,
            db
              .select({ id: surveyRoundInstitutions.roundId })
              .from(surveyRoundInstitutions)
              .where(eq(surveyRoundInstitutions.institutionId, where.institutionId)),
          );
  let q = db
    .select(roundColumns)
    .from(surveyRounds)
    .innerJoin(surveyQuestionnaires, eq(surveyQuestionnaires.id, surveyRounds.questionnaireId))
    .where(filter)
    .orderBy(sql`${surveyRounds.opensOn} desc, ${surveyRounds.createdAt} desc, ${surveyRounds.id}`)
    .limit(opts.limit ?? 200)
    .$dynamic();
  if (opts.forUpdate) q = q.for('update', { of: surveyRounds });
  const found = await q;
  if (found.length === 0) return [];
  const asked = await db
    .select({
      roundId: surveyRoundInstitutions.roundId,
      id: institutions.id,
      name: institutions.name,
    })
    .from(surveyRoundInstitutions)
    .innerJoin(institutions, eq(institutions.id, surveyRoundInstitutions.institutionId))
    .where(
      inArray(
        surveyRoundInstitutions.roundId,
        found.map((f) => f.round.id),
      ),
    )
    .orderBy(institutions.name, institutions.id);
  return found.map((f) => ({
    ...f.round,
    questionnaire: { id: f.qId, nameDa: f.qNameDa, nameEn: f.qNameEn, version: f.qVersion },
    institutions: asked.filter((a) => a.roundId === f.round.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** Per group of these rounds: where it is, how many were invited and how many answered. */
export type GroupCount = {
  round_id: string;
  group_id: string;
  institution_id: string;
  institution_name: string;
  department_name: string;
  role_group: RoleGroup;
  invited: number;
  answered: number;
};

export async function groupCounts(db: DbOrTx, roundIds: string[]): Promise<GroupCount[]> {
  if (roundIds.length === 0) return [];
  return rows<GroupCount>(
    db,
    sql`select g.round_id, g.id as group_id, g.institution_id, i.name as institution_name, g.department_name,
          g.role_group, g.invited, coalesce(a.n, 0)::int as answered
        from survey_groups g
        join institutions i on i.id = g.institution_id
        left join (select group_id, count(*)::int as n from survey_answers
                   where round_id in (${sql.join(
                     roundIds.map((r) => sql`${r}::uuid`),
                     sql`, `,
                   )}) group by group_id) a on a.group_id = g.id
        where g.round_id in (${sql.join(
          roundIds.map((r) => sql`${r}::uuid`),
          sql`, `,
        )})
        order by i.name, g.institution_id, g.department_name, g.role_group`,
  );
}

/** Invitations not reached by e-mail or a printed code yet, in these institutions of a round. */
export async function unsentInvitations(db: DbOrTx, roundId: string, institutionIds: string[] | 'all') {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from survey_invitations v join survey_groups g on g.id = v.group_id
        where v.round_id = ${roundId} and v.emailed_at is null and v.printed_at is null
          ${
            institutionIds === 'all'
              ? sql``
              : institutionIds.length
                ? sql`and g.institution_id in (${sql.join(
                    institutionIds.map((i) => sql`${i}::uuid`),
                    sql`, `,
                  )})`
                : sql`and false`
          }`,
  );
  return r?.n ?? 0;
}

/** Which of these institutions belong to the kommune. */
export async function kommuneInstitutions(db: DbOrTx, kommuneId: string, ids: string[]) {
  return db
    .select({ id: institutions.id, kommuneId: institutions.kommuneId })
    .from(institutions)
    .where(and(eq(institutions.kommuneId, kommuneId), inArray(institutions.id, ids)));
}

export async function institutionRef(db: DbOrTx, id: string) {
  const [i] = await db
    .select({ id: institutions.id, kommuneId: institutions.kommuneId, name: institutions.name })
    .from(institutions)
    .where(eq(institutions.id, id));
  return i ?? null;
}
