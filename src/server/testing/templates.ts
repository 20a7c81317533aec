import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Database, openDatabase } from '../db/index.js';
import { seedDemo } from '../demo/index.js';
import { syncBuiltinTemplates } from '../modules/inquiry/index.js';
import { ensureBuiltinQuestionnaire } from '../modules/survey/index.js';

/**
 * Where each test file's database comes from: a migrated one and a migrated-and-seeded one, made once per run.
 * PGlite: dump files (a fresh PGlite cluster costs 1–3 s of CPU to create, a load from a dump a fraction of that,
 * and migrating and seeding are skipped). PostgreSQL: template databases (`create database … template …`).
 */
export type DatabaseTemplates = {
  kind: 'pglite' | 'postgres';
  /** PGlite: a dump file's path; PostgreSQL: a template database's name. */
  migrated: string;
  seeded: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

const adminQuery = async (base: string, text: string) => {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
};

const writeDump = async (database: Database, file: string) => {
  const dump = await database.dump?.();
  if (!dump) throw new Error('not a PGlite database');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
};

/** Vitest global set-up of the integration project: makes the templates, and removes them after the run. */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-templates-'));
    const files = { migrated: path.join(dir, 'migrated.tar'), seeded: path.join(dir, 'seeded.tar') };
    const database = await openDatabase({});
    await database.migrate();
    await syncBuiltinTemplates(database.db);
    await ensureBuiltinQuestionnaire(database.db);
    await writeDump(database, files.migrated);
    await seedDemo(database.db);
    await writeDump(database, files.seeded);
    await database.close();
    project.provide('databaseTemplates', { kind: 'pglite', ...files });
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const stem = `amongi_template_${randomBytes(4).toString('hex')}`;
  const names = { migrated: `${stem}_migrated`, seeded: `${stem}_seeded` };
  const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  await adminQuery(base, `create database ${names.migrated}`);
  const migrated = await openDatabase({ url: urlOf(names.migrated) });
  await migrated.migrate();
  await syncBuiltinTemplates(migrated.db);
  await ensureBuiltinQuestionnaire(migrated.db);
  await migrated.close();
  await adminQuery(base, `create database ${names.seeded} template ${names.migrated}`);
  const seeded = await openDatabase({ url: urlOf(names.seeded) });
  await seedDemo(seeded.db);
  await seeded.close();
  project.provide('databaseTemplates', { kind: 'postgres', ...names });
  return async () => {
    for (const name of Object.values(names))
      await adminQuery(base, `drop database if exists ${name} with (force)`);
  };
}
