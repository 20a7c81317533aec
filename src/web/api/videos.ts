import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShareDuration, VideoStatus, Visibility } from '../../shared/constants';
import type { VideoCatalogue } from './catalogue';
import { api } from './client';
import type { Page } from './types';

export type Caption = { language: string; label: string; url: string };

export type Consent = {
  pupilsAppear: boolean;
  consentLevel: Visibility | null;
  collectedBy: string | null;
  collectedOn: string | null;
  withdrawnAt: string | null;
};

/** What the player needs; the shared page gets only this. */
export type PlayableVideo = {
  id: string;
  title: string;
  description: string | null;
  durationSeconds: number | null;
  playlistUrl: string | null;
  posterUrl: string | null;
  thumbnailsUrl: string | null;
  captions?: Caption[];
};

export type VideoView = PlayableVideo & {
  status: VideoStatus;
  visibility: Visibility;
  teamId: string | null;
  institutionId: string;
  width: number | null;
  height: number | null;
  progress: number | null;
  failure: { code: string; message: string } | null;
  owner: { id: string; name: string };
  createdAt: string;
  /** Catalogue metadata and editorial state (V1). */
  catalogue: VideoCatalogue;
  canEdit: boolean;
  canDelete: boolean;
  // The owner only:
  originalFilename?: string;
  consent?: Consent | null;
  widestVisibility?: Visibility;
};

export type Share = { id: string; createdAt: string; expiresAt: string | null; revokedAt: string | null };
export type NewShare = { id: string; url: string; expiresAt: string | null };

export const busy = (v: Pick<VideoView, 'status'>) => v.status === 'uploading' || v.status === 'processing';

export const useVideos = (mine: boolean) =>
  useInfiniteQuery({
    queryKey: ['videos', { mine }],
    queryFn: ({ pageParam }) =>
      api<Page<VideoView>>('/videos', { query: { mine, limit: 24, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While one of my videos is being processed, its badge follows along.
    refetchInterval: (q) =>
      mine && q.state.data?.pages.some((p) => p.items.some((v) => v.status === 'processing')) ? 5000 : false,
  });

/** One video; asked again every 2 s while it is uploading or being processed. */
export const useVideo = (id: string | undefined) =>
  useQuery({
    queryKey: ['video', id],
    queryFn: () => api<VideoView>(`/videos/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && busy(q.state.data) ? 2000 : false),
  });

export const useShares = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['video', id, 'shares'],
    queryFn: () => api<{ items: Share[] }>(`/videos/${id}/shares`),
    enabled,
    retry: false,
  });

/** A change to a video that answers with the new VideoView: the cache takes it, the lists are refreshed. */
export function useVideoMutation<A>(id: string, fn: (arg: A) => Promise<VideoView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (v) => {
      qc.setQueryData(['video', id], v);
      void qc.invalidateQueries({ queryKey: ['videos'] });
      // A narrower visibility or consent ends share links (server videos/access.ts): show the list as it is now.
      void qc.invalidateQueries({ queryKey: ['video', id, 'shares'] });
    },
  });
}

export const updateVideo = (
  id: string,
  body: { title?: string; description?: string; visibility?: Visibility; teamId?: string | null },
) => api<VideoView>(`/videos/${id}`, { method: 'PATCH', body });

export const retryVideo = (id: string) => api<VideoView>(`/videos/${id}/retry`, { method: 'POST' });

export const deleteVideo = (id: string) => api(`/videos/${id}`, { method: 'DELETE' });

export const setConsent = (
  id: string,
  body: {
    pupilsAppear: boolean;
    consentLevel?: Visibility | null;
    collectedBy?: string;
    collectedOn?: string;
  },
) => api<VideoView>(`/videos/${id}/consent`, { method: 'PUT', body });

export const withdrawConsent = (id: string) =>
  api<VideoView>(`/videos/${id}/consent/withdraw`, { method: 'POST' });

export const createShare = (id: string, duration: ShareDuration) =>
  api<NewShare>(`/videos/${id}/shares`, { method: 'POST', body: { duration } });

export const revokeShare = (id: string, shareId: string) =>
  api(`/videos/${id}/shares/${shareId}`, { method: 'DELETE' });

export const putCaption = (id: string, language: string, label: string, file: Blob) =>
  api<VideoView>(`/videos/${id}/captions/${encodeURIComponent(language)}`, {
    method: 'PUT',
    body: file,
    contentType: 'text/vtt',
    query: { label },
  });

export const deleteCaption = (id: string, language: string) =>
  api<VideoView | undefined>(`/videos/${id}/captions/${encodeURIComponent(language)}`, { method: 'DELETE' });

export const fetchShared = (token: string) => api<PlayableVideo>(`/shared/${encodeURIComponent(token)}`);
