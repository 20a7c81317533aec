import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/conversations';
import { api } from './client';

/** Learning conversations between levels (issue 17 part 4): data packages, their figures and the record. */

export type ConversationList = Wire<typeof c.ConversationList>;
export type ConversationSummary = Wire<typeof c.ConversationSummary>;
export type ConversationDetail = Wire<typeof c.ConversationDetail>;
export type ThemeChoice = ConversationDetail['themes'][number];
export type ThemeFigures = ConversationDetail['figures'][number];
export type ConversationFigure = ThemeFigures['figures'][number];
export type RecordChange = Wire<typeof c.RecordUpdate>;
export type ConversationCompare = Wire<typeof c.ConversationCompare>;
export type FiguresPreview = Wire<typeof c.FiguresPreview>;

/** Every query key of learning conversations; `all` marks everything stale. */
export const conversationKeys = {
  all: ['conversations'] as const,
  list: ['conversations', 'list'] as const,
  detail: (id: string | undefined) => ['conversations', 'detail', id] as const,
  compare: (id: string | undefined) => ['conversations', 'compare', id] as const,
};

export const useConversations = () =>
  useQuery({ queryKey: conversationKeys.list, queryFn: () => api<ConversationList>('/conversations') });

export const useConversation = (id: string | undefined) =>
  useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: () => api<ConversationDetail>(`/conversations/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useConversationCompare = (id: string | undefined, enabled = true) =>
  useQuery({
    queryKey: conversationKeys.compare(id),
    queryFn: () => api<ConversationCompare>(`/conversations/${id}/compare`),
    enabled: !!id && enabled,
  });

/** After a write: the answer becomes the detail, and lists and comparisons are read again. */
export function useConversationRefresh() {
  const qc = useQueryClient();
  return async (detail?: ConversationDetail) => {
    if (detail) qc.setQueryData(conversationKeys.detail(detail.id), detail);
    await qc.invalidateQueries({ queryKey: conversationKeys.list });
    await qc.invalidateQueries({ queryKey: ['conversations', 'compare'] });
  };
}

export const createConversation = (body: Wire<typeof c.ConversationCreate>) =>
  api<ConversationDetail>('/conversations', { method: 'POST', body });
export const updateConversation = (id: string, body: Wire<typeof c.ConversationUpdate>) =>
  api<ConversationDetail>(`/conversations/${id}`, { method: 'PATCH', body });
export const deleteConversation = (id: string) => api<unknown>(`/conversations/${id}`, { method: 'DELETE' });
export const shareConversation = (id: string, version: number) =>
  api<ConversationDetail>(`/conversations/${id}/share`, { method: 'POST', body: { version } });
export const saveRecord = (id: string, body: RecordChange) =>
  api<ConversationDetail>(`/conversations/${id}/record`, { method: 'PUT', body });
export const handDownCycle = (id: string, body: Wire<typeof c.HandDownCycle>) =>
  api<Wire<typeof c.HandDownResult>>(`/conversations/${id}/cycle`, { method: 'POST', body });

/** Reads (dryRun) or adds an uploaded figure table; the body is the file itself. */
export const uploadFigures = (
  id: string,
  file: File,
  q: { title: string; unit: string; dryRun: boolean; version?: number },
) =>
  api<FiguresPreview>(`/conversations/${id}/figures`, {
    method: 'POST',
    body: file,
    contentType: 'text/csv',
    query: { title: q.title, unit: q.unit, dryRun: q.dryRun, version: q.version },
  });
