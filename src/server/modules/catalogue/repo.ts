import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AgeBand, EditorialState, Pillar, TermKind } from '../../../shared/catalogue.js';
import { videoMethods } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { institutions, users } from '../../db/schema.js';
import { taxonomyTerms, videoConsents, videos } from '../../db/videos-schema.js';

// ── Video metadata and editorial state ──

/** The terms among `ids` of the given kind (unknown ids and other kinds are left out). */
export async function termsOfKind(db: DbOrTx, kind: TermKind, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, kind), inArray(taxonomyTerms.id, ids)));
}

export async function setMetadata(
  db: DbOrTx,
  videoId: string,
  v: { subjectId: string | null; ageBand: AgeBand | null; pillars: Pillar[]; methodIds: string[] },
) {
  await db
    .update(videos)
    .set({ subjectId: v.subjectId, ageBand: v.ageBand, pillars: v.pillars, updatedAt: sql`now()` })
    .where(eq(videos.id, videoId));
  await db.delete(videoMethods).where(eq(videoMethods.videoId, videoId));
  if (v.methodIds.length)
    await db.insert(videoMethods).values(v.methodIds.map((termId) => ({ videoId, termId })));
}

/**
 * Moves the video to `to` only when it is still in one of `from` (a concurrent change loses); false when it was not.
 */
export async function transition(
  db: DbOrTx,
  videoId: string,
  from: EditorialState[],
  to: EditorialState,
  extra: Partial<typeof videos.$inferInsert> = {},
) {
  const changed = await db
    .update(videos)
    .set({ ...extra, editorialState: to, updatedAt: sql`now()` })
    .where(and(eq(videos.id, videoId), inArray(videos.editorialState, from)))
    .returning({ id: videos.id });
  return changed.length > 0;
}

/** The editorial list: videos in `state` that `where` lets the editor see, after the cursor. */
export async function editorialList(
  db: DbOrTx,
  where: SQL,
  state: EditorialState,
  page: { limit: number; after?: { at: string; id: string } },
) {
  // The queue is oldest first; published videos newest first.
  const newest = state === 'published';
  // The cursor keeps the time as PostgreSQL's text (microseconds): a JS Date would cut it to milliseconds.
  const after = page.after
    ? sql`("videos"."updated_at", "videos"."id") ${sql.raw(newest ? '<' : '>')} (${page.after.at}::timestamptz, ${page.after.id}::uuid)`
    : undefined;
  return db
    .select({
      id: videos.id,
      title: videos.title,
      visibility: videos.visibility,
      status: videos.status,
      editorialState: videos.editorialState,
      editorialComment: videos.editorialComment,
      publishedAt: videos.publishedAt,
      updatedAt: videos.updatedAt,
      cursorAt: sql<string>`"videos"."updated_at"::text`,
      createdAt: videos.createdAt,
      ageBand: videos.ageBand,
      pillars: videos.pillars,
      owner: { id: users.id, name: users.name },
      institution: { id: institutions.id, name: institutions.name },
      subject: sql<{ id: string; label: string } | null>`(
        select json_build_object('id', t.id, 'label', t.label) from taxonomy_terms t where t.id = "videos"."subject_id")`,
      methods: sql<{ id: string; label: string }[]>`coalesce((
        select json_agg(json_build_object('id', t.id, 'label', t.label) order by t.label)
        from video_methods vm join taxonomy_terms t on t.id = vm.term_id where vm.video_id = "videos"."id"), '[]'::json)`,
      consent: {
        pupilsAppear: videoConsents.pupilsAppear,
        consentLevel: videoConsents.consentLevel,
        withdrawnAt: videoConsents.withdrawnAt,
      },
    })
    .from(videos)
    .innerJoin(users, eq(users.id, videos.ownerId))
    .innerJoin(institutions, eq(institutions.id, videos.institutionId))
    .leftJoin(videoConsents, eq(videoConsents.videoId, videos.id))
    .where(and(where, eq(videos.editorialState, state), after))
    .orderBy(
      ...(newest ? [desc(videos.updatedAt), desc(videos.id)] : [asc(videos.updatedAt), asc(videos.id)]),
    )
    .limit(page.limit);
}

