import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/progression';
import { ApiError, api, csrfToken } from './client';

/** Progression overview (issue 17 part 2): my groups, setup, the grid, summaries and læringssamtaler. */

export type MyProgression = Wire<typeof c.MyProgression>;
export type ProgressionSetup = Wire<typeof c.ProgressionSetup>;
export type ProgressionGroup = Wire<typeof c.Group>;
export type Area = Wire<typeof c.Area>;
export type Period = Wire<typeof c.Period>;
export type Grid = Wire<typeof c.Grid>;
export type GridChild = Wire<typeof c.GridChild>;
export type Cell = Wire<typeof c.Cell>;
export type Counts = Wire<typeof c.Counts>;
export type SummaryCell = Wire<typeof c.SummaryCell>;
export type SummaryTable = Wire<typeof c.SummaryTable>;
export type Conference = Wire<typeof c.Conference>;
export type ConferenceList = Wire<typeof c.ConferenceList>;
export type StatusWrite = Wire<typeof c.StatusWrite>;
export type ConferenceWrite = Wire<typeof c.ConferenceWrite>;

/** Every query key of the progression overview; `all` marks everything stale. */
export const progressionKeys = {
  all: ['progression'] as const,
  me: ['progression', 'me'] as const,
  setup: (institutionId: string | undefined) => ['progression', 'setup', institutionId] as const,
  grid: (groupId: string | undefined, schoolYear?: number) =>
    ['progression', 'grid', groupId, schoolYear ?? null] as const,
  institutionSummary: (id: string | undefined, schoolYear?: number) =>
    ['progression', 'summary', 'institution', id, schoolYear ?? null] as const,
  kommuneSummary: (id: string | undefined, schoolYear?: number) =>
    ['progression', 'summary', 'kommune', id, schoolYear ?? null] as const,
  conferences: (groupId: string | undefined) => ['progression', 'conferences', groupId] as const,
  conference: (id: string | undefined) => ['progression', 'conference', id] as const,
};

export const useMyProgression = () =>
  useQuery({ queryKey: progressionKeys.me, queryFn: () => api<MyProgression>('/progression/me') });

export const useProgressionSetup = (institutionId: string | undefined) =>
  useQuery({
    queryKey: progressionKeys.setup(institutionId),
    queryFn: () => api<ProgressionSetup>(`/progression/institutions/${institutionId}/setup`),
    enabled: !!institutionId,
    retry: false,
  });

export const useGrid = (groupId: string | undefined, schoolYear?: number) =>
  useQuery({
    queryKey: progressionKeys.grid(groupId, schoolYear),
    queryFn: () => api<Grid>(`/progression/groups/${groupId}/grid`, { query: { schoolYear } }),
    enabled: !!groupId,
    retry: false,
  });

export const useInstitutionSummary = (id: string | undefined, schoolYear?: number) =>
  useQuery({
    queryKey: progressionKeys.institutionSummary(id, schoolYear),
    queryFn: () => api<SummaryTable>(`/progression/institutions/${id}/summary`, { query: { schoolYear } }),
    enabled: !!id,
    retry: false,
  });

export const useKommuneSummary = (id: string | undefined, schoolYear?: number) =>
  useQuery({
    queryKey: progressionKeys.kommuneSummary(id, schoolYear),
    queryFn: () => api<SummaryTable>(`/progression/kommuner/${id}/summary`, { query: { schoolYear } }),
    enabled: !!id,
    retry: false,
  });

export const useConferences = (groupId: string | undefined) =>
  useQuery({
    queryKey: progressionKeys.conferences(groupId),
    queryFn: () => api<ConferenceList>(`/progression/groups/${groupId}/conferences`),
    enabled: !!groupId,
    retry: false,
  });

export const useConference = (id: string | undefined) =>
  useQuery({
    queryKey: progressionKeys.conference(id),
    queryFn: () => api<Conference>(`/progression/conferences/${id}`),
    enabled: !!id,
    retry: false,
  });

/** Refreshes everything about the progression overview after a change. */
export function useProgressionRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: progressionKeys.all });
}

