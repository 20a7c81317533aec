/**
 * `npm start`'s first step: builds the web app (vite) only when its sources changed since the last build. The
 * content hash of everything the build reads (src/web, src/shared, the vite config, the lock file) is kept
 * beside the build in `<dist>.hash` — not inside it, where the server would publish it. A fresh clone, a
 * `git pull` that touched the web, or a missing build builds; anything else starts at once.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the web build reads: folders are walked, files read whole. */
const INPUTS = [
  'src/web',
  'src/shared',
  'vite.config.ts',
  'vite-precompress.ts',
  'package-lock.json',
  'tsconfig.json',
];

function files(root: string, rel: string): string[] {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .flatMap((n) => files(root, path.join(rel, n)));
}

/** The content hash of the web build's inputs (names and bytes) and the build settings. */
export function webSourceHash(root: string, env: NodeJS.ProcessEnv = process.env) {
  const h = createHash('sha256');
  h.update(`WEB_DIST_DIR=${env.WEB_DIST_DIR ?? ''}\n`);
  for (const f of INPUTS.flatMap((i) => files(root, i)).filter((f) => !/\.test\.tsx?$/.test(f))) {
    h.update(`${f.split(path.sep).join('/')}\0`);
    h.update(fs.readFileSync(path.join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

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
