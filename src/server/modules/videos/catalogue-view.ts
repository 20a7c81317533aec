import type { AgeBand, EditorialState, Pillar } from '../../../shared/catalogue.js';
import type { VideoStatus } from '../../../shared/constants.js';
import { type Actor, can, type VideoResource } from '../../policy/index.js';
import { allowedVisibility, type Consent } from './consent.js';

// The catalogue part of every video answer (presentVideo in service.ts). It lives in videos, the bottom of the
// content cluster, because every video answer carries it. Who may describe a video is policy's 'video.describe'.

/** The catalogue fields of a video row (videos/repo.ts videoColumns). */
export type CatalogueFields = {
  ownerId: string;
  subject: { id: string; label: string } | null;
  ageBand: AgeBand | null;
  pillars: Pillar[];
  methods: { id: string; label: string }[];
  editorialState: EditorialState;
  editorialComment: string | null;
  publishedAt: Date | null;
  status: VideoStatus;
  consent: Consent;
};

/** Why publishing would be refused now (catalogue/service.ts publish checks the same, in the same order). */
function publishBlocked(v: CatalogueFields) {
  if (v.status !== 'ready') return 'not_ready' as const;
  if (!v.subject || !v.ageBand) return 'metadata_incomplete' as const;
  const c = v.consent?.pupilsAppear === undefined || v.consent.pupilsAppear === null ? null : v.consent;
  if (allowedVisibility(c) === 'public') return null;
  return c ? ('consent_not_public' as const) : ('consent_missing' as const);
}

/** The `catalogue` object of a video in the API: metadata, editorial state, and what the viewer may do. */
export function presentCatalogue(actor: Actor, v: CatalogueFields, r: VideoResource) {
  const reviews = can(actor, 'video.review', r);
  const owner = actor.id !== '' && actor.id === v.ownerId;
  return {
    subject: v.subject,
    ageBand: v.ageBand,
    methods: v.methods,
    pillars: v.pillars,
    editorialState: v.editorialState,
    // The editors' comment is between them and the owner.
    editorialComment: owner || reviews ? v.editorialComment : null,
    curated: v.editorialState === 'published',
    publishedAt: v.publishedAt,
    canDescribe: can(actor, 'video.describe', r),
    canSubmit: can(actor, 'video.submit', r),
    canReview: reviews,
    publishBlocked: reviews && v.editorialState === 'in_review' ? publishBlocked(v) : null,
  };
}
