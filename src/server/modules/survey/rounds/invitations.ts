import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../../shared/constants.js';
import type * as c from '../../../../shared/contracts/survey.js';
import { REMINDER_HOUR, TIME_ZONE } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { outboxEmails } from '../../../db/schema.js';
import { AppError } from '../../../http/errors.js';
import type { Actor } from '../../../policy/index.js';
import { decideSurvey } from '../../../policy/rules-survey.js';
import { danishToday, roundState } from '../days.js';
import { enforce } from '../enforce.js';
import { formatCode, hashLinkToken, newInvitationSecrets } from '../tokens.js';
import { surveyReminderEmail } from './mail.js';
import { roundRef } from './refs.js';
import * as repo from './repo.js';

/** How many days before the last day the automatic reminder goes out (at REMINDER_HOUR, Danish time). */
export const AUTO_REMIND_DAYS = 3;

type Reminded = {
  email: string;
  name: string;
  locale: Locale;
  institution_name: string;
  round_name: string;
  closes_on: string;
  min_group: number;
};

/** Writes the reminders into the outbox (one statement per 200). */
async function mailReminders(tx: DbOrTx, ctx: Pick<AppContext, 'config'>, people: Reminded[]) {
  const status = ctx.config.smtpUrl ? 'pending' : 'kept';
  const url = `${ctx.config.publicUrl}/medarbejderundersoegelse`;
  const mails = people.map((p) => ({
    toAddress: p.email,
    status,
    ...surveyReminderEmail(p.locale, {
      name: p.name,
      roundName: p.round_name,
      institutionName: p.institution_name,
      closesOn: p.closes_on,
      minGroup: p.min_group,
      url,
    }),
  })) satisfies (typeof outboxEmails.$inferInsert)[];
  for (let i = 0; i < mails.length; i += 200) await tx.insert(outboxEmails).values(mails.slice(i, i + 200));
}

/** Marks and returns the unused invitations of a round to remind (`extra`: the automatic reminder's once-guard). */
const claimReminders = (tx: DbOrTx, roundId: string, at: string, extra = sql``) =>
  rows<Reminded>(
    tx,
    sql`update survey_invitations v set reminded_at = ${at}::timestamptz
        from users u, survey_groups g, institutions i, survey_rounds r
        where v.round_id = ${roundId} and not v.used and u.id = v.user_id and u.status <> 'disabled'
          and g.id = v.group_id and i.id = g.institution_id and r.id = v.round_id ${extra}
        returning u.email, u.name, u.locale::text as locale, i.name as institution_name, r.name as round_name,
          r.closes_on::text as closes_on, r.min_group`,
  );

/**
 * The worker's ticker: the automatic reminder, AUTO_REMIND_DAYS days before a round's last day at REMINDER_HOUR
 * Danish time, to the unused invitations not reminded since that moment — so once per round and close day (a
 * manual reminder within those days counts; a moved close day gets its own). Returns how many were reminded.
 */
export async function sendDueSurveyReminders(ctx: Pick<AppContext, 'db' | 'config'>, now = new Date()) {
  const at = now.toISOString();
  const today = danishToday(now);
  const moment = sql`(((r.closes_on - ${AUTO_REMIND_DAYS}::int) + make_time(${REMINDER_HOUR}::int, 0, 0)) at time zone ${TIME_ZONE})`;
  const due = await rows<{ id: string }>(
    ctx.db,
    sql`select r.id from survey_rounds r
        where r.opened_at is not null and r.closed_on is null and r.closes_on >= ${today}::date
          and ${at}::timestamptz >= ${moment}
          and exists (select 1 from survey_invitations v where v.round_id = r.id and not v.used
                      and (v.reminded_at is null or v.reminded_at < ${moment}))`,
  );
  let n = 0;
  for (const r of due)
    n += await ctx.db.transaction(async (tx) => {
      // The round row `for share`: the reminder and a close do not cross; two workers may both claim, but each
      // invitation once (the update's guard is re-checked after the other's commit).
      await rows(tx, sql`select id from survey_rounds where id = ${r.id} for share`);
      const people = await claimReminders(
        tx,
        r.id,
        at,
        sql`and (v.reminded_at is null or v.reminded_at < ${moment})`,
      );
      await mailReminders(tx, ctx, people);
      return people.length;
    });
  return n;
}

