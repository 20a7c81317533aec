import { defineConfig } from 'vitest/config';

/** End-to-end: the real built app (global setup starts it) driven in Debian's Chromium by playwright-core. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Fails every test that causes a Content-Security-Policy violation in the browser.
    setupFiles: ['tests/e2e/csp-guard.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
