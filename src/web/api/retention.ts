import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/retention';
import type { RetentionKind } from '../../shared/retention';
import { api } from './client';

export type RetentionOverview = Wire<typeof c.RetentionOverview>;
const key = ['retention'] as const;

/** Periods, the dry run and the last purge runs (administrators). */
export const useRetention = () =>
  useQuery({ queryKey: key, queryFn: () => api<RetentionOverview>('/retention') });

export function useSetRetention() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, days }: { kind: RetentionKind; days: number | null }) =>
      api(`/retention/${kind}`, { method: 'PUT', body: { days } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
