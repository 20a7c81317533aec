import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../../shared/contracts/common';
import type * as c from '../../../../shared/contracts/survey';
import { api } from '../../../api/client';

/** Answering the staff survey by link or printed code (no sign-in): the form, and sending it. */

export type AnswerForm = Wire<typeof c.AnswerForm>;
export type AnswerSubmit = Wire<typeof c.AnswerSubmit>;
export type AnswerReceipt = Wire<typeof c.AnswerReceipt>;

/** The form for a token, in the interface's language (the query refetches when it changes). */
export const useAnswerForm = (token: string, lang: string) =>
  useQuery({
    queryKey: ['survey-answer', token, lang],
    queryFn: () => api<AnswerForm>('/survey/answer', { query: { token, lang } }),
    enabled: token !== '',
    retry: false,
    // Offline: say so at once (react-query would otherwise wait in silence for the network).
    networkMode: 'always',
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const submitAnswer = (body: AnswerSubmit) =>
  api<AnswerReceipt>('/survey/answer', { method: 'POST', body });
