import { and, desc, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Visibility } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import { teams, users } from '../../db/schema.js';
import { type VideoMedia, videoConsents, videos } from '../../db/videos-schema.js';

export type VideoRow = typeof videos.$inferSelect;
export type Stage = NonNullable<VideoRow['stage']>;

/** The columns the policy decides on (build the resource with `videoResource` in service.ts). */
export const policyColumns = {
  id: videos.id,
  ownerId: videos.ownerId,
  institutionId: videos.institutionId,
  kommuneId: videos.kommuneId,
  teamId: videos.teamId,
  visibility: videos.visibility,
  status: videos.status,
  editorialState: videos.editorialState,
  /**
   * Unexpired personal shares (issue 19): who besides the visibility may watch. "videos"."id" written out: in a
   * select without joins drizzle renders videos.id as a bare "id", which inside this subquery is g.id.
   */
  grantees: sql<
    string[]
  >`array(select g.grantee_id from video_grants g where g.video_id = "videos"."id" and (g.expires_at is null or g.expires_at > now()))`,
};
export type PolicyVideo = Pick<VideoRow, Exclude<keyof typeof policyColumns, 'grantees'>> & {
  grantees?: string[];
};

const videoColumns = {
  id: videos.id,
  ownerId: videos.ownerId,
  ownerName: users.name,
  institutionId: videos.institutionId,
  kommuneId: videos.kommuneId,
  teamId: videos.teamId,
  title: videos.title,
  description: videos.description,
  status: videos.status,
  stage: videos.stage,
  progress: videos.progress,
  failureCode: videos.failureCode,
  visibility: videos.visibility,
  editorialState: videos.editorialState,
  grantees: policyColumns.grantees,
  // Catalogue metadata (V1), presented by catalogue/present.ts.
  editorialComment: videos.editorialComment,
  publishedAt: videos.publishedAt,
  ageBand: videos.ageBand,
  pillars: videos.pillars,
  subject: sql<{ id: string; label: string } | null>`(
    select json_build_object('id', t.id, 'label', t.label) from taxonomy_terms t where t.id = "videos"."subject_id")`,
  methods: sql<{ id: string; label: string }[]>`coalesce((
    select json_agg(json_build_object('id', t.id, 'label', t.label) order by t.label)
    from video_methods vm join taxonomy_terms t on t.id = vm.term_id where vm.video_id = "videos"."id"), '[]'::json)`,
  originalFilename: videos.originalFilename,
  originalSize: videos.originalSize,
  durationSeconds: videos.durationSeconds,
  width: videos.width,
  height: videos.height,
  media: videos.media,
  accessVersion: videos.accessVersion,
  createdAt: videos.createdAt,
  readyAt: videos.readyAt,
  setupState: videos.setupState,
  captions: sql<{ language: string; label: string; version: number }[]>`coalesce((
    select json_agg(json_build_object('language', c.language, 'label', c.label, 'version', c.version) order by c.language)
    from video_captions c where c.video_id = "videos"."id"), '[]'::json)`,
  /** The chapters track's version when the video has chapters (issue 19 part E), else null. */
  chaptersVersion: sql<number | null>`(
    select ch.version from video_chapters ch where ch.video_id = "videos"."id" and jsonb_array_length(ch.chapters) > 0)`,
  consent: {
    pupilsAppear: videoConsents.pupilsAppear,
    consentLevel: videoConsents.consentLevel,
    collectedBy: videoConsents.collectedBy,
    collectedOn: videoConsents.collectedOn,
    withdrawnAt: videoConsents.withdrawnAt,
  },
};

export type VideoDetail = NonNullable<Awaited<ReturnType<typeof getVideo>>>;

export async function getVideo(db: DbOrTx, id: string) {
  const [v] = await db
    .select(videoColumns)
    .from(videos)
    .innerJoin(users, eq(users.id, videos.ownerId))
    .leftJoin(videoConsents, eq(videoConsents.videoId, videos.id))
    .where(eq(videos.id, id));
  return v;
}

/** Newest first, `limit` rows after the cursor (createdAt, id of the last row seen). */
export async function listVideos(
  db: DbOrTx,
  where: SQL,
  page: { limit: number; after?: { createdAt: Date; id: string } },
) {
  const after = page.after
    ? or(
        lt(videos.createdAt, page.after.createdAt),
        and(eq(videos.createdAt, page.after.createdAt), lt(videos.id, page.after.id)),
      )
    : undefined;
  return db
    .select(videoColumns)
    .from(videos)
    .innerJoin(users, eq(users.id, videos.ownerId))
    .leftJoin(videoConsents, eq(videoConsents.videoId, videos.id))
    .where(and(where, after))
    .orderBy(desc(videos.createdAt), desc(videos.id))
    .limit(page.limit);
}

/**
 * The bytes a person's videos take: every original they own, and every upload in progress at its declared size.
 * Locks the person's row first, so two uploads started at once are counted one after the other (call in a tx).
 */
