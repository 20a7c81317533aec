/* The staff import's front door (issue 14): app.ts builds the service and registers the routes. */

export { importRoutes } from './routes.js';
export { createImportService } from './service.js';
