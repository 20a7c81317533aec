import { type SQL, sql } from 'drizzle-orm';
import { INSTITUTION_TYPES } from '../../../shared/constants.js';
import { type EvaluationKind, kindConcerns } from '../../../shared/evaluation.js';
import { REMINDER_HOUR, TIME_ZONE } from '../../../shared/training.js';
import { wordKind } from '../../../shared/vocabulary.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { type NotificationPayload, notifyMany } from '../notifications/index.js';

type Claimed = {
  id: string;
  title: string;
  kind: string;
  day_on: string;
  meeting_kind: string | null;
  responsible_id: string | null;
  scope: 'kommune' | 'institution' | 'team';
  kommune_id: string | null;
  institution_id: string | null;
  team_id: string | null;
  owner_name: string;
};

/**
 * Claims the items whose reminder is due at `now`: REMINDER_HOUR o'clock Danish time, `days` days before the day
 * (collection start or analysis), not yet sent, the day not past, the plan live (a kommune plan only once
 * published). One UPDATE … RETURNING sets the sent mark, so two workers never send one twice.
 */
async function claim(tx: DbOrTx, now: Date, which: 'collect' | 'analysis'): Promise<Claimed[]> {
  const at = now.toISOString();
  const day = which === 'collect' ? sql.raw('i.collect_from') : sql.raw('i.analyse_on');
  const days = which === 'collect' ? sql.raw('i.remind_collect_days') : sql.raw('i.remind_analysis_days');
  const sent = which === 'collect' ? sql.raw('collect_reminded_at') : sql.raw('analysis_reminded_at');
  const q: SQL = sql`
    with due as (
      select i.id from evaluation_items i
      join evaluation_plans p on p.id = i.plan_id
      where i.${sent} is null and ${days} is not null and ${day} is not null
        and (p.scope <> 'kommune' or p.published_at is not null)
        and ${day} >= (${at}::timestamptz at time zone ${TIME_ZONE})::date
        and ${at}::timestamptz >= (((${day} - ${days}) + make_time(${REMINDER_HOUR}::int, 0, 0)) at time zone ${TIME_ZONE})
      for update of i skip locked
    )
    update evaluation_items i set ${sent} = ${at}::timestamptz
    from due, evaluation_plans p
    left join kommuner k on k.id = p.kommune_id
    left join institutions inst on inst.id = p.institution_id
    left join teams t on t.id = p.team_id
    where i.id = due.id and p.id = i.plan_id
    returning i.id, i.title, i.kind, ${day}::text as day_on, i.meeting_kind, i.responsible_id,
      p.scope, p.kommune_id, coalesce(p.institution_id, t.institution_id) as institution_id, p.team_id,
      coalesce(k.name, inst.name, t.name, '') as owner_name`;
  return rows<Claimed>(tx, q);
}

/**
 * Who is reminded of an item: its responsible person while they still work where the plan belongs; else those
 * who write the plan — an institution's leders, a team's members, for a kommune plan the leders of those of its
 * institutions the item concerns (they must act on it; a dagtilbud is not reminded of the national tests).
 */
async function recipients(tx: DbOrTx, c: Claimed): Promise<string[]> {
  if (c.responsible_id) {
    const place =
      c.scope === 'kommune'
        ? sql`g.kommune_id = ${c.kommune_id}`
        : sql`g.institution_id = ${c.institution_id}`;
    const still = await rows<{ id: string }>(
      tx,
      sql`select g.user_id as id from role_grants g where g.user_id = ${c.responsible_id} and ${place} limit 1`,
    );
    if (still.length) return [c.responsible_id];
  }
  const q =
    c.scope === 'team'
      ? sql`select m.user_id as id from team_memberships m where m.team_id = ${c.team_id}`
      : c.scope === 'institution'
        ? sql`select g.user_id as id from role_grants g where g.role = 'leder' and g.institution_id = ${c.institution_id}`
        : sql`select distinct g.user_id as id from role_grants g join institutions x on x.id = g.institution_id
            where g.role = 'leder' and x.kommune_id = ${c.kommune_id} and x.type::text in (${sql.join(
              concernedTypes(c.kind as EvaluationKind).map((t) => sql`${t}`),
              sql`, `,
            )})`;
  return (await rows<{ id: string }>(tx, q)).map((r) => r.id);
}

/** The institution types a kommune item concerns. */
const concernedTypes = (kind: EvaluationKind) =>
  INSTITUTION_TYPES.filter((t) => kindConcerns(kind, wordKind(t)));

/**
 * Sends every evaluation reminder due at `now` (the worker's ticker, every minute; due at 08:00 Danish time):
 * claims and notifies in one transaction (a failure leaves them unclaimed for the next tick). Returns how many
 * items were reminded of.
 */
export async function sendDueEvaluationReminders(
  ctx: Pick<AppContext, 'db'>,
  now = new Date(),
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const which of ['collect', 'analysis'] as const) {
      const due = await claim(tx, now, which);
      const items: { userId: string; kind: string; payload: NotificationPayload }[] = [];
      for (const c of due) {
        const payload: NotificationPayload = {
          itemId: c.id,
          itemTitle: c.title,
          evaluationKind: c.kind,
          planName: c.owner_name,
          on: c.day_on,
          meetingKind: c.meeting_kind,
          institutionId: c.institution_id,
          kommuneId: c.scope === 'kommune' ? c.kommune_id : null,
        };
        for (const userId of await recipients(tx, c))
          items.push({ userId, kind: `evaluation.${which}_reminder`, payload });
      }
      await notifyMany(tx, items);
      n += due.length;
    }
    return n;
  });
}
