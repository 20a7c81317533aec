// The observation module's front door (O1–O6): what app.ts and the rest of the server may use. Everything else
// in this folder is the module's own. Sub-folders by concern: setup/ (schemas, guide, observers, settings),
// visits/ (planning, recording, conversation), self/ (self-observation), data/ (institution and kommune data).

export { observationDataRoutes } from './data/routes.js';
/** One institution's data (leaders, its kommune's forvaltning), already coarsened and suppressed: learning conversations' packages read it. */
export { createDataService as createObservationDataService } from './data/service.js';
export { observationSetupRoutes } from './setup/routes.js';
export { starterFor } from './setup/starter.js';
export { assignKeys } from './setup/versioning.js';
export type { ObservationData } from './types.js';
export { observationVisitRoutes } from './visits/routes.js';
