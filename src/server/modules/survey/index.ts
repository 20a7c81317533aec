// The survey module's front door (issue 18: the staff survey): what app.ts, the worker (main.ts) and the demo seed
// may use. `surveyRoutes` composes the survey's route plugins: questionnaires and rounds (here), answering
// (answer/), results and analysis (results/, analysis/) — each adds its plugin to `plugins` below.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { analysisRoutes } from './analysis/routes.js';
import { answerRoutes } from './answer/routes.js';
import { questionnaireRoutes } from './questionnaires/routes.js';
import { resultRoutes } from './results/routes.js';
import { roundRoutes } from './rounds/routes.js';

const plugins: ((ctx: AppContext) => FastifyPluginAsyncZod)[] = [
  questionnaireRoutes,
  roundRoutes,
  answerRoutes,
  resultRoutes,
  analysisRoutes,
];

/** Every /api/v1/survey/… route, registered by app.ts. */
export function surveyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const plugin of plugins) await app.register(plugin(ctx));
  };
}

// The worker's ticker: the anonymity mix of rounds with new answers (docs/decisions/0010-survey-anonymity.md).
export { mixSurveyAnswers } from './answer/mix.js';
export { BUILTIN_QUESTIONNAIRE_ID, ensureBuiltinQuestionnaire } from './builtin.js';
// The demo seed makes the open round's invitations; a learning conversation's package holds an institution's trend.
export { institutionTrend } from './results/service.js';
export { sendDueSurveyReminders } from './rounds/invitations.js';
export { openDueRounds } from './rounds/open.js';
export { newInvitationSecrets } from './tokens.js';
