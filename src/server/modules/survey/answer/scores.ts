import {
  SOCIAL_CAPITAL_DIMENSIONS,
  SURVEY_DIMENSIONS,
  type SurveyDimension,
  scaleScore,
} from '../../../../shared/survey.js';

export type AnswerScores = Record<SurveyDimension | 'socialCapital', number | null>;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * One answer's scores on 0–100 (issue 18): per dimension the mean of scaleScore over its questions answered 1–5
 * ("ved ikke" and unanswered questions left out; null when none was answered); social capital the mean of the
 * four social-capital dimensions that have a score (null when none has). Questions without a dimension count
 * in no score.
 */
export function answerScores(
  items: { id: string; dimension: SurveyDimension | null }[],
  values: ReadonlyMap<string, number | null>,
): AnswerScores {
  const per = new Map<SurveyDimension, number[]>(SURVEY_DIMENSIONS.map((d) => [d, []]));
  for (const item of items) {
    const v = values.get(item.id);
    if (item.dimension && v !== null && v !== undefined) per.get(item.dimension)?.push(scaleScore(v));
  }
  const scores = Object.fromEntries(SURVEY_DIMENSIONS.map((d) => [d, mean(per.get(d) ?? [])])) as Record<
    SurveyDimension,
    number | null
  >;
  const social = SOCIAL_CAPITAL_DIMENSIONS.map((d) => scores[d]).filter((s): s is number => s !== null);
  return { ...scores, socialCapital: mean(social) };
}
