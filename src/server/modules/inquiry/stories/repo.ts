import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { AGE_BANDS, type AgeBand, PILLARS, type Pillar } from '../../../../shared/catalogue.js';
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
/** When the story came out (a draft: was made); the published ones have an index in this order. */
const sortAt = sql`coalesce(${practiceStories.publishedAt}, ${practiceStories.createdAt})`;
const sortMicros = sql<string>`(extract(epoch from ${sortAt}) * 1000000)::bigint`;

type SearchScope = {
  scope: SQL;
  /**
   * Which part of the scope a story is in (an SQL expression; policy sql-stories.sharedStoryParts): the page and
   * the counts are given per part. Absent: one part, ''.
   */
  part?: SQL;
  q: { text: string; prefix: string | null } | null;
  filters: StoryFilters;
  extra: SQL;
};

/** The keyset condition: after the cursor key in search order (without a text, as the order index has it). */
function keysetAfter(q: SearchScope['q'], a: SearchKey | undefined): SQL | undefined {
  if (!a) return undefined;
  if (q)
    return sql`(${rankOf(q)}, ${sortMicros}, ${practiceStories.id}) < (${a.rank}::float8, ${a.micros}::bigint, ${a.id}::uuid)`;
  // Rank 0 throughout: the same comparison, with the time as the index has it.
  if (a.rank > 0) return undefined;
  if (a.rank < 0) return sql`false`;
  const at = sql`('epoch'::timestamptz + ${a.micros}::bigint * interval '1 microsecond')`;
  return sql`(${sortAt}, ${practiceStories.id}) < (${at}, ${a.id}::uuid)`;
}

/**
 * A page of matching story ids in scope per part, best first (then newest), `limit` after the cursor key. One
 * part without a text is read newest first through practice_stories_published_order_idx and stops after
 * `limit` rows; several parts are numbered per part in one pass.
 */
export async function searchPages(
  db: DbOrTx,
  s: SearchScope & { after?: SearchKey; limit: number },
): Promise<Map<string, SearchKey[]>> {
  const f = filterConditions(s.filters);
  const rank = rankOf(s.q);
  const where = and(
    s.scope,
    s.extra,
    textMatch(s.q),
    f.subject,
    f.ageBand,
    f.method,
    f.pillar,
    keysetAfter(s.q, s.after),
  );
  const order = s.q
    ? sql`${rank} desc, ${sortMicros} desc, ${practiceStories.id} desc`
    : sql`${sortAt} desc, ${practiceStories.id} desc`;
  const found = s.part
    ? await rows<{ part: string; id: string; rank: number; micros: string }>(
        db,
        sql`select part, id, rank, micros from (
          select ${s.part} as part, ${practiceStories.id} as id, ${rank} as rank, ${sortMicros}::text as micros,
            row_number() over (partition by ${s.part} order by ${order}) as n
          from ${practiceStories} where ${where}) x
        where n <= ${s.limit}`,
      )
    : await rows<{ part: string; id: string; rank: number; micros: string }>(
        db,
        sql`select '' as part, ${practiceStories.id} as id, ${rank} as rank, ${sortMicros}::text as micros
          from ${practiceStories} where ${where} order by ${order} limit ${s.limit}`,
      );
  const pages = new Map<string, SearchKey[]>();
  for (const r of found) {
    const page = pages.get(r.part) ?? [];
    page.push({ id: r.id, rank: Number(r.rank), micros: String(r.micros) });
    pages.set(r.part, page);
  }
  for (const page of pages.values()) page.sort(searchOrder);
  return pages;
}

/** Search order: best rank first, then newest, then the larger id (as PostgreSQL orders uuids: by bytes). */
export function searchOrder(x: SearchKey, y: SearchKey): number {
  if (x.rank !== y.rank) return y.rank - x.rank;
  const mx = BigInt(x.micros);
  const my = BigInt(y.micros);
  if (mx !== my) return my > mx ? 1 : -1;
  return x.id < y.id ? 1 : x.id > y.id ? -1 : 0;
}

