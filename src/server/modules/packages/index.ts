// The front door of the learning packages module: what app.ts uses.
export { packageRoutes } from './routes.js';
export { createPackageService } from './service.js';
