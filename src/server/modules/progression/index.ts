// The progression module's front door (issue 17 parts 2–3: progression overview, summaries, conferences): what
// app.ts, the worker (main.ts) and other modules may use. Everything else in this folder is the module's own.
// Sub-folders by concern: setup/, grid/, summary/, conferences/, import/, retention/; resource.ts loads and
// authorizes a group, an institution or a kommune for every service here.

/** Recomputes a group's totals for an area and period from its statuses (the demo and the benchmark's data). */
export { recomputeTotals } from './grid/totals.js';
/** The retention purge of per-child progression rows (the worker's ticker). */
export { purgeExpiredProgression } from './retention/service.js';
export { progressionRoutes } from './routes.js';
/** An institution's summary (SummaryTable) as `actor` may see it: for the learning conversations' data package. */
export { institutionSummary, type SummaryTableOut } from './summary/service.js';
