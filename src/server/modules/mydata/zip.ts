import { once } from 'node:events';
import fs from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import type { Database } from '../../db/index.js';
import { AREAS, type Area, type AreaSummary, NOT_INCLUDED } from './areas.js';
import { indexHtml } from './html.js';

/** Rows per query: what one page of an area holds in memory. */
const PAGE = 500;
/** Rows of each area shown as a table in index.html (all of them are in the area's JSON file). */
const PREVIEW_ROWS = 20;

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));

/**
 * Writes the person's ZIP to `file` as a stream: each area's rows are read a page at a time (keyset on `_k`) and
 * deflated into `<area>.json` as they come, then index.html is added. Memory holds one page and the previews.
 * `onArea` is told after each area (for the progress shown on the page).
 */
export async function writeExportZip(
  database: Database,
  userId: string,
  file: string,
  meta: { name: string; createdAt: Date },
  onArea: (done: number, total: number) => Promise<void>,
): Promise<void> {
  const out = fs.createWriteStream(file);
  let failed: Error | undefined;
  out.on('error', (err) => {
    failed = err;
  });
  let pending = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failed = err;
    else if (!out.write(chunk)) pending = true;
    if (final) out.end();
  });
  // fflate pushes synchronously; wait for the file to take what it was given before reading the next page.
  const drain = async () => {
    if (failed) throw failed;
    if (pending) {
      pending = false;
      await once(out, 'drain');
    }
  };
  const addText = async (name: string, parts: AsyncIterable<string> | string[]) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    const enc = new TextEncoder();
    for await (const p of parts) {
      entry.push(enc.encode(p), false);
      await drain();
    }
    entry.push(new Uint8Array(0), true);
    await drain();
  };

  const summaries: AreaSummary[] = [];
  for (const [i, area] of AREAS.entries()) {
    const s: AreaSummary = { area, count: 0, preview: [] };
    await addText(`${area.name}.json`, areaJson(database, area, userId, s));
    summaries.push(s);
    await onArea(i + 1, AREAS.length);
  }
  await addText('index.html', [indexHtml({ ...meta, summaries, notIncluded: NOT_INCLUDED })]);
  zip.end();
  if (!out.writableFinished) await once(out, 'finish');
  if (failed) throw failed;
}

async function* areaJson(database: Database, area: Area, userId: string, s: AreaSummary) {
  yield '[';
  let after = '';
  for (;;) {
    const { rows } = await database.executeSql(
      `select * from (${area.sql}) s where _k collate "C" > $2 collate "C" order by _k collate "C" limit ${PAGE}`,
      [userId, after],
    );
    for (const r of rows as Record<string, unknown>[]) {
      const { _k, ...row } = r;
      after = String(_k);
      if (s.preview.length < PREVIEW_ROWS) s.preview.push(row);
      yield `${s.count ? ',' : ''}\n${json(row)}`;
      s.count++;
    }
    if (rows.length < PAGE) break;
  }
  yield '\n]\n';
}
