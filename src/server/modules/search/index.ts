// The front door of the search module (search, suggestions, related videos, the home page): what app.ts uses,
// and what practice-story search shares with video search (query cleaning, facet labels, video cards).

export { TtlCache } from './cache.js';
export { presentFacets } from './facets.js';
export { createHomeService } from './home.js';
export { AGE_BAND_LABELS, PILLAR_LABELS } from './labels.js';
export { searchRoutes } from './routes.js';
export { cleanQuery, createSearchService, prefixWords } from './service.js';
export { presentSummary, videoSummaries } from './summary.js';
