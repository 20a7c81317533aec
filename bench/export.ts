/**
 * "Mine data" export benchmark (issue 20 part 3): one teacher with 200 videos (originals' metadata, long
 * descriptions), 5,000 comments of her own (each ~400 characters) spread over her and colleagues' videos, 2,000
 * notifications and 1,000 signals; her export is written by the job's code (runExport: keyset pages → fflate
 * streaming ZIP → a temp file → storage). Baseline in the same run: the same areas' raw SELECTs (all rows at once)
 * serialised to /dev/null. Time, CPU and the process's RSS (before, peak sampled every 5 ms, after) for both.
 * Target: < 30 s and RSS growth < 150 MB. PGlite in this process by default (its memory counts too);
 * BENCH_DATABASE_URL=postgres://… runs on a fresh database beside that one. `npm run bench -- export`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.js';
import { buildContext, closeContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import { AREAS } from '../src/server/modules/mydata/areas.js';
import { runExport } from '../src/server/modules/mydata/index.js';
import { freshPostgres, loadAvg, round, writeResult } from './lib.js';

const SIZES = { videos: 200, comments: 5000, notifications: 2000, signals: 1000 };
const TARGET = { seconds: 30, rssGrowthMiB: 150 };
const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

async function measure<T>(run: () => Promise<T>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    value,
    seconds: round(ms / 1000, 2),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    rssBeforeMiB: mib(before),
    peakRssGrowthMiB: mib(peak - before),
    rssAfterGrowthMiB: mib(process.memoryUsage().rss - before),
  };
}

export async function exportBench() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-export-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'export') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  const ctx = await buildContext({
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    database,
    secret: 'bench-secret-'.padEnd(40, 'x'),
    log: false,
  });
  try {
    await database.migrate();
    await seedDemo(database.db);
    const db = database.db;
    const [who] = await rows<{ id: string; other: string; inst: string; kommune: string }>(
      db,
      sql`select u.id, o.id other, i.id inst, i.kommune_id kommune from users u, users o, institutions i
           where u.email = 'medarbejder@demo.amongi.dk' and o.email = 'leder@demo.amongi.dk' and i.name = 'Solsikkeskolen'`,
    );
    if (!who) throw new Error('demo people missing');
    const text = (n: string) =>
      sql`repeat('Lorem ipsum dolor sit amet, elevernes arbejde ' || ${sql.raw(n)} || '. ', 8)`;
    await db.execute(sql`insert into videos (owner_id, institution_id, kommune_id, title, description, original_filename,
        original_size, duration_seconds, width, height, status, visibility, media)
      select case when n <= ${SIZES.videos} then ${who.id}::uuid else ${who.other}::uuid end, ${who.inst}, ${who.kommune},
             'Lektion ' || n, ${text('n')}, 'lektion-' || n || '.mp4', 500000000 + n, 1800, 1920, 1080, 'ready', 'institution',
             '{"renditions":[360,540,720,1080]}'::jsonb
        from generate_series(1, ${SIZES.videos * 2}) n`);
    await db.execute(sql`insert into comments (video_id, author_id, body)
      select v.id, ${who.id}, ${text('n')} from generate_series(1, ${SIZES.comments}) n
        join lateral (select id from videos order by id offset (n % ${SIZES.videos * 2}) limit 1) v on true`);
    await db.execute(sql`insert into notifications (user_id, kind, payload)
      select ${who.id}, 'comment', jsonb_build_object('text', 'Ny kommentar ' || n, 'videoId', gen_random_uuid())
        from generate_series(1, ${SIZES.notifications}) n`);
    await db.execute(sql`insert into video_signals (video_id, user_id, worked, reflection)
      select id, ${who.id}, true, 'Det virkede' from videos where owner_id = ${who.other} limit ${SIZES.signals}`);
    if (database.kind === 'postgres') await db.execute(sql`analyze`);

    // Baseline: every area's rows at once, serialised to /dev/null (no paging, no ZIP).
    const baseline = await measure(async () => {
      const out = fs.openSync('/dev/null', 'w');
      let n = 0;
      for (const a of AREAS) {
        const { rows: all } = await database.executeSql(`select * from (${a.sql}) s`, [who.id]);
        n += all.length;
        fs.writeSync(
          out,
          JSON.stringify(all, (_k, x) => (typeof x === 'bigint' ? Number(x) : x)),
        );
      }
      fs.closeSync(out);
      return n;
    });
    console.log(`baseline (raw SELECTs → /dev/null): ${JSON.stringify({ ...baseline, value: undefined })}`);

    const runs = [];
    for (let i = 0; i < 2; i++) {
      const [e] = await rows<{ id: string }>(
        db,
        sql`insert into data_exports (user_id) values (${who.id}) returning id`,
      );
      if (!e) throw new Error('no export');
      const r = await measure(() => runExport(ctx, e.id));
      const [done] = await rows<{ status: string; size_bytes: number }>(
        db,
        sql`select status, size_bytes from data_exports where id = ${e.id}`,
      );
      const run = { ...r, value: undefined, status: done?.status, zipBytes: done?.size_bytes };
      console.log(`export ${i + 1}: ${JSON.stringify(run)}`);
      runs.push(run);
    }
    await writeResult(`export-${dbName}`, loadBefore, {
      database: dbName,
      data: SIZES,
      rowsExported: baseline.value,
      target: TARGET,
      baseline: { ...baseline, value: undefined },
      runs,
      ratioToBaseline: round((runs[1]?.seconds ?? 0) / Math.max(0.01, baseline.seconds), 1),
      meetsTarget: runs.every((r) => r.seconds < TARGET.seconds && r.peakRssGrowthMiB < TARGET.rssGrowthMiB),
    });
  } finally {
    await closeContext(ctx);
    await database.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
