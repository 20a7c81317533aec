import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, buildPlaces, webSourceHash } from './build-web.js';

/* npm start builds the web app only when what the build reads changed (a content hash kept beside the build). */
let root = '';
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-build-web-'));
  write('src/web/main.tsx', 'export {}');
  write('src/shared/text.ts', 'export const a = 1;');
  write('vite.config.ts', 'export default {}');
  write('package-lock.json', '{}');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** As the build leaves it: index.html in the build folder, the hash beside it. */
function built(env: NodeJS.ProcessEnv = {}) {
  const { dist, hashFile } = buildPlaces(root, env);
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
  fs.writeFileSync(hashFile, `${webSourceHash(root, env)}\n`);
}

describe('npm start: build the web app only when its sources changed', () => {
  it('the same sources give the same hash', () => {
    expect(webSourceHash(root, {})).toBe(webSourceHash(root, {}));
  });

  it('a build made from these sources is current: no rebuild', () => {
    built();
    expect(buildIsCurrent(root, {})).toBe(true);
    expect(buildPlaces(root, {}).hashFile).toBe(path.join(root, 'dist/web.hash')); // beside, not inside
  });

  it.each([
    ['a web file changed', () => write('src/web/main.tsx', 'export const b = 2;')],
    ['a web file added', () => write('src/web/routes/New.tsx', 'export {}')],
    ['a shared file changed', () => write('src/shared/text.ts', 'export const a = 2;')],
    ['the vite config changed', () => write('vite.config.ts', 'export default { x: 1 }')],
    ['the dependencies changed', () => write('package-lock.json', '{"v":2}')],
    ['the build is gone', () => fs.rmSync(path.join(root, 'dist/web/index.html'))],
    ['the hash is gone', () => fs.rmSync(path.join(root, 'dist/web.hash'))],
  ])('rebuilds when %s', (_, change) => {
    built();
    change();
    expect(buildIsCurrent(root, {})).toBe(false);
  });

  it('a test file does not count (it is not in the build)', () => {
    built();
    write('src/web/x.unit.test.ts', 'it()');
    expect(buildIsCurrent(root, {})).toBe(true);
  });

  it('WEB_DIST_DIR: the hash sits beside that build', () => {
    const env = { WEB_DIST_DIR: path.join(root, 'elsewhere/web') };
    built(env);
    expect(buildIsCurrent(root, env)).toBe(true);
    expect(fs.existsSync(path.join(root, 'elsewhere/web.hash'))).toBe(true);
    expect(buildIsCurrent(root, {})).toBe(false);
  });
});
