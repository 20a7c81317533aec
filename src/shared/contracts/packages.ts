import { z } from 'zod';
import { PACKAGE_ITEM_KINDS, PACKAGE_VISIBILITIES } from '../catalogue.js';
import { VIDEO_STATUSES } from '../constants.js';
import {
  PACKAGE_DESCRIPTION_MAX,
  PACKAGE_GUIDE_MAX,
  PACKAGE_ITEM_BODY_MAX,
  PACKAGE_ITEM_TITLE_MAX,
} from '../packages.js';
import { id, name, page, pageQuery, personRef, timestamp } from './common.js';

/** Learning packages (V8): requests and answers of /api/v1/packages. */

// Requests
const itemBody = z.string().max(PACKAGE_ITEM_BODY_MAX);
/** One item; unknown kinds and unknown fields are refused. The 50-item limit is checked with its own error code. */
export const ItemInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('video'),
    /** An existing video item of this package: keeps its video when videoId is left out. */
    id: id.optional(),
    videoId: id.optional(),
    body: itemBody.optional(),
  }),
  z.strictObject({
    kind: z.literal('text'),
    id: id.optional(),
    title: z.string().max(PACKAGE_ITEM_TITLE_MAX).optional(),
    body: itemBody,
  }),
  z.strictObject({ kind: z.literal('question'), id: id.optional(), body: itemBody }),
]);
const items = z.array(ItemInput).max(500);
const fields = {
  title: name,
  description: z.string().trim().max(PACKAGE_DESCRIPTION_MAX).optional(),
  facilitationGuide: z.string().trim().max(PACKAGE_GUIDE_MAX).optional(),
  visibility: z.enum(PACKAGE_VISIBILITIES).optional(),
};
export const PackageListQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export const PackageCreate = z.strictObject({ ...fields, items: items.optional() });
export const PackageUpdate = z.strictObject({ ...fields, title: fields.title.optional() });
export const PackageItemsReplace = z.strictObject({ items });

// Answers
/** A video in a package, when the viewer may watch it. */
export const PackageVideo = z.object({
  id,
  title: z.string(),
  status: z.enum(VIDEO_STATUSES),
  durationSeconds: z.number().nullable(),
  posterUrl: z.string().nullable(),
});
export const PackageItem = z.object({
  id,
  kind: z.enum(PACKAGE_ITEM_KINDS),
  title: z.string(),
  body: z.string(),
  video: PackageVideo.nullable(),
  /** A video item whose video is gone or not available to this viewer (nothing about it is shown). */
  videoUnavailable: z.boolean(),
});
export const PackageSummary = z.object({
  id,
  title: z.string(),
  description: z.string(),
  visibility: z.enum(PACKAGE_VISIBILITIES),
  owner: personRef,
  itemCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  mine: z.boolean(),
  canEdit: z.boolean(),
  canCopy: z.boolean(),
  canDelete: z.boolean(),
});
export const PackageDetail = PackageSummary.extend({
  facilitationGuide: z.string(),
  copiedFrom: z.object({ id, title: z.string() }).nullable(),
  /** For the owner: the visibilities the package may have. */
  visibilities: z.array(z.enum(PACKAGE_VISIBILITIES)).optional(),
  items: z.array(PackageItem),
});
export const PackagePage = page(PackageSummary);
