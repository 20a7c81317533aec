import type { RoundState } from '../../../shared/survey.js';
import { TIME_ZONE } from '../../../shared/training.js';

/** Today in Denmark (Europe/Copenhagen), YYYY-MM-DD: a round's days are Danish days. */
export const danishToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);

/** Where a round is on a Danish day: planned before it opens, closed after its last day (or closed early). */
export function roundState(
  r: { opensOn: string; closesOn: string; closedOn: string | null },
  today: string,
): RoundState {
  if (r.closedOn !== null || today > r.closesOn) return 'closed';
  if (today < r.opensOn) return 'planned';
  return 'open';
}
