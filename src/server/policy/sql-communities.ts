import { type SQL, sql } from 'drizzle-orm';
import { communities, communityMembers } from '../db/community-schema.js';
import { users } from '../db/schema.js';
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

/**
 * SQL form of the community.discuss rule (rules-practice.ts) read from the person's side, over the users table:
 * the people who may read and write the members' posts, events and replies of this community — its joined
 * members. Used to offer @mentions and to decide who hears of replies and new events.
 */
export function communityDiscussants(communityId: string): SQL {
  return sql`exists (select 1 from ${communityMembers} dm
    where dm.community_id = ${communityId} and dm.user_id = ${users.id} and dm.joined_at is not null)`;
}
