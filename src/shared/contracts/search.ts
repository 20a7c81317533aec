import { z } from 'zod';
import { AGE_BANDS, PILLARS, SEARCH_SORTS, TERM_KINDS } from '../catalogue.js';
import { VIDEO_STATUSES, VISIBILITIES } from '../constants.js';
import { id, personRef, timestamp } from './common.js';
import { TermRef } from './videos.js';

/** Search, video lists and the home page (V1, V3): requests and answers of GET /videos, /videos/suggest, /home. */

// Requests
/** A query parameter that may be repeated (`?method=a&method=b`): always an array, at most 20 values. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(20),
  ) as unknown as z.ZodDefault<z.ZodArray<T>>;

/** Free text is never refused: the service cuts it to 500 characters and drops control characters. */
const text = z.string().max(20_000);

export const SearchQuery = z.strictObject({
  q: text.optional(),
  subject: many(id),
  ageBand: many(z.enum(AGE_BANDS)),
  method: many(id),
  pillar: many(z.enum(PILLARS)),
  sort: z.enum(SEARCH_SORTS).optional(),
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export const SuggestQuery = z.strictObject({ q: text.optional() });

// Answers
/** A video as lists show it (search, home page, related, feeds, packages): what a card needs. */
export const VideoSummary = z.object({
  id,
  title: z.string(),
  /** At most 240 characters (cut with …). */
  description: z.string(),
  durationSeconds: z.number().nullable(),
  status: z.enum(VIDEO_STATUSES),
  visibility: z.enum(VISIBILITIES),
  progress: z.number().nullable(),
  posterUrl: z.string().nullable(),
  owner: personRef,
  institution: z.object({ id, name: z.string() }),
  subject: TermRef.nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  methods: z.array(TermRef),
  pillars: z.array(z.enum(PILLARS)),
  curated: z.boolean(),
  /** In one of the editors' collections: the card says "Udvalgt" (not every catalogue video). */
  featured: z.boolean(),
  triedCount: z.number().int(),
  /** Null while one or two tried it (their answers would show, ADR 0009). */
  workedCount: z.number().int().nullable(),
  viewCount: z.number().int(),
  readyAt: timestamp.nullable(),
  createdAt: timestamp,
});
export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const SearchAnswer = z.object({
  items: z.array(VideoSummary),
  total: z.number().int(),
  /** The order used: relevance falls back to newest without a query. */
  sort: z.enum(SEARCH_SORTS),
  facets: z.object({
    subject: z.array(FacetValue),
    ageBand: z.array(FacetValue),
    method: z.array(FacetValue),
    pillar: z.array(FacetValue),
  }),
  nextCursor: z.string().nullable(),
});
export const Suggestions = z.object({
  titles: z.array(z.object({ id, title: z.string() })),
  terms: z.array(z.object({ id, kind: z.enum(TERM_KINDS), label: z.string() })),
});
export const RelatedVideos = z.object({ items: z.array(VideoSummary) });
export const HomeCollection = z.object({
  id,
  title: z.string(),
  description: z.string(),
  videos: z.array(VideoSummary),
});
export const HomeAnswer = z.object({
  newest: z.array(VideoSummary),
  popularInMyCommunities: z.array(VideoSummary),
  /** `communities`: from communities the person has joined; `everyone`: popular among all they may see. */
  popularSource: z.enum(['communities', 'everyone']),
  memberOfCommunities: z.boolean(),
  collections: z.array(HomeCollection),
  tried: z.array(VideoSummary),
  /** The newest, popular-among-all and collections are narrowed to the person's interests (profile). */
  personal: z.boolean(),
});
