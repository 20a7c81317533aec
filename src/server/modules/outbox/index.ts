/* The outbox page's front door (issue 14); the outbox itself and its delivery are infrastructure (src/server/mail). */
export { outboxRoutes } from './routes.js';
export { createOutboxService } from './service.js';
