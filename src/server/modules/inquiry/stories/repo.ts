import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AgeBand, Pillar } from '../../../../shared/catalogue.js';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryCycles, practiceStories, storyMethods, storyVideos } from '../../../db/inquiry-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, kommuner, teamMemberships, teams, users } from '../../../db/schema.js';
import { taxonomyTerms, videos } from '../../../db/videos-schema.js';

/** Practice stories: SQL only. */

export type StoryInsert = typeof practiceStories.$inferInsert;
export type StoryRecord = typeof practiceStories.$inferSelect;

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** What a story card needs, beside the row's own columns (one statement for a page of them). */
const summaryColumns = {
  id: practiceStories.id,
  title: practiceStories.title,
  context: sql<string>`left(${practiceStories.context}, 241)`,
  institutionId: practiceStories.institutionId,
  institutionName: institutions.name,
  kommuneId: practiceStories.kommuneId,
  kommuneName: kommuner.name,
  subject: sql<{ id: string; label: string } | null>`(
    select json_build_object('id', t.id, 'label', t.label) from taxonomy_terms t where t.id = ${practiceStories.subjectId})`,
  ageBands: practiceStories.ageBands,
  methods: sql<{ id: string; label: string }[]>`coalesce((
    select json_agg(json_build_object('id', t.id, 'label', t.label) order by t.label)
    from story_methods sm join taxonomy_terms t on t.id = sm.term_id where sm.story_id = ${practiceStories.id}), '[]'::json)`,
  pillars: practiceStories.pillars,
  templateName: practiceStories.templateName,
  visibility: practiceStories.visibility,
  triedCount: sql<number>`(select count(distinct c.team_id)::int from inquiry_cycles c
    where c.origin_story_id = ${practiceStories.id})`,
  publishedAt: practiceStories.publishedAt,
  state: practiceStories.state,
  submittedAt: practiceStories.submittedAt,
  version: practiceStories.version,
};

export type SummaryRow = {
  id: string;
  title: string;
  context: string;
  institutionId: string;
  institutionName: string;
  kommuneId: string;
  kommuneName: string;
  subject: { id: string; label: string } | null;
  ageBands: string[];
  methods: { id: string; label: string }[];
  pillars: Pillar[];
  templateName: string;
  visibility: StoryRecord['visibility'];
  triedCount: number;
  publishedAt: Date | null;
  state: StoryRecord['state'];
  submittedAt: Date | null;
  version: number;
};

function summarySelect(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(practiceStories)
    .innerJoin(institutions, eq(institutions.id, practiceStories.institutionId))
    .innerJoin(kommuner, eq(kommuner.id, practiceStories.kommuneId));
}

/** Summaries of the given stories that `scope` allows, in the order of `ids`. */
export async function summaries(db: DbOrTx, scope: SQL, ids: string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const found = (await summarySelect(db).where(and(scope, inArray(practiceStories.id, ids)))) as SummaryRow[];
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is SummaryRow => !!r);
}

/** The editors' queue: stories in review that `scope` allows, the longest waiting first. */
export async function reviewQueue(db: DbOrTx, scope: SQL, limit: number): Promise<SummaryRow[]> {
  return (await summarySelect(db)
    .where(and(scope, eq(practiceStories.state, 'in_review')))
    .orderBy(asc(practiceStories.submittedAt), asc(practiceStories.id))
    .limit(limit)) as SummaryRow[];
}

export type StoryRow = StoryRecord & { teamName: string | null };

/** One story with its team's name; `forUpdate` locks the row (inside a transaction). */
export async function findStory(
  db: DbOrTx,
  where: { id: string } | { cycleId: string },
  opts: { forUpdate?: boolean } = {},
): Promise<StoryRow | undefined> {
  const q = db
    .select({ story: practiceStories, teamName: teams.name })
    .from(practiceStories)
    .leftJoin(teams, eq(teams.id, practiceStories.teamId))
    .where('id' in where ? eq(practiceStories.id, where.id) : eq(practiceStories.cycleId, where.cycleId));
  const [row] = opts.forUpdate ? await q.for('update', { of: practiceStories }) : await q;
  return row ? { ...row.story, teamName: row.teamName } : undefined;
}

export async function insertStory(db: DbOrTx, values: StoryInsert): Promise<string> {
  const [row] = await db.insert(practiceStories).values(values).returning({ id: practiceStories.id });
  return row.id;
}

/** Writes the changed columns, moves the version on and stamps updated_at. */
export async function updateStory(db: DbOrTx, id: string, set: Partial<StoryInsert>) {
  await db
    .update(practiceStories)
    .set({ ...set, version: sql`${practiceStories.version} + 1`, updatedAt: sql`now()` })
    .where(eq(practiceStories.id, id));
}

