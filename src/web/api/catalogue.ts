import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgeBand, EditorialState, Pillar, TermKind } from '../../shared/catalogue';
import type { Visibility } from '../../shared/constants';
import { api } from './client';
import type { Page } from './types';
import type { VideoView } from './videos';

export type TermRef = { id: string; label: string };

/** The `catalogue` part of a video: metadata, where it is in the editorial workflow, and what I may do. */
export type VideoCatalogue = {
  subject: TermRef | null;
  ageBand: AgeBand | null;
  methods: TermRef[];
  pillars: Pillar[];
  editorialState: EditorialState;
  /** The editors' comment (owner and editors only). */
  editorialComment: string | null;
  curated: boolean;
  publishedAt: string | null;
  canDescribe: boolean;
  canSubmit: boolean;
  canReview: boolean;
};

export type Term = { id: string; kind: TermKind; label: string; usage?: number };

export type ConsentStatus = {
  state: 'missing' | 'no_pupils' | 'consented' | 'withdrawn';
  widestVisibility: Visibility;
  allowsPublic: boolean;
};

export type EditorialItem = {
  id: string;
  title: string;
  visibility: Visibility;
  status: string;
  editorialState: EditorialState;
  editorialComment: string | null;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  ageBand: AgeBand | null;
  pillars: Pillar[];
  subject: TermRef | null;
  methods: TermRef[];
  owner: { id: string; name: string };
  institution: { id: string; name: string };
  consent: ConsentStatus;
};

export type Collection = {
  id: string;
  title: string;
  description: string;
  position: number;
  videos: VideoView[];
};

export type MetadataBody = {
  subjectId: string | null;
  ageBand: AgeBand | null;
  methodIds: string[];
  pillars: Pillar[];
};

// ── Taxonomy ──

export const useTaxonomy = () =>
  useQuery({
    queryKey: ['taxonomy'],
    queryFn: () => api<{ items: Term[] }>('/taxonomy'),
    staleTime: 60_000,
  });

/** A change to the taxonomy; every list of terms and videos (which show term labels) is refreshed. */
export function useTaxonomyMutation<A>(fn: (arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['taxonomy'] });
      void qc.invalidateQueries({ queryKey: ['video'] });
      void qc.invalidateQueries({ queryKey: ['editorial'] });
    },
  });
}

export const createTerm = (body: { kind: TermKind; label: string }) =>
  api<Term>('/taxonomy', { method: 'POST', body });
export const renameTerm = (id: string, label: string) =>
  api<Term>(`/taxonomy/${id}`, { method: 'PATCH', body: { label } });
export const mergeTerm = (id: string, intoId: string) =>
  api<Term>(`/taxonomy/${id}/merge`, { method: 'POST', body: { intoId } });
export const deleteTerm = (id: string) => api(`/taxonomy/${id}`, { method: 'DELETE' });

// ── Metadata and workflow (each answers with the video) ──

export const setMetadata = (id: string, body: MetadataBody) =>
  api<VideoView>(`/videos/${id}/catalogue`, { method: 'PUT', body });

export type WorkflowStep = 'submit' | 'draft' | 'publish';
export const workflowStep = (id: string, step: WorkflowStep) =>
  api<VideoView>(`/videos/${id}/catalogue/${step}`, { method: 'POST' });
export const sendBack = (id: string, comment: string) =>
  api<VideoView>(`/videos/${id}/catalogue/return`, { method: 'POST', body: { comment } });
export const unpublish = (id: string, body: { to: 'returned' | 'draft'; comment?: string }) =>
  api<VideoView>(`/videos/${id}/catalogue/unpublish`, { method: 'POST', body });

export const useEditorial = (state: EditorialState, limit = 25) =>
  useInfiniteQuery({
    queryKey: ['editorial', state, limit],
    queryFn: ({ pageParam }) =>
      api<Page<EditorialItem>>('/catalogue/editorial', { query: { state, limit, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

// ── Collections ──

export const useCollections = (manage: boolean) =>
  useQuery({
    queryKey: ['collections', { manage }],
    queryFn: () => api<{ items: Collection[] }>('/collections', { query: manage ? { manage } : {} }),
  });

export function useCollectionMutation<A>(fn: (arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['collections'] }),
  });
}

export const createCollection = (body: { title: string; description?: string }) =>
  api<Collection>('/collections', { method: 'POST', body });
export const updateCollection = (id: string, body: { title?: string; description?: string }) =>
  api<Collection>(`/collections/${id}`, { method: 'PATCH', body });
export const deleteCollection = (id: string) => api(`/collections/${id}`, { method: 'DELETE' });
export const orderCollections = (ids: string[]) =>
  api<{ items: Collection[] }>('/collections/order', { method: 'PUT', body: { ids } });
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
