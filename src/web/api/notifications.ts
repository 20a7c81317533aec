import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/notifications';
import { notificationPath } from '../../shared/notification-path';
import { api } from './client';

/** A notification as the API shows it (see server modules/notifications). Payload values: strings, numbers, null. */
export type Notification = Wire<typeof c.Notification>;
export type Preferences = Wire<typeof c.Preferences>;
/** What an unsubscribe link stops: one kind, or the whole daily digest. */
export type UnsubscribeKind = Wire<typeof c.UnsubscribeState>['kind'];
type UnsubscribeState = Wire<typeof c.UnsubscribeState>;

/** The area's query keys: marking read refreshes everything under `all` (the list and the unread count). */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notification-preferences'] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};

/** The unread count for the bell: asked every 60 s and whenever the window regains focus. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api<Wire<typeof c.UnreadCount>>('/notifications/unread-count'),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });

export const useNotifications = () =>
  useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.NotificationPage>>('/notifications', {
        query: { limit: 30, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useNotificationActions() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
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
    queryKey: notificationKeys.preferences,
    queryFn: () => api<Preferences>('/notifications/preferences'),
  });

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Wire<typeof c.PreferencesUpdate>['items']) =>
      api<Preferences>('/notifications/preferences', { method: 'PUT', body: { items } }),
    onSuccess: (saved) => qc.setQueryData(notificationKeys.preferences, saved),
  });
}

/** What an unsubscribe link is about; opening it changes nothing (link scanners open links too). */
export const useUnsubscribeLink = (token: string) =>
  useQuery({
    queryKey: notificationKeys.unsubscribe(token),
    queryFn: () => api<UnsubscribeState>(`/notifications/unsubscribe/${encodeURIComponent(token)}`),
    retry: false,
  });

export function useUnsubscribe(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<UnsubscribeState>(`/notifications/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.preferences }),
  });
}

/** Where a notification leads (the same link as its e-mail's). */
export const notificationLink = (n: Notification): string | null => notificationPath(n.kind, n.payload);
