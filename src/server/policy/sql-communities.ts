import { type SQL, sql } from 'drizzle-orm';
import { communities, communityMembers } from '../db/community-schema.js';
import { isAdmin } from './predicates.js';
import type { Actor } from './types.js';

/**
 * SQL form of the community.read rule (rules-practice.ts), over the communities table: administrators see every
 * community; everyone else the open ones and those they are a member of or invited to.
 */
export function visibleCommunities(a: Actor): SQL {
  if (isAdmin(a)) return sql`true`;
  const open = sql`${communities.access} = 'open'`;
  if (!a.id) return open;
  return sql`(${open} or exists (select 1 from ${communityMembers} vm
    where vm.community_id = ${communities.id} and vm.user_id = ${a.id}))`;
}