export async function lockOwnerAndSumOriginals(tx: DbOrTx, ownerId: string): Promise<number> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerId)).for('update');
  const [row] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${videos.originalSize}), 0)` })
    .from(videos)
    .where(eq(videos.ownerId, ownerId));
  return Number(row?.bytes ?? 0);
}

export async function insertVideo(db: DbOrTx, v: typeof videos.$inferInsert) {
  const [row] = await db.insert(videos).values(v).returning({ id: videos.id });
  return row;
}

export async function updateVideo(db: DbOrTx, id: string, v: Partial<typeof videos.$inferInsert>) {
  await db
    .update(videos)
    .set({ ...v, updatedAt: sql`now()` })
    .where(eq(videos.id, id));
}

/**
 * Narrows access: every signed media URL handed out before stops working. A catalogue video that is no longer
 * public leaves the public catalogue (back to draft: an editor must publish it again).
 */
export async function bumpAccess(db: DbOrTx, id: string, v: { visibility?: Visibility } = {}) {
  const visibility = v.visibility ?? videos.visibility;
  await db
    .update(videos)
    .set({
      ...v,
      accessVersion: sql`${videos.accessVersion} + 1`,
      editorialState: sql`case when ${videos.editorialState} = 'published' and ${visibility} <> 'public'
        then 'draft' else ${videos.editorialState} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(videos.id, id));
}

export async function deleteVideo(db: DbOrTx, id: string) {
  await db.delete(videos).where(eq(videos.id, id));
}

export async function accessState(db: DbOrTx, id: string) {
  const [v] = await db
    .select({ accessVersion: videos.accessVersion, status: videos.status })
    .from(videos)
    .where(eq(videos.id, id));
  return v;
}

// ── Processing: a step is leased so that exactly one worker runs it; a dead worker's lease runs out. ──

/**
 * A step runs on a processing video, or on a ready one for `renditions` (issue 21: it plays from its first
 * rendition while the other rungs, the poster and the sprite are made).
 */
const stepStatus = or(
  eq(videos.status, 'processing'),
  and(eq(videos.status, 'ready'), isNotNull(videos.stage)),
);

/** Takes the lease on the video's current step when it is `stage` and nobody holds it; the row or undefined. */
export async function claimStep(db: DbOrTx, id: string, stage: Stage, owner: string, leaseSeconds: number) {
  const [v] = await db
    .update(videos)
    .set({ leaseOwner: owner, leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(videos.id, id),
        stepStatus,
        eq(videos.stage, stage),
        or(isNull(videos.leaseUntil), lt(videos.leaseUntil, sql`now()`), eq(videos.leaseOwner, owner)),
      ),
    )
    .returning();
  return v;
}

/** Renews the lease and records progress; false when the lease was lost (another worker took over). */
export async function renewStep(
  db: DbOrTx,
  id: string,
  owner: string,
  leaseSeconds: number,
  progress: number,
) {
  const rows = await db
    .update(videos)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, progress, updatedAt: sql`now()` })
    .where(and(eq(videos.id, id), eq(videos.leaseOwner, owner)))
    .returning({ id: videos.id });
  return rows.length > 0;
}

/** Records what a step has done so far (keeping its lease); false when `owner` no longer holds it. */
export async function recordStep(
  db: DbOrTx,
  id: string,
  owner: string,
  v: Partial<typeof videos.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(videos)
    .set({ ...v, updatedAt: sql`now()` })
    .where(and(eq(videos.id, id), eq(videos.leaseOwner, owner)))
    .returning({ id: videos.id });
  return rows.length > 0;
}

/** Ends the step held by `owner`: moves on to `next` (or finishes), and releases the lease. */
export async function finishStep(
  db: DbOrTx,
  id: string,
  owner: string,
  v: Partial<typeof videos.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(videos)
    .set({ ...v, leaseOwner: null, leaseUntil: null, updatedAt: sql`now()` })
    .where(and(eq(videos.id, id), eq(videos.leaseOwner, owner)))
    .returning({ id: videos.id });
  return rows.length > 0;
}

export async function releaseStep(db: DbOrTx, id: string, owner: string) {
  await db
    .update(videos)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(videos.id, id), eq(videos.leaseOwner, owner)));
}

/** Uploads still marked uploading after `minutes`: finished ones whose last step was lost are among them. */
export async function pendingUploads(db: DbOrTx, minutes: number) {
  return db
    .select({ id: videos.id, originalSize: videos.originalSize })
    .from(videos)
    .where(
      and(
        eq(videos.status, 'uploading'),
        lt(videos.createdAt, sql`now() - make_interval(mins => ${minutes})`),
      ),
    )
    .orderBy(videos.createdAt)
    .limit(100);
}

/** Uploads started more than `days` ago and never finished. */
export async function abandonedUploads(db: DbOrTx, days: number) {
  return db
    .select({ id: videos.id })
    .from(videos)
    .where(
      and(eq(videos.status, 'uploading'), lt(videos.createdAt, sql`now() - make_interval(days => ${days})`)),
    )
    .limit(100);
}

/** Whether a lease whose owner starts with `ownerPrefix` (a job id) is still held on the video. */
export async function holdsLease(db: DbOrTx, id: string, ownerPrefix: string) {
  const [v] = await db
    .select({ id: videos.id })
    .from(videos)
    .where(
      and(
        eq(videos.id, id),
        sql`starts_with(${videos.leaseOwner}, ${ownerPrefix})`,
        sql`${videos.leaseUntil} > now()`,
      ),
    );
  return !!v;
}

/** Videos whose step nobody holds and that have not moved for `idleSeconds`: their job was lost or its worker died. */
export async function strandedSteps(db: DbOrTx, idleSeconds: number) {
  return db
    .select({ id: videos.id, stage: videos.stage })
    .from(videos)
    .where(
      and(
        stepStatus,
        or(isNull(videos.leaseUntil), lt(videos.leaseUntil, sql`now()`)),
        lt(videos.updatedAt, sql`now() - make_interval(secs => ${idleSeconds})`),
      ),
    )
    .limit(100);
}

export type { VideoMedia };

export async function teamInInstitution(db: DbOrTx, teamId: string, institutionId: string) {
  const [t] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.institutionId, institutionId)));
  return !!t;
}
