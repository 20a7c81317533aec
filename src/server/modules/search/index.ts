// The front door of the search module (search, suggestions, related videos, the home page): what app.ts uses.
export { createHomeService } from './home.js';
export { searchRoutes } from './routes.js';
export { createSearchService } from './service.js';
