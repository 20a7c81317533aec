import type { SurveyRoundRef } from '../../../policy/rules-survey.js';
import type { RoundRow } from './repo.js';

/** A round as the policy sees it. */
export const roundRef = (r: Pick<RoundRow, 'kommuneId' | 'institutions'>): SurveyRoundRef => ({
  kommuneId: r.kommuneId,
  institutionIds: r.institutions.map((i) => i.id),
});
