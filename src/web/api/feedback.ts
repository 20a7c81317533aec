import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as c from '../../shared/contracts/coaching-feedback';
import type { Wire } from '../../shared/contracts/common';
import { api } from './client';

/** Typed feedback on a recording (issue 19 part B); see server modules/feedback. */
export type FeedbackItem = Wire<typeof c.FeedbackItem>;
export type FeedbackList = Wire<typeof c.FeedbackList>;
export type FocusArea = Wire<typeof c.FocusAreaOption>;
export type PromptSet = Wire<typeof c.PromptSet>;
export type NewFeedback = Wire<typeof c.FeedbackCreate>;
export type NewPromptSet = Wire<typeof c.PromptSetCreate>;

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (videoId: string) => [...feedbackKeys.all, videoId] as const,
  areas: (videoId: string) => ['focus-areas', videoId] as const,
  prompts: ['feedback-prompts'] as const,
};

/** The whole list (filters are applied on the page: the marks show what the filter shows). */
export const useFeedback = (videoId: string, enabled = true) =>
  useQuery({
    queryKey: feedbackKeys.list(videoId),
    queryFn: () => api<FeedbackList>(`/videos/${videoId}/feedback`),
    enabled,
  });

export const useFocusAreas = (videoId: string, enabled = true) =>
  useQuery({
    queryKey: feedbackKeys.areas(videoId),
    queryFn: () => api<Wire<typeof c.FocusAreaList>>(`/videos/${videoId}/focus-areas`),
    staleTime: 5 * 60_000,
    enabled,
  });

export const usePromptSets = () =>
  useQuery({
    queryKey: feedbackKeys.prompts,
    queryFn: () => api<Wire<typeof c.PromptSetList>>('/feedback-prompts'),
    staleTime: 60_000,
  });

/** The write actions on a recording's feedback; each refreshes the list. */
export function useFeedbackActions(videoId: string) {
  const qc = useQueryClient();
  const base = `/videos/${videoId}/feedback`;
  const onSuccess = () => void qc.invalidateQueries({ queryKey: feedbackKeys.list(videoId) });
  return {
    create: useMutation({
      mutationFn: (body: NewFeedback) => api<{ id: string }>(base, { method: 'POST', body }),
      onSuccess,
    }),
    reply: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        api(`${base}/${id}/replies`, { method: 'POST', body: { body } }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) =>
        api(`${base}/${id}`, { method: 'PATCH', body: { body } }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`${base}/${id}`, { method: 'DELETE' }),
      onSuccess,
    }),
    discussed: useMutation({
      mutationFn: ({ id, discussed }: { id: string; discussed: boolean }) =>
        api(`${base}/${id}/discussed`, { method: 'PUT', body: { discussed } }),
      onSuccess,
    }),
  };
}

export function usePromptSetActions() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: feedbackKeys.prompts });
  return {
    create: useMutation({
      mutationFn: (body: NewPromptSet) => api<PromptSet>('/feedback-prompts', { method: 'POST', body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api(`/feedback-prompts/${id}`, { method: 'DELETE' }),
      onSuccess,
    }),
  };
}
