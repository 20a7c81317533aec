import type { CursorKey } from './cursor.js';
import type * as repo from './repo.js';
import type { VideoSummary } from './summary.js';

// What search and the home page compute and their caches (caches.ts) keep.

export type Facet = { value: string; label: string; count: number };

export type SearchAnswer = {
  items: VideoSummary[];
  sort: repo.EffectiveSort;
  total: number;
  facets: Record<repo.FacetName, Facet[]>;
  nextCursor: string | null;
};

/** What a search asks for, settled once per request key: the query with lexemes, the sort, the cursor. */
export type Plan = { q: string | null; sort: repo.EffectiveSort; after?: CursorKey };
/** A search computed over one scope: the raw rows (for merging) and the answer as the API gives it. */
export type ComputedSearch = {
  plan: Plan;
  rows: repo.SearchRow[];
  facetRows: repo.FacetRow[];
  answer: SearchAnswer;
};

export type HomeCollection = { id: string; title: string; description: string; videos: VideoSummary[] };

/** The parts of the home page that depend only on what the viewer may see (shared by a visibility class). */
export type HomeShared = { newest: VideoSummary[]; popular: VideoSummary[]; collections: HomeCollection[] };

export type HomePage = {
  newest: VideoSummary[];
  popularInMyCommunities: VideoSummary[];
  /** `communities`: from communities the person has joined; `everyone`: popular among all they may see. */
  popularSource: 'communities' | 'everyone';
  memberOfCommunities: boolean;
  collections: HomeCollection[];
  tried: VideoSummary[];
  /** The newest, popular-among-all and collections are narrowed to the person's interests. */
  personal: boolean;
};
