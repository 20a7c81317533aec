import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleIsCurrent, serverBundlePlaces, serverSourceHash } from './build-server.js';

/* npm start bundles the server only when what the bundle is made from changed (a content hash beside it). */
let root = '';
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-build-server-'));
  write('src/server/main.ts', 'export {}');
  write('src/shared/text.ts', 'export const a = 1;');
  write('package-lock.json', '{}');
  write('tsconfig.json', '{}');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** As buildServerBundle leaves it: the bundle, and the hash beside its folder. */
function bundled() {
  const { file, hashFile } = serverBundlePlaces(root);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  fs.writeFileSync(hashFile, `${serverSourceHash(root)}\n`);
}

describe('npm start: bundle the server only when its sources changed', () => {
  it('a bundle made from these sources is current; it sits three folders below the checkout', () => {
    bundled();
    expect(bundleIsCurrent(root)).toBe(true);
    // The server finds drizzle/ and dist/web three folders up from its own file, as from src/server/<folder>.
    expect(path.resolve(path.dirname(serverBundlePlaces(root).file), '../../..')).toBe(path.resolve(root));
  });

  it.each([
    ['a server file changed', () => write('src/server/main.ts', 'export const b = 2;')],
    ['a server file added', () => write('src/server/modules/x/index.ts', 'export {}')],
    ['a server file removed', () => fs.rmSync(path.join(root, 'src/server/main.ts'))],
    ['a shared file changed', () => write('src/shared/text.ts', 'export const a = 2;')],
    ['the dependencies changed', () => write('package-lock.json', '{"v":2}')],
    ['the bundle is gone', () => fs.rmSync(serverBundlePlaces(root).file)],
    ['the hash is gone', () => fs.rmSync(serverBundlePlaces(root).hashFile)],
  ])('bundles again when %s', (_, change) => {
    bundled();
    change();
    expect(bundleIsCurrent(root)).toBe(false);
  });

  it('a test file or a web file does not count (neither is in the bundle)', () => {
    bundled();
    write('src/server/x.int.test.ts', 'it()');
    write('src/web/main.tsx', 'export {}');
    expect(bundleIsCurrent(root)).toBe(true);
  });
});
