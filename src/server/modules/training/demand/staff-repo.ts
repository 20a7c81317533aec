import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { current } from './repo.js';

/** One institution's staff demand (V7, issue 15): who of its people asked for training in which method. */

export type StaffRequestRow = {
  methodId: string;
  methodLabel: string;
  userId: string;
  userName: string;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date | string;
};

/** The institution with its kommune (for the policy), or null. */
export async function institution(db: DbOrTx, id: string) {
  const [row] = await rows<{ id: string; name: string; kommuneId: string }>(
    db,
    sql`select id, name, kommune_id as "kommuneId" from institutions where id = ${id}`,
  );
  return row ?? null;
}

/**
 * The requests that count now and were made from this institution by people who still work there (an active
 * account with a role at the institution), by method label, then name. At most `limit`.
 */
export async function staffRequests(db: DbOrTx, institutionId: string, limit: number) {
  return rows<StaffRequestRow>(
    db,
    sql`select r.method_id as "methodId", t.label as "methodLabel", u.id as "userId", u.name as "userName",
               r.team_id as "teamId", tm.name as "teamName", r.created_at as "createdAt"
        from training_requests r
        join taxonomy_terms t on t.id = r.method_id
        join users u on u.id = r.user_id and u.status <> 'disabled'
        left join teams tm on tm.id = r.team_id
        where r.institution_id = ${institutionId} and ${current('r')}
          and exists (select 1 from role_grants g where g.user_id = r.user_id and g.institution_id = ${institutionId})
        order by t.label, t.id, u.name, u.id
        limit ${limit}`,
  );
}
