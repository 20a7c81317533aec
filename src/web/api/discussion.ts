import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** A comment as the API shows it; replies nested (see server comments/service.ts). */
export type CommentView = {
  id: string;
  parentId: string | null;
  depth: number;
  state: 'visible' | 'hidden' | 'deleted';
  body: string | null;
  author: { id: string; name: string } | null;
  anchorSeconds: number | null;
  createdAt: string;
  editedAt: string | null;
  reportedByMe: boolean;
  openReports?: number;
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canReport: boolean;
  canHide: boolean;
  replies: CommentView[];
};

export type CommentPage = {
  items: CommentView[];
  nextCursor: string | null;
  total: number;
  canComment: boolean;
  canModerate: boolean;
  maxDepth: number;
  maxLength: number;
};

export type CommentSort = 'newest' | 'oldest';
export type NewComment = { body: string; parentId?: string | null; anchorSeconds?: number | null };

export type ReportQueueItem = {
  comment: {
    id: string;
    parentId: string | null;
    state: CommentView['state'];
    body: string | null;
    authorName: string | null;
    anchorSeconds: number | null;
    createdAt: string;
    editedAt: string | null;
  };
  video: { id: string; title: string };
  reports: { reason: string; createdAt: string }[];
};

export const useComments = (videoId: string, sort: CommentSort) =>
  useInfiniteQuery({
    queryKey: ['comments', videoId, sort],
    queryFn: ({ pageParam }) =>
      api<CommentPage>(`/videos/${videoId}/comments`, { query: { sort, limit: 20, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useMentionable = (videoId: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['mentionable', videoId, q],
    queryFn: () =>
      api<{ items: { id: string; name: string }[] }>(`/videos/${videoId}/mentionable`, { query: { q } }),
    enabled,
    staleTime: 30_000,
  });

/** The write actions on a video's discussion; each refreshes the thread (and the moderation queue). */
export function useCommentActions(videoId: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['comments', videoId] });
    void qc.invalidateQueries({ queryKey: ['moderation'] });
  };
  const opts = { onSuccess: refresh };
  return {
    create: useMutation({
      mutationFn: (c: NewComment) =>
        api<{ id: string }>(`/videos/${videoId}/comments`, { method: 'POST', body: c }),
      ...opts,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: string; body: string; anchorSeconds?: number | null }) =>
        api(`/comments/${id}`, { method: 'PATCH', body }),
      ...opts,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`/comments/${id}`, { method: 'DELETE' }),
      ...opts,
    }),
    report: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        api(`/comments/${id}/report`, { method: 'POST', body: { reason } }),
      ...opts,
    }),
    setHidden: useMutation({
      mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) =>
        api(`/comments/${id}/${hidden ? 'hide' : 'unhide'}`, { method: 'POST' }),
      ...opts,
    }),
  };
}

export const useModerationSummary = (enabled: boolean) =>
  useQuery({
    queryKey: ['moderation', 'summary'],
    queryFn: () => api<{ canModerate: boolean; openReports: number }>('/comment-reports/summary'),
    enabled,
    staleTime: 60_000,
  });

export const useReportQueue = () =>
  useInfiniteQuery({
    queryKey: ['moderation', 'queue'],
    queryFn: ({ pageParam }) =>
      api<{ items: ReportQueueItem[]; nextCursor: string | null }>('/comment-reports', {
        query: { limit: 20, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });

export function useModerationActions() {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: ['moderation'] });
    void qc.invalidateQueries({ queryKey: ['comments'] });
  };
  return {
    setHidden: useMutation({
      mutationFn: ({ id, hidden }: { id: string; hidden: boolean }) =>
        api(`/comments/${id}/${hidden ? 'hide' : 'unhide'}`, { method: 'POST' }),
      onSuccess,
    }),
    resolve: useMutation({
      mutationFn: (id: string) => api(`/comments/${id}/resolve`, { method: 'POST' }),
      onSuccess,
    }),
  };
}
