import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EditorialState } from '../../shared/catalogue';
import type * as c from '../../shared/contracts/catalogue';
import type { Wire } from '../../shared/contracts/common';
import type { VideoDetail } from '../../shared/contracts/videos';
import { api } from './client';
import { videoKeys } from './videos';

/** The `catalogue` part of a video: metadata, where it is in the editorial workflow, and what I may do. */
export type VideoCatalogue = Wire<typeof c.VideoCatalogue>;
export type Term = Wire<typeof c.Term>;
export type EditorialItem = Wire<typeof c.EditorialItem>;
export type Collection = Wire<typeof c.Collection>;
export type MetadataBody = Wire<typeof c.CatalogueMetadata>;
type CollectionFields = Wire<typeof c.CollectionCreate>;
/** Every metadata and workflow change answers with the video. */
type Video = Wire<typeof VideoDetail>;

/** Every query key of the catalogue (taxonomy, the editors' list, collections); `all` marks everything stale. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  taxonomy: ['catalogue', 'taxonomy'] as const,
  editorial: ['catalogue', 'editorial'] as const,
  editorialList: (state: EditorialState, limit: number) =>
    [...catalogueKeys.editorial, state, limit] as const,
  collections: ['catalogue', 'collections'] as const,
  collectionList: (manage: boolean) => [...catalogueKeys.collections, { manage }] as const,
};

// ── Taxonomy ──

export const useTaxonomy = () =>
  useQuery({
    queryKey: catalogueKeys.taxonomy,
    queryFn: () => api<Wire<typeof c.TermList>>('/taxonomy'),
    staleTime: 60_000,
  });

/** A change to the taxonomy; every list of terms and videos (which show term labels) is refreshed. */
export function useTaxonomyMutation<A>(fn: (arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: catalogueKeys.taxonomy });
      void qc.invalidateQueries({ queryKey: videoKeys.each });
      void qc.invalidateQueries({ queryKey: catalogueKeys.editorial });
    },
  });
}

export const createTerm = (body: Wire<typeof c.TermCreate>) =>
  api<Term>('/taxonomy', { method: 'POST', body });
export const renameTerm = (id: string, label: string) =>
  api<Term>(`/taxonomy/${id}`, { method: 'PATCH', body: { label } });
export const mergeTerm = (id: string, intoId: string) =>
  api<Term>(`/taxonomy/${id}/merge`, { method: 'POST', body: { intoId } });
export const deleteTerm = (id: string) => api(`/taxonomy/${id}`, { method: 'DELETE' });

// ── Metadata and workflow (each answers with the video) ──

export const setMetadata = (id: string, body: MetadataBody) =>
  api<Video>(`/videos/${id}/catalogue`, { method: 'PUT', body });

export type WorkflowStep = 'submit' | 'draft' | 'publish';
export const workflowStep = (id: string, step: WorkflowStep) =>
  api<Video>(`/videos/${id}/catalogue/${step}`, { method: 'POST' });
export const sendBack = (id: string, comment: string) =>
  api<Video>(`/videos/${id}/catalogue/return`, { method: 'POST', body: { comment } });
export const unpublish = (id: string, body: Wire<typeof c.CatalogueUnpublish>) =>
  api<Video>(`/videos/${id}/catalogue/unpublish`, { method: 'POST', body });

export const useEditorial = (state: EditorialState, limit = 25) =>
  useInfiniteQuery({
    queryKey: catalogueKeys.editorialList(state, limit),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.EditorialPage>>('/catalogue/editorial', {
        query: { state, limit, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

// ── Collections ──

export const useCollections = (manage: boolean) =>
  useQuery({
    queryKey: catalogueKeys.collectionList(manage),
    queryFn: () => api<Wire<typeof c.CollectionList>>('/collections', { query: manage ? { manage } : {} }),
  });

export function useCollectionMutation<A>(fn: (arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: catalogueKeys.collections }),
  });
}

export const createCollection = (body: CollectionFields) =>
  api<Collection>('/collections', { method: 'POST', body });
export const updateCollection = (id: string, body: Partial<CollectionFields>) =>
  api<Collection>(`/collections/${id}`, { method: 'PATCH', body });
export const deleteCollection = (id: string) => api(`/collections/${id}`, { method: 'DELETE' });
export const orderCollections = (ids: string[]) =>
  api<Wire<typeof c.CollectionList>>('/collections/order', { method: 'PUT', body: { ids } });
export const addToCollection = (id: string, videoId: string) =>
  api<Collection>(`/collections/${id}/videos`, { method: 'POST', body: { videoId } });
export const removeFromCollection = (id: string, videoId: string) =>
  api<Collection>(`/collections/${id}/videos/${videoId}`, { method: 'DELETE' });
export const orderCollectionVideos = (id: string, videoIds: string[]) =>
  api<Collection>(`/collections/${id}/videos/order`, { method: 'PUT', body: { videoIds } });

/** Moves the item at `index` one step up (-1) or down (+1); the new order of ids. */
export function moved(ids: string[], index: number, by: -1 | 1): string[] {
  const next = [...ids];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item);
  return next;
}