export async function setMethods(db: DbOrTx, storyId: string, termIds: string[]) {
  await db.delete(storyMethods).where(eq(storyMethods.storyId, storyId));
  if (termIds.length) await db.insert(storyMethods).values(termIds.map((termId) => ({ storyId, termId })));
}

export async function setVideos(db: DbOrTx, storyId: string, videoIds: string[]) {
  await db.delete(storyVideos).where(eq(storyVideos.storyId, storyId));
  if (videoIds.length)
    await db
      .insert(storyVideos)
      .values(videoIds.map((videoId, position) => ({ storyId, videoId, position })));
}

export async function methodIds(db: DbOrTx, storyId: string): Promise<string[]> {
  const res = await db
    .select({ id: storyMethods.termId })
    .from(storyMethods)
    .where(eq(storyMethods.storyId, storyId));
  return res.map((r) => r.id);
}

/** The linked videos' ids in the authors' order (whoever may watch them). */
export async function videoIds(db: DbOrTx, storyId: string): Promise<string[]> {
  const res = await db
    .select({ id: storyVideos.videoId })
    .from(storyVideos)
    .where(eq(storyVideos.storyId, storyId))
    .orderBy(asc(storyVideos.position));
  return res.map((r) => r.id);
}

/** How many of the ids are taxonomy terms of this kind. */
export async function countTerms(db: DbOrTx, kind: 'subject' | 'method', ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, kind), inArray(taxonomyTerms.id, ids)));
  return row?.n ?? 0;
}

/** Which of the ids are videos in `scope` (an SQL form of the video policy). */
export async function videosIn(db: DbOrTx, scope: SQL, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await db
    .select({ id: videos.id })
    .from(videos)
    .where(and(scope, inArray(videos.id, ids)));
  return new Set(res.map((r) => r.id));
}

/** The PLF pillars of the given videos, together, in a stable order. */
export async function pillarsOf(db: DbOrTx, ids: string[]): Promise<Pillar[]> {
  if (ids.length === 0) return [];
  const res = await rows<{ p: Pillar }>(
    db,
    sql`select distinct p from videos v cross join lateral unnest(v.pillars) as p where v.id in (${list(ids)}) order by p`,
  );
  return res.map((r) => r.p);
}

/**
 * Rebuilds the story's weighted Danish document: title (A), methods and subject (B), context, question and what
 * was tried (C), what was learned and the materials (D). Call it in the same transaction as every write.
 */
export async function refreshSearchDocument(db: DbOrTx, storyId: string) {
  await db.execute(sql`
    update practice_stories s set search_document =
      setweight(to_tsvector('danish', coalesce(s.title, '')), 'A') ||
      setweight(to_tsvector('danish', coalesce((
        select string_agg(t.label, ' ') from taxonomy_terms t
        where t.id = s.subject_id
           or t.id in (select sm.term_id from story_methods sm where sm.story_id = s.id)
      ), '')), 'B') ||
      setweight(to_tsvector('danish', concat_ws(' ', s.context, s.question, s.tried)), 'C') ||
      setweight(to_tsvector('danish', concat_ws(' ', s.learned, s.materials)), 'D')
    where s.id = ${storyId}`);
}

/** The team's members (to notify them). */
export async function memberIds(db: DbOrTx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const res = await db
    .select({ id: teamMemberships.userId })
    .from(teamMemberships)
    .where(eq(teamMemberships.teamId, teamId));
  return res.map((r) => r.id);
}

export async function personRef(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  return u ?? null;
}

/** Published stories in `scope` written from cycles that started from this story (what the teams found). */
export async function followUpIds(db: DbOrTx, scope: SQL, storyId: string, limit: number): Promise<string[]> {
  const res = await db
    .select({ id: practiceStories.id })
    .from(practiceStories)
    .innerJoin(inquiryCycles, eq(inquiryCycles.id, practiceStories.cycleId))
    .where(and(scope, eq(practiceStories.state, 'published'), eq(inquiryCycles.originStoryId, storyId)))
    .orderBy(asc(practiceStories.publishedAt), asc(practiceStories.id))
    .limit(limit);
  return res.map((r) => r.id);
}

/** The story the story's own cycle was started from, if any. */
export async function originId(db: DbOrTx, cycleId: string | null): Promise<string | null> {
  if (!cycleId) return null;
  const [row] = await db
    .select({ id: inquiryCycles.originStoryId })
    .from(inquiryCycles)
    .where(eq(inquiryCycles.id, cycleId));
  return row?.id ?? null;
}

// ── Search ──

export type StoryFilters = { subject: string[]; ageBand: AgeBand[]; method: string[]; pillar: Pillar[] };
export type FacetName = keyof StoryFilters;

