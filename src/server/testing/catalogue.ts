import { and, eq } from 'drizzle-orm';
import type { AgeBand, EditorialState, Pillar } from '../../shared/catalogue.js';
import type { Visibility } from '../../shared/constants.js';
import { videoMethods } from '../db/community-schema.js';
import type { DbOrTx } from '../db/index.js';
import { institutions } from '../db/schema.js';
import { taxonomyTerms, videos } from '../db/videos-schema.js';
import { refreshSearchDocuments } from '../modules/search-documents/index.js';

export type VideoRowSpec = {
  ownerId: string;
  institutionId: string;
  title?: string;
  description?: string;
  visibility?: Visibility;
  teamId?: string | null;
  status?: 'uploading' | 'processing' | 'ready' | 'failed';
  /** Subject and method labels from the taxonomy (created when missing). */
  subject?: string;
  methods?: string[];
  ageBand?: AgeBand;
  pillars?: Pillar[];
  editorialState?: EditorialState;
  durationSeconds?: number;
  readyAt?: Date;
};

/** The id of a taxonomy term by kind and label, created when it does not exist yet. */
export async function termId(db: DbOrTx, kind: 'subject' | 'method', label: string): Promise<string> {
  const [found] = await db
    .select({ id: taxonomyTerms.id })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, kind), eq(taxonomyTerms.label, label)));
  if (found) return found.id;
  const [made] = await db.insert(taxonomyTerms).values({ kind, label }).returning({ id: taxonomyTerms.id });
  return made.id;
}

/**
 * Inserts a video row as if it had been uploaded and processed (no media files): for tests of catalogue,
 * search, discussion and statistics that do not play the video. Returns its id.
 */
export async function insertVideo(db: DbOrTx, spec: VideoRowSpec): Promise<string> {
  const [inst] = await db
    .select({ kommuneId: institutions.kommuneId })
    .from(institutions)
    .where(eq(institutions.id, spec.institutionId));
  const status = spec.status ?? 'ready';
  const [row] = await db
    .insert(videos)
    .values({
      ownerId: spec.ownerId,
      institutionId: spec.institutionId,
      kommuneId: inst.kommuneId,
      teamId: spec.teamId ?? null,
      title: spec.title ?? 'Testvideo',
      description: spec.description ?? '',
      status,
      visibility: spec.visibility ?? 'institution',
      originalFilename: 'test.mp4',
      originalSize: 1000,
      durationSeconds: spec.durationSeconds ?? 60,
      width: 640,
      height: 360,
      media:
        status === 'ready'
          ? {
              rungs: [{ name: '360p', width: 640, height: 360, bandwidth: 800_000 }],
              hasAudio: true,
              remuxed: false,
              poster: true,
              sprite: false,
            }
          : null,
      readyAt: status === 'ready' ? (spec.readyAt ?? new Date()) : null,
      subjectId: spec.subject ? await termId(db, 'subject', spec.subject) : null,
      ageBand: spec.ageBand ?? null,
      pillars: spec.pillars ?? [],
      editorialState: spec.editorialState ?? 'none',
      publishedAt: spec.editorialState === 'published' ? (spec.readyAt ?? new Date()) : null,
    })
    .returning({ id: videos.id });
  if (spec.methods?.length) {
    const ids = await Promise.all(spec.methods.map((m) => termId(db, 'method', m)));
    await db.insert(videoMethods).values(ids.map((t) => ({ videoId: row.id, termId: t })));
  }
  await refreshSearchDocuments(db, [row.id]);
  return row.id;
}
