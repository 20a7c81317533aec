/* The staff import's front door (issue 14): app.ts builds the service and registers the routes. The staff sync
 * (issue 20) reads and plans its files with the same parser and planner. */

export { MAX_BYTES, parseStaffCsv } from './csv.js';
export { type InstitutionRow, loadStaffLookups } from './lookups.js';
export { clean, emailKey, type Plan, type PlannedRow, planImport, type RowTarget } from './plan.js';
// The writers the staff sync shares (bulk, in chunks): people, their institution roles, team memberships.
export { insertInstitutionGrants, insertTeamMemberships, insertUsers } from './repo.js';
export { importRoutes } from './routes.js';
export { createImportService } from './service.js';
