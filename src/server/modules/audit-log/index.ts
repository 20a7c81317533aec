// The audit log in readable form (issue 20 part 5); writing to it is modules/audit.ts.
export { auditLogRoutes } from './routes.js';
export { createAuditLogService } from './service.js';
