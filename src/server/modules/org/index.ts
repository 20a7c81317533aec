/* The org module's front door (issue 14): kommuner, institutions, teams and the directory cache. */
export { orgRoutes } from './routes.js';
export { createOrgService, type OrgService } from './service.js';
