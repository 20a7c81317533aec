import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/people';
import { SIGNED_IN_HINT_COOKIE } from '../../shared/session-hint';
import { ApiError, api } from './client';

/** People and organisation: the signed-in person, people, kommuner, institutions and teams. */

export type PersonStatus = Wire<typeof c.PersonDetail>['status'];
export type Grant = Wire<typeof c.PersonGrant>;
export type PersonDetail = Wire<typeof c.PersonDetail>;
export type Me = Wire<typeof c.Me>;
export type Kommune = Wire<typeof c.Kommune>;
export type KommuneListItem = Wire<typeof c.KommuneListItem>;
export type Institution = Wire<typeof c.Institution>;
export type Team = Wire<typeof c.Team>;
export type TeamMember = Wire<typeof c.TeamMember>;
export type Interests = Wire<typeof c.Interests>;

type PeopleFilter = { institutionId?: string; q?: string; limit?: number };

/**
 * The area's query keys. Invalidating a shorter key refreshes every longer one under it (`me` also refreshes
 * the sessions; `team(id)` also its members).
 */
export const peopleKeys = {
  me: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  /** What the signed-in person works with (the home page narrows to it). */
  interests: ['me', 'interests'] as const,
  kommuner: ['kommuner'] as const,
  institutions: ['institutions'] as const,
  institution: (id: string | undefined) => ['institution', id] as const,
  /** Every institution's teams, or one institution's. */
  teams: (institutionId?: string) =>
    institutionId ? (['teams', institutionId] as const) : (['teams'] as const),
  /** Every team, or one team (and its members). */
  team: (id?: string) => (id ? (['team', id] as const) : (['team'] as const)),
  teamMembers: (id: string | undefined) => ['team', id, 'members'] as const,
  people: ['people'] as const,
  peopleList: (filter: PeopleFilter) => ['people', filter] as const,
  person: (id: string | undefined) => ['person', id] as const,
};

/** index.html preloads GET /api/v1/me; the first fetchMe takes that answer (same URL, mode and headers). */
let preloadedMe = true;

/** Whether the server's signed-in hint cookie is there (src/shared/session-hint.ts); without it nobody is signed in. */
const signedInHint = () =>
  typeof document === 'undefined' ||
  document.cookie.split(';').some((c) => c.trim().startsWith(`${SIGNED_IN_HINT_COOKIE}=`));

/**
 * The signed-in person, or null when nobody is signed in: without the hint cookie at once, with no request (an
 * anonymous visit shows no failed request); with it, a 401 (e.g. the session expired) is handled as always.
 */
export async function fetchMe(): Promise<Me | null> {
  if (!signedInHint()) {
    preloadedMe = false; // the shell left its preload out too
    return null;
  }
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

export const useMe = () => useQuery({ queryKey: peopleKeys.me, queryFn: fetchMe, staleTime: 60_000 });

export const useInterests = (enabled = true) =>
  useQuery({ queryKey: peopleKeys.interests, queryFn: () => api<Interests>('/me/interests'), enabled });

export const useSessions = () =>
  useQuery({ queryKey: peopleKeys.sessions, queryFn: () => api<Wire<typeof c.SessionList>>('/me/sessions') });

export const useKommuner = (enabled = true) =>
  useQuery({
    queryKey: peopleKeys.kommuner,
    queryFn: () => api<Wire<typeof c.KommuneList>>('/kommuner'),
    enabled,
  });

export const useInstitutions = (enabled = true) =>
  useQuery({
    queryKey: peopleKeys.institutions,
    queryFn: () => api<Wire<typeof c.InstitutionList>>('/institutions'),
    enabled,
  });

export const useInstitution = (id: string | undefined) =>
  useQuery({
    queryKey: peopleKeys.institution(id),
    queryFn: () => api<Institution>(`/institutions/${id}`),
    enabled: !!id,
  });

export const useTeams = (institutionId: string | undefined) =>
  useQuery({
    queryKey: peopleKeys.teams(institutionId),
    queryFn: () => api<Wire<typeof c.TeamList>>(`/institutions/${institutionId}/teams`),
    enabled: !!institutionId,
  });

export const useTeam = (id: string | undefined) =>
  useQuery({ queryKey: peopleKeys.team(id), queryFn: () => api<Team>(`/teams/${id}`), enabled: !!id });

export const useTeamMembers = (id: string | undefined) =>
  useQuery({
    queryKey: peopleKeys.teamMembers(id),
    queryFn: () => api<Wire<typeof c.TeamMemberList>>(`/teams/${id}/members`),
    enabled: !!id,
  });

export const usePerson = (id: string | undefined) =>
  useQuery({
    queryKey: peopleKeys.person(id),
    queryFn: () => api<PersonDetail>(`/people/${id}`),
    enabled: !!id,
  });

export const PAGE_SIZE = 25;

export const usePeople = (opts: PeopleFilter) =>
  useInfiniteQuery({
    queryKey: peopleKeys.peopleList(opts),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.PersonPage>>('/people', {
        query: { ...opts, limit: opts.limit ?? PAGE_SIZE, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function canOrganise(me: Me | null | undefined) {
  return !!me && (me.capabilities.administer || me.capabilities.manageInstitutionIds.length > 0);
}
