import { sql } from 'drizzle-orm';
import type { Locale } from '../../../../shared/constants.js';
import type { RoleGroup } from '../../../../shared/survey.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { outboxEmails } from '../../../db/schema.js';
import { surveyGroups, surveyInvitations } from '../../../db/survey-schema.js';
import { danishToday } from '../days.js';
import { newInvitationSecrets } from '../tokens.js';
import { surveyInvitationEmail } from './mail.js';

/** A person a round asks: where they work, their department and role group, and how to reach them. */
type Staff = {
  user_id: string;
  email: string;
  name: string;
  locale: Locale;
  institution_id: string;
  institution_name: string;
  team_id: string | null;
  department_name: string;
  role_group: RoleGroup;
};

/**
 * The staff of a round's institutions: everyone holding an institution role there whose account is not disabled,
 * once each (someone at two asked institutions is asked at the first by name). Role group: leder when they are
 * leder there. Department: for staff their team of type afdeling at that institution, the first by name ('' when
 * none); leaders are one group per institution ('' — an afdelingsleder too), as the seed's analysis did: a
 * department's one or two leaders would otherwise be a group below the minimum in every department, and hiding them
 * would withhold the staff/leader split of the whole institution.
 */
export async function roundStaff(db: DbOrTx, roundId: string): Promise<Staff[]> {
  return rows<Staff>(
    db,
    sql`with grants as (
          select g.user_id, g.institution_id, bool_or(g.role = 'leder') as leder
          from survey_round_institutions ri
          join role_grants g on g.institution_id = ri.institution_id
          where ri.round_id = ${roundId}
          group by g.user_id, g.institution_id
        ), placed as (
          select distinct on (gr.user_id) gr.user_id, gr.institution_id, gr.leder, i.name as institution_name
          from grants gr join institutions i on i.id = gr.institution_id
          order by gr.user_id, i.name, i.id
        )
        select p.user_id, u.email, u.name, u.locale::text as locale, p.institution_id, p.institution_name,
          d.id as team_id, coalesce(d.name, '') as department_name,
          case when p.leder then 'leder' else 'medarbejder' end as role_group
        from placed p
        join users u on u.id = p.user_id and u.status <> 'disabled'
        left join lateral (
          select t.id, t.name from team_memberships m join teams t on t.id = m.team_id
          where not p.leder and m.user_id = p.user_id and t.institution_id = p.institution_id and t.type = 'afdeling'
          order by t.name, t.id limit 1
        ) d on true
        order by p.institution_name, department_name, u.name`,
  );
}

/**
 * Opens a round: claims it (`opened_at is null` and its first day reached, in one UPDATE, so two processes never
 * open it twice: the second waits for the first's row lock and then finds it opened), makes its groups (name
 * snapshots and invited counts) and one invitation per staff member with fresh secrets, and writes each person's
 * e-mail with their own link into the outbox — all in the caller's transaction. Only the digests are stored; the
 * clear tokens live in the e-mails (and are returned to the caller, for tests). Returns null when not claimed.
 */
export async function openRound(
  tx: DbOrTx,
  ctx: Pick<AppContext, 'config'>,
  roundId: string,
  now = new Date(),
): Promise<{ userId: string; token: string; code: string }[] | null> {
  const today = danishToday(now);
  const [round] = await rows<{ id: string; name: string; closes_on: string; min_group: number }>(
    tx,
    sql`update survey_rounds set opened_at = ${now.toISOString()}::timestamptz
        where id = ${roundId} and opened_at is null and opens_on <= ${today}::date and closed_on is null
        returning id, name, closes_on::text, min_group`,
  );
  if (!round) return null;
  const staff = await roundStaff(tx, roundId);
  if (staff.length === 0) return [];

  const groupKey = (s: Staff) => `${s.institution_id}\u0000${s.department_name}\u0000${s.role_group}`;
  const groups = new Map<string, { staff: Staff; invited: number }>();
  for (const s of staff) {
    const g = groups.get(groupKey(s));
    if (g) g.invited++;
    else groups.set(groupKey(s), { staff: s, invited: 1 });
  }
  const made = await tx
    .insert(surveyGroups)
    .values(
      [...groups.values()].map(({ staff: s, invited }) => ({
        roundId,
        institutionId: s.institution_id,
        teamId: s.team_id,
        departmentName: s.department_name,
        roleGroup: s.role_group,
        invited,
      })),
    )
    .returning();
  const groupId = new Map(
    made.map((g) => [`${g.institutionId}\u0000${g.departmentName}\u0000${g.roleGroup}`, g.id]),
  );

  const secrets = staff.map(() => newInvitationSecrets());
  for (let i = 0; i < staff.length; i += 500) {
    await tx.insert(surveyInvitations).values(
      staff.slice(i, i + 500).map((s, j) => ({
        roundId,
        userId: s.user_id,
        groupId: groupId.get(groupKey(s)) as string,
        tokenHash: secrets[i + j].tokenHash,
        codeHash: secrets[i + j].codeHash,
        emailedAt: now,
      })),
    );
  }
  const status = ctx.config.smtpUrl ? 'pending' : 'kept';
  const mails = staff.map((s, i) => ({
    toAddress: s.email,
    status,
    ...surveyInvitationEmail(s.locale, {
      name: s.name,
      roundName: round.name,
      institutionName: s.institution_name,
      closesOn: round.closes_on,
      minGroup: round.min_group,
      // After '#': the browser never sends it, so no request line or access log holds the token.
      url: `${ctx.config.publicUrl}/svar#${secrets[i].token}`,
    }),
  })) satisfies (typeof outboxEmails.$inferInsert)[];
  // The outbox in chunks (as enqueueEmail would, one statement per 200 e-mails instead of one each).
  for (let i = 0; i < mails.length; i += 200) await tx.insert(outboxEmails).values(mails.slice(i, i + 200));
  return staff.map((s, i) => ({ userId: s.user_id, token: secrets[i].token, code: secrets[i].code }));
}

/**
 * The worker's ticker: opens every round whose first day has come (Danish time) and that is not opened yet, each
 * in its own transaction (`for update skip locked`: two workers take different rounds; the claim in openRound
 * keeps one round from being opened twice in any case). Returns how many were opened.
 */
export async function openDueRounds(
  ctx: Pick<AppContext, 'db' | 'config'>,
  now = new Date(),
): Promise<number> {
  const today = danishToday(now);
  const due = await rows<{ id: string }>(
    ctx.db,
    sql`select id from survey_rounds
        where opened_at is null and closed_on is null and opens_on <= ${today}::date and closes_on >= ${today}::date
        order by opens_on, id limit 50`,
  );
  let n = 0;
  for (const r of due) if (await ctx.db.transaction((tx) => openRound(tx, ctx, r.id, now))) n++;
  return n;
}
