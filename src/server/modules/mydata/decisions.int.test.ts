import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { createTestDatabase } from '../../testing/harness.js';
import { AREAS } from './areas.js';
import { USER_REFERENCES } from './decisions.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop?.());

it('every foreign key to users has a decision for export and erasure (add one in decisions.ts)', async () => {
  const fks = await rows<{ ref: string }>(
    database.db,
    sql`select kcu.table_name || '.' || kcu.column_name ref
          from information_schema.referential_constraints rc
          join information_schema.key_column_usage kcu
            on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
          join information_schema.constraint_column_usage ccu
            on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
         where ccu.table_name = 'users' and ccu.table_schema = 'public' order by 1`,
  );
  expect(Object.keys(USER_REFERENCES).sort()).toEqual(fks.map((f) => f.ref).sort());
});

it('every export area named in a decision exists, and every area query runs', async () => {
  const names = new Set(AREAS.map((a) => a.name));
  for (const [ref, d] of Object.entries(USER_REFERENCES))
    if ('area' in d) expect(names.has(d.area), ref).toBe(true);
  for (const a of AREAS)
    await database.executeSql(`select * from (${a.sql}) s order by _k limit 1`, [
      '00000000-0000-4000-8000-000000000001',
    ]);
});
