import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { danishToday } from '../days.js';

/**
 * The anonymity mix (issue 18; docs/decisions/0010-survey-anonymity.md). An answer and its used mark are written
 * by one transaction, so they share `xmin`, and rows land in the heap in the order they were sent: anyone who can
 * select `xmin` or `ctid` could pair the newest answers with the newest used marks. The mix rewrites a round's
 * answers (with their values and open texts) and its invitations in random order in ONE transaction — deleted
 * and inserted again, ordered by random(), ids kept — so afterwards every one of those rows has the mix's xmin
 * and a physical place that says nothing of when it was sent; then VACUUM clears the old row versions away.
 *
 * A round needs a mix when its answers and invitations do not all share one xmin (a new answer, or a new used
 * mark, came since the last mix). The worker's ticker looks every few minutes at rounds that are open or closed
 * in the last month (so the last answers are mixed right after a close, too). Several workers: a transaction-level
 * advisory lock per round, and the round's row locked `for update`, so answers to that round wait for the mix
 * (they lock it `for share`); the four tables are locked against writers in the order answering takes them, so
 * any other writer (a reminder, a fresh link) waits too rather than updating a row the mix has just replaced.
 */

/** How far back a closed round is still looked at (a worker that was down that long leaves it for an operator). */
const LOOK_BACK_DAYS = 31;

/** Rounds whose answers and invitations do not all share one xmin (and that have answers). */
async function roundsToMix(db: DbOrTx, today: string) {
  const found = await rows<{ id: string }>(
    db,
    sql`select r.id from survey_rounds r
      where coalesce(r.closed_on, r.closes_on) >= ${today}::date - ${LOOK_BACK_DAYS}::int
        and r.opens_on <= ${today}::date
        and exists (select 1 from survey_answers a where a.round_id = r.id)
        and ${needsMix(sql`r.id`)}`,
  );
  return found.map((r) => r.id);
}

const needsMix = (roundId: SQL) =>
  sql`(select count(distinct x) from (
      select xmin::text as x from survey_answers where round_id = ${roundId}
      union all select xmin::text from survey_invitations where round_id = ${roundId}
      union all select t.xmin::text from survey_answer_texts t where t.round_id = ${roundId}) s) > 1`;

export type MixResult = { mixed: boolean; answers: number; invitations: number };

/**
 * Mixes one round (if it needs it and no other process is mixing it). Returns what was rewritten. `vacuum`:
 * run VACUUM on the four tables afterwards (outside the transaction), so the old row versions go at once.
 */
export async function mixRound(
  ctx: Pick<AppContext, 'db'>,
  roundId: string,
  opts: { vacuum?: boolean } = {},
): Promise<MixResult> {
  const result = await ctx.db.transaction(async (tx) => {
    const none = { mixed: false, answers: 0, invitations: 0 };
    const [lock] = await rows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext('survey.mix'), hashtext(${roundId}::text)) as ok`,
    );
    if (!lock?.ok) return none;
    await tx.execute(sql`select 1 from survey_rounds where id = ${roundId} for update`);
    await tx.execute(
      sql`lock table survey_invitations, survey_answers, survey_answer_values, survey_answer_texts
        in share row exclusive mode`,
    );
    const [check] = await rows<{ due: boolean }>(tx, sql`select ${needsMix(sql`${roundId}::uuid`)} as due`);
    if (!check?.due) return none;
    return rewrite(tx, roundId);
  });
  if (result.mixed && opts.vacuum !== false) await vacuum(ctx.db);
  return result;
}

/** Copies the round's rows aside, deletes them, and inserts them again in random order (same ids). */
async function rewrite(tx: DbOrTx, roundId: string): Promise<MixResult> {
  const q = (s: SQL) => tx.execute(s);
  await q(sql`create temp table mix_answers on commit drop as
    select * from survey_answers where round_id = ${roundId}`);
  await q(sql`create temp table mix_values on commit drop as
    select v.* from survey_answer_values v join mix_answers a on a.id = v.answer_id`);
  await q(sql`create temp table mix_texts on commit drop as
    select * from survey_answer_texts where round_id = ${roundId}`);
  await q(sql`create temp table mix_invitations on commit drop as
    select * from survey_invitations where round_id = ${roundId}`);
  await q(sql`delete from survey_answer_values where answer_id in (select id from mix_answers)`);
  await q(sql`delete from survey_answer_texts where round_id = ${roundId}`);
  await q(sql`delete from survey_answers where round_id = ${roundId}`);
  await q(sql`delete from survey_invitations where round_id = ${roundId}`);
  await q(sql`insert into survey_invitations select * from mix_invitations order by random()`);
  await q(sql`insert into survey_answers select * from mix_answers order by random()`);
  await q(sql`insert into survey_answer_values select * from mix_values order by random()`);
  await q(sql`insert into survey_answer_texts select * from mix_texts order by random()`);
  const [n] = await rows<{ answers: number; invitations: number }>(
    tx,
    sql`select (select count(*) from mix_answers)::int as answers,
      (select count(*) from mix_invitations)::int as invitations`,
  );
  return { mixed: true, answers: n?.answers ?? 0, invitations: n?.invitations ?? 0 };
}

/** Clears the old row versions (their xmin and place) away; VACUUM cannot run inside a transaction. */
async function vacuum(db: DbOrTx) {
  await db.execute(sql`vacuum survey_answers, survey_answer_values, survey_answer_texts, survey_invitations`);
}

/**
 * The ticker's task: mixes every round that needs it (see roundsToMix), one transaction each, then one VACUUM.
 * Returns the rounds mixed.
 */
export async function mixSurveyAnswers(ctx: Pick<AppContext, 'db'>, now = new Date()) {
  const mixed: string[] = [];
  for (const id of await roundsToMix(ctx.db, danishToday(now))) {
    const r = await mixRound(ctx, id, { vacuum: false });
    if (r.mixed) mixed.push(id);
  }
  if (mixed.length > 0) await vacuum(ctx.db);
  return { mixed };
}
