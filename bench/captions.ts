/**
 * Captions benchmark (issue 19 part E): the captions of a 45-minute lesson — 900 cues of about 60 characters,
 * Danish text — saved through the cue editor's service (validation, versioned save, the WebVTT file written,
 * the search document rebuilt, audit, all in one transaction), 20 saves in a row each with a changed word, and
 * the same for 60 chapters. Then the edited word is searched for (the index must have it). Target: one save +
 * re-index < 500 ms. PGlite by default; BENCH_DATABASE_URL=postgres://… runs it on a fresh database next to
 * that one (dropped after). `npm run bench -- captions`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { seedDemo } from '../src/server/demo/index.js';
import { createCueEditorService } from '../src/server/modules/videos/cue-editor.js';
import type { Actor } from '../src/server/policy/index.js';
import { LocalStorage } from '../src/server/storage/index.js';
import { insertVideo } from '../src/server/testing/catalogue.js';
import { freshPostgres, loadAvg, percentile, round, writeResult } from './lib.js';

const CUES = 900;
const SAVES = 20;
const TARGET_MS = 500;
const WORDS = 'vi arbejder med brøker i dag og ser på æbler pærer og øl hvad er en halv en kvart'.split(' ');

function lesson(round: number) {
  return Array.from({ length: CUES }, (_, i) => ({
    start: i * 3,
    end: i * 3 + 2.8,
    text: `${Array.from({ length: 11 }, (_, w) => WORDS[(i + w) % WORDS.length]).join(' ')} ${i === 450 ? `ordet${round}` : ''}`.trim(),
  }));
}

export async function captionsBench() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const loadBefore = loadAvg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-bench-captions-'));
  const pgDb = serverUrl ? await freshPostgres(serverUrl, 'captions') : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dir: `${dataDir}/pglite` });
  const dbName = pgDb ? 'postgresql' : 'pglite';
  try {
    await database.migrate();
    await seedDemo(database.db);
    const db = database.db;
    const [owner] = await rows<{ id: string; institution: string }>(
      db,
      sql`select u.id, g.institution_id as institution from users u
          join role_grants g on g.user_id = u.id where u.email = 'medarbejder@demo.amongi.dk' limit 1`,
    );
    const videoId = await insertVideo(db, {
      ownerId: owner.id,
      institutionId: owner.institution,
      durationSeconds: 2700,
      title: 'Matematik 45 minutter',
    });
    const ctx = {
      db,
      storage: new LocalStorage(`${dataDir}/storage`),
      secret: 'bench-secret-bench-secret-bench-secret',
      events: { publish() {} },
    } as unknown as AppContext;
    const editor = createCueEditorService(ctx);
    const actor: Actor = {
      id: owner.id,
      grants: [{ role: 'medarbejder', institutionId: owner.institution, kommuneId: null }],
      teamIds: [],
    };

    const cueMs: number[] = [];
    let version = 0;
    for (let i = 0; i < SAVES; i++) {
      const cues = lesson(i);
      const t0 = performance.now();
      const saved = await editor.putCues(actor, videoId, 'da', { version, label: 'Dansk', cues }, 'da');
      cueMs.push(performance.now() - t0);
      version = saved.version;
    }
    const chapterMs: number[] = [];
    let chaptersVersion = 0;
    for (let i = 0; i < SAVES; i++) {
      const chapters = Array.from({ length: 60 }, (_, c) => ({
        start: c * 45,
        title: `Del ${c + 1}: runde ${i}`,
      }));
      const t0 = performance.now();
      const saved = await editor.putChapters(actor, videoId, { version: chaptersVersion, chapters }, 'da');
      chapterMs.push(performance.now() - t0);
      chaptersVersion = saved.version;
    }
    const t0 = performance.now();
    const read = await editor.getCues(actor, videoId, 'da');
    const readMs = performance.now() - t0;
    const [found] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from videos where id = ${videoId}
          and search_document @@ plainto_tsquery('danish', ${`ordet${SAVES - 1}`})`,
    );
    if (found.n !== 1 || read.cues.length !== CUES)
      throw new Error('the last save is not what was read or found');
    const summary = (xs: number[]) => ({
      p50: round(percentile(xs, 50), 1),
      p99: round(percentile(xs, 99), 1),
      max: round(Math.max(...xs), 1),
      first: round(xs[0], 1),
    });
    const result = {
      database: dbName,
      data: {
        cues: CUES,
        vttBytes: fs.statSync(`${dataDir}/storage/videos/${videoId}/captions/da.vtt`).size,
        saves: SAVES,
      },
      target: { saveMs: TARGET_MS },
      cueSaveMs: summary(cueMs),
      chapterSaveMs: summary(chapterMs),
      readCuesMs: round(readMs, 1),
      meetsTarget: Math.max(...cueMs) < TARGET_MS,
    };
    console.log(JSON.stringify(result));
    await writeResult(`captions-${dbName}`, loadBefore, result);
  } finally {
    await database.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
