import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../../shared/contracts/common';
import type * as c from '../../../../shared/contracts/survey';
import { api } from '../../../api/client';

/** The staff survey's results, the kommune's analysis and an institution's trend (read only). */

export type Results = Wire<typeof c.Results>;
export type ResultGroup = Results['groups'][number];
export type Analysis = Wire<typeof c.Analysis>;
export type AnalysisPoint = Analysis['points'][number];
export type Fit = Wire<typeof c.Fit>;
export type InstitutionTrend = Wire<typeof c.InstitutionTrend>;
export type RoundSummary = Wire<typeof c.RoundSummary>;
export type Round = Wire<typeof c.Round>;

const keys = {
  results: (id: string, institutionId: string | undefined, lang: string) =>
    ['survey-results', id, institutionId, lang] as const,
  round: (id: string) => ['survey-results', 'round', id] as const,
  rounds: (kommuneId: string | undefined) => ['survey-results', 'rounds', kommuneId] as const,
  analysis: (kommuneId: string | undefined, roundId: string | undefined) =>
    ['survey-results', 'analysis', kommuneId, roundId] as const,
  trend: (institutionId: string) => ['survey-results', 'trend', institutionId] as const,
};

/** A round's results, for one institution or (forvaltning) the whole round; item texts in the interface's language. */
export const useResults = (id: string, institutionId: string | undefined, lang: string) =>
  useQuery({
    queryKey: keys.results(id, institutionId, lang),
    queryFn: () => api<Results>(`/survey/rounds/${id}/results`, { query: { institutionId } }),
    retry: false,
    placeholderData: (previous) => previous,
  });

/** The round itself (its institutions, for forvaltning's filter). */
export const useRound = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.round(id),
    queryFn: () => api<Round>(`/survey/rounds/${id}`),
    enabled,
    retry: false,
  });

export const useKommuneRounds = (kommuneId: string | undefined) =>
  useQuery({
    queryKey: keys.rounds(kommuneId),
    queryFn: () => api<RoundSummary[]>('/survey/rounds', { query: { kommuneId } }),
    enabled: !!kommuneId,
  });

export const useAnalysis = (kommuneId: string | undefined, roundId: string | undefined) =>
  useQuery({
    queryKey: keys.analysis(kommuneId, roundId),
    queryFn: () => api<Analysis>('/survey/analysis', { query: { kommuneId, roundId } }),
    enabled: !!kommuneId,
    retry: false,
    placeholderData: (previous) => previous,
  });

export const useInstitutionTrend = (institutionId: string | undefined) =>
  useQuery({
    queryKey: keys.trend(institutionId ?? ''),
    queryFn: () => api<InstitutionTrend>('/survey/institution-trend', { query: { institutionId } }),
    enabled: !!institutionId,
    retry: false,
    staleTime: 5 * 60_000,
  });

/** The address of a download (CSV or XLSX) of the same aggregated tables the page shows. */
export function downloadUrl(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}
