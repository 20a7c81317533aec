import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Wire } from '../../shared/contracts/common';
import type { InstitutionList } from '../../shared/contracts/people';
import type * as c from '../../shared/contracts/survey';
import { api } from './client';

/** The staff survey's rounds and questionnaires (issue 18): what forvaltning runs, and a person's own invitation. */

export type QuestionnaireSummary = Wire<typeof c.QuestionnaireSummary>;
export type Questionnaire = Wire<typeof c.Questionnaire>;
export type SurveyItem = Wire<typeof c.SurveyItem>;
export type ItemFields = Wire<typeof c.ItemCreate>;
export type RoundSummary = Wire<typeof c.RoundSummary>;
export type Round = Wire<typeof c.Round>;
export type RoundCreate = Wire<typeof c.RoundCreate>;
export type CodeList = Wire<typeof c.CodeList>;
export type MySurveys = Wire<typeof c.MySurveys>;

/** Every query key of the survey's administration; `all` marks everything stale. */
export const surveyAdminKeys = {
  all: ['survey'] as const,
  questionnaires: (kommuneId: string | undefined) => ['survey', 'questionnaires', kommuneId] as const,
  questionnaire: (id: string | undefined) => ['survey', 'questionnaire', id] as const,
  rounds: (scope: { kommuneId?: string; institutionId?: string }) => ['survey', 'rounds', scope] as const,
  round: (id: string | undefined) => ['survey', 'round', id] as const,
  mine: ['survey', 'mine'] as const,
};

export const useQuestionnaires = (kommuneId: string | undefined) =>
  useQuery({
    queryKey: surveyAdminKeys.questionnaires(kommuneId),
    queryFn: () => api<QuestionnaireSummary[]>('/survey/questionnaires', { query: { kommuneId } }),
    enabled: !!kommuneId,
  });

export const useQuestionnaire = (id: string | undefined) =>
  useQuery({
    queryKey: surveyAdminKeys.questionnaire(id),
    queryFn: () => api<Questionnaire>(`/survey/questionnaires/${id}`),
    enabled: !!id,
    retry: false,
  });

/** Rounds of several kommuner or institutions at once (a person may hold several grants), one request each. */
export function useRoundLists(scopes: { kommuneId?: string; institutionId?: string }[]) {
  return useQueries({
    queries: scopes.map((scope) => ({
      queryKey: surveyAdminKeys.rounds(scope),
      queryFn: () => api<RoundSummary[]>('/survey/rounds', { query: scope }),
    })),
  });
}

export const useRound = (id: string | undefined) =>
  useQuery({
    queryKey: surveyAdminKeys.round(id),
    queryFn: () => api<Round>(`/survey/rounds/${id}`),
    enabled: !!id,
    retry: false,
  });

/** A kommune's institutions, to choose whom a round asks. */
export const useKommuneInstitutions = (kommuneId: string | undefined) =>
  useQuery({
    queryKey: ['institutions', { kommuneId }],
    queryFn: () => api<Wire<typeof InstitutionList>>('/institutions', { query: { kommuneId } }),
    enabled: !!kommuneId,
  });

export const useMySurveys = (enabled = true) =>
  useQuery({ queryKey: surveyAdminKeys.mine, queryFn: () => api<MySurveys>('/survey/mine'), enabled });

/** Refreshes every survey list and page after a change. */
export function useSurveyRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: surveyAdminKeys.all });
}

const q = (id: string) => `/survey/questionnaires/${id}`;
export const newQuestionnaireVersion = (id: string, kommuneId: string | null) =>
  api<Questionnaire>(`${q(id)}/versions`, { method: 'POST', body: { kommuneId } });
export const updateQuestionnaire = (id: string, body: Wire<typeof c.QuestionnaireUpdate>) =>
  api<Questionnaire>(q(id), { method: 'PATCH', body });
export const publishQuestionnaire = (id: string) =>
  api<Questionnaire>(`${q(id)}/publish`, { method: 'POST' });
export const deleteQuestionnaire = (id: string) => api<unknown>(q(id), { method: 'DELETE' });
export const createItem = (id: string, body: ItemFields) =>
  api<Questionnaire>(`${q(id)}/items`, { method: 'POST', body });
export const updateItem = (id: string, itemId: string, body: Wire<typeof c.ItemUpdate>) =>
  api<Questionnaire>(`${q(id)}/items/${itemId}`, { method: 'PUT', body });
export const deleteItem = (id: string, itemId: string) =>
  api<Questionnaire>(`${q(id)}/items/${itemId}`, { method: 'DELETE' });

const r = (id: string) => `/survey/rounds/${id}`;
export const createRound = (body: RoundCreate) => api<Round>('/survey/rounds', { method: 'POST', body });
export const updateRound = (id: string, body: Wire<typeof c.RoundUpdate>) =>
  api<Round>(r(id), { method: 'PATCH', body });
export const remindRound = (id: string) =>
  api<Wire<typeof c.RemindResult>>(`${r(id)}/remind`, { method: 'POST' });
export const printCodes = (id: string, body: Wire<typeof c.CodeListQuery>) =>
  api<CodeList>(`${r(id)}/codes`, { method: 'POST', body });
export const myLink = (roundId: string) =>
  api<Wire<typeof c.MyLink>>(`${r(roundId)}/my-link`, { method: 'POST' });
