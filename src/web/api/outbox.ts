import { useInfiniteQuery } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/outbox';
import { api } from './client';

export type OutboxEmail = Wire<typeof c.OutboxEmail>;

export const outboxKeys = { all: ['outbox'] as const };

/** E-mails written by the app, newest first, 30 at a time (administrators). */
export const useOutbox = () =>
  useInfiniteQuery({
    queryKey: outboxKeys.all,
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.OutboxPage>>('/outbox', { query: { limit: 30, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
