// The front door of the comments module: what app.ts uses.
export { commentRoutes } from './routes.js';
export { createCommentService } from './service.js';
