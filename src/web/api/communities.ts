import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityRole } from '../../shared/catalogue';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/communities';
import { api } from './client';

export type Community = Wire<typeof c.Community>;
export type CommunityMember = Wire<typeof c.CommunityMember>;
export type FeedItem = Wire<typeof c.FeedItem>;
type CommunityFields = Wire<typeof c.CommunityCreate>;

export type CommunityFilter = Omit<Wire<typeof c.CommunityListQuery>, 'cursor' | 'limit'>;

/** Every query key of communities and feeds; `all` marks everything stale. */
export const communityKeys = {
  all: ['communities'] as const,
  lists: ['communities', 'list'] as const,
  list: (filter: CommunityFilter, limit: number) => [...communityKeys.lists, filter, limit] as const,
  detail: (id: string | undefined) => ['communities', 'detail', id] as const,
  members: (id: string, invited: boolean) => ['communities', 'detail', id, 'members', { invited }] as const,
  /** A community's feed (id) or the personal feed (no id). */
  feed: (communityId?: string) =>
    communityId
      ? (['communities', 'detail', communityId, 'feed'] as const)
      : (['communities', 'feed'] as const),
};

export const useCommunities = (filter: CommunityFilter, limit = 24) =>
  useInfiniteQuery({
    queryKey: communityKeys.list(filter, limit),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.CommunityPage>>('/communities', { query: { ...filter, limit, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCommunity = (id: string | undefined) =>
  useQuery({
    queryKey: communityKeys.detail(id),
    queryFn: () => api<Community>(`/communities/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useCommunityMembers = (id: string, invited: boolean, enabled = true) =>
  useInfiniteQuery({
    queryKey: communityKeys.members(id, invited),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.MemberPage>>(`/communities/${id}/members`, {
        query: { status: invited ? 'invited' : 'joined', limit: 50, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

/** A community's feed (id) or the personal feed (no id). */
export const useFeed = (communityId?: string) =>
  useInfiniteQuery({
    queryKey: communityKeys.feed(communityId),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.FeedPage>>(communityId ? `/communities/${communityId}/feed` : '/feed', {
        query: { limit: 20, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Refreshes everything about communities after a change. */
export function useCommunityRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: communityKeys.all });
}

export const createCommunity = (body: CommunityFields) =>
  api<Community>('/communities', { method: 'POST', body });
export const updateCommunity = (id: string, body: Wire<typeof c.CommunityUpdate>) =>
  api<Community>(`/communities/${id}`, { method: 'PATCH', body });
export const deleteCommunity = (id: string) => api(`/communities/${id}`, { method: 'DELETE' });
export const joinCommunity = (id: string) => api<Community>(`/communities/${id}/join`, { method: 'POST' });
export const leaveCommunity = (id: string) =>
  api<Wire<typeof c.CommunityLeft>>(`/communities/${id}/leave`, { method: 'POST' });
export const inviteToCommunity = (id: string, personId: string) =>
  api(`/communities/${id}/invitations`, { method: 'POST', body: { personId } });
export const setCommunityRole = (id: string, personId: string, role: CommunityRole) =>
  api(`/communities/${id}/members/${personId}`, { method: 'PATCH', body: { role } });
export const removeCommunityMember = (id: string, personId: string) =>
  api(`/communities/${id}/members/${personId}`, { method: 'DELETE' });
export const shareToCommunity = (id: string, videoId: string) =>
  api(`/communities/${id}/videos`, { method: 'POST', body: { videoId } });
/** Removes a shared video from the community (whoever shared it, or a moderator). */
export const unshareFromCommunity = (id: string, videoId: string) =>
  api(`/communities/${id}/videos/${videoId}`, { method: 'DELETE' });

// Posts, files and events (issue 15): members only.
export type CommunityPost = Wire<typeof c.CommunityPost>;
export type NewPost = Wire<typeof c.PostCreate>;
export type NewEvent = Wire<typeof c.EventCreate>;

export const postKeys = {
  detail: (id: string | undefined) => ['communities', 'post', id] as const,
  events: (communityId: string) => ['communities', 'detail', communityId, 'events'] as const,
};

export const useCommunityPost = (id: string | undefined) =>
  useQuery({
    queryKey: postKeys.detail(id),
    queryFn: () => api<CommunityPost>(`/community-posts/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useUpcomingEvents = (communityId: string, enabled: boolean) =>
  useQuery({
    queryKey: postKeys.events(communityId),
    queryFn: () =>
      api<Wire<typeof c.EventList>>(`/communities/${communityId}/events`, { query: { limit: 5 } }),
    enabled,
  });

export const createPost = (communityId: string, body: NewPost) =>
  api<CommunityPost>(`/communities/${communityId}/posts`, { method: 'POST', body });
export const createFilePost = (communityId: string, file: File, text: string) =>
  api<CommunityPost>(`/communities/${communityId}/posts/file`, {
    method: 'POST',
    body: file,
    contentType: 'application/octet-stream',
    query: { name: file.name, body: text },
  });
export const createEvent = (communityId: string, body: NewEvent) =>
  api<CommunityPost>(`/communities/${communityId}/events`, { method: 'POST', body });
export const deletePost = (id: string) => api(`/community-posts/${id}`, { method: 'DELETE' });
