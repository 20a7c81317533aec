import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShareDuration } from '../../shared/constants';
import type { ok, Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/videos';
import { api } from './client';

export type Caption = Wire<typeof c.Caption>;
/** What the player needs; the shared page gets only this. */
export type PlayableVideo = Wire<typeof c.PlayableVideo>;
export type VideoView = Wire<typeof c.VideoDetail>;
export type Share = Wire<typeof c.Share>;
export type NewShare = Wire<typeof c.NewShare>;
export type VideoUpdate = Wire<typeof c.VideoUpdate>;
export type ConsentInput = Wire<typeof c.ConsentSet>;

/**
 * The query keys of videos (search, lists and home page included). Lists live under `all` (['videos']), one
 * video and what hangs on it (shares, related, impact, note…) under `one(id)` (['video', id]): invalidating the
 * lists does not refetch every open video page.
 */
export const videoKeys = {
  all: ['videos'] as const,
  search: (p: unknown) => [...videoKeys.all, 'search', p] as const,
  suggest: (q: string) => [...videoKeys.all, 'suggest', q] as const,
  picker: (q: string) => [...videoKeys.all, 'picker', q] as const,
  home: () => [...videoKeys.all, 'home'] as const,
  /** My own ready videos (a course's documentation video is chosen among them). */
  mineReady: () => [...videoKeys.all, 'mine-ready'] as const,
  /** Every single video's entries (['video']). */
  each: ['video'] as const,
  one: (id: string | undefined) => [...videoKeys.each, id] as const,
  shares: (id: string) => [...videoKeys.one(id), 'shares'] as const,
  related: (id: string) => [...videoKeys.one(id), 'related'] as const,
  impact: (id: string) => [...videoKeys.one(id), 'impact'] as const,
  note: (id: string) => [...videoKeys.one(id), 'note'] as const,
  /** A video behind a share link (no session needed). */
  shared: (token: string) => ['shared', token] as const,
  /** The largest upload the server takes (tus OPTIONS). */
  uploadMax: ['upload-max'] as const,
  /** A video's seek previews (a WebVTT file). */
  thumbnails: (url: string | null | undefined) => ['thumbnails', url] as const,
};

export const busy = (v: Pick<VideoView, 'status'>) => v.status === 'uploading' || v.status === 'processing';

/**
 * One video; asked again every 2 s while it is uploading or being processed, and every 5 s while it already plays
 * but more qualities are on their way (issue 21: the playlist address changes when they arrive, and the player
 * picks them up from where it is).
 */
export const useVideo = (id: string | undefined) =>
  useQuery({
    queryKey: videoKeys.one(id),
    queryFn: () => api<VideoView>(`/videos/${id}`),
    enabled: !!id,
    refetchInterval: (q) =>
      !q.state.data ? false : busy(q.state.data) ? 2000 : q.state.data.renditions ? 5000 : false,
  });

export const useShares = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: videoKeys.shares(id),
    queryFn: () => api<Wire<typeof c.ShareList>>(`/videos/${id}/shares`),
    enabled,
    retry: false,
  });

/** A change to a video that answers with the new VideoView: the cache takes it, the lists are refreshed. */
export function useVideoMutation<A>(id: string, fn: (arg: A) => Promise<VideoView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (v) => {
      qc.setQueryData(videoKeys.one(id), v);
      void qc.invalidateQueries({ queryKey: videoKeys.all });
      // A narrower visibility or consent ends share links (server videos/access.ts): show the list as it is now.
      void qc.invalidateQueries({ queryKey: videoKeys.shares(id) });
    },
  });
}

export const updateVideo = (id: string, body: VideoUpdate) =>
  api<VideoView>(`/videos/${id}`, { method: 'PATCH', body });

/** The owner's walk-through "Gør videoen klar": finished or dismissed ends it on every device, open shows it again. */
export const setSetup = (id: string, state: Wire<typeof c.SetupSet>['state']) =>
  api<VideoView>(`/videos/${id}/setup`, { method: 'PUT', body: { state } });

export const retryVideo = (id: string) => api<VideoView>(`/videos/${id}/retry`, { method: 'POST' });

export const deleteVideo = (id: string) => api(`/videos/${id}`, { method: 'DELETE' });

export const setConsent = (id: string, body: ConsentInput) =>
  api<VideoView>(`/videos/${id}/consent`, { method: 'PUT', body });

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
  api<Wire<typeof ok>>(`/videos/${id}/captions/${encodeURIComponent(language)}`, { method: 'DELETE' });

export const fetchShared = (token: string) => api<PlayableVideo>(`/shared/${encodeURIComponent(token)}`);
