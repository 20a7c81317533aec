// The evaluation module's front door (issue 17 part 1: evaluation plans / dataårshjul): what app.ts, the worker
// (main.ts) and the demo seed may use. Everything else in this folder is the module's own.

export { sendDueEvaluationReminders } from './reminders.js';
export { evaluationRoutes } from './routes.js';
