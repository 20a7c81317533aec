// The front door of the reflection module (notes, tried/worked, views, statistics): what others may use.
export { reflectionRoutes } from './routes.js';
export { createReflectionService } from './service.js';
export { createStatisticsService } from './statistics.js';
export { tooFew } from './suppression.js';
