import { and, eq, ne, sql } from 'drizzle-orm';
import { FORMER_EMPLOYEE_ID, FORMER_EMPLOYEE_NAME } from '../../../shared/former-employee.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { dataExports } from '../../db/mydata-schema.js';
import { rows } from '../../db/rows.js';
import { roleGrants, users } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { AppError } from '../../http/errors.js';
import { type Actor, can } from '../../policy/index.js';
import { audit } from '../audit.js';
import { policyColumns, videoResource } from '../videos/index.js';
import { ANONYMISED } from './decisions.js';
import { previewCounts } from './erase-preview.js';

const FORMER_EMPLOYEE_EMAIL = 'tidligere-medarbejder@amongi.invalid';

type ErasureBlock = 'mydata.erase_self' | 'mydata.erase_last_administrator';

async function person(db: DbOrTx, id: string) {
  if (id === FORMER_EMPLOYEE_ID) throw new AppError('mydata.erase_former_employee');
  const [p] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, id));
  if (!p) throw new AppError('person.not_found');
  return p;
}

/** Why the person cannot be erased by `by` now, or null. */
async function blockOf(db: DbOrTx, id: string, by: Actor | null): Promise<ErasureBlock | null> {
  if (by && by.id === id) return 'mydata.erase_self';
  const [r] = await db
    .select({
      own: sql<number>`count(*) filter (where ${roleGrants.userId} = ${id})::int`,
      others: sql<number>`count(distinct ${roleGrants.userId}) filter (where ${roleGrants.userId} <> ${id} and ${users.status} = 'active')::int`,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(roleGrants.role, 'administrator'));
  return r && r.own > 0 && r.others < 1 ? 'mydata.erase_last_administrator' : null;
}

/** What erasing the person would remove, make anonymous and keep, and why not now (administrators only). */
export async function erasurePreview(db: DbOrTx, id: string, by: Actor) {
  const p = await person(db, id);
  const own = await db
    .select({ ...policyColumns, title: videos.title })
    .from(videos)
    .where(eq(videos.ownerId, id))
    .orderBy(videos.createdAt);
  // Private is private, also here: the administrator sees the titles of the videos they may watch, and how many
  // others (private recordings, ones shown to a team) go too.
  const shown = own.filter((v) => can(by, 'video.read', videoResource(v)));
  return {
    person: p,
    lines: await previewCounts(db, id),
    videos: shown.map((v) => ({ id: v.id, title: v.title })),
    hiddenVideos: own.length - shown.length,
    blockedBy: await blockOf(db, id, by),
  };
}

/**
 * Erases a person (I5): their videos with their media, everything about them (role grants, teams, notes,
 * signals, notifications, sessions, observation visits about them, training requests and enrolments, exports …
 * removed through the foreign keys' cascade); shared work they wrote stays, pointing to "Tidligere medarbejder";
 * where they are named in others' text (notifications, e-mails, JSON) their id, e-mail and name are replaced.
 * The audit entry holds ids and counts only. `by` is the administrator (null: the retention purge, with a reason).
 * Refused for oneself and for the last administrator. Storage files go after the commit.
 */
export async function erasePerson(
  ctx: AppContext,
  id: string,
  opts: { by: Actor; confirmName?: string } | { by: null; reason: string },
) {
  const { db } = ctx;
  const result = await db.transaction(async (tx) => {
    // The person's row is locked first: two erasures at once wait for each other, the second finds no one (404).
    if (id !== FORMER_EMPLOYEE_ID) await tx.execute(sql`select 1 from users where id = ${id} for update`);
    const p = await person(tx, id);
    if (opts.by && opts.confirmName !== undefined && opts.confirmName.trim() !== p.name.trim())
      throw new AppError('mydata.erase_confirm');
    const block = await blockOf(tx, id, opts.by);
    if (block) throw new AppError(block);
    await tx
      .insert(users)
      .values({
        id: FORMER_EMPLOYEE_ID,
        email: FORMER_EMPLOYEE_EMAIL,
        name: FORMER_EMPLOYEE_NAME,
        status: 'disabled',
      })
      .onConflictDoNothing();

    const own = await tx.select({ id: videos.id }).from(videos).where(eq(videos.ownerId, id));
    const exports = await tx
      .select({ key: dataExports.storageKey })
      .from(dataExports)
      .where(eq(dataExports.userId, id));
    // Their videos first: comments and feedback on them go with them, not to "Tidligere medarbejder".
    await tx.delete(videos).where(eq(videos.ownerId, id));
    // A course keeps one anonymous trainer even when two erased trainers shared it.
    await tx.execute(sql`delete from training_course_trainers t where t.user_id = ${id} and exists
      (select 1 from training_course_trainers o where o.course_id = t.course_id and o.user_id = ${FORMER_EMPLOYEE_ID})`);
    for (const [table, column] of ANONYMISED)
      await tx.execute(
        sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${FORMER_EMPLOYEE_ID} where ${sql.identifier(column)} = ${id}`,
      );
    await tx.execute(
      sql`update meeting_rounds set speaker_ids = array_replace(speaker_ids, ${id}::uuid, ${FORMER_EMPLOYEE_ID}::uuid) where ${id}::uuid = any(speaker_ids)`,
    );
    await tx.execute(sql`delete from outbox_emails where lower(to_address) = lower(${p.email})`);
    await scrubMentions(tx, p);
    await tx.delete(users).where(and(eq(users.id, id), ne(users.id, FORMER_EMPLOYEE_ID)));
    await audit(tx, opts.by, 'person.erase', 'user', id, {
      removedVideos: own.length,
      ...(opts.by ? {} : { reason: opts.reason }),
    });
    return { videoIds: own.map((v) => v.id), exportKeys: exports.flatMap((e) => (e.key ? [e.key] : [])) };
  });

  for (const v of result.videoIds) {
    await ctx.storage.deletePrefix(`videos/${v}`);
    await ctx.storage.delete(`originals/${v}`);
    await ctx.storage.deleteUpload(v);
    ctx.events.publish({ type: 'video.access.changed', videoId: v });
  }
  for (const key of result.exportKeys) await ctx.storage.delete(key);
  ctx.events.publish({ type: 'sessions.revoked', userId: id });
  ctx.events.publish({ type: 'person.changed', userId: id });
  ctx.events.publish({ type: 'catalogue.changed' });
  ctx.events.publish({ type: 'search.changed' });
  return { erased: true as const, removedVideos: result.videoIds.length };
}

/**
 * Every text and JSON column of every table (but users): the person's id becomes FORMER_EMPLOYEE_ID, their name
 * "Tidligere medarbejder" and their e-mail "(slettet)". That reaches a notification to a colleague ("Anne
 * commented …"), an e-mail in the outbox about them, an audit entry's details. A full scan of those columns:
 * erasure is rare and must not miss a table someone adds later.
 */
async function scrubMentions(tx: DbOrTx, p: { id: string; name: string; email: string }) {
  const cols = await rows<{ table_name: string; column_name: string; data_type: string }>(
    tx,
    sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'users'
       and c.data_type in ('text', 'jsonb', 'character varying') and c.is_generated = 'NEVER'
     order by 1, 2`,
  );
  const jsonText = (s: string) => JSON.stringify(s).slice(1, -1);
  for (const c of cols) {
    const col = sql.identifier(c.column_name);
    const table = sql.identifier(c.table_name);
    const json = c.data_type === 'jsonb';
    const target = json ? sql`${col}::text` : col;
    const email = json ? jsonText(p.email) : p.email;
    // The name as a whole word only (a short name must not change the words it is part of).
    const name = `(?<![[:alnum:]_])${(json ? jsonText(p.name) : p.name).replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}(?![[:alnum:]_])`;
    const expr = sql`regexp_replace(replace(replace(${target}, ${p.id}::text, ${FORMER_EMPLOYEE_ID}::text),
      ${email}::text, '(slettet)'), ${name}::text, ${FORMER_EMPLOYEE_NAME}::text, 'g')`;
    const hit = sql`(strpos(${target}, ${p.id}::text) > 0 or strpos(${target}, ${email}::text) > 0
      or ${target} ~ ${name}::text)`;
    await tx.execute(sql`update ${table} set ${col} = ${json ? sql`(${expr})::jsonb` : expr} where ${hit}`);
  }
}
