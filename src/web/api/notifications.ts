import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationDelivery, NotificationKind } from '../../shared/training';
import { api } from './client';

/** A notification as the API shows it (see server modules/notifications). Payload values: strings, numbers, null. */
export type Notification = {
  id: string;
  kind: string;
  payload: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
};

export type Preference = {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  defaultDelivery: NotificationDelivery;
};
export type Preferences = { items: Preference[]; email: string };
/** What an unsubscribe link stops: one kind, or the whole daily digest. */
export type UnsubscribeKind = NotificationKind | 'digest';

/** The unread count for the bell: asked every 60 s and whenever the window regains focus. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api<{ unread: number }>('/notifications/unread-count'),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });

export const useNotifications = () =>
  useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) =>
      api<{ items: Notification[]; nextCursor: string | null; unread: number }>('/notifications', {
        query: { limit: 30, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useNotificationActions() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: ['notifications'] });
  return {
    markRead: useMutation({
      mutationFn: (id: string) => api(`/notifications/${id}/read`, { method: 'POST' }),
      onSuccess,
    }),
    markAllRead: useMutation({
      mutationFn: () => api('/notifications/read-all', { method: 'POST' }),
      onSuccess,
    }),
  };
}

export const usePreferences = () =>
  useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => api<Preferences>('/notifications/preferences'),
  });

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: { kind: NotificationKind; delivery: NotificationDelivery }[]) =>
      api<Preferences>('/notifications/preferences', { method: 'PUT', body: { items } }),
    onSuccess: (saved) => qc.setQueryData(['notification-preferences'], saved),
  });
}

/** What an unsubscribe link is about; opening it changes nothing (link scanners open links too). */
export const useUnsubscribeLink = (token: string) =>
  useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () =>
      api<{ kind: UnsubscribeKind; delivery: NotificationDelivery }>(
        `/notifications/unsubscribe/${encodeURIComponent(token)}`,
      ),
    retry: false,
  });

export function useUnsubscribe(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ kind: UnsubscribeKind; delivery: NotificationDelivery }>(
        `/notifications/unsubscribe/${encodeURIComponent(token)}`,
        { method: 'POST' },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notification-preferences'] }),
  });
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Where a notification leads: a comment opens its video at the comment; training goes to the course; observation to the visit. */
export function notificationLink(n: Notification): string | null {
  const p = n.payload;
  if ((n.kind === 'comment.mention' || n.kind === 'comment.reply') && p.videoId)
    return `/videoer/${str(p.videoId)}${p.commentId ? `#kommentar-${str(p.commentId)}` : ''}`;
  if (n.kind === 'community.invited' && p.communityId) return `/faellesskaber/${str(p.communityId)}`;
  if (n.kind.startsWith('training.') && p.courseId) return `/traening/forloeb/${str(p.courseId)}`;
  if (n.kind.startsWith('observation.') && p.visitId) return `/observation/besoeg/${str(p.visitId)}`;
  return null;
}