export type FacetRow = {
  facet: FacetName | 'total';
  value: string | null;
  count: number;
  label: string | null;
};

/**
 * Facet counts and the total over the matching stories in scope, per part; each facet applies every filter but
 * its own. One pass over the matches: grouped by part and subject, with the age bands, pillars and total as
 * conditional counts (their values are a fixed list), and the methods through story_methods — no row is
 * unnested or aggregated twice. Only values with matches are given (count > 0), like a group-by.
 */
export async function searchFacets(db: DbOrTx, s: SearchScope): Promise<Map<string, FacetRow[]>> {
  const f = filterConditions(s.filters);
  const counts = (col: 'age_bands' | 'pillars', values: readonly string[], where: SQL) =>
    sql.join(
      values.map(
        (v, i) =>
          sql`count(*) filter (where ${where} and b.${sql.raw(col)} @> array[${v}]::text[])::int as ${sql.raw(`${col === 'age_bands' ? 'a' : 'p'}${i}`)}`,
      ),
      sql`, `,
    );
  const none = sql.join(
    [...AGE_BANDS, ...PILLARS].map(() => sql`null::int`),
    sql`, `,
  );
  type Row = {
    kind: 's' | 'm';
    part: string;
    value: string | null;
    n: number;
    total: number | null;
    label: string | null;
  } & Record<string, number | string | null>;
  const res = await rows<Row>(
    db,
    sql`
    with b as materialized (
      select ${s.part ?? sql`''`} as part, ${practiceStories.id} as id, ${practiceStories.subjectId} as subject_id,
        ${practiceStories.ageBands} as age_bands, ${practiceStories.pillars} as pillars,
        ${f.subject} as fs, ${f.ageBand} as fa, ${f.method} as fm, ${f.pillar} as fp
      from ${practiceStories}
      where ${s.scope} and ${s.extra} and ${textMatch(s.q)}
    ), c as (
      select 's' as kind, b.part, b.subject_id as value, count(*) filter (where fa and fm and fp)::int as n,
        count(*) filter (where fs and fa and fm and fp)::int as total,
        ${counts('age_bands', AGE_BANDS, sql`fs and fm and fp`)}, ${counts('pillars', PILLARS, sql`fs and fa and fm`)}
      from b group by b.part, b.subject_id
      union all
      select 'm', b.part, sm.term_id, count(*)::int, null, ${none}
      from b join story_methods sm on sm.story_id = b.id where fs and fa and fp group by b.part, sm.term_id
    )
    select c.*, t.label from c left join taxonomy_terms t on t.id = c.value`,
  );
  const byPart = new Map<string, Row[]>();
  for (const r of res) byPart.set(r.part, [...(byPart.get(r.part) ?? []), r]);
  return new Map([...byPart].map(([part, partRows]) => [part, facetRows(partRows)]));
}

function facetRows(
  res: (Record<string, number | string | null> & { kind: string; n: number })[],
): FacetRow[] {
  const out: FacetRow[] = [];
  const sum = (key: string) => res.reduce((n, r) => n + (r.kind === 's' ? Number(r[key] ?? 0) : 0), 0);
  for (const r of res) {
    const n = Number(r.n);
    const value = r.value as string | null;
    const label = r.label as string | null;
    if (r.kind === 'm' && n > 0) out.push({ facet: 'method', value, count: n, label });
    if (r.kind === 's' && value !== null && n > 0) out.push({ facet: 'subject', value, count: n, label });
  }
  AGE_BANDS.forEach((v, i) => {
    const n = sum(`a${i}`);
    if (n > 0) out.push({ facet: 'ageBand', value: v, count: n, label: null });
  });
  PILLARS.forEach((v, i) => {
    const n = sum(`p${i}`);
    if (n > 0) out.push({ facet: 'pillar', value: v, count: n, label: null });
  });
  out.push({ facet: 'total', value: null, count: sum('total'), label: null });
  return out;
}
