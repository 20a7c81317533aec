/*
 * The "Mine data" module's front door (issue 20 part 3, I5): a person's own export (a ZIP prepared by the
 * `mydata.export` job) and an administrator's erasure of a person. `erasePerson` is also what the retention purge
 * calls for deactivated accounts past their period. It reads and writes every area's tables by SQL on purpose:
 * what a person is in each table is decided in decisions.ts, checked against the database's foreign keys.
 */
export { erasePerson } from './erase.js';
export { createExportService, runExport, startExportWorker } from './export.js';
export { mydataRoutes } from './routes.js';
