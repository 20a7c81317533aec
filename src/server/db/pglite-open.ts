/**
 * Opens the embedded PGlite with settings for a small server (issue 21 item 2, bench `memory`).
 *
 * - shared_buffers 16 MB instead of PostgreSQL's 128 MB: PGlite's buffers live in its WebAssembly memory, which
 *   never shrinks, so 128 MB of buffers end up resident once the data has been read through them. An instance's
 *   data fits in the operating system's file cache all the same (PGlite reads its files through Node), so a
 *   buffer miss costs a read() from memory, not a disk seek: the query bench is unchanged (bench/README).
 * - A new data directory is made by initdb in a short-lived child process: initdb runs a second PostgreSQL in
 *   its own WebAssembly memory, and in the server's process that memory stays reachable after initdb ends (the
 *   first start peaked at ≈ 1 GB against ≈ 500 MB for a restart). The child exits and takes it with it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export const PGLITE_SHARED_BUFFERS = '16MB';

/** PGlite's own start parameters plus ours (PGlite replaces its defaults when given any). */
export const pgliteStartParams = () => [
  ...PGlite.defaultStartParams,
  '-c',
  `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
];

/** Whether `dir` holds a PostgreSQL cluster already. */
export const hasCluster = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

/** Runs initdb for `dir` in a child process (see above); throws with the child's error output when it fails. */
export function initClusterInChild(dir: string) {
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script =
    'const { PGlite } = require(process.argv[1]);' +
    'PGlite.create(process.argv[2]).then((p) => p.close()).catch((e) => { console.error(e); process.exit(1); });';
  const r = spawnSync(process.execPath, ['-e', script, pglite, dir], { encoding: 'utf8' });
  if (r.status !== 0 || !hasCluster(dir))
    throw new Error(`initdb i ${dir} mislykkedes: ${(r.stderr || r.error?.message || '').trim()}`);
}

/** PGlite in `dir` (made first when new), or in memory when dir is undefined; `from` a dump of another. */
export async function openPglite(dir: string | undefined, from?: Blob) {
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    if (!from && !hasCluster(dir)) initClusterInChild(dir);
  }
  return PGlite.create(dir, {
    startParams: pgliteStartParams(),
    ...(from ? { loadDataDir: from } : {}),
  });
}