// ——— Setup (leaders) ———
const inst = (id: string) => `/progression/institutions/${id}`;
export const updateSettings = (institutionId: string, body: Wire<typeof c.ProgressionSettingsUpdate>) =>
  api<unknown>(`${inst(institutionId)}/settings`, { method: 'PUT', body });
export const createArea = (institutionId: string, body: Wire<typeof c.AreaCreate>) =>
  api<Area>(`${inst(institutionId)}/areas`, { method: 'POST', body });
export const updateArea = (id: string, body: Wire<typeof c.AreaUpdate>) =>
  api<Area>(`/progression/areas/${id}`, { method: 'PATCH', body });
export const createPeriod = (institutionId: string, body: Wire<typeof c.PeriodCreate>) =>
  api<Period>(`${inst(institutionId)}/periods`, { method: 'POST', body });
export const updatePeriod = (id: string, body: Wire<typeof c.PeriodUpdate>) =>
  api<Period>(`/progression/periods/${id}`, { method: 'PATCH', body });
export const deletePeriod = (id: string) => api<unknown>(`/progression/periods/${id}`, { method: 'DELETE' });
export const deleteGroup = (id: string) => api<unknown>(`/progression/groups/${id}`, { method: 'DELETE' });
export const createGroup = (institutionId: string, body: Wire<typeof c.GroupCreate>) =>
  api<ProgressionGroup>(`${inst(institutionId)}/groups`, { method: 'POST', body });
export const updateGroup = (id: string, body: Wire<typeof c.GroupUpdate>) =>
  api<ProgressionGroup>(`/progression/groups/${id}`, { method: 'PATCH', body });
export const updateDelegations = (groupId: string, userIds: string[]) =>
  api<unknown>(`/progression/groups/${groupId}/delegations`, { method: 'PUT', body: { userIds } });

// ——— Children and the grid (the group's circle) ———
export const addChild = (groupId: string, body: Wire<typeof c.ChildCreate>) =>
  api<unknown>(`/progression/groups/${groupId}/children`, { method: 'POST', body });
export const updateChild = (id: string, body: Wire<typeof c.ChildUpdate>) =>
  api<unknown>(`/progression/children/${id}`, { method: 'PATCH', body });
export const leaveChild = (id: string, body: Wire<typeof c.ChildLeave>) =>
  api<unknown>(`/progression/children/${id}/leave`, { method: 'POST', body });
export const moveChild = (id: string, body: Wire<typeof c.ChildMove>) =>
  api<unknown>(`/progression/children/${id}/move`, { method: 'POST', body });
/** Sets or clears one cell; a stale version is a 409 progression.stale with the current cell in its details. */
export const writeStatus = (body: StatusWrite) =>
  api<Cell | undefined>('/progression/statuses', { method: 'PUT', body });

/** The grid as a CSV download (the reason goes to the audit log): the file and its name. */
export async function exportGrid(groupId: string, reason: string): Promise<{ blob: Blob; name: string }> {
  const res = await fetch(`/api/v1/progression/groups/${groupId}/export`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await csrfToken() },
    body: JSON.stringify({ reason } satisfies Wire<typeof c.ExportRequest>),
  });
  if (!res.ok) {
    const b = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(res.status, b?.error?.code ?? 'unknown', b?.error?.message ?? res.statusText);
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'progression.csv';
  return { blob: await res.blob(), name };
}

// ——— Læringssamtaler ———
export const createConference = (groupId: string, body: ConferenceWrite) =>
  api<Conference>(`/progression/groups/${groupId}/conferences`, { method: 'POST', body });
export const updateConference = (id: string, body: ConferenceWrite) =>
  api<Conference>(`/progression/conferences/${id}`, { method: 'PUT', body });

// ——— CSV import (a spreadsheet export of test results; nothing is saved by the preview) ———
export type ImportRequest = Wire<typeof c.ImportRequest>;
export type ImportPreview = Wire<typeof c.ImportPreview>;
export const previewImport = (groupId: string, body: ImportRequest) =>
  api<ImportPreview>(`/progression/groups/${groupId}/import/preview`, { method: 'POST', body });
export const commitImport = (groupId: string, body: Wire<typeof c.ImportCommit>) =>
  api<ImportPreview>(`/progression/groups/${groupId}/import/commit`, { method: 'POST', body });