/** Reminders, printed codes and a signed-in person's own invitations (issue 18 item 2). */
export function createInvitationService(ctx: Pick<AppContext, 'db' | 'config'>) {
  const { db } = ctx;

  /** A round, locked `for share` (a close waits for this); the caller checks who may act on it. */
  async function lockedRound(tx: DbOrTx, id: string) {
    const [r] = await repo.loadRounds(tx, { ids: [id] });
    if (!r) throw new AppError('survey.round_not_found');
    await rows(tx, sql`select id from survey_rounds where id = ${id} for share`);
    return r;
  }
  const assertOpen = (r: repo.RoundRow) => {
    const state = roundState(r, danishToday());
    if (state === 'closed') throw new AppError('survey.round_closed');
    if (state === 'planned' || !r.openedAt) throw new AppError('survey.round_not_open');
  };

  return {
    /** Reminds now everyone of the round who has not answered (the kommune's forvaltning). */
    async remind(actor: Actor, id: string): Promise<z.infer<typeof c.RemindResult>> {
      return db.transaction(async (tx) => {
        const r = await lockedRound(tx, id);
        enforce(decideSurvey(actor, 'round.manage', { round: roundRef(r) }), 'survey.round_not_found');
        assertOpen(r);
        const people = await claimReminders(tx, id, new Date().toISOString());
        await mailReminders(tx, ctx, people);
        return { reminded: people.length };
      });
    },

    /**
     * Fresh codes for one asked institution's staff who have not answered (only those never e-mailed, when
     * asked): each gets a new code (the old printed one stops working), printed_at is set, and the names and codes
     * are returned — the only time a code is shown.
     */
    async codes(
      actor: Actor,
      id: string,
      q: z.infer<typeof c.CodeListQuery>,
    ): Promise<z.infer<typeof c.CodeList>> {
      return db.transaction(async (tx) => {
        const r = await lockedRound(tx, id);
        enforce(
          decideSurvey(actor, 'round.codes', { round: roundRef(r), institutionId: q.institutionId }),
          'survey.round_not_found',
        );
        assertOpen(r);
        const people = await rows<{ id: string; name: string }>(
          tx,
          sql`select v.id, u.name from survey_invitations v
              join survey_groups g on g.id = v.group_id join users u on u.id = v.user_id
              where v.round_id = ${id} and g.institution_id = ${q.institutionId} and not v.used
                and u.status <> 'disabled' ${q.onlyWithoutEmail ? sql`and v.emailed_at is null` : sql``}
              order by u.name, v.id
              for update of v`,
        );
        const fresh = people.map((p) => ({ ...p, ...newInvitationSecrets() }));
        for (let i = 0; i < fresh.length; i += 500) {
          const chunk = fresh.slice(i, i + 500);
          await tx.execute(
            sql`update survey_invitations v set code_hash = x.code_hash, printed_at = now()
                from (values ${sql.join(
                  chunk.map((f) => sql`(${f.id}::uuid, ${f.codeHash})`),
                  sql`, `,
                )}) as x(id, code_hash)
                where v.id = x.id`,
          );
        }
        return {
          roundName: r.name,
          institutionName: r.institutions.find((i) => i.id === q.institutionId)?.name ?? '',
          closesOn: r.closedOn ?? r.closesOn,
          url: `${ctx.config.publicUrl}/svar`,
          codes: fresh.map((f) => ({ name: f.name, code: formatCode(f.code) })),
        };
      });
    },

    /** The signed-in person's unused invitations to rounds open today. */
    async mine(actor: Actor): Promise<z.infer<typeof c.MySurveys>> {
      const today = danishToday();
      const found = await rows<{
        round_id: string;
        round_name: string;
        institution_name: string;
        closes_on: string;
      }>(
        db,
        sql`select r.id as round_id, r.name as round_name, i.name as institution_name, r.closes_on::text as closes_on
            from survey_invitations v
            join survey_rounds r on r.id = v.round_id
            join survey_groups g on g.id = v.group_id join institutions i on i.id = g.institution_id
            where v.user_id = ${actor.id} and not v.used and r.opened_at is not null and r.closed_on is null
              and r.opens_on <= ${today}::date and r.closes_on >= ${today}::date
            order by r.closes_on, r.name
            limit 50`,
      );
      return found.map((f) => ({
        roundId: f.round_id,
        roundName: f.round_name,
        institutionName: f.institution_name,
        closesOn: f.closes_on,
      }));
    },

    /** A fresh link for the signed-in person's own invitation (their e-mailed link stops working). */
    async myLink(actor: Actor, roundId: string): Promise<z.infer<typeof c.MyLink>> {
      return db.transaction(async (tx) => {
        const [v] = await rows<{ id: string; used: boolean }>(
          tx,
          sql`select id, used from survey_invitations where round_id = ${roundId} and user_id = ${actor.id} for update`,
        );
        if (!v) throw new AppError('survey.not_invited');
        const r = await lockedRound(tx, roundId);
        if (v.used) throw new AppError('survey.already_answered');
        assertOpen(r);
        const { token } = newInvitationSecrets();
        await tx.execute(
          sql`update survey_invitations set token_hash = ${hashLinkToken(token)} where id = ${v.id}`,
        );
        return { token };
      });
    },
  };
}
