import { type SQL, sql } from 'drizzle-orm';
import { conversationPackages } from '../db/conversations-schema.js';
import { institutions } from '../db/schema.js';
import { forvaltningKommuneIds, institutionIdsWithRole } from './predicates.js';
import type { Actor } from './types.js';

const list = (ids: string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/**
 * Packages (rows of conversation_packages) the actor may read: the same rule as rules-conversations
 * .seesConversation — forvaltning of the institution's kommune, and the institution's leders once it is shared.
 */
export function visibleConversations(a: Actor): SQL {
  if (!a.id) return sql`false`;
  const parts: SQL[] = [];
  const kommuner = forvaltningKommuneIds(a);
  if (kommuner.length)
    parts.push(sql`exists (select 1 from ${institutions} i
      where i.id = ${conversationPackages.institutionId} and i.kommune_id in (${list(kommuner)}))`);
  const leads = institutionIdsWithRole(a, 'leder');
  if (leads.length)
    parts.push(
      sql`(${conversationPackages.state} = 'shared' and ${conversationPackages.institutionId} in (${list(leads)}))`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
