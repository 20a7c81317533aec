import { and, asc, desc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { institutions, kommuner } from '../../../db/schema.js';
import {
  surveyAnswers as a,
  surveyGroups as g,
  surveyQuestionnaires as q,
  surveyRounds as r,
  surveyRoundInstitutions as ri,
  surveyAnswerTexts,
  surveyItems,
} from '../../../db/survey-schema.js';
import type { GroupSums, ItemSums } from './figures.js';

/**
 * SQL only (issue 18, results and analysis): rounds, their groups, and per-group aggregates — sums and counts per
 * group (and per group × question) computed in SQL, never one row per answer into JS. No rules here.
 */

export type RoundRow = {
  id: string;
  kommuneId: string;
  kommuneName: string;
  name: string;
  opensOn: string;
  closesOn: string;
  closedOn: string | null;
  minGroup: number;
  version: number;
  questionnaireId: string;
  questionnaireName: string;
  questionnaireVersion: number;
  institutionIds: string[];
  invited: number;
  /** Answers of the institutions shown only (see below). */
  answered: number;
};

const roundColumns = {
  id: r.id,
  kommuneId: r.kommuneId,
  kommuneName: kommuner.name,
  name: r.name,
  opensOn: r.opensOn,
  closesOn: r.closesOn,
  closedOn: r.closedOn,
  minGroup: r.minGroup,
  version: r.version,
  questionnaireId: r.questionnaireId,
  questionnaireName: q.nameDa,
  questionnaireVersion: q.version,
  institutionIds: sql<
    string[]
  >`coalesce((select array_agg(x.institution_id::text order by x.institution_id) from ${ri} x where x.round_id = ${r.id}), '{}')`,
  invited: sql<number>`coalesce((select sum(y.invited) from ${g} y where y.round_id = ${r.id}), 0)::int`,
  // The answers of institutions shown (at least the round's minimum each) only: the kommune line's count, and the
  // rounds list's (rounds/response.ts roundAnswered) — never a withheld institution's by difference (ADR 0010).
  answered: sql<number>`coalesce((select sum(t.n) from (select count(*) as n from ${a} z
      join ${g} y on y.id = z.group_id where z.round_id = ${r.id} group by y.institution_id) t
      where t.n >= ${r.minGroup}), 0)::int`,
};

const roundsFrom = (db: DbOrTx) =>
  db
    .select(roundColumns)
    .from(r)
    .innerJoin(kommuner, eq(kommuner.id, r.kommuneId))
    .innerJoin(q, eq(q.id, r.questionnaireId));

export async function round(db: DbOrTx, id: string): Promise<RoundRow | undefined> {
  const [row] = await roundsFrom(db).where(eq(r.id, id));
  return row;
}

/** A round is closed when closed early or its last day is before `today` (a Danish day, YYYY-MM-DD). */
const closedBy = (today: string) => or(isNotNull(r.closedOn), sql`${r.closesOn} < ${today}`);

/** The kommune's closed rounds that opened on or before `upTo` (all when absent), newest first, at most `limit`. */
export async function closedRounds(
  db: DbOrTx,
  kommuneId: string,
  today: string,
  opts: { upTo?: string; limit: number },
): Promise<RoundRow[]> {
  return roundsFrom(db)
    .where(
      and(eq(r.kommuneId, kommuneId), closedBy(today), opts.upTo ? lte(r.opensOn, opts.upTo) : undefined),
    )
    .orderBy(desc(r.opensOn), desc(r.createdAt))
    .limit(opts.limit);
}

/** The closed rounds that asked the institution, newest first, at most `limit`. */
export async function closedRoundsOf(
  db: DbOrTx,
  institutionId: string,
  today: string,
  limit: number,
): Promise<RoundRow[]> {
  return roundsFrom(db)
    .where(
      and(
        closedBy(today),
        sql`exists (select 1 from ${ri} x where x.round_id = ${r.id} and x.institution_id = ${institutionId})`,
      ),
    )
    .orderBy(desc(r.opensOn), desc(r.createdAt))
    .limit(limit);
}

export async function kommune(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: kommuner.id, name: kommuner.name })
    .from(kommuner)
    .where(eq(kommuner.id, id));
  return row;
}

export async function institution(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: institutions.id, name: institutions.name, kommuneId: institutions.kommuneId })
    .from(institutions)
    .where(eq(institutions.id, id));
  return row;
}

export async function institutionNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const found = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(inArray(institutions.id, ids));
  return new Map(found.map((x) => [x.id, x.name]));
}

export type GroupRow = {
  id: string;
  roundId: string;
  institutionId: string;
  department: string;
  roleGroup: 'medarbejder' | 'leder';
  invited: number;
};

/** The groups of the rounds (of one institution when given). */
export async function groups(db: DbOrTx, roundIds: string[], institutionId?: string): Promise<GroupRow[]> {
  if (!roundIds.length) return [];
  return db
    .select({
      id: g.id,
      roundId: g.roundId,
      institutionId: g.institutionId,
      department: g.departmentName,
      roleGroup: g.roleGroup,
      invited: g.invited,
    })
    .from(g)
    .where(and(inArray(g.roundId, roundIds), institutionId ? eq(g.institutionId, institutionId) : undefined))
    .orderBy(asc(g.institutionId), asc(g.departmentName), asc(g.roleGroup));
}

