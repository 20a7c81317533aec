/* Staff sync's front door (issue 20 part 2): admin routes, the SCIM endpoints and the worker's ticker task. */
export { staffSyncRoutes } from './routes.js';
export { scimRoutes } from './scim/routes.js';
export { createStaffSyncService } from './service.js';
export { runDueStaffSyncs } from './sync.js';
