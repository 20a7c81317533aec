/**
 * `npm start`'s first step: bundles the server (build-server.ts) and builds the web app (vite), each only when its
 * sources changed since the last build. The content hash of everything the web build reads (src/web, src/shared,
 * the vite config, the lock file) is kept beside the build in `<dist>.hash` — not inside it, where the server would
 * publish it. A fresh clone, a `git pull` that touched the web, or a missing build builds; else it starts at once.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServerBundle } from './build-server.js';
import { contentHash } from './source-hash.js';

/** What the web build reads: folders are walked, files read whole. */
const INPUTS = [
  'src/web',
  'src/shared',
  'vite.config.ts',
  'vite-precompress.ts',
  'package-lock.json',
  'tsconfig.json',
];

/** The content hash of the web build's inputs (names and bytes) and the build settings. */
export const webSourceHash = (root: string, env: NodeJS.ProcessEnv = process.env) =>
  contentHash(root, INPUTS, `WEB_DIST_DIR=${env.WEB_DIST_DIR ?? ''}\n`);

/** Where the build and its hash are (as the server finds the build: WEB_DIST_DIR or dist/web). */
export function buildPlaces(root: string, env: NodeJS.ProcessEnv = process.env) {
  const dist = env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : path.join(root, 'dist/web');
  return { dist, hashFile: `${dist}.hash` };
}

/** Whether the build in place was made from exactly these sources. */
export function buildIsCurrent(root: string, env: NodeJS.ProcessEnv = process.env) {
  const { dist, hashFile } = buildPlaces(root, env);
  if (!fs.existsSync(path.join(dist, 'index.html')) || !fs.existsSync(hashFile)) return false;
  return fs.readFileSync(hashFile, 'utf8').trim() === webSourceHash(root, env);
}

function main() {
  const root = process.cwd();
  // The server as one bundle (build-server.ts): a second or two with esbuild, only when its sources changed.
  if (!buildServerBundle(root)) {
    process.stderr.write('Serveren kunne ikke samles (se fejlen ovenfor).\n');
    process.exit(1);
  }
  const { hashFile } = buildPlaces(root);
  if (buildIsCurrent(root)) {
    process.stdout.write('Webappen er uændret siden sidste bygning: starter uden at bygge.\n');
    return;
  }
  process.stdout.write('Bygger webappen (første gang, eller fordi dens kildekode er ændret) …\n');
  const began = Date.now();
  const hash = webSourceHash(root); // before the build: a file saved meanwhile makes the next start build again
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('Webappen kunne ikke bygges (se fejlen ovenfor).\n');
    process.exit(r.status ?? 1);
  }
  fs.writeFileSync(hashFile, `${hash}\n`);
  process.stdout.write(`Webappen er bygget (${Math.round((Date.now() - began) / 1000)} s).\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
