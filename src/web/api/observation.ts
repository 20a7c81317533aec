import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { personRef, Wire } from '../../shared/contracts/common';
import type * as setup from '../../shared/contracts/observation-setup';
import type * as c from '../../shared/contracts/observation-visits';
import type * as people from '../../shared/contracts/people';
import { loadVisit, saveVisit } from '../offline/db';
import { ApiError, api } from './client';
import { useMe } from './people';

/** Observation (O2, O3, O5, O6) for observers and teachers: where I take part, visits, the conversation, the guide. */

export type PersonRef = Wire<typeof personRef>;
export type ObservationMe = Wire<typeof setup.ObservationMe>;
export type SchemaVersion = Wire<typeof setup.SchemaVersion>;
export type SchemaOverview = Wire<typeof setup.SchemaOverview>;
export type VisitGuide = Wire<typeof setup.VisitGuide>;
export type VisitSummary = Wire<typeof c.VisitSummary>;
export type VisitDetail = Wire<typeof c.VisitDetail>;
export type VisitPage = Wire<typeof c.VisitPage>;
export type Answer = Wire<typeof c.Answer>;
export type RecordResult = Wire<typeof c.RecordResult>;
export type VisitListQuery = Omit<Wire<typeof c.VisitListQuery>, 'cursor' | 'flagged' | 'limit'> & {
  limit?: number;
};
export type SelfObservationInput = Wire<typeof c.SelfCreate>;

/** Every query key of observation (teachers' and leaders' pages alike); `all` marks everything stale. */
export const observationKeys = {
  all: ['observation'] as const,
  me: ['observation', 'me'] as const,
  starter: ['observation', 'starter'] as const,
  visitLists: ['observation', 'visits'] as const,
  visits: (q: VisitListQuery) => [...observationKeys.visitLists, q] as const,
  visit: (id: string) => ['observation', 'visit', id] as const,
  /** The visit as the conduct page holds it (server or device copy), per signed-in person. */
  visitForConduct: (id: string, ownerId: string | undefined) =>
    [...observationKeys.visit(id), 'conduct', ownerId] as const,
  guide: (institutionId: string) => ['observation', 'guide', institutionId] as const,
  schema: (institutionId: string | undefined) => ['observation', 'schema', institutionId] as const,
  schemaVersion: (schemaId: string | null) => ['observation', 'schemaVersion', schemaId] as const,
  colleagues: (institutionId: string | undefined, q: string) =>
    ['observation', 'colleagues', institutionId, q] as const,
  /** The leader's pages of one institution: `part` is schema, guide, observers, settings, visits, not-visited. */
  institution: (institutionId: string, ...rest: string[]) => [
    'observation',
    'institution',
    institutionId,
    ...rest,
  ],
  data: ['observation', 'data'] as const,
  dataOf: (scope: { kind: string; id: string } | null, params: object) =>
    ['observation', 'data', scope?.kind, scope?.id, params] as const,
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
    queryKey: observationKeys.visitForConduct(id ?? '', ownerId),
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
      void qc.invalidateQueries({ queryKey: observationKeys.visitLists });
    },
  });
}

export const useSaveReflection = (id: string) =>
  useVisitChange<Wire<typeof c.ReflectionUpdate>>(id, '/reflection', 'PUT');
export const useSaveConversation = (id: string) =>
  useVisitChange<Wire<typeof c.ConversationUpdate>>(id, '/conversation', 'PUT');
export const useAgreeNextStep = (id: string) => useVisitChange<undefined>(id, '/next-step/agree', 'POST');

export function useCreateSelfObservation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SelfObservationInput) =>
      api<VisitSummary>('/observation/self', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: observationKeys.visitLists }),
  });
}

/** Colleagues at an institution, for inviting to a self-observation. */
export const useColleagues = (institutionId: string | undefined, q: string) =>
  useQuery({
    queryKey: observationKeys.colleagues(institutionId, q),
    queryFn: async () =>
      (
        await api<Wire<typeof people.PersonPage>>('/people', {
          query: { institutionId, q: q.trim() || undefined, limit: 20 },
        })
      ).items.map((p) => ({ id: p.id, name: p.name })),
    enabled: !!institutionId,
    placeholderData: (prev) => prev,
  });

/** The institution's current schema (focus areas to choose for a self-observation). */
export const useSchemaOverview = (institutionId: string | undefined) =>
  useQuery({
    queryKey: observationKeys.schema(institutionId),
    queryFn: () => api<SchemaOverview>(`/observation/institutions/${institutionId}/schema`),
    enabled: !!institutionId,
  });
