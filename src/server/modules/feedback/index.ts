// The feedback module's front door (issue 19 part B: typed, time-stamped feedback on a recording): what app.ts uses.
export { feedbackRoutes } from './routes.js';
export { createFeedbackService } from './service.js';
