import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files (seconds of media work or a server in a child process each), started first so that they do not
 * run alone at the end. Vitest orders by the last run's durations when its cache has them; a fresh clone (CI) has
 * no cache, and then vitest starts the largest files first, which put faults.int.test.ts (83 s, small) near the end.
 */
const SLOW_FIRST = [
  'src/server/modules/videos/faults.int.test.ts',
  'src/server/media/media.int.test.ts',
  'src/server/modules/observation/data/differencing.int.test.ts',
  'src/server/modules/videos/uploads.int.test.ts',
  'src/server/demo/content.int.test.ts',
  'src/server/media/hostile.int.test.ts',
  'src/server/modules/import/import-commit.int.test.ts',
];
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map((x) => x.f);
  }
}

export default defineConfig({
  test: {
    // Two test files at a time at least. Vitest's default (cores − 1) is one worker on a 2-core machine, which left
    // a core idle: an integration file runs its PGlite on its worker's one thread, and the main process does little.
    // CI's PostgreSQL leg, beside the e2e step, keeps --maxWorkers=1 (.ci/run).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
    // Both projects: test files share a worker's loaded modules (isolate: false) instead of each file starting a
    // fresh process that imports the whole server and compiles PGlite's WebAssembly again: measured 2026-12-07 on 25
    // integration files, 299 s → 161 s of CPU (user+sys), vitest's summed import time 505 s → 67 s (bench/README.md).
    // Each file still has a database of its own (testing/harness.ts); module state must not leak between files
    // (http/static.ts reads WEB_DIST_DIR when an app is built; tests that set an environment variable put it back).
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts'], environment: 'node', isolate: false } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          isolate: false,
          // One migrated and one seeded database per run; each test file starts from a copy (testing/templates.ts).
          globalSetup: ['src/server/testing/templates.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
