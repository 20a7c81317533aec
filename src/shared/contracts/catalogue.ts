import { z } from 'zod';
import { AGE_BANDS, EDITORIAL_STATES, PILLARS, TERM_KINDS } from '../catalogue.js';
import { VIDEO_STATUSES, VISIBILITIES } from '../constants.js';
import { id, name, page, pageQuery, personRef, timestamp } from './common.js';
import { TermRef, VideoDetail } from './videos.js';

/**
 * The catalogue (V1): a video's metadata and editorial workflow (/api/v1/videos/:id/catalogue…, /catalogue/editorial),
 * the taxonomy of subjects and methods (/taxonomy) and curated collections (/collections).
 */

// Requests
const label = z.string().trim().min(1).max(100);
const comment = z.string().max(2000).optional();
const idList = z.array(id).max(100);

export const CatalogueMetadata = z.strictObject({
  subjectId: id.nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  methodIds: z.array(id).max(50),
  pillars: z.array(z.enum(PILLARS)).max(PILLARS.length * 2),
});
export const CatalogueReturn = z.strictObject({ comment });
export const CatalogueUnpublish = z.strictObject({ to: z.enum(['returned', 'draft']), comment });
export const EditorialQuery = z.strictObject({
  state: z.enum(EDITORIAL_STATES).default('in_review'),
  cursor: pageQuery.cursor,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const TaxonomyQuery = z.strictObject({ kind: z.enum(TERM_KINDS).optional() });
export const TermCreate = z.strictObject({ kind: z.enum(TERM_KINDS), label });
export const TermRename = z.strictObject({ label });
export const TermMerge = z.strictObject({ intoId: id });

const collectionDescription = z.string().trim().max(2000).optional();
export const CollectionListQuery = z.strictObject({ manage: z.enum(['true', 'false']).optional() });
export const CollectionCreate = z.strictObject({ title: name, description: collectionDescription });
export const CollectionUpdate = z.strictObject({
  title: name.optional(),
  description: collectionDescription,
});
export const CollectionOrder = z.strictObject({ ids: idList });
export const CollectionVideoAdd = z.strictObject({ videoId: id });
export const CollectionVideosOrder = z.strictObject({ videoIds: idList });
export const CollectionVideoParams = z.strictObject({ id, videoId: id });

// Answers
export { TermRef, VideoCatalogue } from './videos.js';

/** A subject or method term; `usage` (how many videos use it) only for editors. */
export const Term = z.object({
  id,
  kind: z.enum(TERM_KINDS),
  label: z.string(),
  usage: z.number().int().optional(),
});
export const TermList = z.object({ items: z.array(Term) });

/** What the consent register says about showing a video publicly (the review queue). */
export const ConsentStatus = z.object({
  state: z.enum(['missing', 'no_pupils', 'consented', 'withdrawn']),
  widestVisibility: z.enum(VISIBILITIES),
  allowsPublic: z.boolean(),
});
/** A video in the editors' list. */
export const EditorialItem = z.object({
  id,
  title: z.string(),
  visibility: z.enum(VISIBILITIES),
  status: z.enum(VIDEO_STATUSES),
  editorialState: z.enum(EDITORIAL_STATES),
  editorialComment: z.string().nullable(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
  createdAt: timestamp,
  ageBand: z.enum(AGE_BANDS).nullable(),
  pillars: z.array(z.enum(PILLARS)),
  subject: TermRef.nullable(),
  methods: z.array(TermRef),
  owner: personRef,
  institution: z.object({ id, name: z.string() }),
  consent: ConsentStatus,
});
export const EditorialPage = page(EditorialItem);

/** A curated collection with the videos the viewer may watch, in the editors' order. */
export const Collection = z.object({
  id,
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  videos: z.array(VideoDetail),
});
export const CollectionList = z.object({ items: z.array(Collection) });
