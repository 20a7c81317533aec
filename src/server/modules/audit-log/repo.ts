import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';

/** The audit log page's SQL (issue 20 part 5). Newest first, paged by (created_at, id). */

export type AuditFilter = {
  /** Part of a name or e-mail of who did it. */
  person?: string;
  actions?: readonly string[];
  subjectType?: string;
  subjectId?: string;
  /** Danish calendar days, both included. */
  from?: string;
  to?: string;
};
export type AuditCursor = { at: string; id: string };

export type AuditRow = {
  id: string;
  at: Date | string;
  cursorAt: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  subjectName: string | null;
  details: unknown;
};

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

function filterSql(f: AuditFilter): SQL[] {
  const w: SQL[] = [];
  if (f.person) {
    const like = `%${f.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    w.push(
      sql`a.actor_id in (select id from users where name ilike ${like} or email ilike ${like} limit 200)`,
    );
  }
  if (f.actions) w.push(f.actions.length ? sql`a.action in ${f.actions}` : sql`false`);
  if (f.subjectType) w.push(sql`a.subject_type = ${f.subjectType}`);
  if (f.subjectId) w.push(sql`a.subject_id = ${f.subjectId}`);
  if (f.from) w.push(sql`a.created_at >= (${f.from}::date::timestamp at time zone 'Europe/Copenhagen')`);
  if (f.to) w.push(sql`a.created_at < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`);
  return w;
}

/** Entries about a person's own data: about them, or about their own recordings. */
const ownScope = (me: string) =>
  sql`((a.subject_type in ('person', 'user') and a.subject_id = ${me})
    or (a.subject_type = 'video' and a.subject_id in (select id::text from videos where owner_id = ${me})))`;

async function select(
  db: DbOrTx,
  where: SQL[],
  opts: { limit: number; before?: AuditCursor; videoTitles: boolean },
): Promise<AuditRow[]> {
  if (opts.before)
    where.push(sql`(a.created_at, a.id) < (${opts.before.at}::timestamptz, ${opts.before.id}::uuid)`);
  const videoName = opts.videoTitles
    ? sql`when a.subject_type = 'video' and a.subject_id ~ ${sql.raw(UUID)}
        then (select title from videos where id = a.subject_id::uuid)`
    : sql``;
  return rows<AuditRow>(
    db,
    sql`select a.id, a.created_at as at, a.created_at::text as "cursorAt", a.actor_id as "actorId",
          u.name as "actorName", u.email as "actorEmail", a.action, a.subject_type as "subjectType",
          a.subject_id as "subjectId", a.details,
          case when a.subject_type in ('person', 'user') and a.subject_id ~ ${sql.raw(UUID)}
            then (select name from users where id = a.subject_id::uuid) ${videoName} end as "subjectName"
        from audit_log a left join users u on u.id = a.actor_id
        ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
        order by a.created_at desc, a.id desc limit ${opts.limit}`,
  );
}

export function listAll(db: DbOrTx, f: AuditFilter, opts: { limit: number; before?: AuditCursor }) {
  return select(db, filterSql(f), { ...opts, videoTitles: false });
}

export function listOwn(db: DbOrTx, me: string, opts: { limit: number; before?: AuditCursor }) {
  return select(db, [ownScope(me)], { ...opts, videoTitles: true });
}