// ── Taxonomy ──

export type TermRow = { id: string; kind: TermKind; label: string; usage: number };

// Written out in full: drizzle may leave a column unqualified, and a bare "id" would mean videos.id in there.
const usage = sql<number>`(case when "taxonomy_terms"."kind" = 'subject'
  then (select count(*) from videos v where v.subject_id = "taxonomy_terms"."id")
  else (select count(*) from video_methods vm where vm.term_id = "taxonomy_terms"."id") end)::int`;

/** Every term (the taxonomy is small and bounded by `limit`), by kind and label, with how many videos use it. */
export async function listTerms(db: DbOrTx, kind: TermKind | undefined, limit: number): Promise<TermRow[]> {
  return db
    .select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind, label: taxonomyTerms.label, usage })
    .from(taxonomyTerms)
    .where(kind ? eq(taxonomyTerms.kind, kind) : undefined)
    .orderBy(asc(taxonomyTerms.kind), sql`lower(${taxonomyTerms.label})`, asc(taxonomyTerms.id))
    .limit(limit);
}

export async function getTerm(db: DbOrTx, id: string): Promise<TermRow | undefined> {
  const [t] = await db
    .select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind, label: taxonomyTerms.label, usage })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.id, id));
  return t;
}

/** A term of the kind with this label, ignoring case (the unique index does the same). */
export async function findTermByLabel(db: DbOrTx, kind: TermKind, label: string) {
  const [t] = await db
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, kind), sql`lower(${taxonomyTerms.label}) = lower(${label})`));
  return t;
}

export async function insertTerm(db: DbOrTx, kind: TermKind, label: string) {
  const [t] = await db.insert(taxonomyTerms).values({ kind, label }).returning({ id: taxonomyTerms.id });
  return t.id;
}

export async function renameTerm(db: DbOrTx, id: string, label: string) {
  await db.update(taxonomyTerms).set({ label }).where(eq(taxonomyTerms.id, id));
}

/** Ids of the videos that use the term (as subject or method), for refreshing their search documents. */
export async function videosUsingTerm(db: DbOrTx, id: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`select id from videos where subject_id = ${id}
      union select video_id as id from video_methods where term_id = ${id}`,
  );
  return found.map((r) => r.id);
}

/**
 * Moves every link of `fromId` to `intoId`: subjects, and method tags (a video tagged with both keeps one link).
 * Then deletes `fromId`. Returns how many subject and method links moved.
 */
export async function mergeTerm(db: DbOrTx, fromId: string, intoId: string) {
  const subjects = await db
    .update(videos)
    .set({ subjectId: intoId, updatedAt: sql`now()` })
    .where(eq(videos.subjectId, fromId))
    .returning({ id: videos.id });
  const moved = await rows(
    db,
    sql`insert into video_methods (video_id, term_id)
      select video_id, ${intoId}::uuid from video_methods where term_id = ${fromId}
      on conflict do nothing returning video_id`,
  );
  await db.delete(videoMethods).where(eq(videoMethods.termId, fromId));
  await db.delete(taxonomyTerms).where(eq(taxonomyTerms.id, fromId));
  return { subjects: subjects.length, methods: moved.length };
}

/** Deletes the term only when no video uses it; false when it is in use (checked in the same statement). */
export async function deleteUnusedTerm(db: DbOrTx, id: string) {
  const deleted = await db
    .delete(taxonomyTerms)
    .where(
      and(
        eq(taxonomyTerms.id, id),
        sql`not exists (select 1 from videos v where v.subject_id = ${id})`,
        sql`not exists (select 1 from video_methods vm where vm.term_id = ${id})`,
      ),
    )
    .returning({ id: taxonomyTerms.id });
  return deleted.length > 0;
}
