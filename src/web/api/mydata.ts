import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/mydata';
import { api } from './client';

export type DataExport = Wire<typeof c.DataExport>;

export const mydataKeys = {
  exports: ['me', 'exports'] as const,
  erasure: (id: string) => ['people', id, 'erasure'] as const,
};

const busy = (items: DataExport[] | undefined) =>
  !!items?.some((e) => e.status === 'queued' || e.status === 'running');

/** The signed-in person's exports; polled every 2 s while one is being prepared. */
export const useMyExports = () =>
  useQuery({
    queryKey: mydataKeys.exports,
    queryFn: () => api<Wire<typeof c.DataExportList>>('/me/exports'),
    refetchInterval: (q) => (busy(q.state.data?.items) ? 2000 : false),
  });

export function useRequestExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<DataExport>('/me/exports', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mydataKeys.exports }),
  });
}

/** Administrators: what erasing the person would do. */
export const useErasurePreview = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: mydataKeys.erasure(id),
    queryFn: () => api<Wire<typeof c.ErasurePreview>>(`/people/${id}/erasure`),
    enabled,
  });

export const erasePerson = (id: string, confirmName: string) =>
  api<Wire<typeof c.ErasureResult>>(`/people/${id}/erasure`, { method: 'POST', body: { confirmName } });
