import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/reflection';
import type * as st from '../../shared/contracts/statistics';
import { api, csrfToken } from './client';
import type { Me } from './people';
import { videoKeys } from './videos';

/** The person's own signal on a video. */
export type MySignal = Wire<typeof c.MySignal>;

/** Below this many who tried a video, how many say it worked is not shown (the server withholds it). */
import { MIN_GROUP_SIZE } from '../../shared/contracts/statistics';

export { MIN_GROUP_SIZE };
/** `worked` is null when fewer than MIN_GROUP_SIZE (but someone) tried it; `workedShare` then too. */
export type Impact = Wire<typeof c.Impact>;
export type SignalInput = Wire<typeof c.SignalSet>;
export type Note = Wire<typeof c.Note>;

const impactKey = (videoId: string) => videoKeys.impact(videoId);

/** Impact figures, the own signal and the shared reflections (further pages on demand). */
export const useImpact = (videoId: string) =>
  useInfiniteQuery({
    queryKey: impactKey(videoId),
    queryFn: ({ pageParam }) =>
      api<Impact>(`/videos/${videoId}/impact`, { query: { limit: 10, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

type ImpactPages = { pages: Impact[]; pageParams: (string | undefined)[] };

/** The figures as they will be once `next` is saved, for an optimistic update. */
function predict(page: Impact, next: SignalInput): Impact {
  const before = page.mine;
  const tried = page.tried - (before ? 1 : 0) + (next.tried ? 1 : 0);
  // A withheld split stays withheld until the server answers (it alone knows the others' answers).
  const known = page.worked !== null || page.tried === 0;
  const worked =
    known && (tried === 0 || tried >= MIN_GROUP_SIZE)
      ? (page.worked ?? 0) - (before?.worked ? 1 : 0) + (next.tried && next.worked ? 1 : 0)
      : null;
  return {
    ...page,
    tried,
    worked,
    workedShare: tried > 0 && worked !== null ? worked / tried : null,
    mine: next.tried
      ? {
          tried: true,
          worked: next.worked,
          reflection: next.reflection !== undefined ? next.reflection || null : (before?.reflection ?? null),
          reflectionShared: next.reflectionShared ?? before?.reflectionShared ?? false,
        }
      : null,
  };
}

/**
 * Sets the own signal. The figures change at once (optimistic) and go back if the server refuses; the answer's
 * exact figures then replace the prediction, and the shared reflections are read again.
 */
export function useSetSignal(videoId: string) {
  const qc = useQueryClient();
  const key = impactKey(videoId);
  return useMutation({
    mutationFn: (input: SignalInput) =>
      api<Wire<typeof c.SignalAnswer>>(`/videos/${videoId}/signal`, {
        method: 'PUT',
        body: input,
      }),
    onMutate: async (input) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<ImpactPages>(key);
      if (before)
        qc.setQueryData<ImpactPages>(key, {
          ...before,
          pages: before.pages.map((p, i) => (i === 0 ? predict(p, input) : p)),
        });
      return { before };
    },
    onError: (_err, _input, context) => {
      if (context?.before) qc.setQueryData(key, context.before);
    },
    onSuccess: (answer) => {
      const now = qc.getQueryData<ImpactPages>(key);
      if (now)
        qc.setQueryData<ImpactPages>(key, {
          ...now,
          pages: now.pages.map((p, i) => (i === 0 ? { ...p, ...answer } : p)),
        });
      // The list of shared reflections may have changed (own reflection shared or removed).
      void qc.invalidateQueries({ queryKey: key });
    },
  });
}

const noteKey = (videoId: string) => videoKeys.note(videoId);

export const useNote = (videoId: string) =>
  useQuery({
    queryKey: noteKey(videoId),
    queryFn: () => api<Note>(`/videos/${videoId}/note`),
    staleTime: Infinity,
  });

export function useSaveNote(videoId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Note>(`/videos/${videoId}/note`, { method: 'PUT', body: { body } }),
    onSuccess: (note) => qc.setQueryData(noteKey(videoId), note),
  });
}

// ── View tracking: cheap calls that never bother the person when they fail. ──

export const startView = (videoId: string) =>
  api<Wire<typeof c.ViewStarted>>(`/videos/${videoId}/views`, { method: 'POST' });

export const reportView = (videoId: string, viewId: string, watchedSeconds: number) =>
  api<Wire<typeof c.ViewProgress>>(`/videos/${videoId}/views/${viewId}`, {
    method: 'PATCH',
    body: { watchedSeconds },
  });

/**
 * The last report as the page goes away: fetch with keepalive survives the page (sendBeacon cannot send the
 * CSRF header), with the token already fetched for the earlier calls.
 */
export async function reportViewOnLeave(videoId: string, viewId: string, watchedSeconds: number) {
  const token = await csrfToken();
  await fetch(`/api/v1/videos/${videoId}/views/${viewId}`, {
    method: 'PATCH',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
    body: JSON.stringify({ watchedSeconds }),
  });
}

// ── Statistics (editors, forvaltning, administrators). ──

export type StatRow = Wire<typeof st.StatRow>;
export type StatGroup = Wire<typeof st.StatGroup>;
export type Statistics = Wire<typeof st.Statistics>;
export type StatisticsQuery = Wire<typeof st.StatisticsQuery>;

/** The statistics' query keys (one per filter); the video-bound ones (impact, note) are in videoKeys. */
export const reflectionKeys = {
  statistics: (q: StatisticsQuery) => ['statistics', q] as const,
};

export const useStatistics = (q: StatisticsQuery, enabled: boolean) =>
  useQuery({
    queryKey: reflectionKeys.statistics(q),
    queryFn: () => api<Statistics>('/statistics', { query: q }),
    placeholderData: (previous) => previous,
    enabled,
  });

/** The address of the same statistics as a CSV file. */
export function statisticsCsvUrl(q: StatisticsQuery) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/v1/statistics.csv${qs ? `?${qs}` : ''}`;
}

/** Editors, forvaltning, leders and administrators see the statistics (the server's catalogue.stats rule). */
export const canSeeStatistics = (me: Me | null | undefined) =>
  !!me?.grants.some(
    (g) =>
      g.role === 'administrator' || g.role === 'redaktoer' || g.role === 'forvaltning' || g.role === 'leder',
  );
