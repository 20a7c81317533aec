import { inArray, or, type SQL, sql } from 'drizzle-orm';
import { institutions } from '../db/schema.js';
import {
  trainingCourseInstitutions,
  trainingCourses,
  trainingCourseTrainers,
  trainingEnrolments,
  trainingRequests,
} from '../db/training-schema.js';
import { forvaltningKommuneIds, isAdmin, isEditor, memberInstitutionIds } from './predicates.js';
import { resourceKommuneIds } from './rules-training.js';
import type { Actor } from './types.js';

const none = sql`false`;
const c = trainingCourses;

/**
 * The kommuner a course involves, as SQL: where its requesters work and where its participating institutions
 * are. Same definition as training/resource.ts uses for CourseResource.kommuneIds.
 */
export function courseInvolvesKommune(kommuneIds: string[]): SQL {
  if (kommuneIds.length === 0) return none;
  return sql`(exists (select 1 from ${trainingRequests} r join ${institutions} i on i.id = r.institution_id
                      where r.course_id = ${c.id} and ${inArray(sql`i.kommune_id`, kommuneIds)})
           or exists (select 1 from ${trainingCourseInstitutions} ci join ${institutions} i on i.id = ci.institution_id
                      where ci.course_id = ${c.id} and ${inArray(sql`i.kommune_id`, kommuneIds)}))`;
}

/** SQL form of rules-training.seesCourse, over the training_courses table. */
export function visibleCourses(a: Actor): SQL {
  if (!a.id) return none;
  if (isAdmin(a) || isEditor(a)) return sql`true`;
  const clauses: SQL[] = [
    sql`${c.plannerId} = ${a.id}`,
    sql`exists (select 1 from ${trainingCourseTrainers} t where t.course_id = ${c.id} and t.user_id = ${a.id})`,
    sql`exists (select 1 from ${trainingRequests} r where r.course_id = ${c.id} and r.user_id = ${a.id})`,
    sql`exists (select 1 from ${trainingEnrolments} e where e.course_id = ${c.id} and e.user_id = ${a.id})`,
  ];
  const managing = [...new Set([...resourceKommuneIds(a), ...forvaltningKommuneIds(a)])];
  if (managing.length) clauses.push(courseInvolvesKommune(managing));
  const inst = memberInstitutionIds(a);
  if (inst.length)
    clauses.push(
      sql`(${c.state} <> 'proposed' and exists (select 1 from ${trainingCourseInstitutions} ci
             where ci.course_id = ${c.id} and ${inArray(sql`ci.institution_id`, inst)}))`,
    );
  const komm = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
  if (komm.length)
    clauses.push(sql`(${c.state} not in ('proposed', 'planned') and ${courseInvolvesKommune(komm)})`);
  return or(...clauses) as SQL;
}
