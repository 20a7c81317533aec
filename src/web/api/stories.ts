import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/stories';
import { ApiError, api } from './client';
import { FACETS, type FacetName } from './search';

/** Practice stories (issue 16 part 4): a cycle's draft, the editors' review, search, a story and "prøv det". */

export type Story = Wire<typeof c.Story>;
export type StorySummary = Wire<typeof c.StorySummary>;
export type StoryList = Wire<typeof c.StoryList>;
export type StoryFigure = Wire<typeof c.StoryFigure>;
export type StoryDraft = Wire<typeof c.StoryDraft>;

/** A story search as the URL holds it: ?q=&subject=&ageBand=&method=&pillar= (and `video` for a video's page). */
export type StorySearch = { q: string; video?: string } & Record<FacetName, string[]>;

/** Every query key of stories; `all` marks everything stale. */
export const storyKeys = {
  all: ['stories'] as const,
  search: (p: StorySearch, limit: number) => ['stories', 'search', p, limit] as const,
  one: (id: string | undefined) => ['stories', 'one', id] as const,
  ofCycle: (cycleId: string | undefined) => ['stories', 'cycle', cycleId] as const,
  review: ['stories', 'review'] as const,
};

/** The query string of a story search, with repeated keys for several values of a facet. */
export function storyQueryString(p: StorySearch, cursor?: string, limit = 24): string {
  const qs = new URLSearchParams();
  if (p.q.trim()) qs.set('q', p.q.trim());
  for (const f of FACETS) for (const v of p[f]) qs.append(f, v);
  if (p.video) qs.set('video', p.video);
  if (cursor) qs.set('cursor', cursor);
  qs.set('limit', String(limit));
  return qs.toString();
}

/** The stories I may read that match, page by page ("Vis flere"). */
export const useStorySearch = (p: StorySearch, limit = 24, enabled = true) =>
  useInfiniteQuery({
    queryKey: storyKeys.search(p, limit),
    queryFn: ({ pageParam }) => api<StoryList>(`/stories?${storyQueryString(p, pageParam, limit)}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useStory = (id: string | undefined) =>
  useQuery({
    queryKey: storyKeys.one(id),
    queryFn: () => api<Story>(`/stories/${id}`),
    enabled: !!id,
    retry: false,
  });

/** The cycle's story (404 while there is none yet: then `null`). */
export const useCycleStory = (cycleId: string | undefined) =>
  useQuery({
    queryKey: storyKeys.ofCycle(cycleId),
    queryFn: () =>
      api<Story>(`/cycles/${cycleId}/story`).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    enabled: !!cycleId,
    retry: false,
  });

export const useStoryReviewQueue = () =>
  useQuery({
    queryKey: storyKeys.review,
    queryFn: () => api<Wire<typeof c.StoryReviewQueue>>('/stories/review'),
  });

/** Refreshes everything about stories after a change. */
export function useStoryRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: storyKeys.all });
}

export const saveStory = (cycleId: string, body: StoryDraft) =>
  api<Story>(`/cycles/${cycleId}/story`, { method: 'PUT', body });
export const fetchCycleStory = (cycleId: string) => api<Story>(`/cycles/${cycleId}/story`);
export const submitStory = (id: string, version: number) =>
  api<Story>(`/stories/${id}/submit`, { method: 'POST', body: { version } });
export const withdrawStory = (id: string, version: number) =>
  api<Story>(`/stories/${id}/withdraw`, { method: 'POST', body: { version } });
export const reviewStory = (id: string, body: Wire<typeof c.StoryReview>) =>
  api<Story>(`/stories/${id}/review`, { method: 'POST', body });
export const tryStory = (id: string, teamId: string) =>
  api<Wire<typeof c.StoryTried>>(`/stories/${id}/try`, { method: 'POST', body: { teamId } });
