import { sql } from 'drizzle-orm';
import type { InstitutionType } from '../../../../shared/constants.js';
import type { RoleGroup, SurveyDimension, SurveyItemKind } from '../../../../shared/survey.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';

/**
 * SQL of answering (issue 18): the invitation behind a link or code with its round and group, the round's items,
 * the used mark and the answer. No rules here (service.ts decides). The invitation is found by the digest in one
 * of two columns (tokens.ts invitationLookup); the column name is chosen from a fixed pair, never from input.
 */

export type Lookup = { column: 'token_hash' | 'code_hash'; hash: string };
const byHash = (l: Lookup) =>
  l.column === 'code_hash' ? sql`i.code_hash = ${l.hash}` : sql`i.token_hash = ${l.hash}`;

export type RoundDays = { opensOn: string; closesOn: string; closedOn: string | null };

export type FormRow = RoundDays & {
  used: boolean;
  roundId: string;
  roundName: string;
  questionnaireId: string;
  kommuneName: string;
  institutionName: string;
  institutionType: InstitutionType;
  department: string;
  roleGroup: RoleGroup;
};

/** The invitation of a link or code, with its round, group, institution and kommune (one query). */
export async function findForm(db: DbOrTx, l: Lookup): Promise<FormRow | undefined> {
  const [row] = await rows<FormRow>(
    db,
    sql`select i.used, r.id as "roundId", r.name as "roundName", r.questionnaire_id as "questionnaireId",
        r.opens_on::text as "opensOn", r.closes_on::text as "closesOn", r.closed_on::text as "closedOn",
        k.name as "kommuneName", inst.name as "institutionName",
        inst.type as "institutionType", g.department_name as department, g.role_group as "roleGroup"
      from survey_invitations i
      join survey_groups g on g.id = i.group_id
      join survey_rounds r on r.id = i.round_id
      join institutions inst on inst.id = g.institution_id
      join kommuner k on k.id = r.kommune_id
      where ${byHash(l)}`,
  );
  return row;
}

export type ItemRow = {
  id: string;
  kind: SurveyItemKind;
  dimension: SurveyDimension | null;
  textDa: string;
  textEn: string;
};

/** A questionnaire version's items in their order. */
export const questionnaireItems = (db: DbOrTx, questionnaireId: string) =>
  rows<ItemRow>(
    db,
    sql`select id, kind, dimension, text_da as "textDa", text_en as "textEn" from survey_items
      where questionnaire_id = ${questionnaireId} order by position, key`,
  );

/** A round's questionnaire version (fixed for the round's life): to check an answer before it is written. */
export async function roundVersion(db: DbOrTx, roundId: string) {
  const [row] = await rows<{ questionnaireId: string }>(
    db,
    sql`select questionnaire_id as "questionnaireId" from survey_rounds where id = ${roundId}`,
  );
  return row?.questionnaireId;
}

/** Why an answer was not taken although the round is open: no such invitation, another round's, or used. */
export async function whyNot(db: DbOrTx, l: Lookup, roundId: string) {
  const [row] = await rows<{ roundId: string; used: boolean }>(
    db,
    sql`select i.round_id as "roundId", i.used from survey_invitations i where ${byHash(l)}`,
  );
  if (!row) return 'unknown' as const;
  if (row.roundId !== roundId) return 'wrong_round' as const;
  return row.used ? ('used' as const) : ('unknown' as const);
}

export type NewAnswer = {
  roundId: string;
  answeredOn: string;
  scores: Record<SurveyDimension | 'socialCapital', number | null>;
  values: { itemId: string; value: number | null }[];
  texts: { itemId: string; text: string }[];
};

/**
 * Takes an answer in ONE statement (so one transaction, and one round trip on the hot path):
 * 1. the round's row locked `for share` — an early close (an update of the row) waits until this answer is in,
 *    and an answer after a close sees it;
 * 2. the invitation marked used, only if it is this round's, unused, and the round open on `answeredOn` (two sends
 *    of one link at once: the second waits for the first's row lock, then finds it used and changes nothing);
 * 3. only then the answer (round, group, day, scores; its id random), its values, and the open texts apart
 *    (round and group, not the answer).
 * Returns the round's days (none: no such round) and the group when the answer was taken (else null: the caller
 * finds out why). Nothing is written unless all of it is.
 */
export async function takeAnswer(db: DbOrTx, l: Lookup, a: NewAnswer) {
  const s = a.scores;
  const [row] = await rows<RoundDays & { groupId: string | null }>(
    db,
    sql`with rnd as (
        select id, opens_on, closes_on, closed_on from survey_rounds where id = ${a.roundId} for share),
      used as (
        update survey_invitations i set used = true
        from rnd
        where ${byHash(l)} and i.used = false and i.round_id = rnd.id
          and rnd.closed_on is null and ${a.answeredOn}::date between rnd.opens_on and rnd.closes_on
        returning i.group_id),
      answer as (
        insert into survey_answers
          (round_id, group_id, answered_on, tillid, kerneopgave, ledelse, involvering, social_capital, plf)
        select ${a.roundId}::uuid, used.group_id, ${a.answeredOn}::date, ${s.tillid}::real, ${s.kerneopgave}::real,
          ${s.ledelse}::real, ${s.involvering}::real, ${s.socialCapital}::real, ${s.plf}::real
        from used
        returning id, group_id),
      answer_values as (
        insert into survey_answer_values (answer_id, item_id, value)
        select answer.id, v."itemId", v.value
        from answer, jsonb_to_recordset(${JSON.stringify(a.values)}::jsonb) as v("itemId" uuid, value smallint)),
      answer_texts as (
        insert into survey_answer_texts (round_id, group_id, item_id, text)
        select ${a.roundId}::uuid, answer.group_id, t."itemId", t.text
        from answer, jsonb_to_recordset(${JSON.stringify(a.texts)}::jsonb) as t("itemId" uuid, text text))
      select rnd.opens_on::text as "opensOn", rnd.closes_on::text as "closesOn", rnd.closed_on::text as "closedOn",
        (select group_id from answer) as "groupId"
      from rnd`,
  );
  return row;
}
