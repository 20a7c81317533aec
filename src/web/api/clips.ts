import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as c from '../../shared/contracts/coaching-clips';
import type * as g from '../../shared/contracts/coaching-grants';
import type { Wire } from '../../shared/contracts/common';
import type * as s from '../../shared/contracts/search';
import { api } from './client';
import { type VideoView, videoKeys } from './videos';

export type ClipOverview = Wire<typeof c.ClipOverview>;
export type ClipInput = Wire<typeof c.ClipCreate>;

const clipKeys = {
  of: (id: string) => [...videoKeys.one(id), 'clips'] as const,
  /** Recordings to compare with: my own ready ones and those shared with me. */
  comparable: ['videos', 'comparable'] as const,
};

/** For the owner: what this video is a clip of, and its clips. */
export function useClips(id: string, enabled: boolean) {
  return useQuery({
    queryKey: clipKeys.of(id),
    queryFn: () => api<ClipOverview>(`/videos/${id}/clips`),
    enabled,
    // A clip being cut and processed: its state and its keyframe-snapped start change until it is ready.
    refetchInterval: (q) =>
      q.state.data?.clips.some((c) => c.status === 'processing' || c.status === 'uploading') ? 3000 : false,
  });
}

export function useCreateClip(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClipInput) => api<VideoView>(`/videos/${id}/clips`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: clipKeys.of(id) });
      void qc.invalidateQueries({ queryKey: videoKeys.all });
    },
  });
}

export type Comparable = { id: string; title: string; owner: string | null; mine: boolean };

/** My own ready recordings, then the ready ones shared with me (when sharing is there to ask). */
export function useComparable(enabled = true) {
  return useQuery({
    queryKey: clipKeys.comparable,
    enabled,
    queryFn: async (): Promise<Comparable[]> => {
      const mine = await api<Wire<typeof s.SearchAnswer>>('/videos', { query: { mine: true, limit: 100 } });
      const shared = await api<Wire<typeof g.SharedWithMe>>('/me/shared-with-me').catch(() => ({
        items: [],
      }));
      return [
        ...mine.items
          .filter((v) => v.status === 'ready')
          .map((v) => ({ id: v.id, title: v.title, owner: null, mine: true })),
        ...shared.items
          .filter((v) => v.status === 'ready')
          .map((v) => ({ id: v.videoId, title: v.title, owner: v.owner.name, mine: false })),
      ];
    },
  });
}
