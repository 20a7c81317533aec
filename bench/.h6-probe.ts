// Temporary probe (H6): times the search SQL on a generated PGlite catalogue. Not part of the project.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/index.js';
import { seedDemo } from '../src/server/db/seed-demo.js';
import { generateCatalogue } from './catalogue-data.js';
import * as repo from '../src/server/modules/search/repo.js';
import { searchableVideos } from '../src/server/policy/sql-search.js';
import { demoIds } from '../src/server/testing/fixtures.js';

const dir = '/tmp/h6/pglite';
const fresh = !fs.existsSync(dir);
const database = await openDatabase(process.env.PROBE_PG ? { url: process.env.PROBE_PG } : { dir });
if (fresh || process.env.PROBE_PG_GEN) {
  await database.migrate();
  await seedDemo(database.db);
  await generateCatalogue(database.db);
}
const db = database.db;
const ids = await demoIds(db);
const inst = ids.institution.Solsikkeskolen;
const res = await db.execute(sql`select kommune_id from institutions where id = ${inst}`);
const komm = (res as unknown as { rows: { kommune_id: string }[] }).rows[0].kommune_id;
const actor = { id: '', grants: [{ role: 'medarbejder' as const, institutionId: inst, kommuneId: komm }], teamIds: [] };
const scope = searchableVideos(actor);
const filters = { subject: [], ageBand: [], method: [], pillar: [] };
async function time(name: string, f: () => Promise<unknown>) {
  await f();
  const t = performance.now();
  for (let i = 0; i < 5; i++) await f();
  console.log(name, ((performance.now() - t) / 5).toFixed(1), 'ms');
}
for (const q of ['lærerne feedback', 'elever', null]) {
  await time(`page ${q} newest`, () => repo.searchVideos(db, { scope, q, filters, sort: 'newest', limit: 25 }));
  if (q) await time(`page ${q} relevance`, () => repo.searchVideos(db, { scope, q, filters, sort: 'relevance', limit: 25 }));
  await time(`facets ${q}`, () => repo.searchFacets(db, { scope, q, filters }));
}
await time('count visible', () => db.execute(sql`select count(*) from videos where ${scope}`));
await time('count match elever', () => db.execute(sql`select count(*) from videos where search_document @@ websearch_to_tsquery('danish', 'elever')`));
await time('ids match elever', () => db.execute(sql`select id from videos where search_document @@ websearch_to_tsquery('danish', 'elever')`));
await time('select 1', () => db.execute(sql`select 1`));
await database.close();
