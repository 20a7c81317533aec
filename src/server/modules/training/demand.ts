import type { AppContext } from '../../context.js';

/** Asking for training, the threshold and proposals (V7). Being written (issue 5). */
export function createDemandService(_ctx: AppContext) {
  return {};
}
export type DemandService = ReturnType<typeof createDemandService>;
