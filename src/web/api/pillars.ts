import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Pillar } from '../../shared/catalogue';
import type { Locale } from '../../shared/constants';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/pillars';
import { pillarLabels } from '../../shared/pillars';
import { api } from './client';

export type PillarLabels = Wire<typeof c.PillarLabels>;

export const pillarKeys = {
  mine: ['pillars', 'mine'] as const,
  kommune: (id: string) => ['pillars', 'kommune', id] as const,
};

/** The signed-in person's kommune's names for the pillars (null: the defaults). */
export const useMyPillars = () =>
  useQuery({
    queryKey: pillarKeys.mine,
    queryFn: () => api<PillarLabels>('/pillars'),
    staleTime: 5 * 60_000,
  });

export const useKommunePillars = (id: string, enabled = true) =>
  useQuery({
    queryKey: pillarKeys.kommune(id),
    queryFn: () => api<PillarLabels>(`/kommuner/${id}/pillars`),
    enabled,
  });

/**
 * The one way a page names a PLF pillar: the person's kommune's words, else the defaults in the interface's
 * language (src/shared/pillars.ts). While the kommune's words load, the defaults show.
 */
export function usePillarLabel(): (p: Pillar) => string {
  const { i18n } = useTranslation();
  const { data } = useMyPillars();
  const labels = pillarLabels(data?.labels, (i18n.language === 'en' ? 'en' : 'da') as Locale);
  return (p) => labels[p] ?? p;
}
