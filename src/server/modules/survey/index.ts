// The survey module's front door (issue 18: the staff survey): what app.ts, the worker (main.ts) and the demo seed
// may use. `surveyRoutes` composes the survey's route plugins: questionnaires and rounds (here), answering
// (answer/), results and analysis (results/, analysis/) — each adds its plugin to `plugins` below.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { answerRoutes } from './answer/routes.js';
import { resultRoutes } from './results/routes.js';

const plugins: ((ctx: AppContext) => FastifyPluginAsyncZod)[] = [
  // questionnaireRoutes, roundRoutes (H1); answerRoutes (H2); resultRoutes, analysisRoutes (H3)
  answerRoutes,
  resultRoutes,
];

/** Every /api/v1/survey/… route, registered by app.ts. */
export function surveyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const plugin of plugins) await app.register(plugin(ctx));
  };
}

export { BUILTIN_QUESTIONNAIRE_ID, ensureBuiltinQuestionnaire } from './builtin.js';
