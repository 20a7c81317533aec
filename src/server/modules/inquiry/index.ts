// The inquiry module's front door (issue 16: team spaces, inquiry cycles, meetings, practice stories): what app.ts,
// the worker (main.ts) and other modules may use. Everything else in this folder is the module's own. Sub-folders
// by concern: templates/, space/, cycles/, tasks/, evidence/, meetings/, stories/.

/** Starting a cycle from a template (learning conversations hand a unit's agreed focus down to a team with it). */
export { createCycleService } from './cycles/service.js';
export {
  cycleFilesPrefix,
  listCycleEvidence,
  teamFilesPrefix,
} from './evidence/service.js';
export { inquiryRoutes } from './routes.js';
export { refreshSearchDocument as refreshStorySearchDocument } from './stories/repo.js';
export {
  addTask,
  listCycleTasks,
  listMeetingTasks,
  listOpenTeamTasks,
  sendDueTaskReminders,
  type TaskInput,
  type TaskScope,
} from './tasks/service.js';
export { syncBuiltinTemplates } from './templates/sync.js';
