import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AgeBand } from '../../../shared/catalogue.js';
import { videoSignals, videoViews } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { institutions } from '../../db/schema.js';
import { taxonomyTerms, videos } from '../../db/videos-schema.js';

/** Counts behind one row of the statistics, with how many distinct people stand behind each figure. */
export type RawFigures = {
  videos: number;
  views: number;
  viewers: number;
  completed: number;
  tried: number;
  triers: number;
  worked: number;
  workers: number;
};
export type RawGroup = RawFigures & {
  /** Which grouping the row belongs to: the totals, one subject, or one age band. */
  grouping: 'total' | 'subject' | 'ageBand';
  /** The month (YYYY-MM) of a month's row; null on the whole period's. */
  month: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  ageBand: AgeBand | null;
};

export type StatisticsFilter = {
  /** Which videos count (policy/sql-reflection.ts), over the videos table. */
  scope: SQL;
  /** Start (inclusive) and end (exclusive) of the period, as instants. */
  from: Date;
  to: Date;
  subjectId?: string;
  ageBand?: AgeBand;
};

function videoFilter(f: StatisticsFilter): SQL {
  const parts = [f.scope];
  if (f.subjectId) parts.push(sql`${videos.subjectId} = ${f.subjectId}::uuid`);
  if (f.ageBand) parts.push(sql`${videos.ageBand} = ${f.ageBand}`);
  return sql.join(parts, sql` and `);
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** The Danish calendar month (YYYY-MM) of a timestamp column: the periods are whole Danish months. */
const monthOf = (col: SQL) => sql`to_char(${col} at time zone 'Europe/Copenhagen', 'YYYY-MM')`;
const inPeriod = (f: StatisticsFilter, col: SQL) =>
  sql`${col} >= ${f.from.toISOString()}::timestamptz and ${col} < ${f.to.toISOString()}::timestamptz`;

/**
 * Totals, per subject and per age band, for the whole period and for each of its months, in one pass (grouping
 * sets): the videos in scope, the views started and the signals given, and the number of distinct people behind
 * each figure (for suppression). `month` is null on the whole period's rows; a month without views or signals
 * has no rows. Never returns anything about a single person.
 */
export async function aggregate(db: DbOrTx, f: StatisticsFilter): Promise<RawGroup[]> {
  const res = await db.execute(sql`
    with scope as (
      select ${videos.id} as id, ${videos.subjectId} as subject_id, ${videos.ageBand} as age_band
      from ${videos} where ${videoFilter(f)}
    ),
    events as (
      select s.subject_id, s.age_band, null::text as month, 'video' as kind, null::uuid as user_id,
        false as completed, false as worked
      from scope s
      union all
      select s.subject_id, s.age_band, ${monthOf(sql`vv.started_at`)}, 'view', vv.user_id, vv.completed, false
      from ${videoViews} vv join scope s on s.id = vv.video_id where ${inPeriod(f, sql`vv.started_at`)}
      union all
      select s.subject_id, s.age_band, ${monthOf(sql`sg.tried_at`)}, 'signal', sg.user_id, false, sg.worked
      from ${videoSignals} sg join scope s on s.id = sg.video_id where ${inPeriod(f, sql`sg.tried_at`)}
    ),
    grouped as (
      select grouping(month) as gm, grouping(subject_id) as gs, grouping(age_band) as ga,
        month, subject_id, age_band,
        count(*) filter (where kind = 'video')::int as videos,
        count(*) filter (where kind = 'view')::int as views,
        count(distinct user_id) filter (where kind = 'view')::int as viewers,
        count(*) filter (where kind = 'view' and completed)::int as completed,
        count(*) filter (where kind = 'signal')::int as tried,
        count(distinct user_id) filter (where kind = 'signal')::int as triers,
        count(*) filter (where kind = 'signal' and worked)::int as worked,
        count(distinct user_id) filter (where kind = 'signal' and worked)::int as workers
      from events
      group by grouping sets ((), (subject_id), (age_band), (month), (month, subject_id), (month, age_band))
    )
    select g.*, t.label as subject_label
    from grouped g left join ${taxonomyTerms} t on t.id = g.subject_id
    where g.gm = 1 or g.month is not null`);
  return rowsOf<
    RawFigures & {
      gm: number;
      gs: number;
      ga: number;
      month: string | null;
      subject_id: string | null;
      age_band: AgeBand | null;
      subject_label: string | null;
    }
  >(res).map((r) => ({
    grouping: r.gs === 0 ? 'subject' : r.ga === 0 ? 'ageBand' : 'total',
    month: Number(r.gm) === 0 ? r.month : null,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    ageBand: r.age_band,
    videos: Number(r.videos),
    views: Number(r.views),
    viewers: Number(r.viewers),
    completed: Number(r.completed),
    tried: Number(r.tried),
    triers: Number(r.triers),
    worked: Number(r.worked),
    workers: Number(r.workers),
  }));
}

/**
 * Who stands behind each figure, per month, subject, age band ('' for none) and video, in the scope and period
 * and without the subject and age band filters: the input of the coarsening (one population per scope and
 * month; the video is a dimension of tried and worked, for the most-tried list). Ids only.
 */
export async function people(
  db: DbOrTx,
  f: StatisticsFilter,
): Promise<
  {
    month: string;
    subject: string;
    ageBand: string;
    video: string;
    viewers: string[];
    triers: string[];
    workers: string[];
  }[]
> {
  const res = await db.execute(sql`
    with scope as (
      select ${videos.id} as id, coalesce(${videos.subjectId}::text, '') as subject,
        coalesce(${videos.ageBand}::text, '') as age_band
      from ${videos} where ${f.scope}
    ),
    events as (
      select ${monthOf(sql`vv.started_at`)} as month, s.subject, s.age_band, s.id, 'view' as kind, vv.user_id,
        false as worked
      from ${videoViews} vv join scope s on s.id = vv.video_id where ${inPeriod(f, sql`vv.started_at`)}
      union all
      select ${monthOf(sql`sg.tried_at`)}, s.subject, s.age_band, s.id, 'signal', sg.user_id, sg.worked
      from ${videoSignals} sg join scope s on s.id = sg.video_id where ${inPeriod(f, sql`sg.tried_at`)}
    )
    select month, subject, age_band as "ageBand", id::text as video,
      coalesce(array_agg(distinct user_id::text) filter (where kind = 'view'), '{}') as viewers,
      coalesce(array_agg(distinct user_id::text) filter (where kind = 'signal'), '{}') as triers,
      coalesce(array_agg(distinct user_id::text) filter (where kind = 'signal' and worked), '{}') as workers
    from events group by month, subject, age_band, id`);
  return rowsOf(res);
}

/**
 * Candidates for the most tried list: the videos in scope that the viewer may also watch (`visible`) that in
 * every month of the period in which anyone tried them, at least `minPeople` did (one signal per person and
 * video), most tried first, with their sums over the months. The service keeps those its coarsening shows.
 */
export async function topTried(db: DbOrTx, f: StatisticsFilter, visible: SQL, minPeople: number, limit = 50) {
  const res = await db.execute(sql`
    with monthly as (
      select sg.video_id, ${monthOf(sql`sg.tried_at`)} as month,
        count(*)::int as tried, (count(*) filter (where sg.worked))::int as worked
      from ${videoSignals} sg join ${videos} on ${videos.id} = sg.video_id
      where ${videoFilter(f)} and ${visible} and ${inPeriod(f, sql`sg.tried_at`)}
      group by sg.video_id, month
    )
    select ${videos.id} as id, ${videos.title} as title, sum(m.tried)::int as tried, sum(m.worked)::int as worked
    from monthly m join ${videos} on ${videos.id} = m.video_id
    group by ${videos.id}, ${videos.title}
    having min(m.tried) >= ${minPeople}
    order by tried desc, ${videos.title}, ${videos.id}
    limit ${limit}`);
  return rowsOf<{ id: string; title: string; tried: number; worked: number }>(res).map((r) => ({
    id: r.id,
    title: r.title,
    tried: Number(r.tried),
    worked: Number(r.worked),
  }));
}

/** Every subject of the taxonomy, for the statistics filter. */
export async function subjects(db: DbOrTx) {
  return db
    .select({ id: taxonomyTerms.id, label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(sql`${taxonomyTerms.kind} = 'subject'`)
    .orderBy(taxonomyTerms.label);
}

/** Institutions by id, with their kommune (for the policy) and name; by name. */
export async function institutionsByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: institutions.id, name: institutions.name, kommuneId: institutions.kommuneId })
    .from(institutions)
    .where(inArray(institutions.id, ids))
    .orderBy(institutions.name);
}
