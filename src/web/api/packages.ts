import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PackageItemKind, PackageVisibility } from '../../shared/catalogue';
import { api } from './client';
import type { Page } from './types';

/** A video in a package, when the viewer may watch it. */
export type PackageVideo = {
  id: string;
  title: string;
  status: string;
  durationSeconds: number | null;
  posterUrl: string | null;
};

export type PackageItem = {
  id: string;
  kind: PackageItemKind;
  title: string;
  body: string;
  video: PackageVideo | null;
  /** A video item whose video is gone or not available to this viewer (nothing about it is shown). */
  videoUnavailable: boolean;
};

export type PackageSummary = {
  id: string;
  title: string;
  description: string;
  visibility: PackageVisibility;
  owner: { id: string; name: string };
  itemCount: number;
  createdAt: string;
  updatedAt: string;
  mine: boolean;
  canEdit: boolean;
  canCopy: boolean;
  canDelete: boolean;
};

export type PackageDetail = PackageSummary & {
  facilitationGuide: string;
  copiedFrom: { id: string; title: string } | null;
  /** For the owner: the visibilities the package may have. */
  visibilities?: PackageVisibility[];
  items: PackageItem[];
};

/** What the editor sends: an existing video item is kept by its id when its video is not known to the editor. */
export type ItemInput =
  | { kind: 'video'; id?: string; videoId?: string; body?: string }
  | { kind: 'text'; title?: string; body: string }
  | { kind: 'question'; body: string };

export type PackageFields = {
  title: string;
  description?: string;
  facilitationGuide?: string;
  visibility?: PackageVisibility;
};

export const usePackages = (mine: boolean, q: string) =>
  useInfiniteQuery({
    queryKey: ['packages', { mine, q }],
    queryFn: ({ pageParam }) =>
      api<Page<PackageSummary>>('/packages', { query: { mine, q, limit: 24, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePackage = (id: string | undefined) =>
  useQuery({
    queryKey: ['package', id],
    queryFn: () => api<PackageDetail>(`/packages/${id}`),
    enabled: !!id,
  });

export const createPackage = (body: PackageFields) =>
  api<PackageDetail>('/packages', { method: 'POST', body });
export const updatePackage = (id: string, body: Partial<PackageFields>) =>
  api<PackageDetail>(`/packages/${id}`, { method: 'PATCH', body });
export const replaceItems = (id: string, items: ItemInput[]) =>
  api<PackageDetail>(`/packages/${id}/items`, { method: 'PUT', body: { items } });
export const copyPackage = (id: string) => api<PackageDetail>(`/packages/${id}/copy`, { method: 'POST' });
export const deletePackage = (id: string) => api(`/packages/${id}`, { method: 'DELETE' });

/** A change that answers with the package: the cache takes it, the lists are refreshed. */
export function usePackageMutation<A>(fn: (arg: A) => Promise<PackageDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData(['package', p.id], p);
      void qc.invalidateQueries({ queryKey: ['packages'] });
    },
  });
}

/** Videos for the picker: the search (`q`) when given, else the newest the person may watch. */
export const usePickerVideos = (q: string) =>
  useQuery({
    queryKey: ['videos', 'picker', q],
    queryFn: () =>
      api<
        Page<{
          id: string;
          title: string;
          durationSeconds: number | null;
          posterUrl: string | null;
          status: string;
        }>
      >('/videos', { query: { q: q || undefined, limit: 12 } }),
    placeholderData: (prev) => prev,
  });
