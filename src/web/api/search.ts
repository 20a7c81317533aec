import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SearchSort } from '../../shared/catalogue';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/search';
import { api } from './client';
import { videoKeys } from './videos';

/** A video as lists show it (search, home page, related, feeds): GET /videos items. */
export type VideoSummary = Wire<typeof c.VideoSummary>;
export type FacetValue = Wire<typeof c.FacetValue>;
export type SearchAnswer = Wire<typeof c.SearchAnswer>;
export type FacetName = keyof SearchAnswer['facets'];
export const FACETS: FacetName[] = ['subject', 'ageBand', 'method', 'pillar'];

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
    queryKey: videoKeys.search(p),
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

export type Suggestions = Wire<typeof c.Suggestions>;

export const useSuggestions = (q: string) =>
  useQuery({
    queryKey: videoKeys.suggest(q),
    queryFn: () => api<Suggestions>('/videos/suggest', { query: { q } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useRelated = (id: string) =>
  useQuery({
    queryKey: videoKeys.related(id),
    queryFn: () => api<Wire<typeof c.RelatedVideos>>(`/videos/${id}/related`),
  });

export type HomeAnswer = Wire<typeof c.HomeAnswer>;

/** The home page; `publicView`: someone not signed in (public videos only), kept apart from a person's page. */
export const useHome = (publicView = false) =>
  useQuery({
    queryKey: publicView ? [...videoKeys.home(), 'public'] : videoKeys.home(),
    queryFn: () => api<HomeAnswer>('/home'),
  });
