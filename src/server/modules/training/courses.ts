import type { AppContext } from '../../context.js';

/** Training courses from plan to documentation, enrolment and calendars (V7). Being written (issue 5). */
export function createCourseService(_ctx: AppContext) {
  return {};
}
export type CourseService = ReturnType<typeof createCourseService>;
