import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as g from '../../shared/contracts/coaching-grants';
import type { ok, Wire } from '../../shared/contracts/common';
import { api } from './client';
import { videoKeys } from './videos';

/** Own recordings (issue 19 part A): personal shares, the people to share with, "Delt med mig", downloads. */
export type Grant = Wire<typeof g.Grant>;
export type GrantList = Wire<typeof g.GrantList>;

const grantKeys = {
  of: (id: string) => [...videoKeys.one(id), 'grants'] as const,
  candidates: (id: string, q: string) => [...videoKeys.one(id), 'grant-candidates', q] as const,
  sharedWithMe: ['videos', 'shared-with-me'] as const,
};

export const useGrants = (id: string, enabled: boolean) =>
  useQuery({ queryKey: grantKeys.of(id), queryFn: () => api<GrantList>(`/videos/${id}/grants`), enabled });

export const useGrantCandidates = (id: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: grantKeys.candidates(id, q),
    enabled,
    queryFn: () =>
      api<Wire<typeof g.GrantCandidates>>(`/videos/${id}/grant-candidates?q=${encodeURIComponent(q)}`),
    placeholderData: (prev) => prev,
  });

export const useSharedWithMe = () =>
  useQuery({
    queryKey: grantKeys.sharedWithMe,
    queryFn: () => api<Wire<typeof g.SharedWithMe>>('/me/shared-with-me'),
  });

/** Share, take back, or allow downloads; the list (and the video, whose media addresses renew) afterwards. */
export function useGrantMutations(id: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: grantKeys.of(id) }),
      qc.invalidateQueries({ queryKey: videoKeys.one(id), exact: true }),
    ]);
  return {
    create: useMutation({
      mutationFn: (body: Wire<typeof g.GrantCreate>) =>
        api<Grant>(`/videos/${id}/grants`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    revoke: (grantId: string) =>
      api<Wire<typeof ok>>(`/videos/${id}/grants/${grantId}`, { method: 'DELETE' }).then(refresh),
    download: useMutation({
      mutationFn: (allowed: boolean) =>
        api<Wire<typeof g.DownloadState>>(`/videos/${id}/download`, { method: 'PUT', body: { allowed } }),
      onSuccess: refresh,
    }),
  };
}
