// The front door of the search documents: what other modules may use.
export {
  cacheGeneration,
  refreshMissingSearchDocuments,
  refreshSearchDocuments,
  searchCacheChanged,
} from './documents.js';
