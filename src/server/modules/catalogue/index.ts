// The front door of the catalogue module (taxonomy, describing and reviewing, collections): what app.ts uses.
export { createCollectionService } from './collections.js';
export { catalogueRoutes } from './routes.js';
export { createCatalogueService } from './service.js';
export { createTaxonomyService } from './taxonomy.js';
