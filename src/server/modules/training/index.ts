// The training module's front door (V7): what app.ts, the worker (main.ts) and other modules may use. Everything
// else in this folder is the module's own. Sub-folders by concern: demand/ (requests, demand, the threshold,
// proposals, the overview) and courses/ (courses, sessions, enrolment, reminders, calendar files).

export { sendDueReminders } from './courses/reminders.js';
export { courseRoutes } from './courses/routes.js';
export { createCourseService } from './courses/service.js';
export { mergeMethodDemand } from './demand/propose.js';
export { lockMethod, methodHasTraining } from './demand/repo.js';
export { demandRoutes } from './demand/routes.js';
export { createDemandService } from './demand/service.js';
