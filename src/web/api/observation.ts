import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ObservationMe,
  PersonRef,
  SchemaOverview,
  VisitDetail,
  VisitGuide,
  VisitStatus,
  VisitSummary,
} from '../../shared/observation';
import { loadVisit, saveVisit } from '../offline/db';
import { ApiError, api } from './client';
import { useMe } from './queries';

/** Observation (O2, O3, O5, O6) for observers and teachers: where I take part, visits, the conversation, the guide. */

export type VisitPage = { items: VisitSummary[]; nextCursor: string | null };
export type VisitListQuery = {
  institutionId?: string;
  role?: 'observer' | 'teacher' | 'guest';
  status?: VisitStatus;
  from?: string;
  to?: string;
  limit?: number;
};

export const observationKeys = {
  me: ['observation', 'me'] as const,
  visits: (q: VisitListQuery) => ['observation', 'visits', q] as const,
  visit: (id: string) => ['observation', 'visit', id] as const,
  guide: (institutionId: string) => ['observation', 'guide', institutionId] as const,
};

export const useObservationMe = () =>
  useQuery({
    queryKey: observationKeys.me,
    queryFn: () => api<ObservationMe>('/observation/me'),
    staleTime: 30_000,
  });

export const useVisits = (q: VisitListQuery, enabled = true) =>
  useQuery({
    queryKey: observationKeys.visits(q),
    queryFn: () => api<VisitPage>('/observation/visits', { query: { limit: 50, ...q } }),
    enabled,
  });

export const useVisit = (id: string | undefined) =>
  useQuery({
    queryKey: observationKeys.visit(id ?? ''),
    queryFn: () => api<VisitDetail>(`/observation/visits/${id}`),
    enabled: !!id,
  });

/**
 * The visit to conduct: from the server when it answers (and then kept on the device with its schema version),
 * else the copy on the device. `fromDevice` tells the page which it got.
 */
export function useVisitForConduct(id: string | undefined) {
  const { data: me } = useMe();
  const ownerId = me?.id;
  return useQuery({
    queryKey: [...observationKeys.visit(id ?? ''), 'conduct', ownerId],
    enabled: !!id && !!ownerId,
    networkMode: 'always',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<{ visit: VisitDetail; fromDevice: boolean }> => {
      const visitId = id as string;
      const owner = ownerId as string;
      try {
        const visit = await api<VisitDetail>(`/observation/visits/${visitId}`);
        await saveVisit(owner, visit).catch(() => undefined);
        return { visit, fromDevice: false };
      } catch (err) {
        // No network, the server down or the session gone: the copy on the device still lets the visit go on.
        const offline =
          err instanceof ApiError && (err.status === 0 || err.status === 401 || err.status >= 500);
        if (!offline) throw err;
        const stored = await loadVisit(owner, visitId).catch(() => null);
        if (!stored) throw err;
        return { visit: stored, fromDevice: true };
      }
    },
  });
}

export const useGuide = (institutionId: string | undefined) =>
  useQuery({
    queryKey: observationKeys.guide(institutionId ?? ''),
    queryFn: () => api<VisitGuide>(`/observation/institutions/${institutionId}/guide`),
    enabled: !!institutionId,
  });

export function useMarkGuideRead(institutionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/observation/institutions/${institutionId}/guide/read`, { method: 'POST' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: observationKeys.guide(institutionId) });
      void qc.invalidateQueries({ queryKey: observationKeys.me });
    },
  });
}

/** Changes to the learning conversation answer with the visit as it now is. */
function useVisitChange<B>(id: string, path: string, method: 'PUT' | 'POST') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      api<VisitDetail>(`/observation/visits/${id}${path}`, {
        method,
        body: method === 'POST' && body === undefined ? undefined : body,
      }),
    onSuccess: (visit) => {
      qc.setQueryData(observationKeys.visit(id), visit);
      void qc.invalidateQueries({ queryKey: ['observation', 'visits'] });
    },
  });
}

export const useSaveReflection = (id: string) =>
  useVisitChange<{ reflection: string }>(id, '/reflection', 'PUT');
export const useSaveConversation = (id: string) =>
  useVisitChange<{ conversationNotes?: string; nextStep?: string }>(id, '/conversation', 'PUT');
export const useAgreeNextStep = (id: string) => useVisitChange<undefined>(id, '/next-step/agree', 'POST');
export const useSetGuests = (id: string) => useVisitChange<{ guestIds: string[] }>(id, '/guests', 'PUT');

export type SelfObservationInput = {
  institutionId: string;
  plannedFor: string;
  classLabel: string;
  subject: string;
  grade: number | null;
  focusAreaKeys: string[];
  guestIds: string[];
};

export function useCreateSelfObservation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SelfObservationInput) =>
      api<VisitSummary>('/observation/self', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['observation', 'visits'] }),
  });
}

/** Colleagues at an institution, for inviting to a self-observation. */
export const useColleagues = (institutionId: string | undefined, q: string) =>
  useQuery({
    queryKey: ['observation', 'colleagues', institutionId, q],
    queryFn: async () =>
      (
        await api<{ items: PersonRef[] }>('/people', {
          query: { institutionId, q: q.trim() || undefined, limit: 20 },
        })
      ).items.map((p) => ({ id: p.id, name: p.name })),
    enabled: !!institutionId,
    placeholderData: (prev) => prev,
  });

/** The institution's current schema (focus areas to choose for a self-observation). */
export const useSchemaOverview = (institutionId: string | undefined) =>
  useQuery({
    queryKey: ['observation', 'schema', institutionId],
    queryFn: () => api<SchemaOverview>(`/observation/institutions/${institutionId}/schema`),
    enabled: !!institutionId,
  });
