import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type {
  Institution,
  Kommune,
  Me,
  OutboxEmail,
  Page,
  PersonDetail,
  PersonListItem,
  Session,
  Team,
  TeamMember,
} from './types';

/** index.html preloads GET /api/v1/me; the first fetchMe takes that answer (same URL, mode and headers). */
let preloadedMe = true;

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  if (preloadedMe) {
    preloadedMe = false;
    const res = await fetch('/api/v1/me', { credentials: 'same-origin' }).catch(() => null);
    if (res?.status === 401) return null;
    if (res?.ok) return (await res.json()) as Me;
  }
  try {
    return await api<Me>('/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });

export const useSessions = () =>
  useQuery({ queryKey: ['me', 'sessions'], queryFn: () => api<{ items: Session[] }>('/me/sessions') });

export const useKommuner = (enabled = true) =>
  useQuery({ queryKey: ['kommuner'], queryFn: () => api<{ items: Kommune[] }>('/kommuner'), enabled });

export const useInstitutions = (enabled = true) =>
  useQuery({
    queryKey: ['institutions'],
    queryFn: () => api<{ items: Institution[] }>('/institutions'),
    enabled,
  });

export const useInstitution = (id: string | undefined) =>
  useQuery({
    queryKey: ['institution', id],
    queryFn: () => api<Institution>(`/institutions/${id}`),
    enabled: !!id,
  });

export const useTeams = (institutionId: string | undefined) =>
  useQuery({
    queryKey: ['teams', institutionId],
    queryFn: () => api<{ items: Team[] }>(`/institutions/${institutionId}/teams`),
    enabled: !!institutionId,
  });

export const useTeam = (id: string | undefined) =>
  useQuery({ queryKey: ['team', id], queryFn: () => api<Team>(`/teams/${id}`), enabled: !!id });

export const useTeamMembers = (id: string | undefined) =>
  useQuery({
    queryKey: ['team', id, 'members'],
    queryFn: () => api<{ items: TeamMember[] }>(`/teams/${id}/members`),
    enabled: !!id,
  });

export const usePerson = (id: string | undefined) =>
  useQuery({ queryKey: ['person', id], queryFn: () => api<PersonDetail>(`/people/${id}`), enabled: !!id });

export const PAGE_SIZE = 25;

export const usePeople = (opts: { institutionId?: string; q?: string; limit?: number }) =>
  useInfiniteQuery({
    queryKey: ['people', opts],
    queryFn: ({ pageParam }) =>
      api<Page<PersonListItem>>('/people', {
        query: { ...opts, limit: opts.limit ?? PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useOutbox = () =>
  useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam }) =>
      api<{ items: OutboxEmail[]; nextBefore: string | null }>('/outbox', {
        query: { limit: 30, before: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export function canOrganise(me: Me | null | undefined) {
  return !!me && (me.capabilities.administer || me.capabilities.manageInstitutionIds.length > 0);
}
