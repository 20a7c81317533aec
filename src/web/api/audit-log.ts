import { useInfiniteQuery } from '@tanstack/react-query';
import type * as c from '../../shared/contracts/audit-log';
import type { Wire } from '../../shared/contracts/common';
import { api } from './client';

export type AuditEntry = Wire<typeof c.AuditEntry>;
type Page = Wire<typeof c.AuditLogPage>;
/** The log page's filters as they go into the address (empty ones left out). */
export type AuditFilters = {
  person?: string;
  group?: string;
  subjectType?: string;
  from?: string;
  to?: string;
};

/** The whole log, filtered, 50 at a time (administrators). */
export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam }) =>
      api<Page>('/audit-log', { query: { ...filters, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The entries about my own data, 30 at a time. */
export const useOwnAuditLog = () =>
  useInfiniteQuery({
    queryKey: ['audit-log', 'own'],
    queryFn: ({ pageParam }) => api<Page>('/me/audit-log', { query: { limit: 30, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The CSV download's address for these filters (a plain link: the browser sends the session cookie). */
export function auditCsvUrl(filters: AuditFilters) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  const s = q.toString();
  return `/api/v1/audit-log.csv${s ? `?${s}` : ''}`;
}
