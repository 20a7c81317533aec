import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as c from '../../shared/contracts/comments';
import type { Wire } from '../../shared/contracts/common';
import { api } from './client';

/** A comment as the API shows it; replies nested (see server comments/service.ts). */
export type CommentView = Wire<typeof c.CommentView>;
export type CommentPage = Wire<typeof c.CommentPage>;
export type CommentSort = Wire<typeof c.CommentListQuery>['sort'] & string;
export type NewComment = Wire<typeof c.CommentCreate>;
export type ReportQueueItem = Wire<typeof c.ReportQueueItem>;

/**
 * A discussion's place in the API: a video's (`/videos/<id>`) or a community post's replies
 * (`/community-posts/<id>`); both answer the same contracts under `…/comments` and `…/mentionable`.
 */
export const videoThread = (videoId: string) => `/videos/${videoId}`;
export const postThread = (postId: string) => `/community-posts/${postId}`;

/** The query keys of the discussion: threads per subject and sort, @mention candidates, the moderation queue. */
export const commentKeys = {
  all: ['comments'] as const,
  thread: (thread: string) => [...commentKeys.all, thread] as const,
  page: (thread: string, sort: CommentSort) => [...commentKeys.thread(thread), sort] as const,
  mentionable: (thread: string, q: string) => ['mentionable', thread, q] as const,
  moderation: ['moderation'] as const,
  moderationSummary: () => [...commentKeys.moderation, 'summary'] as const,
  moderationQueue: () => [...commentKeys.moderation, 'queue'] as const,
};

export const useComments = (thread: string, sort: CommentSort) =>
  useInfiniteQuery({
    queryKey: commentKeys.page(thread, sort),
    queryFn: ({ pageParam }) =>
      api<CommentPage>(`${thread}/comments`, { query: { sort, limit: 20, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useMentionable = (thread: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: commentKeys.mentionable(thread, q),
    queryFn: () => api<Wire<typeof c.Mentionable>>(`${thread}/mentionable`, { query: { q } }),
    enabled,
    staleTime: 30_000,
  });

/**
 * The write actions on a discussion; each refreshes the thread (and the moderation queue, and a post's reply
 * count in the community's feed).
 */
export function useCommentActions(thread: string) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: commentKeys.thread(thread) });
    void qc.invalidateQueries({ queryKey: commentKeys.moderation });
    if (thread.startsWith('/community-posts/')) void qc.invalidateQueries({ queryKey: ['communities'] });
  };
  const opts = { onSuccess: refresh };
  return {
    create: useMutation({
      mutationFn: (body: NewComment) =>
        api<Wire<typeof c.CommentCreated>>(`${thread}/comments`, { method: 'POST', body }),
      ...opts,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: { id: string } & Wire<typeof c.CommentUpdate>) =>
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
    queryKey: commentKeys.moderationSummary(),
    queryFn: () => api<Wire<typeof c.ModerationSummary>>('/comment-reports/summary'),
    enabled,
    staleTime: 60_000,
  });

export const useReportQueue = () =>
  useInfiniteQuery({
    queryKey: commentKeys.moderationQueue(),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.ReportQueue>>('/comment-reports', {
        query: { limit: 20, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });

export function useModerationActions() {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: commentKeys.moderation });
    void qc.invalidateQueries({ queryKey: commentKeys.all });
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
