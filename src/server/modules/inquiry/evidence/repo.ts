import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryEvidence } from '../../../db/inquiry-schema.js';
import { observationVisits } from '../../../db/observation-schema.js';
import { users } from '../../../db/schema.js';
import { videos } from '../../../db/videos-schema.js';
import type { Actor } from '../../../policy/index.js';
import { policySql } from '../../../policy/index.js';
import { visibleVisits } from '../../../policy/sql-observation.js';

/** SQL for a cycle's evidence (issue 16): no rules here beyond the policy's own SQL forms it is handed. */

const e = inquiryEvidence;

/**
 * A cycle's evidence (or one piece), with for each linked visit or video whether THIS reader may see it now (the
 * visit's and the video's own rules, policy's SQL forms: one query, no N+1). Oldest first.
 */
export async function evidenceFor(db: DbOrTx, actor: Actor, where: { cycleId: string } | { id: string }) {
  return db
    .select({
      id: e.id,
      cycleId: e.cycleId,
      kind: e.kind,
      title: e.title,
      body: e.body,
      visitId: e.visitId,
      videoId: e.videoId,
      fileKey: e.fileKey,
      fileName: e.fileName,
      fileType: e.fileType,
      fileSize: e.fileSize,
      data: e.data,
      addedBy: e.addedBy,
      addedByName: users.name,
      createdAt: e.createdAt,
      visitKind: observationVisits.kind,
      visitDate: observationVisits.plannedFor,
      visitVisible: sql<boolean>`coalesce(${visibleVisits(actor)}, false)`,
      videoTitle: videos.title,
      videoVisible: sql<boolean>`coalesce(${policySql.visibleVideos(actor)}, false)`,
    })
    .from(e)
    .leftJoin(users, eq(users.id, e.addedBy))
    .leftJoin(observationVisits, eq(observationVisits.id, e.visitId))
    .leftJoin(videos, eq(videos.id, e.videoId))
    .where('id' in where ? eq(e.id, where.id) : eq(e.cycleId, where.cycleId))
    .orderBy(asc(e.createdAt), asc(e.id));
}

export type EvidenceRow = Awaited<ReturnType<typeof evidenceFor>>[number];

/** Is there a visit with this id that the actor may see? (observation's rule, visibleVisits) */
export async function seesVisitById(db: DbOrTx, actor: Actor, visitId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(observationVisits)
    .where(and(eq(observationVisits.id, visitId), visibleVisits(actor) as SQL));
  return !!row;
}

/** Is there a video with this id that the actor may watch? (policy's visibleVideos) */
export async function seesVideoById(db: DbOrTx, actor: Actor, videoId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(videos)
    .where(and(eq(videos.id, videoId), policySql.visibleVideos(actor)));
  return !!row;
}

export async function countEvidence(db: DbOrTx, cycleId: string) {
  const [row] = await db.select({ n: count() }).from(e).where(eq(e.cycleId, cycleId));
  return row?.n ?? 0;
}

export async function insertEvidence(db: DbOrTx, v: typeof inquiryEvidence.$inferInsert): Promise<string> {
  const [row] = await db.insert(e).values(v).returning({ id: e.id });
  return row.id;
}

/** The piece's cycle and stored file (for the policy and the download). */
export async function getEvidence(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: e.id,
      cycleId: e.cycleId,
      addedBy: e.addedBy,
      fileKey: e.fileKey,
      fileName: e.fileName,
      fileType: e.fileType,
      fileSize: e.fileSize,
    })
    .from(e)
    .where(eq(e.id, id));
  return row;
}

export async function deleteEvidence(db: DbOrTx, id: string) {
  await db.delete(e).where(eq(e.id, id));
}