type SumsRow = {
  group_id: string;
  answered: number;
  tillid_s: number | null;
  tillid_n: number;
  kerneopgave_s: number | null;
  kerneopgave_n: number;
  ledelse_s: number | null;
  ledelse_n: number;
  involvering_s: number | null;
  involvering_n: number;
  plf_s: number | null;
  plf_n: number;
  sc_s: number | null;
  sc_n: number;
};

/** Per group of the rounds: how many answered, and per score the sum and count of the answers that have it. */
export async function groupSums(
  db: DbOrTx,
  roundIds: string[],
  institutionId?: string,
): Promise<Map<string, GroupSums>> {
  if (!roundIds.length) return new Map();
  const ids = sql`array[${sql.join(
    roundIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const found = await rows<SumsRow>(
    db,
    sql`select a.group_id, count(*)::int as answered,
          sum(a.tillid)::float8 as tillid_s, count(a.tillid)::int as tillid_n,
          sum(a.kerneopgave)::float8 as kerneopgave_s, count(a.kerneopgave)::int as kerneopgave_n,
          sum(a.ledelse)::float8 as ledelse_s, count(a.ledelse)::int as ledelse_n,
          sum(a.involvering)::float8 as involvering_s, count(a.involvering)::int as involvering_n,
          sum(a.plf)::float8 as plf_s, count(a.plf)::int as plf_n,
          sum(a.social_capital)::float8 as sc_s, count(a.social_capital)::int as sc_n
        from ${a} a
        where a.round_id = any(${ids})
          ${institutionId ? sql`and a.group_id in (select y.id from ${g} y where y.round_id = any(${ids}) and y.institution_id = ${institutionId})` : sql``}
        group by a.group_id`,
  );
  const s = (sum: number | null, n: number) => ({ sum: Number(sum ?? 0), n: Number(n) });
  return new Map(
    found.map((x) => [
      x.group_id,
      {
        answered: Number(x.answered),
        scores: {
          tillid: s(x.tillid_s, x.tillid_n),
          kerneopgave: s(x.kerneopgave_s, x.kerneopgave_n),
          ledelse: s(x.ledelse_s, x.ledelse_n),
          involvering: s(x.involvering_s, x.involvering_n),
          plf: s(x.plf_s, x.plf_n),
        },
        socialCapital: s(x.sc_s, x.sc_n),
      },
    ]),
  );
}

/** Per group × scale question of one round: answers with the question, answers that were not "ved ikke", their sum. */
export async function itemSums(
  db: DbOrTx,
  roundId: string,
  institutionId?: string,
): Promise<Map<string, Map<string, ItemSums>>> {
  const found = await rows<{ group_id: string; item_id: string; rows: number; n: number; sum: number }>(
    db,
    sql`select a.group_id, v.item_id, count(*)::int as rows, count(v.value)::int as n,
          coalesce(sum(v.value), 0)::int as sum
        from ${a} a join survey_answer_values v on v.answer_id = a.id
        where a.round_id = ${roundId}
          ${institutionId ? sql`and a.group_id in (select y.id from ${g} y where y.round_id = ${roundId} and y.institution_id = ${institutionId})` : sql``}
        group by a.group_id, v.item_id`,
  );
  const out = new Map<string, Map<string, ItemSums>>();
  for (const x of found) {
    let m = out.get(x.group_id);
    if (!m) {
      m = new Map();
      out.set(x.group_id, m);
    }
    m.set(x.item_id, { rows: Number(x.rows), n: Number(x.n), sum: Number(x.sum) });
  }
  return out;
}

/** The open answers of the groups (texts only: no order that could follow who answered when). */
export async function texts(
  db: DbOrTx,
  roundId: string,
  groupIds: string[],
): Promise<{ groupId: string; itemId: string; text: string }[]> {
  if (!groupIds.length) return [];
  return db
    .select({
      groupId: surveyAnswerTexts.groupId,
      itemId: surveyAnswerTexts.itemId,
      text: surveyAnswerTexts.text,
    })
    .from(surveyAnswerTexts)
    .where(and(eq(surveyAnswerTexts.roundId, roundId), inArray(surveyAnswerTexts.groupId, groupIds)))
    .orderBy(asc(surveyAnswerTexts.itemId), asc(surveyAnswerTexts.text));
}

export type ItemRow = typeof surveyItems.$inferSelect;

export async function items(db: DbOrTx, questionnaireId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(surveyItems)
    .where(eq(surveyItems.questionnaireId, questionnaireId))
    .orderBy(asc(surveyItems.position), asc(surveyItems.key));
}

/**
 * A fingerprint per round of what its figures are made of: its answers' count and a checksum of their ids, its
 * groups' count, its version (results/sums.ts reuses sums while it holds).
 */
export async function fingerprints(db: DbOrTx, roundIds: string[]): Promise<Map<string, string>> {
  if (!roundIds.length) return new Map();
  const ids = sql`array[${sql.join(
    roundIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const found = await rows<{ id: string; f: string }>(
    db,
    sql`select r.id, concat_ws(':', r.version,
          (select count(*) from ${g} y where y.round_id = r.id),
          x.n, x.h) as f
        from ${r} r
        left join lateral (select count(*) as n, coalesce(sum(hashtext(z.id::text)::bigint), 0) as h
          from ${a} z where z.round_id = r.id) x on true
        where r.id = any(${ids})`,
  );
  return new Map(found.map((x) => [x.id, x.f]));
}
