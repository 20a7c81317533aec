import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/inquiry';
import { api } from './client';

/** Team spaces and inquiry cycles (issue 16): my teams, a team's space, templates, cycles, tasks and evidence. */

export type TeamSpace = Wire<typeof c.TeamSpace>;
export type CycleSummary = Wire<typeof c.CycleSummary>;
export type CycleDetail = Wire<typeof c.CycleDetail>;
export type InquiryPhase = CycleDetail['phases'][number];
export type Task = Wire<typeof c.Task>;
export type MyTask = Wire<typeof c.MyTask>;
export type Evidence = Wire<typeof c.Evidence>;
export type NewTask = Wire<typeof c.TaskCreate>;
export type TaskChange = Wire<typeof c.TaskUpdate>;
export type NewEvidence = Wire<typeof c.EvidenceCreate>;
export type CycleChange = Wire<typeof c.CycleUpdate>;

/** Every query key of team spaces and cycles; `all` marks everything stale. */
export const inquiryKeys = {
  all: ['inquiry'] as const,
  myTeams: ['inquiry', 'me', 'teams'] as const,
  myTasks: ['inquiry', 'me', 'tasks'] as const,
  space: (teamId: string | undefined) => ['inquiry', 'space', teamId] as const,
  templates: (teamId: string | undefined) => ['inquiry', 'templates', teamId] as const,
  cycle: (id: string | undefined) => ['inquiry', 'cycle', id] as const,
};

export const useMyTeams = (enabled = true) =>
  useQuery({
    queryKey: inquiryKeys.myTeams,
    queryFn: () => api<Wire<typeof c.MyTeams>>('/me/teams'),
    enabled,
  });

export const useMyTasks = () =>
  useQuery({ queryKey: inquiryKeys.myTasks, queryFn: () => api<Wire<typeof c.MyTasks>>('/me/tasks') });

export const useTeamSpace = (teamId: string | undefined) =>
  useQuery({
    queryKey: inquiryKeys.space(teamId),
    queryFn: () => api<TeamSpace>(`/teams/${teamId}/space`),
    enabled: !!teamId,
    retry: false,
  });

export const useTemplates = (teamId: string | undefined) =>
  useQuery({
    queryKey: inquiryKeys.templates(teamId),
    queryFn: () => api<Wire<typeof c.TemplateList>>('/inquiry/templates', { query: { teamId } }),
    enabled: !!teamId,
    staleTime: 5 * 60_000,
  });

export const useCycle = (id: string | undefined) =>
  useQuery({
    queryKey: inquiryKeys.cycle(id),
    queryFn: () => api<CycleDetail>(`/cycles/${id}`),
    enabled: !!id,
    retry: false,
  });

/** Refreshes everything about team spaces and cycles after a change. */
export function useInquiryRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: inquiryKeys.all });
}

export const fetchCycle = (id: string) => api<CycleDetail>(`/cycles/${id}`);
export const fetchTeamSpace = (teamId: string) => api<TeamSpace>(`/teams/${teamId}/space`);

export const updateAgreement = (teamId: string, body: Wire<typeof c.AgreementUpdate>) =>
  api<unknown>(`/teams/${teamId}/agreement`, { method: 'PUT', body });
export const createCycle = (teamId: string, body: Wire<typeof c.CycleCreate>) =>
  api<CycleDetail>(`/teams/${teamId}/cycles`, { method: 'POST', body });
export const updateCycle = (id: string, body: CycleChange) =>
  api<CycleDetail>(`/cycles/${id}`, { method: 'PATCH', body });
export const startNextLoop = (id: string) => api<CycleDetail>(`/cycles/${id}/next-loop`, { method: 'POST' });
export const putReflection = (id: string, body: string) =>
  api<unknown>(`/cycles/${id}/reflection`, { method: 'PUT', body: { body } });

export const createTask = (cycleId: string, body: NewTask) =>
  api<Task>(`/cycles/${cycleId}/tasks`, { method: 'POST', body });
export const updateTask = (id: string, body: TaskChange) =>
  api<Task>(`/tasks/${id}`, { method: 'PATCH', body });
export const deleteTask = (id: string) => api<unknown>(`/tasks/${id}`, { method: 'DELETE' });

export const addEvidence = (cycleId: string, body: NewEvidence) =>
  api<Evidence>(`/cycles/${cycleId}/evidence`, { method: 'POST', body });
/** Uploads a file as evidence: the body is the file itself, its name and a title in the query. */
export const addEvidenceFile = (cycleId: string, file: File, title: string) =>
  api<Evidence>(`/cycles/${cycleId}/evidence/file`, {
    method: 'POST',
    body: file,
    contentType: file.type || 'application/octet-stream',
    query: { name: file.name, title },
  });
export const evidenceFileUrl = (id: string) => `/api/v1/evidence/${id}/file`;
export const deleteEvidence = (id: string) => api<unknown>(`/evidence/${id}`, { method: 'DELETE' });
