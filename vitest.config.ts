import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time at least. Vitest's default (cores − 1) is one worker on a 2-core machine, which left
    // a core idle: an integration file runs its PGlite on its worker's one thread, and the main process does little.
    // CI's PostgreSQL leg, beside the e2e step, keeps --maxWorkers=1 (.ci/run).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          // One migrated and one seeded database per run; each test file starts from a copy (testing/templates.ts).
          globalSetup: ['src/server/testing/templates.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
