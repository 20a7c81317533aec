import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AgeBand, Pillar, SearchSort } from '../../shared/catalogue';
import type { VideoStatus, Visibility } from '../../shared/constants';
import { api } from './client';

export type TermRef = { id: string; label: string };

/** A video as lists show it (search, home page, related, feeds): GET /videos items. */
export type VideoSummary = {
  id: string;
  title: string;
  description: string;
  durationSeconds: number | null;
  status: VideoStatus;
  visibility: Visibility;
  progress: number | null;
  posterUrl: string | null;
  owner: { id: string; name: string };
  institution: { id: string; name: string };
  subject: TermRef | null;
  ageBand: AgeBand | null;
  methods: TermRef[];
  pillars: Pillar[];
  curated: boolean;
  triedCount: number;
  workedCount: number | null;
  viewCount: number;
  readyAt: string | null;
  createdAt: string;
};

export type FacetName = 'subject' | 'ageBand' | 'method' | 'pillar';
export const FACETS: FacetName[] = ['subject', 'ageBand', 'method', 'pillar'];
export type FacetValue = { value: string; label: string; count: number };

export type SearchAnswer = {
  items: VideoSummary[];
  total: number;
  sort: SearchSort;
  facets: Record<FacetName, FacetValue[]>;
  nextCursor: string | null;
};

export type SearchParams = {
  q: string;
  sort: SearchSort | '';
  mine?: boolean;
} & Record<FacetName, string[]>;

/** The query string of a search, with repeated keys for several values of a facet. */
export function searchQueryString(p: SearchParams, cursor?: string, limit = 24): string {
  const qs = new URLSearchParams();
  if (p.q.trim()) qs.set('q', p.q.trim());
  for (const f of FACETS) for (const v of p[f]) qs.append(f, v);
  if (p.sort) qs.set('sort', p.sort);
  if (p.mine !== undefined) qs.set('mine', String(p.mine));
  if (cursor) qs.set('cursor', cursor);
  qs.set('limit', String(limit));
  return qs.toString();
}

/** Search results page by page ("Vis flere"); the previous answer stays while the next is fetched. */
export const useSearch = (p: SearchParams) =>
  useInfiniteQuery({
    queryKey: ['videos', 'search', p],
    queryFn: ({ pageParam }) => api<SearchAnswer>(`/videos?${searchQueryString(p, pageParam)}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // While one of my videos is being processed, its badge follows along.
    refetchInterval: (q) =>
      p.mine && q.state.data?.pages.some((page) => page.items.some((v) => v.status === 'processing'))
        ? 5000
        : false,
  });

export type Suggestions = {
  titles: { id: string; title: string }[];
  terms: { id: string; kind: 'subject' | 'method'; label: string }[];
};

export const useSuggestions = (q: string) =>
  useQuery({
    queryKey: ['videos', 'suggest', q],
    queryFn: () => api<Suggestions>('/videos/suggest', { query: { q } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useRelated = (id: string) =>
  useQuery({
    queryKey: ['video', id, 'related'],
    queryFn: () => api<{ items: VideoSummary[] }>(`/videos/${id}/related`),
  });

export type HomeAnswer = {
  newest: VideoSummary[];
  popularInMyCommunities: VideoSummary[];
  popularSource: 'communities' | 'everyone';
  memberOfCommunities: boolean;
  collections: { id: string; title: string; description: string; videos: VideoSummary[] }[];
  tried: VideoSummary[];
};

export const useHome = () =>
  useQuery({ queryKey: ['videos', 'home'], queryFn: () => api<HomeAnswer>('/home') });
