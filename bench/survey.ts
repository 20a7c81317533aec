/**
 * npm run bench -- survey (issue 18): the staff survey — the results page and the analysis over a kommune of 3,000
 * respondents × 40 items × 3 rounds (survey-results.ts), then 200 respondents submitting at once (survey-submit.ts).
 * Each writes its own result file; BENCH_DATABASE_URL=postgres://… runs both on PostgreSQL.
 */
import { surveyResultsBench } from './survey-results.js';
import { surveySubmitBench } from './survey-submit.js';

export async function surveyBench() {
  await surveyResultsBench();
  await surveySubmitBench();
}
