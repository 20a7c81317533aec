import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/demo';
import { api } from './client';

export const demoKeys = { accounts: ['demo', 'accounts'] as const, media: ['demo', 'media'] as const };

/** The demo accounts for a one-click sign-in: empty unless demo mode and this browser is on the server's machine. */
export const useDemoAccounts = () =>
  useQuery({
    queryKey: demoKeys.accounts,
    queryFn: () => api<Wire<typeof c.DemoSignIn>>('/demo/accounts'),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** How far the demo videos are (administrators); asks again every 5 s until they are done. */
export const useDemoMedia = (enabled: boolean) =>
  useQuery({
    queryKey: demoKeys.media,
    queryFn: () => api<Wire<typeof c.DemoMedia>>('/demo/media'),
    enabled,
    refetchInterval: (q) => (q.state.data?.done ? false : 5000),
  });
