import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Visibility } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import { videoCaptions, videoConsents, videoShares } from '../../db/videos-schema.js';

// ── Consent register ──

export async function upsertConsent(
  db: DbOrTx,
  videoId: string,
  c: {
    pupilsAppear: boolean;
    consentLevel: Visibility | null;
    collectedBy: string | null;
    collectedOn: string | null;
    recordedBy: string;
  },
) {
  const values = { ...c, withdrawnAt: null, updatedAt: sql`now()` };
  await db
    .insert(videoConsents)
    .values({ videoId, ...values })
    .onConflictDoUpdate({ target: videoConsents.videoId, set: values });
}

export async function withdrawConsent(db: DbOrTx, videoId: string, by: string) {
  await db
    .insert(videoConsents)
    .values({ videoId, pupilsAppear: true, consentLevel: 'private', withdrawnAt: sql`now()`, recordedBy: by })
    .onConflictDoUpdate({
      target: videoConsents.videoId,
      // Whoever withdrew (a guardian, or a colleague on camera), the video is now one with someone who said no.
      set: { pupilsAppear: true, withdrawnAt: sql`now()`, recordedBy: by, updatedAt: sql`now()` },
    });
}

// ── Share links ──

export async function insertShare(
  db: DbOrTx,
  v: { videoId: string; tokenHash: string; createdBy: string; expiresAt: Date | null },
) {
  const [s] = await db.insert(videoShares).values(v).returning({ id: videoShares.id });
  return s;
}

export async function listShares(db: DbOrTx, videoId: string) {
  return db
    .select({
      id: videoShares.id,
      createdAt: videoShares.createdAt,
      expiresAt: videoShares.expiresAt,
      revokedAt: videoShares.revokedAt,
    })
    .from(videoShares)
    .where(eq(videoShares.videoId, videoId))
    .orderBy(asc(videoShares.createdAt));
}

/** True when the link existed and was still open. */
export async function revokeShare(db: DbOrTx, videoId: string, shareId: string) {
  const rows = await db
    .update(videoShares)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(videoShares.id, shareId), eq(videoShares.videoId, videoId), isNull(videoShares.revokedAt)))
    .returning({ id: videoShares.id });
  return rows.length > 0;
}

/** Ends the video's open links (all, or only the never-expiring ones); how many ended. */
export async function revokeShares(db: DbOrTx, videoId: string, o: { keepExpiring: boolean }) {
  const rows = await db
    .update(videoShares)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(videoShares.videoId, videoId),
        isNull(videoShares.revokedAt),
        o.keepExpiring ? isNull(videoShares.expiresAt) : undefined,
      ),
    )
    .returning({ id: videoShares.id });
  return rows.length;
}

/** The video of an open (not revoked, not expired) link, and when the link expires (null: never). */
export async function openShare(db: DbOrTx, tokenHash: string) {
  const [s] = await db
    .select({ videoId: videoShares.videoId, expiresAt: videoShares.expiresAt })
    .from(videoShares)
    .where(
      and(
        eq(videoShares.tokenHash, tokenHash),
        isNull(videoShares.revokedAt),
        or(isNull(videoShares.expiresAt), gt(videoShares.expiresAt, sql`now()`)),
      ),
    );
  return s;
}

// ── Captions ──

export async function deleteCaption(db: DbOrTx, videoId: string, language: string) {
  const rows = await db
    .delete(videoCaptions)
    .where(and(eq(videoCaptions.videoId, videoId), eq(videoCaptions.language, language)))
    .returning({ id: videoCaptions.id });
  return rows.length > 0;
}
