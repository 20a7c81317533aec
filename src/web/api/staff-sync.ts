import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/staff-sync';
import { api } from './client';

export type StaffSyncSource = Wire<typeof c.StaffSyncSource>;
export type StaffSyncRun = Wire<typeof c.StaffSyncRun>;
export type StaffSyncList = Wire<typeof c.StaffSyncSourceList>;
export type SourceInput = Wire<typeof c.CreateStaffSyncSource>;

const key = ['staff-sync'] as const;

/** Sources with their latest run (administrators). */
export const useStaffSyncSources = () =>
  useQuery({ queryKey: key, queryFn: () => api<StaffSyncList>('/staff-sync/sources') });

export const useStaffSyncRuns = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...key, id, 'runs'],
    queryFn: () => api<Wire<typeof c.StaffSyncRunList>>(`/staff-sync/sources/${id}/runs`),
    enabled,
  });

export function useStaffSyncMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: key });
  return {
    create: useMutation({
      mutationFn: (body: SourceInput) =>
        api<Wire<typeof c.StaffSyncSourceCreated>>('/staff-sync/sources', { method: 'POST', body }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: Omit<SourceInput, 'kind'> }) =>
        api<StaffSyncSource>(`/staff-sync/sources/${id}`, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`/staff-sync/sources/${id}`, { method: 'DELETE' }),
      onSuccess: done,
    }),
    run: useMutation({
      mutationFn: ({ id, confirm }: { id: string; confirm?: boolean }) =>
        api<StaffSyncRun>(`/staff-sync/sources/${id}/run`, {
          method: 'POST',
          body: confirm ? { confirm } : {},
        }),
      onSuccess: done,
    }),
    rotate: useMutation({
      mutationFn: (id: string) =>
        api<Wire<typeof c.StaffSyncToken>>(`/staff-sync/sources/${id}/token`, { method: 'POST' }),
      onSuccess: done,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api(`/staff-sync/sources/${id}/token`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}
