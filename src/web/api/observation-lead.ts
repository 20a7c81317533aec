import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as d from '../../shared/contracts/observation-data';
import type * as setup from '../../shared/contracts/observation-setup';
import type * as c from '../../shared/contracts/observation-visits';
import type { WordKind } from '../../shared/vocabulary';
import { api } from './client';
import {
  observationKeys,
  type SchemaOverview,
  type SchemaVersion,
  type VisitGuide,
  type VisitPage,
  type VisitSummary,
} from './observation';

/** The leader's side of observation: setup (schema, guide, observers, settings), planning and institution data. */

/** GET /observation/me (shared with the teacher's pages). */
export { useObservationMe } from './observation';

export type SchemaDefinitionInput = Wire<typeof setup.SchemaDefinitionInput>;
export type ObservationStarter = Wire<typeof setup.ObservationStarter>;
export type ObserversList = Wire<typeof setup.ObserversList>;
export type ObservationSettings = Wire<typeof setup.ObservationSettings>;
export type VisitPlanInput = Wire<typeof c.VisitPlan>;
export type NotVisited = Wire<typeof c.NotVisited>;
export type ObservationData = Wire<typeof d.ObservationData>;
export type DataCell = Wire<typeof d.DataCell>;

const inst = (id: string) => `/observation/institutions/${id}`;
/** The leader's pages of one institution (observationKeys.institution). */
export const leadKey = observationKeys.institution;

// --- Setup ----------------------------------------------------------------------------------------------------

export const useSchemaOverview = (institutionId: string) =>
  useQuery({
    queryKey: leadKey(institutionId, 'schema'),
    queryFn: () => api<SchemaOverview>(`${inst(institutionId)}/schema`),
  });

/** The starter for the kind of institution (a dagtilbud's and a klub's are their own). */
export const useStarter = (enabled: boolean, kind: WordKind) =>
  useQuery({
    queryKey: [...observationKeys.starter, kind],
    queryFn: () => api<ObservationStarter>(`/observation/starter?kind=${kind}`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const saveSchema = (institutionId: string, body: SchemaDefinitionInput) =>
  api<SchemaVersion>(`${inst(institutionId)}/schema`, { method: 'POST', body });

export const useGuide = (institutionId: string) =>
  useQuery({
    queryKey: leadKey(institutionId, 'guide'),
    queryFn: () => api<VisitGuide>(`${inst(institutionId)}/guide`),
  });

export const saveGuide = (institutionId: string, body: Wire<typeof setup.GuideUpdate>) =>
  api<VisitGuide>(`${inst(institutionId)}/guide`, { method: 'PUT', body });

export const useObservers = (institutionId: string, enabled = true) =>
  useQuery({
    queryKey: leadKey(institutionId, 'observers'),
    queryFn: () => api<ObserversList>(`${inst(institutionId)}/observers`),
    enabled,
  });

export const addObserver = (institutionId: string, userId: string) =>
  api<void>(`${inst(institutionId)}/observers/${userId}`, { method: 'PUT' });

export const removeObserver = (institutionId: string, userId: string) =>
  api<void>(`${inst(institutionId)}/observers/${userId}`, { method: 'DELETE' });

export const useSettings = (institutionId: string) =>
  useQuery({
    queryKey: leadKey(institutionId, 'settings'),
    queryFn: () => api<ObservationSettings>(`${inst(institutionId)}/settings`),
  });

export const saveSettings = (institutionId: string, body: ObservationSettings) =>
  api<ObservationSettings>(`${inst(institutionId)}/settings`, { method: 'PUT', body });

/**
 * After a change to an institution's observation setup: ask again for that part, and mark everything else about
 * observation stale (the teacher's pages keep their own copies of the schema, the guide and /observation/me).
 */
export function useLeadRefresh(institutionId: string) {
  const qc = useQueryClient();
  return async (part: string) => {
    await qc.invalidateQueries({ queryKey: leadKey(institutionId, part) });
    await qc.invalidateQueries({ queryKey: observationKeys.all });
  };
}

// --- Planning -------------------------------------------------------------------------------------------------

export const planVisit = (body: VisitPlanInput) =>
  api<VisitSummary>('/observation/visits', { method: 'POST', body });

/** Every visit of the institution in [from, to] (follows the cursor; a month is naturally bounded). */
export const useVisitsBetween = (institutionId: string, from: string, to: string) =>
  useQuery({
    queryKey: leadKey(institutionId, 'visits', from, to),
    queryFn: async () => {
      const items: VisitSummary[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: VisitPage = await api<VisitPage>('/observation/visits', {
          query: { institutionId, from, to, limit: 100, cursor },
        });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });

export const useFlaggedVisits = (institutionId: string, enabled: boolean) =>
  useQuery({
    queryKey: leadKey(institutionId, 'visits', 'flagged'),
    queryFn: () =>
      api<VisitPage>('/observation/visits', { query: { institutionId, flagged: 1, limit: 100 } }),
    enabled,
  });

export const resolveFlag = (visitId: string, decision: 'keep' | 'exclude') =>
  api<VisitSummary>(`/observation/visits/${visitId}/resolve`, { method: 'POST', body: { decision } });

export const useNotVisited = (institutionId: string, term: string) =>
  useQuery({
    queryKey: leadKey(institutionId, 'not-visited', term),
    queryFn: () => api<NotVisited>(`${inst(institutionId)}/not-visited`, { query: { term } }),
  });

// --- Data -----------------------------------------------------------------------------------------------------

export type DataScope = { kind: 'institution' | 'kommune'; id: string };
export type DataParams = {
  term?: string;
  subject?: string;
  grade?: string;
  focusArea?: string;
  by: string;
};

export const dataPath = (scope: DataScope) =>
  scope.kind === 'institution' ? `${inst(scope.id)}/data` : `/observation/kommuner/${scope.id}/data`;

/** The CSV download address for the same scope and filters. */
export function dataCsvHref(scope: DataScope, params: DataParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return `/api/v1${dataPath(scope)}.csv?${q.toString()}`;
}

export const useObservationData = (scope: DataScope | null, params: DataParams) =>
  useQuery({
    queryKey: observationKeys.dataOf(scope, params),
    queryFn: () => api<ObservationData>(dataPath(scope as DataScope), { query: params }),
    enabled: !!scope,
    placeholderData: (prev) => prev,
  });
