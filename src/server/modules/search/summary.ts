import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AgeBand, EditorialState, Pillar } from '../../../shared/catalogue.js';
import type { VideoStatus, Visibility } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { institutions, users } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { tooFew } from '../reflection/index.js';
import { signedMediaPrefix } from '../videos/index.js';

/**
 * A video as lists show it (search results, home page, related videos, community feeds, packages): what a
 * card needs, fetched in one query with its subject and methods. Use `summaryColumns` in a select from
 * `videos` joined with `summaryJoins`, then `presentSummary` each row.
 */
export const summaryColumns = {
  id: videos.id,
  title: videos.title,
  // A card shows a few lines; one character more tells whether it was cut.
  description: sql<string>`left(${videos.description}, 241)`,
  durationSeconds: videos.durationSeconds,
  status: videos.status,
  visibility: videos.visibility,
  progress: videos.progress,
  poster: sql<boolean>`coalesce((${videos.media}->>'poster')::boolean, false)`,
  accessVersion: videos.accessVersion,
  ownerId: videos.ownerId,
  ownerName: users.name,
  institutionId: videos.institutionId,
  institutionName: institutions.name,
  subject: sql<{ id: string; label: string } | null>`(
    select json_build_object('id', t.id, 'label', t.label) from taxonomy_terms t where t.id = ${videos.subjectId})`,
  ageBand: videos.ageBand,
  pillars: videos.pillars,
  methods: sql<{ id: string; label: string }[]>`coalesce((
    select json_agg(json_build_object('id', t.id, 'label', t.label) order by t.label)
    from video_methods vm join taxonomy_terms t on t.id = vm.term_id where vm.video_id = ${videos.id}), '[]'::json)`,
  editorialState: videos.editorialState,
  /** In an editors' collection (the home page's "Udvalgte samlinger"): what a card marks "Udvalgt". */
  featured: sql<boolean>`exists(select 1 from collection_videos cv where cv.video_id = ${videos.id})`,
  triedCount: videos.triedCount,
  workedCount: videos.workedCount,
  viewCount: videos.viewCount,
  readyAt: videos.readyAt,
  createdAt: videos.createdAt,
};

export type SummaryRow = {
  id: string;
  title: string;
  description: string;
  durationSeconds: number | null;
  status: VideoStatus;
  visibility: Visibility;
  progress: number | null;
  poster: boolean;
  accessVersion: number;
  ownerId: string;
  ownerName: string;
  institutionId: string;
  institutionName: string;
  subject: { id: string; label: string } | null;
  ageBand: AgeBand | null;
  pillars: Pillar[];
  methods: { id: string; label: string }[];
  editorialState: EditorialState;
  featured: boolean;
  triedCount: number;
  workedCount: number;
  viewCount: number;
  readyAt: Date | null;
  createdAt: Date;
};

/** The joins `summaryColumns` needs: `.from(videos).innerJoin(...summaryJoins.owner).innerJoin(...summaryJoins.institution)`. */
export const summaryJoins = {
  owner: [users, eq(users.id, videos.ownerId)] as const,
  institution: [institutions, eq(institutions.id, videos.institutionId)] as const,
};

/** Summaries of the given videos that `scope` (an SQL form of the policy) allows, in the order of `ids`. */
export async function videoSummaries(db: DbOrTx, scope: SQL, ids: string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(videos)
    .innerJoin(...summaryJoins.owner)
    .innerJoin(...summaryJoins.institution)
    .where(and(scope, inArray(videos.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is SummaryRow => !!r);
}

const toIso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The API shape of a summary: a signed poster URL for this viewer, a short description, curated or not. */
export function presentSummary(ctx: Pick<AppContext, 'secret'>, v: SummaryRow) {
  const ready = v.status === 'ready';
  const description =
    v.description.length > 240 ? `${v.description.slice(0, 239).trimEnd()}…` : v.description;
  return {
    id: v.id,
    title: v.title,
    description,
    durationSeconds: v.durationSeconds,
    status: v.status,
    visibility: v.visibility,
    progress: v.status === 'processing' ? Math.round((v.progress ?? 0) * 100) : null,
    posterUrl: ready && v.poster ? `${signedMediaPrefix(ctx.secret, v.id, v.accessVersion)}poster.jpg` : null,
    owner: { id: v.ownerId, name: v.ownerName },
    institution: { id: v.institutionId, name: v.institutionName },
    subject: v.subject,
    ageBand: v.ageBand,
    methods: v.methods,
    pillars: v.pillars,
    curated: v.editorialState === 'published',
    featured: v.editorialState === 'published' && v.featured,
    triedCount: v.triedCount,
    // With one or two who tried it, "worked" would tell each one's answer (ADR 0009; as on the video page).
    workedCount: tooFew(v.triedCount) ? null : v.workedCount,
    viewCount: v.viewCount,
    readyAt: toIso(v.readyAt),
    createdAt: toIso(v.createdAt) as string,
  };
}
export type VideoSummary = ReturnType<typeof presentSummary>;
