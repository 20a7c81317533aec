import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/evaluation';
import { api } from './client';

/** Evaluation plans / dataårshjul (issue 17 part 1): the wheel, items, copy, publish, the calendar feed. */

export type Wheel = Wire<typeof c.Wheel>;
export type WheelItem = Wheel['items'][number];
export type WheelPlan = Wheel['plans'][number];
export type NewItem = Wire<typeof c.ItemCreate>;
export type ItemChange = Wire<typeof c.ItemUpdate>;
export type PlanRef = Wire<typeof c.PlanRef>;

/** Whose wheel is shown: an institution's or a kommune's own plan. */
export type WheelOwner = { scope: 'institution' | 'kommune'; id: string };

/** Every query key of the evaluation plans; `all` marks everything stale. */
export const evaluationKeys = {
  all: ['evaluation'] as const,
  wheel: (owner: WheelOwner | null, year: number | undefined) =>
    ['evaluation', 'wheel', owner?.scope, owner?.id, year] as const,
  feed: ['evaluation', 'feed'] as const,
};

export const useWheel = (owner: WheelOwner | null, year: number | undefined) =>
  useQuery({
    queryKey: evaluationKeys.wheel(owner, year),
    queryFn: () =>
      owner?.scope === 'kommune'
        ? api<Wheel>('/evaluation/kommune-wheel', { query: { kommuneId: owner.id, year } })
        : api<Wheel>('/evaluation/wheel', { query: { institutionId: owner?.id, year } }),
    enabled: !!owner,
    retry: false,
  });

export const useFeedStatus = () =>
  useQuery({
    queryKey: evaluationKeys.feed,
    queryFn: () => api<Wire<typeof c.FeedStatus>>('/evaluation/feed'),
  });

/** Refreshes the wheels after a change. */
export function useEvaluationRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: evaluationKeys.all });
}

export const createItem = (body: NewItem) => api<WheelItem>('/evaluation/items', { method: 'POST', body });
export const updateItem = (id: string, body: ItemChange) =>
  api<WheelItem>(`/evaluation/items/${id}`, { method: 'PUT', body });
export const deleteItem = (id: string, version: number) =>
  api<unknown>(`/evaluation/items/${id}/delete`, { method: 'POST', body: { version } });
export const copyPlan = (body: PlanRef) =>
  api<Wire<typeof c.CopyResult>>('/evaluation/plans/copy', { method: 'POST', body });
export const publishPlan = (body: Wire<typeof c.PlanPublish>) =>
  api<WheelPlan>('/evaluation/plans/publish', { method: 'POST', body });
export const renewFeed = () => api<Wire<typeof c.FeedCreated>>('/evaluation/feed', { method: 'POST' });
export const stopFeed = () => api<unknown>('/evaluation/feed', { method: 'DELETE' });
