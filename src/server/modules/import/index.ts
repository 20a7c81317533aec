/* The staff import's front door (issue 14): app.ts builds the service and registers the routes. */

// The file readers others build on (learning conversations' uploaded figures) until a shared CSV reader exists.
export { decodeBytes, detectDelimiter } from './csv.js';
export { importRoutes } from './routes.js';
export { createImportService } from './service.js';
