import { COURSE_STATES, type CourseState } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import * as repo from './overview-repo.js';
import { getThreshold } from './settings.js';

const INSTANCE = { type: 'instance' } as const;
/** The overview lists at most this many methods. */
export const OVERVIEW_METHODS_MAX = 100;

/**
 * The training overview for resource persons, editors and forvaltning (V7 item 6): methods by demand with
 * progress toward the threshold, courses by state, and how many requesters ended up trained.
 */
export function createOverviewService(ctx: AppContext) {
  const { db } = ctx;
  return async function overview(actor: Actor) {
    authorize(actor, 'training.overview', INSTANCE);
    const [threshold, methods, states, trained] = await Promise.all([
      getThreshold(db),
      repo.methodsByDemand(db, actor, OVERVIEW_METHODS_MAX),
      repo.coursesByState(db, actor),
      repo.trained(db, actor),
    ]);
    const courses = Object.fromEntries(COURSE_STATES.map((s) => [s, states.get(s) ?? 0])) as Record<
      CourseState,
      number
    >;
    return {
      threshold,
      canConfigure: can(actor, 'training.configure', INSTANCE),
      methods: methods.map((m) => ({
        method: { id: m.id, label: m.label },
        count: m.count,
        missing: Math.max(0, threshold - m.count),
        institutions: m.institutions,
        course: m.courseId
          ? { id: m.courseId, state: m.courseState as CourseState, title: m.courseTitle as string }
          : null,
      })),
      courses,
      trained,
    };
  };
}
