// The learning conversations module's front door (issue 17 part 4, P3: data packages and conversation records
// between forvaltning and a unit's leaders): what app.ts and the demo seed may use.

/** A package's figures from the unit's data as it is now (the demo freezes its package with them). */
export { computeFigures } from './figures.js';
export { conversationRoutes } from './routes.js';
export { createConversationService } from './service.js';
