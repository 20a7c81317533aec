// Retention (issue 20 part 4): periods per kind of data, the worker's scheduled purge, the dry run.
export { retentionRoutes } from './routes.js';
export { type ErasePerson, runRetention } from './run.js';
export { createRetentionService } from './service.js';
