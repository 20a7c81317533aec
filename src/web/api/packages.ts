import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/packages';
import { api } from './client';
import type { SearchAnswer } from './search';
import { videoKeys } from './videos';

export type PackageVideo = Wire<typeof c.PackageVideo>;
export type PackageItem = Wire<typeof c.PackageItem>;
export type PackageSummary = Wire<typeof c.PackageSummary>;
export type PackageDetail = Wire<typeof c.PackageDetail>;
/** What the editor sends: an existing video item is kept by its id when its video is not known to the editor. */
export type ItemInput = Wire<typeof c.ItemInput>;
export type PackageFields = Wire<typeof c.PackageCreate>;

/** The query keys of packages: the lists under `all`, one package (with its items) under `one(id)`. */
export const packageKeys = {
  all: ['packages'] as const,
  list: (f: { mine: boolean; q: string }) => [...packageKeys.all, f] as const,
  one: (id: string | undefined) => ['package', id] as const,
};

export const usePackages = (mine: boolean, q: string) =>
  useInfiniteQuery({
    queryKey: packageKeys.list({ mine, q }),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.PackagePage>>('/packages', { query: { mine, q, limit: 24, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePackage = (id: string | undefined) =>
  useQuery({
    queryKey: packageKeys.one(id),
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
      qc.setQueryData(packageKeys.one(p.id), p);
      void qc.invalidateQueries({ queryKey: packageKeys.all });
    },
  });
}

/** Videos for the picker: the search (`q`) when given, else the newest the person may watch. */
export const usePickerVideos = (q: string) =>
  useQuery({
    queryKey: videoKeys.picker(q),
    queryFn: () => api<SearchAnswer>('/videos', { query: { q: q || undefined, limit: 12 } }),
    placeholderData: (prev) => prev,
  });
