/**
 * `npm start` runs the server as one esbuild bundle (packages stay in node_modules), made only when the server's
 * sources changed, like the web build (build-web.ts). Through tsx every start compiled ≈ 700 files and kept their
 * source text and maps: ≈ 70 MB more resident memory and seconds more start (bench/README, `memory` and
 * `worker-start`). The bundle sits three folders below the checkout (dist/server/bundle/main.mjs), so the paths the
 * server finds from its own place (../../../drizzle, ../../../dist/web) hold as they do from src/server/<folder>;
 * startup.int.test.ts runs main.ts bundled the same way.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { contentHash } from './source-hash.js';

/** What the bundle is made from (test files left out). */
const INPUTS = ['src/server', 'src/shared', 'package-lock.json', 'tsconfig.json'];

export const serverSourceHash = (root: string) => contentHash(root, INPUTS);

export function serverBundlePlaces(root: string) {
  const dir = path.join(root, 'dist/server/bundle');
  return { dir, file: path.join(dir, 'main.mjs'), hashFile: `${dir}.hash` };
}

/** Whether the bundle in place was made from exactly these sources. */
export function bundleIsCurrent(root: string) {
  const { file, hashFile } = serverBundlePlaces(root);
  if (!fs.existsSync(file) || !fs.existsSync(hashFile)) return false;
  return fs.readFileSync(hashFile, 'utf8').trim() === serverSourceHash(root);
}

/** Bundles src/server/main.ts when its sources changed; false when esbuild failed (its errors are printed). */
export function buildServerBundle(root: string): boolean {
  if (bundleIsCurrent(root)) return true;
  const { dir, file, hashFile } = serverBundlePlaces(root);
  const hash = serverSourceHash(root); // before: a file saved meanwhile makes the next start bundle again
  fs.mkdirSync(dir, { recursive: true });
  // Written beside and renamed: a process starting meanwhile never reads half a file.
  const work = `${file}.${process.pid}.tmp`;
  const r = spawnSync(
    path.join(root, 'node_modules/.bin/esbuild'),
    ['src/server/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external'].concat([
      '--target=node20',
      `--outfile=${work}`,
      '--log-level=warning',
    ]),
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    fs.rmSync(work, { force: true });
    return false;
  }
  fs.renameSync(work, file);
  fs.writeFileSync(hashFile, `${hash}\n`);
  return true;
}
