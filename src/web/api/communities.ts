import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityAccess, CommunityRole } from '../../shared/catalogue';
import { api } from './client';
import type { Page } from './types';

export type Membership = { role: CommunityRole; joined: boolean } | null;

export type Community = {
  id: string;
  name: string;
  description: string;
  access: CommunityAccess;
  createdAt: string;
  memberCount: number;
  membership: Membership;
  can: { join: boolean; leave: boolean; post: boolean; moderate: boolean };
  /** Only when the list was asked with a videoId. */
  videoShared?: boolean;
};

export type CommunityMember = {
  id: string;
  name: string;
  role: CommunityRole;
  joinedAt: string | null;
  invitedAt: string | null;
};

export type FeedItem = {
  id: string;
  kind: 'video' | 'comment';
  at: string;
  source: { type: 'community' | 'team'; id: string; name: string };
  video: { id: string; title: string; posterUrl: string | null; durationSeconds: number | null };
  sharedBy?: { id: string; name: string } | null;
  comment?: { id: string; author: { id: string; name: string } | null; excerpt: string };
};

export type CommunityFilter = { q?: string; membership?: 'joined' | 'invited' | 'none'; videoId?: string };

export const useCommunities = (filter: CommunityFilter, limit = 24) =>
  useInfiniteQuery({
    queryKey: ['communities', filter, limit],
    queryFn: ({ pageParam }) =>
      api<Page<Community>>('/communities', { query: { ...filter, limit, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCommunity = (id: string | undefined) =>
  useQuery({
    queryKey: ['community', id],
    queryFn: () => api<Community>(`/communities/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useCommunityMembers = (id: string, invited: boolean, enabled = true) =>
  useInfiniteQuery({
    queryKey: ['community', id, 'members', { invited }],
    queryFn: ({ pageParam }) =>
      api<Page<CommunityMember>>(`/communities/${id}/members`, {
        query: { status: invited ? 'invited' : 'joined', limit: 50, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

/** A community's feed (id) or the personal feed (no id). */
export const useFeed = (communityId?: string) =>
  useInfiniteQuery({
    queryKey: communityId ? ['community', communityId, 'feed'] : ['feed'],
    queryFn: ({ pageParam }) =>
      api<Page<FeedItem>>(communityId ? `/communities/${communityId}/feed` : '/feed', {
        query: { limit: 20, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Refreshes everything about communities after a change. */
export function useCommunityRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['communities'] }),
      qc.invalidateQueries({ queryKey: ['community'] }),
      qc.invalidateQueries({ queryKey: ['feed'] }),
    ]);
}

export const createCommunity = (body: { name: string; description: string; access: CommunityAccess }) =>
  api<Community>('/communities', { method: 'POST', body });
export const updateCommunity = (
  id: string,
  body: { name?: string; description?: string; access?: CommunityAccess },
) => api<Community>(`/communities/${id}`, { method: 'PATCH', body });
export const deleteCommunity = (id: string) => api(`/communities/${id}`, { method: 'DELETE' });
export const joinCommunity = (id: string) => api<Community>(`/communities/${id}/join`, { method: 'POST' });
export const leaveCommunity = (id: string) =>
  api<{ community: Community | null }>(`/communities/${id}/leave`, { method: 'POST' });
export const inviteToCommunity = (id: string, personId: string) =>
  api(`/communities/${id}/invitations`, { method: 'POST', body: { personId } });
export const setCommunityRole = (id: string, personId: string, role: CommunityRole) =>
  api(`/communities/${id}/members/${personId}`, { method: 'PATCH', body: { role } });
export const removeCommunityMember = (id: string, personId: string) =>
  api(`/communities/${id}/members/${personId}`, { method: 'DELETE' });
export const shareToCommunity = (id: string, videoId: string) =>
  api(`/communities/${id}/videos`, { method: 'POST', body: { videoId } });
export const unshareFromCommunity = (id: string, videoId: string) =>
  api(`/communities/${id}/videos/${videoId}`, { method: 'DELETE' });
