import { inArray, or, type SQL, sql } from 'drizzle-orm';
import { learningPackages } from '../db/community-schema.js';
import { isAdmin, memberInstitutionIds } from './predicates.js';
import type { Actor } from './types.js';

const none = sql`false`;

/**
 * SQL form of rules-practice.seesPackage, over the learning_packages table: the owner's own packages in every
 * visibility; otherwise never a private one; public ones for everybody; institution ones for people who hold a
 * role in that institution; kommune ones for people who hold any role in that kommune; administrators every
 * non-private package.
 */
export function visiblePackages(a: Actor): SQL {
  const p = learningPackages;
  const own = a.id ? sql`${p.ownerId} = ${a.id}` : none;
  const shared: SQL[] = [sql`${p.visibility} = 'public'`];
  if (isAdmin(a)) shared.push(sql`${p.visibility} <> 'private'`);
  const inst = memberInstitutionIds(a);
  if (inst.length) shared.push(sql`(${p.visibility} = 'institution' and ${inArray(p.institutionId, inst)})`);
  const komm = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
  if (komm.length) shared.push(sql`(${p.visibility} = 'kommune' and ${inArray(p.kommuneId, komm)})`);
  return sql`(${own} or ${or(...shared)})`;
}

/** The actor's own packages (the "Mine" tab). */
export const ownedPackages = (a: Actor): SQL => (a.id ? sql`${learningPackages.ownerId} = ${a.id}` : none);
