/**
 * Progression CSV import benchmark (issue 17 part 2): a 5,000-row spreadsheet export (a class column, codes,
 * decimal-comma scores, Danish dates, notes with quotes) for 84 classes × ~60 children of one school, imported by
 * the school's leader through the service — preview, then commit — first as all new cells, then again with every
 * score changed. Timed per step; memory as the process's peak RSS (and heap) growth over the run, sampled every 5 ms.
 * Target: preview + commit of 5,000 rows < 5 s, memory growth < 100 MB. PGlite (in this process, so its memory
 * counts too) by default; BENCH_DATABASE_URL=postgres://… runs it on a fresh database next to that one (dropped
 * after). `npm run bench -- progression-import`, or progressionImportBench() from another bench.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import { createProgressionImport } from '../src/server/modules/progression/import/service.js';
import type { Actor } from '../src/server/policy/index.js';
import { freshPostgres, loadAvg, round, writeResult } from './lib.js';

const ROWS = 5000;
const PER_CLASS = 60;
const TARGET = { seconds: 5, memoryMiB: 100 };

/** The file: "Klasse;Kode;Score;Dato;Bemærkning", one row per child; `shift` moves every score. */
function file(classes: number, shift: number): string {
  const lines = ['Klasse;Kode;Score;Dato;Bemærkning'];
  for (let i = 0; i < ROWS; i++) {
    const k = Math.floor(i / PER_CLASS);
    const score = ((i * 7 + shift) % 400) / 10; // 0,0–39,9
    const note = i % 5 === 0 ? `"Øver ""lydering"" hjemme; ${i}"` : '';
    lines.push(`K${k % classes};B-${i};${String(score).replace('.', ',')};14-09-2026;${note}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

export async function progressionImportBench() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-progimport-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'progimport') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  try {
    await database.migrate();
    await seedDemo(database.db);
    const db = database.db;
    const classes = Math.ceil(ROWS / PER_CLASS);
    const [school] = await rows<{ id: string; leader: string }>(
      db,
      sql`select i.id, g.user_id as leader from institutions i
          join role_grants g on g.institution_id = i.id and g.role = 'leder'
          join users u on u.id = g.user_id and u.email = 'leder@demo.amongi.dk'
          where i.name = 'Solsikkeskolen'`,
    );
    const [ids] = await rows<{ area: string; period: string; group: string }>(
      db,
      sql`with a as (insert into progression_areas (institution_id, name) values (${school.id}, 'Læsning') returning id),
          p as (insert into progression_periods (institution_id, name, school_year, starts_on, ends_on)
                values (${school.id}, 'Efterår 2026', 2026, '2026-08-15', '2026-12-20') returning id),
          g as (insert into progression_groups (institution_id, name, school_year)
                select ${school.id}, 'K' || n, 2026 from generate_series(0, ${classes - 1}) n returning id, name)
          select (select id from a) as area, (select id from p) as period, (select id from g where name = 'K0') as group`,
    );
    await db.execute(sql`
      with c as (
        insert into progression_children (institution_id, code)
        select ${school.id}, 'B-' || n from generate_series(0, ${ROWS - 1}) n returning id, code)
      insert into progression_placements (child_id, group_id, from_on)
      select c.id, g.id, '2026-08-10' from c
      join progression_groups g on g.institution_id = ${school.id}
        and g.name = 'K' || ((substring(c.code from 3)::int / ${PER_CLASS}) % ${classes})`);

    const imports = createProgressionImport({ db } as AppContext);
    const actor: Actor = {
      id: school.leader,
      grants: [{ role: 'leder', institutionId: school.id, kommuneId: null }],
      teamIds: [],
    };
    const bands = [
      { status: 'groen' as const, min: 30, max: null },
      { status: 'gul' as const, min: 20, max: 29.9 },
      { status: 'roed' as const, min: null, max: 19.9 },
    ];
    const runs: Record<string, unknown>[] = [];
    for (const [name, shift] of [
      ['new cells', 0],
      ['every score changed', 13],
    ] as const) {
      const text = file(classes, shift);
      const req = {
        file: Buffer.from(text, 'utf8').toString('base64'),
        fileName: 'bench.csv',
        areaId: ids.area,
        periodId: ids.period,
        bands,
        createMissing: false,
      };
      const before = process.memoryUsage();
      // Sampled while the import awaits the database (a synchronous step cannot be sampled inside).
      const peak = { rss: before.rss, heap: before.heapUsed };
      const sample = () => {
        const m = process.memoryUsage();
        peak.rss = Math.max(peak.rss, m.rss);
        peak.heap = Math.max(peak.heap, m.heapUsed);
      };
      const sampler = setInterval(sample, 5);
      const t0 = performance.now();
      const preview = await imports.preview(actor, ids.group, req, 'da');
      const t1 = performance.now();
      const done = await imports.commit(
        actor,
        ids.group,
        { ...req, fingerprint: preview.fingerprint, skipErrors: false, saveBands: true },
        'da',
      );
      const t2 = performance.now();
      sample();
      clearInterval(sampler);
      const run = {
        name,
        fileBytes: Buffer.byteLength(text),
        rows: done.counts.rows,
        counts: done.counts,
        previewMs: round(t1 - t0, 0),
        commitMs: round(t2 - t1, 0),
        totalSeconds: round((t2 - t0) / 1000, 2),
        // The highest RSS and heap seen during the run minus before it, and what stays after it.
        peakRssGrowthMiB: mib(peak.rss - before.rss),
        peakHeapGrowthMiB: mib(peak.heap - before.heapUsed),
        rssAfterGrowthMiB: mib(process.memoryUsage().rss - before.rss),
      };
      if (done.counts.errors) throw new Error(`${name}: ${done.counts.errors} row errors`);
      console.log(`${name}: ${JSON.stringify(run)}`);
      runs.push(run);
    }
    const [totals] = await rows<{ groups: number; children: number }>(
      db,
      sql`select count(*)::int as groups, sum(groen + gul + roed)::int as children from progression_totals
          where area_id = ${ids.area} and period_id = ${ids.period}`,
    );
    console.log(`totals: ${totals.groups} groups, ${totals.children} children counted`);
    await writeResult(`progression-import-${dbName}`, loadBefore, {
      database: dbName,
      data: { rows: ROWS, classes, perClass: PER_CLASS },
      target: TARGET,
      runs,
      totals,
      meetsTarget: runs.every(
        (r) =>
          (r.totalSeconds as number) < TARGET.seconds && (r.peakRssGrowthMiB as number) < TARGET.memoryMiB,
      ),
    });
  } finally {
    await database.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