/** The text condition: Danish full text (websearch syntax) or every typed word as a prefix. */
export function textMatch(q: { text: string; prefix: string | null } | null): SQL {
  if (!q) return sql`true`;
  const full = sql`${practiceStories.searchDocument} @@ websearch_to_tsquery('danish', ${q.text})`;
  if (!q.prefix) return full;
  return sql`(${full} or ${practiceStories.searchDocument} @@ to_tsquery('danish', ${q.prefix}))`;
}

export function filterConditions(f: StoryFilters): Record<FacetName, SQL> {
  return {
    subject: f.subject.length ? sql`${practiceStories.subjectId} in (${list(f.subject)})` : sql`true`,
    ageBand: f.ageBand.length
      ? sql`${practiceStories.ageBands} && array[${list(f.ageBand)}]::text[]`
      : sql`true`,
    method: f.method.length
      ? sql`exists (select 1 from story_methods fm where fm.story_id = ${practiceStories.id} and fm.term_id in (${list(f.method)}))`
      : sql`true`,
    pillar: f.pillar.length ? sql`${practiceStories.pillars} && array[${list(f.pillar)}]::text[]` : sql`true`,
  };
}

export type SearchKey = { rank: number; micros: string; id: string };

const rankOf = (q: { text: string } | null) =>
  q
    ? sql<number>`ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], coalesce(${practiceStories.searchDocument}, ''::tsvector), websearch_to_tsquery('danish', ${q.text}))::float8`
    : sql<number>`0::float8`;
const sortMicros = sql<string>`(extract(epoch from coalesce(${practiceStories.publishedAt}, ${practiceStories.createdAt})) * 1000000)::bigint`;

/** One page of matching story ids in scope, best first (then newest), `limit` after the cursor key. */
export async function searchPage(
  db: DbOrTx,
  s: {
    scope: SQL;
    q: { text: string; prefix: string | null } | null;
    filters: StoryFilters;
    extra: SQL;
    after?: SearchKey;
    limit: number;
  },
): Promise<SearchKey[]> {
  const f = filterConditions(s.filters);
  const rank = rankOf(s.q);
  const keyset = s.after
    ? sql`(${rank}, ${sortMicros}, ${practiceStories.id}) < (${s.after.rank}::float8, ${s.after.micros}::bigint, ${s.after.id}::uuid)`
    : undefined;
  const page = await db
    .select({ id: practiceStories.id, rank, micros: sql<string>`${sortMicros}::text` })
    .from(practiceStories)
    .where(and(s.scope, s.extra, textMatch(s.q), f.subject, f.ageBand, f.method, f.pillar, keyset))
    .orderBy(sql`${rank} desc`, sql`${sortMicros} desc`, sql`${practiceStories.id} desc`)
    .limit(s.limit);
  return page.map((p) => ({ id: p.id, rank: Number(p.rank), micros: String(p.micros) }));
}

export type FacetRow = {
  facet: FacetName | 'total';
  value: string | null;
  count: number;
  label: string | null;
};

/** Facet counts and the total over the matching stories in scope; each facet applies every filter but its own. */
export async function searchFacets(
  db: DbOrTx,
  s: { scope: SQL; q: { text: string; prefix: string | null } | null; filters: StoryFilters; extra: SQL },
): Promise<FacetRow[]> {
  const f = filterConditions(s.filters);
  const res = await rows<FacetRow>(
    db,
    sql`
    with base as materialized (
      select ${practiceStories.id} as id, ${practiceStories.subjectId} as subject_id,
        ${practiceStories.ageBands} as age_bands, ${practiceStories.pillars} as pillars,
        ${f.subject} as fs, ${f.ageBand} as fa, ${f.method} as fm, ${f.pillar} as fp
      from ${practiceStories}
      where ${s.scope} and ${s.extra} and ${textMatch(s.q)}
    ), counts as (
      select 'subject' as facet, b.subject_id::text as value, count(*)::int as count from base b
        where b.fa and b.fm and b.fp and b.subject_id is not null group by b.subject_id
      union all
      select 'ageBand', a.value, count(*)::int from base b cross join lateral unnest(b.age_bands) as a(value)
        where b.fs and b.fm and b.fp group by a.value
      union all
      select 'method', sm.term_id::text, count(*)::int from base b join story_methods sm on sm.story_id = b.id
        where b.fs and b.fa and b.fp group by sm.term_id
      union all
      select 'pillar', p.value, count(*)::int from base b cross join lateral unnest(b.pillars) as p(value)
        where b.fs and b.fa and b.fm group by p.value
      union all
      select 'total', null, count(*)::int from base b where b.fs and b.fa and b.fm and b.fp
    )
    select c.facet, c.value, c.count, t.label
    from counts c left join taxonomy_terms t on c.facet in ('subject', 'method') and t.id::text = c.value`,
  );
  return res.map((r) => ({ ...r, count: Number(r.count) }));
}
