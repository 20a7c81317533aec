import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCluster, initClusterInChild, openPglite } from './pglite-open.js';

// PGlite only: how the embedded database is opened (issue 21 item 2). PostgreSQL's settings are the operator's.
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-pglite-open-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('openPglite', () => {
  it('makes a new data directory in a child process, then opens it with 16 MB of shared buffers', async () => {
    const dir = path.join(tmp(), 'pglite');
    expect(hasCluster(dir)).toBe(false);
    const heapBefore = process.memoryUsage().external;
    const pg = await openPglite(dir);
    try {
      expect(hasCluster(dir)).toBe(true);
      const r = await pg.query<{ shared_buffers: string }>('show shared_buffers');
      expect(r.rows[0].shared_buffers).toBe('16MB');
      // PGlite's defaults are kept (it replaces them all when given any start parameter).
      const s = await pg.query<{ search_path: string }>('show search_path');
      expect(s.rows[0].search_path).toBe('public');
      await pg.exec('create table t (n int); insert into t values (1)');
      // One WebAssembly memory in this process (the server's), not also initdb's: well under 2 × 128 MB more.
      expect(process.memoryUsage().external - heapBefore).toBeLessThan(200 * 1024 * 1024);
    } finally {
      await pg.close();
    }
    // Opened again: the existing cluster is used, its data kept.
    const again = await openPglite(dir);
    try {
      expect((await again.query<{ n: number }>('select n from t')).rows).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('says what failed when the data directory cannot be made', () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, 'not a directory');
    expect(() => initClusterInChild(path.join(file, 'pglite'))).toThrow(/initdb i .*mislykkedes/);
  }, 60_000);
});
