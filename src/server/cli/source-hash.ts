/** A content hash of source files, for building only when they changed (build-web.ts, build-server.ts). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

/** The content hash of `inputs` under root (names and bytes; test files left out), after `salt`. */
export function contentHash(root: string, inputs: string[], salt = '') {
  const h = createHash('sha256');
  h.update(salt);
  for (const f of inputs.flatMap((i) => files(root, i)).filter((f) => !/\.test\.tsx?$/.test(f))) {
    h.update(`${f.split(path.sep).join('/')}\0`);
    h.update(fs.readFileSync(path.join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}
