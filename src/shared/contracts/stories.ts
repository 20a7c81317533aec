import { z } from 'zod';
import { AGE_BANDS, PILLARS } from '../catalogue.js';
import { STORY_LIMITS as L, STORY_STATES, STORY_VISIBILITIES } from '../inquiry.js';
import { day, id, pageQuery, personRef, timestamp } from './common.js';
import { FacetValue, VideoSummary } from './search.js';
import { TermRef } from './videos.js';

/**
 * Practice stories (issue 16 part 4, T4/B2): requests and answers of /api/v1/stories… and
 * /api/v1/cycles/:id/story. A finished cycle becomes a praksisfortælling; editors review it; readers find it by
 * the same Danish search and facets as videos; "Vi vil prøve det i vores team" starts a cycle from it.
 */

const text = z.string().trim().max(L.text);
/** A query parameter that may be repeated: always an array, at most 20 values. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(20),
  ) as unknown as z.ZodDefault<z.ZodArray<T>>;

// Requests
/** The team's draft (PUT /cycles/:id/story): creates it the first time; version-checked after that. */
export const StoryDraft = z.strictObject({
  /** 0 when creating; afterwards the version the editor started from (a stale one: 409 with the other's text). */
  version: z.number().int().min(0),
  title: z.string().trim().min(1).max(L.title),
  /** For whom, under which circumstances. */
  context: text,
  question: text,
  /** What the team tried (the prøvehandling). */
  tried: text,
  learned: text,
  materials: text.default(''),
  subjectId: id.nullable().default(null),
  ageBands: z.array(z.enum(AGE_BANDS)).max(AGE_BANDS.length).default([]),
  methodIds: z.array(id).max(L.methods).default([]),
  /** Videos the story links (each must be one the author may watch and that is linked to the cycle or their own). */
  videoIds: z.array(id).max(L.videos).default([]),
  visibility: z.enum(STORY_VISIBILITIES),
  /** Observation visits of the cycle before this day count as "før", on or after it as "efter" (null: no data). */
  dataSplitOn: day.nullable().default(null),
});
/** The team sends the draft to the editors (POST /stories/:id/submit) or takes it back (…/withdraw). */
export const StoryVersion = z.strictObject({ version: z.number().int().min(1) });
/** The editor's decision (POST /stories/:id/review). */
export const StoryReview = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['publish', 'return']),
  /** Required when returning: what the team should change. */
  note: z.string().trim().max(L.reviewNote).default(''),
});
/** "Vi vil prøve det i vores team" (POST /stories/:id/try): a new cycle in one of my teams, seeded from the story. */
export const StoryTry = z.strictObject({ teamId: id, templateId: id.optional() });
export const StorySearchQuery = z.strictObject({
  q: z.string().max(20_000).optional(),
  subject: many(id),
  ageBand: many(z.enum(AGE_BANDS)),
  method: many(id),
  pillar: many(z.enum(PILLARS)),
  /** Stories linking this video (the video page) or using this method (the method page). */
  video: id.optional(),
  ...pageQuery,
});

// Answers
/** A figure before or after, as the observation data shows it: hidden below the minimum group. */
export const StoryFigure = z.object({
  value: z.number().nullable(),
  teachers: z.number().int().nullable(),
  suppressed: z.boolean(),
});
/** Data before and after: aggregates only, by indicator, computed when read (ADR 0009's minimum group). */
export const StoryData = z.object({
  splitOn: day,
  minGroup: z.number().int(),
  indicators: z.array(
    z.object({
      label: z.string(),
      /** A scale's mean (with its range, e.g. "1–7"), a yes/no indicator's share of yes (0–1), or a count's mean. */
      kind: z.enum(['scale', 'share', 'count']),
      scale: z.string().nullable(),
      before: StoryFigure,
      after: StoryFigure,
    }),
  ),
});
/** A story as lists show it (search, the video and method pages, "what they found"). */
export const StorySummary = z.object({
  id,
  title: z.string(),
  /** The context, at most 240 characters (cut with …). */
  excerpt: z.string(),
  institution: z.object({ id, name: z.string() }),
  kommune: z.object({ id, name: z.string() }),
  subject: TermRef.nullable(),
  ageBands: z.array(z.enum(AGE_BANDS)),
  methods: z.array(TermRef),
  pillars: z.array(z.enum(PILLARS)),
  templateName: z.string(),
  visibility: z.enum(STORY_VISIBILITIES),
  /** Teams that started a cycle from it. */
  triedCount: z.number().int(),
  publishedAt: timestamp.nullable(),
});
export const Story = StorySummary.extend({
  cycleId: id.nullable(),
  team: z.object({ id, name: z.string() }).nullable(),
  state: z.enum(STORY_STATES),
  version: z.number().int(),
  context: z.string(),
  question: z.string(),
  tried: z.string(),
  learned: z.string(),
  materials: z.string(),
  dataSplitOn: day.nullable(),
  /** Only the videos the reader may watch now (a video narrowed later drops out at once). */
  videos: z.array(VideoSummary),
  data: StoryData.nullable(),
  /** The editor's note when returned. */
  reviewNote: z.string().nullable(),
  /** Published stories of teams that tried this one (what they found), as far as the reader may see them. */
  followUps: z.array(StorySummary),
  /** The story this one's cycle started from. */
  origin: StorySummary.nullable(),
  updatedBy: personRef.nullable(),
  updatedAt: timestamp,
  may: z.object({ edit: z.boolean(), review: z.boolean(), try: z.boolean() }),
});
export const StoryList = z.object({
  items: z.array(StorySummary),
  total: z.number().int(),
  facets: z.object({
    subject: z.array(FacetValue),
    ageBand: z.array(FacetValue),
    method: z.array(FacetValue),
    pillar: z.array(FacetValue),
  }),
  nextCursor: z.string().nullable(),
});
/** The editors' queue (GET /stories/review). */
export const StoryReviewQueue = z.object({
  items: z.array(
    StorySummary.extend({
      state: z.enum(STORY_STATES),
      submittedAt: timestamp.nullable(),
      version: z.number().int(),
    }),
  ),
});
/** The cycle started from a story. */
export const StoryTried = z.object({ cycleId: id });
